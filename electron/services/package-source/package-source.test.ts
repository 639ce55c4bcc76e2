import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatErrorLine } from '../../../shared/errors/format';
import type { ZipEntrySpec } from '../../../test/fixtures/zip-tools';
import { fakeUncompressedSize, makeZip, markEncrypted, patchBytes, tinyPdf, zipFolder } from '../../../test/fixtures/zip-tools';
import type { PackageLimits } from './index';
import { DEFAULT_PACKAGE_LIMITS, openPackage, readPackageSource } from './index';

const fixtureDir = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'packages', 'so3-kinn-eligible');
let tmp: string;
let manifest: string;
let pdf: Buffer;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'vurder-package-source-'));
  manifest = await readFile(join(fixtureDir, 'soknad.json'), 'utf8');
  pdf = await readFile(join(fixtureDir, 'vedlegg', 'prosjektbeskrivelse.pdf'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

let counter = 0;
async function writeZip(content: Buffer): Promise<string> {
  counter += 1;
  const path = join(tmp, `p${counter}.zip`);
  await writeFile(path, content);
  return path;
}

/** The fixture's files as zip entries, plus extra ones. */
function validEntries(extra: ZipEntrySpec[] = []): ZipEntrySpec[] {
  return [
    { name: 'soknad.json', content: manifest },
    { name: 'vedlegg/', directory: true },
    { name: 'vedlegg/prosjektbeskrivelse.pdf', content: pdf },
    { name: 'vedlegg/budsjett.pdf', content: pdf },
    ...extra,
  ];
}

function withAttachment(path: string): string {
  const data = JSON.parse(manifest) as { attachments: { path: string; kind: string; title: string }[] };
  data.attachments.push({ path, kind: 'other', title: 'Ekstra' });
  return JSON.stringify(data);
}

describe('readPackageSource / openPackage: good packages', () => {
  it('opens a fixture folder', async () => {
    const result = await openPackage(fixtureDir);
    if (!result.ok) throw new Error(formatErrorLine(result.error, 'en'));
    expect(result.value.source.kind).toBe('folder');
    expect(result.value.application.applicationId).toBe('KIN-2021-003');
    expect([...result.value.source.files.keys()].sort()).toEqual(['soknad.json', 'vedlegg/budsjett.pdf', 'vedlegg/prosjektbeskrivelse.pdf']);
    expect(result.value.flags).toEqual([]);
  });

  it('opens the same package zipped, byte for byte the same files', async () => {
    const result = await openPackage(await writeZip(await zipFolder(fixtureDir)));
    if (!result.ok) throw new Error(formatErrorLine(result.error, 'en'));
    expect(result.value.source.kind).toBe('zip');
    expect(result.value.source.files.get('vedlegg/prosjektbeskrivelse.pdf')?.equals(pdf)).toBe(true);
  });

  it('accepts a zip whose only top-level folder holds soknad.json, and strips that folder', async () => {
    const result = await openPackage(await writeZip(await zipFolder(fixtureDir, 'kinn-soknad/')));
    if (!result.ok) throw new Error(formatErrorLine(result.error, 'en'));
    expect(result.value.source.files.has('vedlegg/budsjett.pdf')).toBe(true);
  });

  it('ignores the __MACOSX folder that macOS adds next to the package folder', async () => {
    const plain = await zipFolder(fixtureDir, 'kinn/');
    const zip = await makeZip([
      { name: 'kinn/soknad.json', content: manifest },
      { name: 'kinn/vedlegg/prosjektbeskrivelse.pdf', content: pdf },
      { name: 'kinn/vedlegg/budsjett.pdf', content: pdf },
      { name: '__MACOSX/kinn/._soknad.json', content: Buffer.from([0, 5, 22, 7]) },
    ]);
    expect(zip.length).toBeGreaterThan(plain.length);
    const result = await openPackage(await writeZip(zip));
    if (!result.ok) throw new Error(formatErrorLine(result.error, 'en'));
    expect([...result.value.source.files.keys()].sort()).toEqual(['soknad.json', 'vedlegg/budsjett.pdf', 'vedlegg/prosjektbeskrivelse.pdf']);
  });

  it('hands out stored entries that stay theirs when the next archive reuses the read buffer', async () => {
    // Stored (not deflated) entries are slices of the archive's buffer until copied; the buffer goes back to
    // a pool after each package (archive-file.ts), so the second read below lands in the first one's buffer.
    const content = (fill: string) => Buffer.from(fill.repeat(200_000), 'latin1');
    const first = await readPackageSource(await writeZip(await makeZip([{ name: 'soknad.json', content: '{}', compress: false }, { name: 'data.bin', content: content('a'), compress: false }])));
    const second = await readPackageSource(await writeZip(await makeZip([{ name: 'soknad.json', content: '{}', compress: false }, { name: 'data.bin', content: content('b'), compress: false }])));
    if (!first.ok || !second.ok) throw new Error('not read');
    expect(first.value.files.get('data.bin')?.equals(content('a'))).toBe(true);
    expect(second.value.files.get('data.bin')?.equals(content('b'))).toBe(true);
  });

  it('flags an encrypted PDF and a PDF without %%EOF, but opens the package', async () => {
    const text = JSON.parse(withAttachment('vedlegg/kryptert.pdf')) as { attachments: { path: string; kind: string; title: string }[] };
    text.attachments.push({ path: 'vedlegg/avkortet.pdf', kind: 'other', title: 'Avkortet' });
    const zip = await makeZip([
      ...validEntries().filter((e) => e.name !== 'soknad.json'),
      { name: 'soknad.json', content: JSON.stringify(text) },
      { name: 'vedlegg/kryptert.pdf', content: tinyPdf({ encrypted: true }) },
      { name: 'vedlegg/avkortet.pdf', content: tinyPdf({ withEof: false }) },
    ]);
    const result = await openPackage(await writeZip(zip));
    if (!result.ok) throw new Error(formatErrorLine(result.error, 'en'));
    expect(result.value.flags.map((f) => `${f.code} ${f.path}`)).toEqual([
      'attachment.encrypted-pdf vedlegg/kryptert.pdf',
      'attachment.damaged-pdf vedlegg/avkortet.pdf',
    ]);
    expect(result.value.flags[0]?.message.nb).toBe('vedlegget «vedlegg/kryptert.pdf» er en kryptert PDF');
  });
});

interface HostileCase {
  name: string;
  build: () => Promise<Buffer>;
  limits?: Partial<PackageLimits>;
  /** Expected English line after "<zip path>: ". */
  en: string;
  code: string;
}

const hostile: HostileCase[] = [
  {
    name: 'zip slip',
    build: async () => patchBytes(await makeZip(validEntries([{ name: 'xx/xx/evil.sh', content: 'rm -rf ~' }])), 'xx/xx/', '../../'),
    code: 'package.zip-slip',
    en: 'the path "../../evil.sh" points outside the package (..)',
  },
  {
    name: 'absolute path',
    build: async () => patchBytes(await makeZip(validEntries([{ name: '_etc/passwd', content: 'root' }])), '_etc/', '/etc/'),
    code: 'package.absolute-path',
    en: 'the path "/etc/passwd" is absolute; only relative paths are allowed',
  },
  {
    name: 'drive letter',
    build: async () => patchBytes(await makeZip(validEntries([{ name: 'C_/boot.ini', content: 'x' }])), 'C_/', 'C:/'),
    code: 'package.absolute-path',
    en: 'the path "C:/boot.ini" is absolute; only relative paths are allowed',
  },
  {
    name: 'backslash',
    build: async () => patchBytes(await makeZip(validEntries([{ name: 'vedlegg/x_y.pdf', content: 'x' }])), 'x_y', 'x\\y'),
    code: 'package.backslash-path',
    en: 'the path "vedlegg/x\\y.pdf" contains a backslash (\\)',
  },
  {
    name: 'symlink',
    build: () => makeZip(validEntries([{ name: 'vedlegg/lenke.pdf', content: '/etc/passwd', mode: 0o120777 }])),
    code: 'package.symlink',
    en: '"vedlegg/lenke.pdf" is a symbolic link; packages may not contain links',
  },
  {
    name: 'zip bomb',
    build: () => makeZip(validEntries([{ name: 'vedlegg/bombe.bin', content: Buffer.alloc(8 * 1024 * 1024) }])),
    code: 'package.zip-bomb',
    en: '"vedlegg/bombe.bin" unpacks to more than 100 times its compressed size (zip bomb?)',
  },
  {
    name: 'too many entries',
    build: () => makeZip(validEntries(Array.from({ length: 1000 }, (_, i) => ({ name: `mange/${i}.txt`, content: 'x', compress: false })))),
    code: 'package.too-many-entries',
    en: 'the package has 1004 entries; the limit is 1000',
  },
  {
    name: 'truncated zip',
    build: async () => {
      const zip = await makeZip(validEntries());
      return zip.subarray(0, zip.length - 30);
    },
    code: 'package.zip-truncated',
    en: 'is truncated or not a zip file (no zip directory at its end)',
  },
  {
    name: 'not a zip at all',
    build: () => Promise.resolve(Buffer.from('Dette er ikke en zip-fil, bare tekst.\n')),
    code: 'package.zip-truncated',
    en: 'is truncated or not a zip file (no zip directory at its end)',
  },
  {
    name: 'missing manifest',
    build: () => makeZip(validEntries().filter((e) => e.name !== 'soknad.json')),
    code: 'package.no-manifest',
    en: 'has no soknad.json at the root of the package',
  },
  {
    name: 'text file named .pdf',
    build: () =>
      makeZip([
        ...validEntries().filter((e) => e.name !== 'soknad.json'),
        { name: 'soknad.json', content: withAttachment('vedlegg/notat.pdf') },
        { name: 'vedlegg/notat.pdf', content: 'Bare tekst, ikke PDF.' },
      ]),
    code: 'attachment.not-pdf',
    en: 'the attachment "vedlegg/notat.pdf" is named .pdf but is not a PDF (does not start with %PDF-)',
  },
  {
    name: 'listed attachment missing',
    build: () => makeZip([...validEntries().filter((e) => e.name !== 'soknad.json'), { name: 'soknad.json', content: withAttachment('vedlegg/cv.pdf') }]),
    code: 'attachment.missing',
    en: 'the attachment "vedlegg/cv.pdf" is listed in soknad.json but is not in the package',
  },
  {
    name: 'duplicate names differing in case',
    build: () => makeZip(validEntries([{ name: 'Vedlegg/Budsjett.pdf', content: pdf }])),
    code: 'package.duplicate-entry',
    en: '"Vedlegg/Budsjett.pdf" occurs more than once (upper and lower case count as the same)',
  },
  {
    name: 'encrypted entries',
    build: async () => markEncrypted(await makeZip(validEntries())),
    code: 'package.encrypted-entry',
    en: '"soknad.json" is encrypted in the zip file; the package must be unencrypted',
  },
  {
    name: 'header lies about the size (compressed)',
    build: async () => fakeUncompressedSize(await makeZip(validEntries([{ name: 'vedlegg/stor.bin', content: Buffer.alloc(3 * 1024 * 1024, 7) }])), 'vedlegg/stor.bin', 10),
    code: 'package.zip-size-mismatch',
    en: 'the size of "vedlegg/stor.bin" in the zip directory does not match its content (damaged or tampered zip file)',
  },
  {
    name: 'header lies about the size (stored)',
    build: async () => fakeUncompressedSize(await makeZip(validEntries([{ name: 'vedlegg/stor.bin', content: Buffer.alloc(3000, 7), compress: false }])), 'vedlegg/stor.bin', 10),
    code: 'package.zip-directory-mismatch',
    en: 'the zip directory gives sizes that do not match the content (damaged or tampered zip file)',
  },
  {
    name: 'a damaged stored entry (one byte changed, sizes intact: only the CRC-32 tells)',
    build: async () => patchBytes(await makeZip(validEntries([{ name: 'vedlegg/data.bin', content: Buffer.from('uendret innhold'), compress: false }])), 'uendret innhold', 'endret  innhold'),
    code: 'package.zip-crc-mismatch',
    en: 'the content of "vedlegg/data.bin" does not match its checksum (CRC-32) in the zip file (damaged or tampered zip file)',
  },
  {
    name: 'too many bytes in total',
    build: () => makeZip(validEntries([1, 2, 3].map((i) => ({ name: `data/${i}.bin`, content: Buffer.alloc(400 * 1024, i), compress: false })))),
    limits: { maxTotalBytes: 1024 * 1024 },
    code: 'package.too-large',
    en: 'the package unpacks to more than 1048576 bytes',
  },
  {
    name: 'manifest too large (a 50 MB JSON is caught the same way)',
    build: () => makeZip([{ name: 'soknad.json', content: `{"pad": "${'x'.repeat(2000)}"}` }]),
    limits: { maxManifestBytes: 1000 },
    code: 'package.manifest-too-large',
    en: 'soknad.json is larger than the limit of 1000 bytes',
  },
  {
    name: 'zip file over the archive limit',
    build: () => makeZip(validEntries()),
    limits: { maxArchiveBytes: 100 },
    code: 'package.archive-too-large',
    en: 'the zip file is',
  },
];

describe('hostile and broken zips', () => {
  it.each(hostile)('refuses: $name', async ({ build, limits, code, en }) => {
    const path = await writeZip(await build());
    const result = await openPackage(path, limits);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    const line = formatErrorLine(result.error, 'en');
    expect(line.startsWith(`${path}: ${en}`), line).toBe(true);
    expect(line).not.toContain('\n');
    expect(formatErrorLine(result.error, 'nb')).not.toBe(line);
  });

  it('refuses a manifest that is not UTF-8', async () => {
    const path = await writeZip(await makeZip([{ name: 'soknad.json', content: Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) }]));
    const result = await readPackageSource(path, {}, 'søknad.zip');
    expect(!result.ok && formatErrorLine(result.error, 'nb')).toBe('søknad.zip/soknad.json: er ikke gyldig UTF-8-tekst');
  });

  it('keeps every field problem of an invalid manifest', async () => {
    const bad = JSON.stringify({ ...JSON.parse(manifest), focusArea: 9, submittedAt: '2021-02-08T10:00:00' });
    const result = await openPackage(await writeZip(await makeZip([{ name: 'soknad.json', content: bad }])), {}, 'x.zip');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('package.invalid-field');
    expect(result.error.problems?.map((p) => p.path)).toEqual(['submittedAt', 'focusArea']);
    expect(result.error.subject).toBe('x.zip/soknad.json');
  });

  it('has the documented defaults', () => {
    expect(DEFAULT_PACKAGE_LIMITS).toEqual({
      maxEntries: 1000,
      maxTotalBytes: 200 * 1024 * 1024,
      maxFileBytes: 100 * 1024 * 1024,
      maxManifestBytes: 5 * 1024 * 1024,
      maxCompressionRatio: 100,
      compressionRatioThresholdBytes: 1024 * 1024,
      maxArchiveBytes: 200 * 1024 * 1024,
    });
  });
});

describe('folders', () => {
  async function copyFixture(name: string): Promise<string> {
    const dir = join(tmp, name);
    await mkdir(join(dir, 'vedlegg'), { recursive: true });
    await writeFile(join(dir, 'soknad.json'), manifest);
    await writeFile(join(dir, 'vedlegg', 'prosjektbeskrivelse.pdf'), pdf);
    await writeFile(join(dir, 'vedlegg', 'budsjett.pdf'), pdf);
    return dir;
  }

  it('refuses a symbolic link without following it', async () => {
    const dir = await copyFixture('med-lenke');
    await symlink('/etc/passwd', join(dir, 'vedlegg', 'passwd.pdf'));
    const result = await openPackage(dir);
    expect(!result.ok && formatErrorLine(result.error, 'en')).toBe(`${dir}: "vedlegg/passwd.pdf" is a symbolic link; packages may not contain links`);
  });

  it('refuses a file name with a backslash', async () => {
    const dir = await copyFixture('med-backslash');
    await writeFile(join(dir, 'vedlegg', 'a\\b.pdf'), pdf);
    const result = await openPackage(dir);
    expect(!result.ok && result.error.code).toBe('package.backslash-path');
  });

  it('refuses a file over the size limit', async () => {
    const dir = await copyFixture('for-stor');
    const result = await openPackage(dir, { maxFileBytes: 100 });
    expect(!result.ok && result.error.code).toBe('package.file-too-large');
  });

  it('reports a folder without soknad.json and a path that does not exist', async () => {
    const empty = join(tmp, 'tom');
    await mkdir(empty);
    const none = await openPackage(empty);
    expect(!none.ok && formatErrorLine(none.error, 'nb')).toBe(`${empty}: mangler soknad.json i roten av pakken`);
    const manifestOnly = await openPackage(join(fixtureDir, 'soknad.json'), {}, 'soknad.json');
    expect(!manifestOnly.ok && formatErrorLine(manifestOnly.error, 'en')).toBe('soknad.json: is soknad.json itself; give the folder (or zip file) that contains it');
    const missing = await openPackage(join(tmp, 'finnes-ikke.zip'));
    expect(!missing.ok && formatErrorLine(missing.error, 'en')).toBe(`${join(tmp, 'finnes-ikke.zip')}: does not exist`);
  });
});
