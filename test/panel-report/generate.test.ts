// The panel's documents written by the report service from a model: signed innstilling and letters checked
// by pdfsig and pdftotext, drafts marked UTKAST on every page and unsigned, refusals that leave nothing.
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import { generatePanelReport, ReportError } from '../../electron/services/panel-report/generate';
import type { ReportResult } from '../../electron/services/panel-report/generate';
import { LetterError } from '../../electron/services/panel-report/letters';
import { createIdentity } from '../../electron/services/signing/identity';
import type { Identity } from '../../electron/services/signing/identity';
import { run, squash, tempDir } from '../signing/helpers';
import { sampleModel } from './sample-model';

const NAME = 'Øyvind Ærø Åsen';
let dir: string;
let cleanup: () => Promise<void>;
let identity: Identity;
let signed: ReportResult;
let draft: ReportResult;
const progress: string[] = [];

async function pageTexts(file: string): Promise<string[]> {
  const info = (await run('pdfinfo', [file])).output;
  const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  const texts: string[] = [];
  for (let page = 1; page <= pages; page += 1) texts.push((await run('pdftotext', ['-enc', 'UTF-8', '-f', String(page), '-l', String(page), file, '-'])).output);
  return texts;
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('panel-report'));
  identity = await createIdentity({ name: NAME, email: 'oyvind@example.no', keyType: 'P-256' });
  const model = sampleModel(20);
  model.lead = { name: identity.subjectName, email: identity.email ?? '', fingerprint: identity.fingerprint };
  signed = await generatePanelReport({ model, identity, outDir: join(dir, 'rapport'), letters: true, draft: false, onProgress: (p) => progress.push(`${p.done}/${p.total} ${p.kind}`) });
  const open = sampleModel(8);
  open.flags.push({ ...open.flags[0]!, state: 'open', justification: null, by: null, at: null, applicationId: 'SO3-2021-003' });
  draft = await generatePanelReport({ model: open, identity: null, outDir: join(dir, 'utkast'), letters: true, draft: true });
}, 60_000);
afterAll(() => cleanup());

describe('a signed report with letters', () => {
  it('writes the innstilling, workbook, award list and one letter per applicant, with a progress line each', async () => {
    expect(signed.files.map((file) => file.kind).slice(0, 3)).toEqual(['award-list', 'innstilling', 'workbook']);
    expect(signed.files.filter((file) => file.kind.startsWith('letter'))).toHaveLength(20);
    expect(progress).toHaveLength(23);
    expect(progress.at(-1)).toBe('23/23 letter-reject');
    for (const file of signed.files) expect((await stat(file.file)).size).toBeGreaterThan(0);
    expect((await readdir(dir)).sort()).toEqual(['rapport', 'utkast']);
  });

  it('the innstilling and every letter are valid for pdfsig, signed by Øyvind Ærø Åsen', async () => {
    for (const file of signed.files.filter((candidate) => candidate.file.endsWith('.pdf'))) {
      const { output } = await run('pdfsig', [file.file]);
      expect(output, file.file).toContain('Signature is Valid');
      expect(output).toContain('Total document signed');
      expect(output).toContain(NAME);
    }
  });

  it('the innstilling shows pools, ranking, reasons, flags, agreement, award list and hashes', async () => {
    const innstilling = signed.files[1]!.file;
    const text = squash((await run('pdftotext', ['-enc', 'UTF-8', innstilling, '-'])).output);
    for (const expected of [
      'INNSTILLING',
      'Panelleder Øyvind Ærø Åsen',
      'Rangering per satsingsområde',
      'SO1 Lengre kvalifiseringsløp',
      'Senere år, tilsagn (kr)',
      'Søknader som ikke anbefales',
      'R27 Minst 10 deltakere',
      'Under terskel: Gjennomføringsevne 3,5 (terskel 4)',
      'Flagg og hvordan de er avgjort',
      'Panelet legger vekt på den dokumenterte erfaringen',
      'α ordinal',
      'Tildelingsliste',
      'Sum i alt',
      'Vedlegg: sjekksummer (SHA-256)',
    ]) {
      expect(text, expected).toContain(expected);
    }
    expect(text).toContain(signed.files[0] ? (await import('./sample-model')).sampleModel(20).applicants[4]!.packageSha256 : '');
    expect(text).toMatch(/Side 1 av \d+/);
  });

  it('the ranked table repeats its header on every page it continues on', async () => {
    const model = sampleModel(120);
    model.lead = { name: NAME, email: '', fingerprint: identity.fingerprint };
    const result = await generatePanelReport({ model, identity: null, outDir: join(dir, 'lang'), letters: false, draft: true });
    const pages = await pageTexts(result.files[1]!.file);
    const first = pages.findIndex((page) => page.includes('Rangering per satsingsområde'));
    const after = pages.findIndex((page) => page.includes('Søknader som ikke anbefales'));
    const rankingPages = pages.slice(first, after).filter((page) => /SO\d-2021-\d{3}/.test(page));
    expect(rankingPages.length).toBeGreaterThan(5);
    for (const page of rankingPages) expect(page).toContain('Søker og prosjekt');
  });

  it('a grant letter states the first year, later years with the Storting reservation, two terms, deadlines and appeal', async () => {
    const grant = signed.files.find((file) => file.kind === 'letter-grant' && file.applicationId?.startsWith('SO1'));
    const text = squash((await run('pdftotext', ['-enc', 'UTF-8', grant!.file, '-'])).output);
    expect(text).toContain('Tilskuddsbrev');
    expect(text).toContain('Dere får et tilskudd på 300 000 kr for budsjettåret 2021, utbetalt i to terminer (vår og høst).');
    expect(text).toContain('med forbehold om Stortingets bevilgning for hvert budsjettår');
    expect(text).toContain('2022: 300 000 kr');
    expect(text).toContain('01.09.2021 – statusrapport om gjennomføring av prosjektet');
    expect(text).toContain('01.02.2022 – tilskuddsrapport og regnskap');
    expect(text).toContain('individrapportering');
    expect(text).toContain('Kommunene har ikke rett til å klage på tildeling av eller avslag på tilskudd (forvaltningsloven §§ 3 første ledd og 28)');
    const so2 = signed.files.find((file) => file.kind === 'letter-grant' && file.applicationId?.startsWith('SO2'));
    expect(squash((await run('pdftotext', ['-enc', 'UTF-8', so2!.file, '-'])).output)).not.toContain('individrapportering');
  });

  it('rejection letters give the grounds: the failed requirement quoted, or the scores against the thresholds', async () => {
    const rejections = signed.files.filter((file) => file.kind === 'letter-reject');
    const texts = await Promise.all(rejections.map(async (file) => squash((await run('pdftotext', ['-enc', 'UTF-8', file.file, '-'])).output)));
    expect(texts.some((text) => text.includes('R27 Minst 10 deltakere: «Det er en forutsetning at prosjektet har minimum 10 deltakere.»'))).toBe(true);
    expect(texts.some((text) => text.includes('Gjennomføringsevne: 3,5 (terskel 4)'))).toBe(true);
    for (const text of texts) {
      expect(text).toContain('Søknaden er avslått.');
      expect(text).toContain('forvaltningsloven §§ 24 og 25');
      expect(text).toContain('Kommunene har ikke rett til å klage');
    }
  });
});

describe('the award list', () => {
  it('is accepted unchanged by vurder awards check (panelmath\'s reader and checks)', async () => {
    const csv = signed.files.find((file) => file.kind === 'award-list')!.file;
    let stdout = '';
    const code = await runCli(['awards', 'check', csv, '--scheme', 'imdi-kommunale-integreringstiltak-2021', '--json'], { stdout: (text) => void (stdout += text), stderr: () => undefined, env: {}, cwd: dir });
    const json = JSON.parse(stdout) as { ok: boolean; rows: number; sums: { total: number } };
    expect(code).toBe(0);
    expect(json.ok).toBe(true);
    expect(json.rows).toBe(sampleModel(20).awards.length);
    expect(json.sums.total).toBe(sampleModel(20).awards.reduce((sum, award) => sum + award.amount, 0));
  });

  it('a finding of the award-list checks refuses the report, and a draft is written with it as a warning', async () => {
    const model = sampleModel(8);
    model.awards.push({ ...model.awards[0]! });
    const error = await generatePanelReport({ model, identity, outDir: join(dir, 'dobbel'), letters: false, draft: false }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReportError);
    expect((error as ReportError).en).toMatch(/^award list: Lines 2, \d+: the same applicant and project title more than once/);
    await expect(stat(join(dir, 'dobbel'))).rejects.toThrow();
    const drafted = await generatePanelReport({ model, identity: null, outDir: join(dir, 'dobbel-utkast'), letters: false, draft: true });
    expect(drafted.warnings.map((warning) => warning.code)).toEqual(['award-list']);
  });
});

describe('an amount far from its focus area\'s median', () => {
  it('is a note in the innstilling and a warning, not a refusal', async () => {
    const model = sampleModel(40);
    model.awards[0]!.amount = 1_000;
    const result = await generatePanelReport({ model, identity, outDir: join(dir, 'outlier'), letters: false, draft: false });
    expect(result.warnings.map((warning) => squash(warning.en))).toEqual(['award list: Line 2: NOK 1,000 is below the median ÷ 10 in SO1 (median NOK 324,000).']);
    const text = squash((await run('pdftotext', ['-enc', 'UTF-8', result.files.find((file) => file.kind === 'innstilling')!.file, '-'])).output);
    expect(text).toMatch(/Kontroll av tildelingslisten .*• Linje 2: 1 000 kr er under medianen ÷ 10 i SO1/);
  });
});

describe('a draft', () => {
  it('is written despite an open flag, with UTKAST on every page and no signature', async () => {
    expect(draft.warnings.map((warning) => warning.code)).toEqual(['open-flags']);
    for (const file of draft.files.filter((candidate) => candidate.file.endsWith('.pdf')).slice(0, 3)) {
      expect(file.file).toContain('UTKAST');
      for (const page of await pageTexts(file.file)) expect(page).toContain('UTKAST');
      expect((await run('pdfsig', [file.file])).output).toContain('does not contain any signatures');
    }
  });
});

describe('refusals leave nothing behind', () => {
  async function refused(options: Partial<Parameters<typeof generatePanelReport>[0]> & { outDir: string }): Promise<ReportError> {
    const model = sampleModel(6);
    const error = await generatePanelReport({ model, identity, letters: true, draft: false, ...options }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ReportError);
    return error as ReportError;
  }

  it('an open flag: refused with the flags listed, unless --draft', async () => {
    const model = sampleModel(6);
    model.flags[0]!.state = 'open';
    const error = await refused({ model, outDir: join(dir, 'open') });
    expect(error.en).toBe('1 flag(s) not settled: SO1-2021-001 spread/feasibility; use --draft for an unsigned draft');
    await expect(stat(join(dir, 'open'))).rejects.toThrow();
  });

  it('an allocation over a pool: refused, even as a draft', async () => {
    const model = sampleModel(6);
    model.pools[0]!.allocated = model.pools[0]!.amount + 1;
    const error = await refused({ model, draft: true, outDir: join(dir, 'over') });
    expect(error.en).toContain('pool so1 is over-allocated: 20000001 kroner allocated of 20000000');
  });

  it('an output folder that cannot be written, or is not empty: one line, nothing written', async () => {
    await writeFile(join(dir, 'a-file'), 'x');
    const unwritable = await refused({ outDir: join(dir, 'a-file', 'out') });
    expect(unwritable.en).toMatch(/a-file\/out: not a folder: a part of the path is a file$/);
    await mkdir(join(dir, 'full'));
    await writeFile(join(dir, 'full', 'keep.txt'), 'mine');
    const full = await refused({ outDir: join(dir, 'full') });
    expect(full.en).toContain('the folder exists and is not empty');
    expect(await readFile(join(dir, 'full', 'keep.txt'), 'utf8')).toBe('mine');
    expect((await readdir(dir)).filter((name) => name.includes('vurder-tmp'))).toEqual([]);
  });

  it('letters from a scheme file without decision texts: one line, nothing written', async () => {
    const model = sampleModel(6);
    const scheme = { ...model.scheme };
    delete scheme.decision;
    model.scheme = scheme;
    const error = await generatePanelReport({ model, identity, outDir: join(dir, 'no-texts'), letters: true, draft: false }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(LetterError);
    expect((error as LetterError).en).toBe('the scheme imdi-kommunale-integreringstiltak-2021 has no "decision" texts (payment, reporting, appeal); letters cannot be written');
    await expect(stat(join(dir, 'no-texts'))).rejects.toThrow();
  });

  it('a signed report without an identity is refused', async () => {
    const error = await refused({ identity: null, outDir: join(dir, 'no-identity') });
    expect(error.en).toContain("needs the panel lead's identity");
  });
});
