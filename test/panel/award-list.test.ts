// The award-list reader and `vurder awards check` on real files: the published 2021 list (with the duplicate
// row of IMDi's SO6 table left in), comma and semicolon CSV, an XLSX workbook made with exceljs, bad cells.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwardsCheckJson } from '../../electron/cli/commands/awards';
import { loadDemoAwards } from '../../electron/services/demo/awards';
import { parseAmount, parseFocusArea, readAwardList } from '../../electron/services/panel/award-list';
import { repoRoot, runInProcess } from '../cli/cli-harness';

const FIXTURE = join(repoRoot, 'test', 'fixtures', 'awards', 'tildelingsliste-2021.csv');
let dir = '';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vurder-awards-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function json(args: string[]): Promise<{ code: number; output: AwardsCheckJson | undefined; stderr: string }> {
  const run = await runInProcess(['awards', 'check', ...args, '--json']);
  return { code: run.code, output: run.stdout === '' ? undefined : (JSON.parse(run.stdout) as AwardsCheckJson), stderr: run.stderr };
}

describe('the published 2021 award list', () => {
  it('is the demo data’s award list plus the row IMDi printed twice', async () => {
    const list = await readAwardList(FIXTURE);
    if (!list.ok) throw new Error(list.error.message);
    expect(list.value.cellProblems).toEqual([]);
    const demo = await loadDemoAwards();
    const fromFile = list.value.rows.map((row) => [row.focusArea, row.applicant, row.projectTitle, row.amount]);
    const fromDemo = demo.awards.map((award) => [award.focusArea, award.recipient, award.projectTitle, award.amount]);
    const omitted = demo.omitted.map((row) => [row.focusArea, row.recipient, row.projectTitle, row.amount]);
    expect(fromFile).toEqual([...fromDemo, ...omitted]);
  });

  it('vurder awards check finds the duplicate, the 15 300 kr outlier and the exceeded pools (exit 1)', async () => {
    const { code, output } = await json([FIXTURE]);
    expect(code).toBe(1);
    expect(output?.rows).toBe(66);
    expect(output?.problems.map(({ message: _message, ...problem }) => problem)).toEqual([
      { kind: 'duplicate', lines: [64, 67], applicant: 'Trondheim kommune', projectTitle: 'På rett sted - Effektiv fagrelevant kvalifiseringstrapp' },
      { kind: 'amount-outlier', line: 11, focusArea: 2, amount: 15_300, median: 825_000, direction: 'below' },
      { kind: 'pool-exceeded', poolId: 'so5', used: 5_100_000, available: 5_000_000, over: 100_000, withRelease: false },
      // The shared areas fit only if the unused SO1/SO2 reserves (5 300 000 + 2 364 700) are released.
      { kind: 'pool-exceeded', poolId: 'shared', used: 28_770_000, available: 23_400_000, over: 5_370_000, withRelease: false },
    ]);
    expect(output?.sums.total).toBe(56_205_300);
    expect(output?.sums.byPool.find((pool) => pool.poolId === 'shared')?.availableWithRelease).toBe(31_064_700);
    expect(output?.sums.byFocusArea.map((area) => area.amount)).toEqual([14_700_000, 7_635_300, 6_610_000, 14_790_000, 5_100_000, 7_370_000]);
  });

  it('prints a readable table in nb and en', async () => {
    const nb = await runInProcess(['awards', 'check', FIXTURE, '--scheme', 'imdi-kommunale-integreringstiltak-2021']);
    expect(nb.stdout).toContain('Linje 11: 15\u00a0300\u00a0kr er under medianen ÷ 10 i SO2');
    expect(nb.stdout).toContain('med alle ubrukte reserver frigitt: 31\u00a0064\u00a0700\u00a0kr');
    expect(nb.stdout).toContain('so5 – Forbeholdt satsingsområde 5 (reservert): brukt 5\u00a0100\u00a0000\u00a0kr');
    const en = await runInProcess(['awards', 'check', FIXTURE, '--lang', 'en']);
    expect(en.stdout).toContain('The pool "so5" is exceeded by NOK');
  });
});

describe('reading CSV and XLSX', () => {
  it('reads a comma-separated list with BOM, quoted cells, the IMDi header words and "kr" amounts (exit 0)', async () => {
    const file = join(dir, 'comma.csv');
    const text = '\ufeffSatsingsområde,Mottaker,Prosjekt,Beløp i kroner\r\n3,"Drammen kommune","Flerspråklig støtte, ""pilot""",780 000 kr\n4,Moss kommune,Rigg,"1 000 000"\n';
    await writeFile(file, text, 'utf8');
    const { code, output } = await json([file]);
    expect(code).toBe(0);
    expect(output?.ok).toBe(true);
    const list = await readAwardList(file);
    expect(list.ok && list.value.rows[0]).toEqual({ line: 2, focusArea: 3, applicant: 'Drammen kommune', projectTitle: 'Flerspråklig støtte, "pilot"', amount: 780_000 });
  });

  it('reads the first sheet of an XLSX workbook, numbers as numbers', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Tildelinger');
    sheet.addRow(['Satsingsområde', 'Søker', 'Prosjekttittel', 'Beløp']);
    sheet.addRow(['SO5', 'Bergen kommune', 'PM+', 500_000]);
    sheet.addRow([5, 'Moss kommune', 'Fontenehus', 500_000]);
    sheet.addRow(['SO5', 'Stiftelsen Fontenehus', 'Fontenehus 2', 500_000]);
    const file = join(dir, 'list.xlsx');
    await workbook.xlsx.writeFile(file);
    const { code, output } = await json([file]);
    expect(code).toBe(1);
    expect(output?.rows).toBe(3);
    expect(output?.problems.map((problem) => problem.kind)).toEqual(['unknown-applicant']);
    expect(output?.problems[0]?.message.nb).toContain('Linje 4: «Stiftelsen Fontenehus» er ikke en kommune');
  });

  it('lists every unreadable cell by line and leaves those rows out (exit 1)', async () => {
    const file = join(dir, 'cells.csv');
    await writeFile(file, 'Satsingsområde;Søker;Prosjekttittel;Beløp\nSO7;Moss kommune;A;100\nSO1;Moss kommune;B;1 500,50\nSO1;;C;100\nSO1;Moss kommune;D;100\n', 'utf8');
    const { code, output } = await json([file]);
    expect(code).toBe(1);
    expect(output?.rows).toBe(1);
    expect(output?.cellProblems.map((cell) => [cell.line, cell.column, cell.value])).toEqual([
      [2, 'focusArea', 'SO7'],
      [3, 'amount', '1 500,50'],
      [4, 'applicant', ''],
    ]);
  });

  it('unreadable: a missing column, a missing file, an unclosed quote, not UTF-8 – one line naming the file, exit 2', async () => {
    const noAmount = join(dir, 'no-amount.csv');
    await writeFile(noAmount, 'Satsingsområde;Søker;Prosjekttittel\nSO1;Moss kommune;A\n', 'utf8');
    const unclosed = join(dir, 'unclosed.csv');
    await writeFile(unclosed, 'Satsingsområde;Søker;Prosjekttittel;Beløp\nSO1;"Moss kommune;A;100\n', 'utf8');
    const latin1 = join(dir, 'latin1.csv');
    await writeFile(latin1, Buffer.from('Satsingsomr\u00e5de;S\u00f8ker;Prosjekttittel;Bel\u00f8p\n', 'latin1'));
    for (const [file, text] of [
      [noAmount, 'tildelingslisten mangler kolonnen «beløp»'],
      [join(dir, 'missing.csv'), 'finnes ikke'],
      [unclosed, 'tildelingslisten kan ikke leses'],
      [latin1, 'tildelingslisten kan ikke leses'],
    ] as const) {
      const run = await runInProcess(['awards', 'check', file]);
      expect(run.code, file).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toContain(file);
      expect(run.stderr).toContain(text);
    }
  });

  it('only a regular file of at most 5 MB and within the case list’s row limits is read', async () => {
    const rows = join(dir, 'rows.csv');
    await writeFile(rows, `Satsingsområde;Søker;Prosjekttittel;Beløp\n${'SO1;Moss kommune;A;1\n'.repeat(10_001)}`, 'utf8');
    const big = join(dir, 'big.csv');
    await writeFile(big, `Satsingsområde;Søker;Prosjekttittel;Beløp\n${'SO1;Moss kommune;A;1\n'.repeat(300_000)}`, 'utf8');
    for (const [file, text] of [
      [dir, 'bare vanlige filer kan leses'],
      [big, 'grensen er 5242880 byte'],
      // The case list's row limit applies too (its bounded table reader).
      [rows, 'tildelingslisten er avvist: mer enn 10000 rader'],
    ] as const) {
      const run = await runInProcess(['awards', 'check', file]);
      expect(run.code, file).toBe(2);
      expect(run.stderr).toContain(text);
    }
  });

  it('bad usage and an unknown scheme give exit 2', async () => {
    expect((await runInProcess(['awards', 'check'])).code).toBe(2);
    expect((await runInProcess(['awards', 'list', FIXTURE])).code).toBe(2);
    const unknown = await runInProcess(['awards', 'check', FIXTURE, '--scheme', 'no-such-scheme']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no-such-scheme');
  });
});

describe('cell parsing', () => {
  it('reads focus areas and whole-kroner amounts as people write them, nothing else', () => {
    expect(['SO3', '3', 'so 3', 'Satsingsområde 3'].map(parseFocusArea)).toEqual([3, 3, 3, 3]);
    expect(['SO0', 'SO7', '', 'tre'].map(parseFocusArea)).toEqual([undefined, undefined, undefined, undefined]);
    expect(['1 500 000', '1500000', '1\u00a0500\u00a0000 kr', 'kr 780 000', '780 000,-'].map(parseAmount)).toEqual([1_500_000, 1_500_000, 1_500_000, 780_000, 780_000]);
    expect(['1 500,50', '1.5', '-100', '', 'mye', '99999999999999999999'].map(parseAmount)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });
});
