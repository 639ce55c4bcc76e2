// Bad-input table (issue 3): hostile and broken packages made inside the test. Each is refused with its
// exact message and leaves the workspace byte-for-byte unchanged, or — for the inputs Vurder accepts with a
// flag (encrypted PDF, damaged PDF) or tolerates (a BOM) — is imported and says so.
import { cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPackages } from '../../electron/services/import/import-packages';
import { lockFiles, packageHash, readPackageLock } from '../../electron/services/import/package-lock';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import type { Workspace } from '../../electron/services/workspace/workspace';
import { fakeUncompressedSize, makeZip, markEncrypted, patchBytes, tinyPdf } from '../fixtures/zip-tools';
import type { ZipEntrySpec } from '../fixtures/zip-tools';
import { fixturePackage, hashTree, tempDir } from './helpers/workspace';

const ASKER = fixturePackage('so1-asker-eligible');
let root: { dir: string; cleanup: () => Promise<void> };
let ws: Workspace;
let manifestText: string;
let pdfs: ZipEntrySpec[];
/** packageSha256 of the conflicting package, computed independently of the import. */
let incoming = '';

/** The Asker package as zip entries, with soknad.json replaced by `manifest` (an object or raw bytes). */
function packageEntries(manifest: unknown, extra: ZipEntrySpec[] = [], attachments: ZipEntrySpec[] = pdfs): ZipEntrySpec[] {
  const content = typeof manifest === 'string' || Buffer.isBuffer(manifest) ? manifest : JSON.stringify(manifest, null, 2);
  return [{ name: 'soknad.json', content }, ...attachments, ...extra];
}

function manifest(patch: (m: Record<string, unknown>) => void = () => undefined): Record<string, unknown> {
  const m = JSON.parse(manifestText) as Record<string, unknown>;
  patch(m);
  return m;
}

async function zipAt(name: string, entries: ZipEntrySpec[] | Buffer): Promise<string> {
  const path = join(root.dir, 'in', name);
  await writeFile(path, Buffer.isBuffer(entries) ? entries : await makeZip(entries));
  return path;
}

async function folderAt(name: string, files: Record<string, Buffer | string>): Promise<string> {
  const dir = join(root.dir, 'in', name);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

interface HostileCase {
  name: string;
  /** Builds the input; returns its path. */
  make: () => Promise<string>;
  /** The exact line for a person (Norwegian), with {path} standing for the input's path. */
  message: string;
  code: string;
}

const MIB = 1024 * 1024;

const cases: HostileCase[] = [
  {
    name: 'zip slip (../)',
    make: async () => zipAt('slip.zip', patchBytes(await makeZip(packageEntries(manifest(), [{ name: 'aa/evil.txt', content: 'x' }])), 'aa/evil.txt', '../evil.txt')),
    message: '{path}: filstien «../evil.txt» peker ut av pakken (..)',
    code: 'package.zip-slip',
  },
  {
    name: 'absolute path',
    make: async () => zipAt('absolute.zip', patchBytes(await makeZip(packageEntries(manifest(), [{ name: 'xetc/passwd', content: 'x' }])), 'xetc/passwd', '/etc/passwd')),
    message: '{path}: filstien «/etc/passwd» er absolutt; bare relative stier er tillatt',
    code: 'package.absolute-path',
  },
  {
    name: 'drive letter',
    make: async () => zipAt('drive.zip', patchBytes(await makeZip(packageEntries(manifest(), [{ name: 'Cx/Windows/x.dll', content: 'x' }])), 'Cx/Windows', 'C:/Windows')),
    message: '{path}: filstien «C:/Windows/x.dll» er absolutt; bare relative stier er tillatt',
    code: 'package.absolute-path',
  },
  {
    name: 'backslash in an entry name',
    make: async () => zipAt('backslash.zip', patchBytes(await makeZip(packageEntries(manifest(), [{ name: 'vedlegg/x/a.pdf', content: tinyPdf() }])), 'vedlegg/x/a.pdf', 'vedlegg\\x\\a.pdf'.replace(/\\\\/g, '\\'))),
    message: '{path}: filstien «vedlegg\\x\\a.pdf» inneholder omvendt skråstrek (\\)',
    code: 'package.backslash-path',
  },
  {
    name: 'symlink in a zip',
    make: () => zipAt('symlink.zip', packageEntries(manifest(), [{ name: 'vedlegg/passwd', content: '/etc/passwd', mode: 0o120777 }])),
    message: '{path}: «vedlegg/passwd» er en symbolsk lenke; pakker kan ikke inneholde lenker',
    code: 'package.symlink',
  },
  {
    name: 'symlink in a folder',
    make: async () => {
      const dir = await folderAt('symlink-folder', { 'soknad.json': manifestText, 'vedlegg/budsjett.pdf': pdfs[0]?.content ?? '', 'vedlegg/prosjektbeskrivelse.pdf': pdfs[1]?.content ?? '' });
      await symlink('/etc/passwd', join(dir, 'vedlegg', 'passwd'));
      return dir;
    },
    message: '{path}: «vedlegg/passwd» er en symbolsk lenke; pakker kan ikke inneholde lenker',
    code: 'package.symlink',
  },
  {
    name: 'zip bomb (40 MB of zeros)',
    make: () => zipAt('bomb.zip', packageEntries(manifest(), [{ name: 'vedlegg/zeros.bin', content: Buffer.alloc(40 * MIB) }])),
    message: '{path}: «vedlegg/zeros.bin» pakker ut mer enn 100 ganger sin komprimerte størrelse (zip-bombe?)',
    code: 'package.zip-bomb',
  },
  {
    name: '10 000 entries',
    make: () => zipAt('many.zip', packageEntries(manifest(), Array.from({ length: 10_000 }, (_, i) => ({ name: `x/${i}.txt`, content: '', compress: false })))),
    message: '{path}: pakken har 10003 oppføringer; grensen er 1000',
    code: 'package.too-many-entries',
  },
  {
    name: 'truncated zip',
    make: async () => {
      const zip = await makeZip(packageEntries(manifest()));
      return zipAt('truncated.zip', zip.subarray(0, Math.floor(zip.length / 2)));
    },
    message: '{path}: er avkortet eller ikke en zip-fil (fant ikke zip-katalogen på slutten)',
    code: 'package.zip-truncated',
  },
  {
    name: 'not a zip at all',
    make: () => zipAt('text.zip', Buffer.from('Dette er ikke en zip-fil.\n')),
    message: '{path}: er avkortet eller ikke en zip-fil (fant ikke zip-katalogen på slutten)',
    code: 'package.zip-truncated',
  },
  {
    name: 'encrypted zip entries',
    make: async () => zipAt('encrypted.zip', markEncrypted(await makeZip(packageEntries(manifest())))),
    message: '{path}: «soknad.json» er kryptert i zip-filen; pakken må være ukryptert',
    code: 'package.encrypted-entry',
  },
  {
    name: 'central directory lies about a size',
    make: async () => zipAt('lying.zip', fakeUncompressedSize(await makeZip(packageEntries(manifest())), 'vedlegg/budsjett.pdf', 10)),
    message: '{path}: størrelsen på «vedlegg/budsjett.pdf» i zip-katalogen stemmer ikke med innholdet (skadet eller manipulert zip-fil)',
    code: 'package.zip-size-mismatch',
  },
  {
    name: 'the same name twice',
    make: () => zipAt('duplicate.zip', packageEntries(manifest(), [{ name: 'VEDLEGG/budsjett.pdf', content: tinyPdf() }])),
    message: '{path}: «VEDLEGG/budsjett.pdf» finnes mer enn én gang (store og små bokstaver regnes som like)',
    code: 'package.duplicate-entry',
  },
  {
    name: 'no soknad.json',
    make: () => zipAt('no-manifest.zip', pdfs),
    message: '{path}: mangler soknad.json i roten av pakken',
    code: 'package.no-manifest',
  },
  {
    name: 'soknad.json is not valid UTF-8',
    make: () => zipAt('latin1.zip', packageEntries(Buffer.from(manifestText.replace('Kari Nordmann', 'Kåre Nordmann'), 'latin1'))),
    message: '{path}/soknad.json: er ikke gyldig UTF-8-tekst',
    code: 'package.invalid-encoding',
  },
  {
    name: 'soknad.json is not JSON',
    make: () => zipAt('not-json.zip', packageEntries('{ "formatVersion": 1, ')),
    message: '{path}/soknad.json: ugyldig JSON på linje 1, kolonne 23 (teksten slutter for tidlig)',
    code: 'package.invalid-json',
  },
  {
    name: 'a 50 MB soknad.json',
    make: () => folderAt('huge-json', { 'soknad.json': JSON.stringify(manifest((m) => { (m.project as Record<string, unknown>).summary = 'x'.repeat(50 * MIB); })) }),
    message: '{path}: soknad.json er større enn grensen på 5242880 byte',
    code: 'package.manifest-too-large',
  },
  {
    name: 'formatVersion 2',
    make: () => zipAt('v2.zip', packageEntries(manifest((m) => { m.formatVersion = 2; }))),
    message: '{path}/soknad.json: formatVersion 2 støttes ikke; Vurder leser formatVersion 1',
    code: 'package.unsupported-version',
  },
  {
    name: 'an invalid organisation number',
    make: () => zipAt('orgnr.zip', packageEntries(manifest((m) => { (m.applicant as Record<string, unknown>).organisationNumber = '988077918'; }))),
    message: '{path}/soknad.json: 1 feil i feltene: Organisasjonsnummer har feil kontrollsiffer (MOD11) og er ikke et gyldig organisasjonsnummer',
    code: 'package.invalid-field',
  },
  {
    name: 'wrong scheme id',
    make: () => zipAt('scheme.zip', packageEntries(manifest((m) => { m.schemeId = 'imdi-kommunale-integreringstiltak-2022'; m.applicationId = 'ASK-2021-999'; }))),
    message: '{path}: søknaden gjelder ordningen «imdi-kommunale-integreringstiltak-2022», men arbeidsmappen er for «imdi-kommunale-integreringstiltak-2021»',
    code: 'import.wrong-scheme',
  },
  {
    name: 'missing attachment',
    make: () => zipAt('missing.zip', packageEntries(manifest(), [], pdfs.slice(0, 1))),
    message: '{path}: vedlegget «vedlegg/prosjektbeskrivelse.pdf» står i soknad.json, men finnes ikke i pakken',
    code: 'attachment.missing',
  },
  {
    name: 'a text file named .pdf',
    make: () => zipAt('fake-pdf.zip', packageEntries(manifest(), [], [pdfs[0] as ZipEntrySpec, { name: 'vedlegg/prosjektbeskrivelse.pdf', content: 'Dette er bare tekst.\n' }])),
    message: '{path}: vedlegget «vedlegg/prosjektbeskrivelse.pdf» heter .pdf, men er ikke en PDF (starter ikke med %PDF-)',
    code: 'attachment.not-pdf',
  },
  {
    name: 'same application id with other content',
    make: () => {
      const entries = packageEntries(manifest((m) => {
        m.evaluationPlan = 'En annen plan';
      }));
      incoming = packageHash(lockFiles(new Map(entries.map((entry) => [entry.name, Buffer.from(entry.content ?? '')]))), null);
      return zipAt('conflict.zip', entries);
    },
    message: '{path}: søknaden ASK-2021-001 er allerede importert med annet innhold (lagret SHA-256 {stored}, ny SHA-256 {incoming})',
    code: 'import.conflict',
  },
  {
    name: 'a path that does not exist',
    make: () => Promise.resolve(join(root.dir, 'in', 'finnes-ikke.zip')),
    message: '{path}: finnes ikke',
    code: 'package.not-found',
  },
  {
    // Issue 8 point 3: a name that shows as something else ("rapportexe.pdf") is refused and shown escaped.
    name: 'an attachment name with U+202E (right-to-left override)',
    make: async () =>
      zipAt(
        'rtl.zip',
        packageEntries(
          manifest((m) => {
            m.attachments = [{ path: 'vedlegg/rapport\u202Efdp.exe', kind: 'application', title: 'Rapport' }];
          }),
          [],
          [{ name: 'vedlegg/rapport\u202Efdp.exe', content: tinyPdf() }],
        ),
      ),
    message: '{path}: filnavnet «vedlegg/rapport\\u202efdp.exe» er ugyldig (kontrolltegn, retningstegn eller usynlig tegn)',
    code: 'package.invalid-name',
  },
  {
    name: 'an attachment that is not a PDF by name (even with PDF bytes)',
    make: async () =>
      zipAt(
        'exe.zip',
        packageEntries(
          manifest((m) => {
            m.attachments = [{ path: 'vedlegg/program.exe', kind: 'application', title: 'Program' }];
          }),
          [],
          [{ name: 'vedlegg/program.exe', content: tinyPdf() }],
        ),
      ),
    message: '{path}: vedlegget «vedlegg/program.exe» er ikke en PDF; bare PDF-vedlegg (.pdf) godtas',
    code: 'attachment.not-pdf-name',
  },
  {
    name: 'a case list without the søknadsnummer column',
    make: async () => {
      const path = join(root.dir, 'in', 'liste-uten-kolonne.csv');
      await writeFile(path, '\uFEFFSøker;Organisasjonsnummer\r\nAsker kommune;920125298\r\n');
      return path;
    },
    message: '{path}: sakslisten mangler kolonnen «søknadsnummer»',
    code: 'casefile.missing-column',
  },
];

beforeAll(async () => {
  root = await tempDir('hostile');
  await mkdir(join(root.dir, 'in'));
  manifestText = await readFile(join(ASKER, 'soknad.json'), 'utf8');
  pdfs = [
    { name: 'vedlegg/budsjett.pdf', content: await readFile(join(ASKER, 'vedlegg/budsjett.pdf')) },
    { name: 'vedlegg/prosjektbeskrivelse.pdf', content: await readFile(join(ASKER, 'vedlegg/prosjektbeskrivelse.pdf')) },
  ];
  ws = await createWorkspace(join(root.dir, 'ws'));
  // The workspace already holds Asker, so "same id, other content" has something to collide with.
  await importPackages(ws, [ASKER]);
});
afterAll(async () => {
  await root.cleanup();
});

describe('hostile and broken packages are refused and change nothing', () => {
  it.each(cases)('$name', async (testCase) => {
    const path = await testCase.make();
    const before = await hashTree(ws.dir);
    const stored = (await readPackageLock(ws.dir, 'ASK-2021-001'))?.packageSha256 ?? '';
    const [result] = await importPackages(ws, [path]);
    // Known only for refusals after soknad.json was read and validated.
    const knownId = testCase.code === 'import.conflict' ? 'ASK-2021-001' : testCase.code === 'import.wrong-scheme' ? 'ASK-2021-999' : null;
    expect(result).toMatchObject({ status: 'refused', code: testCase.code, applicationId: knownId });
    expect(result?.message).toBe(testCase.message.replace('{path}', path).replace('{stored}', stored).replace('{incoming}', incoming));
    expect(await hashTree(ws.dir)).toBe(before);
  });
});

describe('inputs that are accepted, with a flag where the assessor must know', () => {
  async function importOne(path: string): Promise<{ result: Awaited<ReturnType<typeof importPackages>>[number] | undefined; added: string[] }> {
    const before = new Set((await readAuditEntries()).map((line) => line));
    const [result] = await importPackages(ws, [path]);
    const added = (await readAuditEntries()).filter((line) => !before.has(line));
    return { result, added };
  }

  async function readAuditEntries(): Promise<string[]> {
    return (await readFile(join(ws.dir, 'audit.log'), 'utf8')).trimEnd().split('\n');
  }

  it('an encrypted PDF is imported and flagged on the package', async () => {
    const path = await zipAt('encrypted-pdf.zip', packageEntries(manifest((m) => {
      m.applicationId = 'ASK-2021-101';
    }), [], [pdfs[0] as ZipEntrySpec, { name: 'vedlegg/prosjektbeskrivelse.pdf', content: tinyPdf({ encrypted: true }) }]));
    const { result, added } = await importOne(path);
    expect(result).toMatchObject({ status: 'imported', applicationId: 'ASK-2021-101', flags: ['attachment.encrypted-pdf'] });
    expect(result?.message).toBe(`${path}: importert som ASK-2021-101; merknad: vedlegget «vedlegg/prosjektbeskrivelse.pdf» er en kryptert PDF`);
    expect((await readPackageLock(ws.dir, 'ASK-2021-101'))?.flags.map((flag) => [flag.code, flag.path])).toEqual([['attachment.encrypted-pdf', 'vedlegg/prosjektbeskrivelse.pdf']]);
    expect(added).toHaveLength(1);
  });

  it('a PDF without %%EOF is imported and flagged as damaged', async () => {
    const path = await zipAt('damaged-pdf.zip', packageEntries(manifest((m) => {
      m.applicationId = 'ASK-2021-102';
    }), [], [pdfs[0] as ZipEntrySpec, { name: 'vedlegg/prosjektbeskrivelse.pdf', content: tinyPdf({ withEof: false }) }]));
    const { result } = await importOne(path);
    expect(result).toMatchObject({ status: 'imported', flags: ['attachment.damaged-pdf'] });
  });

  it('a UTF-8 byte-order mark before soknad.json is tolerated (Windows editors write one)', async () => {
    const path = await zipAt('bom.zip', packageEntries(`\uFEFF${JSON.stringify(manifest((m) => {
      m.applicationId = 'ASK-2021-103';
    }))}`));
    const { result } = await importOne(path);
    expect(result).toMatchObject({ status: 'imported', applicationId: 'ASK-2021-103', message: `${path}: importert som ASK-2021-103` });
  });
});

describe('case-system list (CSV) with a folder of PDFs', () => {
  it('turns each row into a package with providedFields; a bad row is refused on its own', async () => {
    const dir = join(root.dir, 'in', 'saksliste');
    await mkdir(join(dir, 'pdf'), { recursive: true });
    await cp(join(ASKER, 'vedlegg', 'prosjektbeskrivelse.pdf'), join(dir, 'pdf', 'BRG-1.pdf'));
    const csv = [
      'Søknadsnummer;Innsendt;Søker;Organisasjonsnummer;Kommunenummer;Satsingsområde;Prosjekttittel;Vedlegg;Søkt beløp;Egenandel;Totalkostnad',
      'BRG-2021-201;08.02.2021 14:30;Bergen kommune;964338531;4601;SO5;"Psykisk helse; mestring";pdf/BRG-1.pdf;500 000;100 000;600 000',
      'BRG-2021-202;08.02.2021 14:30;Bergen kommune;964338531;4601;5;Utenfor;../../etc/passwd;;;',
      'BRG-2021-203;08.02.2021 14:30;Bergen kommune;964338531;4601;5;Mangler PDF;pdf/finnes-ikke.pdf;;;',
    ].join('\r\n');
    const list = join(dir, 'liste.csv');
    await writeFile(list, `\uFEFF${csv}\r\n`);
    const results = await importPackages(ws, [list]);
    expect(results.map((r) => [r.source, r.status, r.applicationId])).toEqual([
      [`${list} rad 2`, 'imported', 'BRG-2021-201'],
      [`${list} rad 3`, 'refused', 'BRG-2021-202'],
      [`${list} rad 4`, 'refused', 'BRG-2021-203'],
    ]);
    expect(results[1]?.message).toBe(`${list}: rad 3: vedleggsnavnet «../../etc/passwd» er ikke tillatt (ikke et enkelt relativt filnavn)`);
    expect(results[2]?.message).toBe(`${list}: rad 4: fant ikke PDF-en «pdf/finnes-ikke.pdf» i mappen ${dir}`);
    const lock = await readPackageLock(ws.dir, 'BRG-2021-201');
    expect(lock?.source).toEqual({ kind: 'case-list', name: 'liste.csv' });
    expect(lock?.providedFields).toEqual(['formatVersion', 'schemeId', 'applicationId', 'submittedAt', 'applicant', 'focusArea', 'attachments', 'budget']);
    expect(lock?.files.map((file) => file.path)).toEqual(['soknad.json', 'vedlegg/BRG-1.pdf']);
    const stored = JSON.parse(await readFile(join(ws.dir, 'packages', 'BRG-2021-201', 'soknad.json'), 'utf8')) as Record<string, unknown>;
    expect(stored).toMatchObject({ submittedAt: '2021-02-08T14:30:00+01:00', focusArea: 5, project: { title: 'Psykisk helse; mestring' } });
    expect(stored.budget).toEqual([{ year: 2021, totalCost: 600000, ownContribution: 100000, requestedGrant: 500000, otherFunding: 0, stipendRequested: 0 }]);
    // Importing the same list again changes nothing for the good row.
    const again = await importPackages(ws, [list]);
    expect(again[0]?.status).toBe('already-imported');
  });
});
