// The panel workbook opened by a second reader that is not exceljs: Debian's python3-openpyxl (installed by
// .ci/run). Values, number formats, dates, frozen header, autofilter, widths and formula neutralising.
import { execFileSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkbook, KRONER_FORMAT } from '../../electron/services/panel-report/workbook';
import { tempDir } from '../signing/helpers';
import { sampleModel } from './sample-model';

interface SheetDump {
  freeze: string | null;
  autoFilter: string | null;
  widths: (number | null)[];
  rows: unknown[][];
  formats: string[][];
  types: string[][];
}

/** Debian's python3 first: a pyenv python on PATH may lack the apt-installed openpyxl. */
function findReader(): string | null {
  for (const python of ['/usr/bin/python3', 'python3']) {
    try {
      execFileSync(python, ['-c', 'import openpyxl'], { stdio: 'ignore' });
      return python;
    } catch {
      // Not this interpreter (missing or without openpyxl); try the next, and skip below if none has it.
    }
  }
  return null;
}

const python = findReader();
if (!python) {
  console.warn('SKIPPED workbook second-reader test: python3-openpyxl is missing (apt-get install -y python3-openpyxl, as .ci/run does)');
}

let dir: string;
let cleanup: () => Promise<void>;
let sheets: Record<string, SheetDump>;
const model = sampleModel(14);

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('workbook'));
  const file = join(dir, 'innstilling.xlsx');
  await writeFile(file, await buildWorkbook(model));
  if (python) sheets = JSON.parse(execFileSync(python, [join(import.meta.dirname, 'read_xlsx.py'), file], { encoding: 'utf8' })) as Record<string, SheetDump>;
});
afterAll(() => cleanup());

describe.skipIf(!python)('the workbook read back by openpyxl', () => {
  it('has the five sheets, each with a frozen header row and an autofilter over its table', () => {
    expect(Object.keys(sheets)).toEqual(['Innstilling', 'Vurderinger', 'Flagg', 'Potter', 'Samsvar']);
    for (const [name, sheet] of Object.entries(sheets)) {
      expect(sheet.freeze, name).toBe('A2');
      const lastColumn = String.fromCharCode(64 + (sheet.rows[0]?.length ?? 0));
      expect(sheet.autoFilter, name).toBe(`A1:${lastColumn}${sheet.rows.length}`);
    }
  });

  it('amounts are numbers with the kroner format, scores are numbers', () => {
    const innstilling = sheets.Innstilling!;
    const header = innstilling.rows[0] as string[];
    const first = innstilling.rows[1]!;
    const firstYear = header.indexOf('Første år');
    expect(first[firstYear]).toBe(300_000);
    expect(innstilling.formats[0]![firstYear]).toBe(KRONER_FORMAT);
    expect(first[header.indexOf('Gjennomføringsevne')]).toBe(6);
    expect(first[header.indexOf('Vektet sum')]).toBe(11.5);
    expect(first[header.indexOf('Søker')]).toBe('Ålesund kommune');
    const pools = sheets.Potter!;
    expect(pools.rows.slice(1).map((row) => row[4])).toEqual([20_000_000, 10_000_000, 5_000_000, 23_400_000]);
    expect(pools.types[1]![4]).toBe('n');
  });

  it('one row per assessor and application with every score and justification; instants are dates on the Oslo clock', () => {
    const assessments = sheets.Vurderinger!;
    expect(assessments.rows).toHaveLength(1 + model.assessments.length);
    const header = assessments.rows[0] as string[];
    const row = assessments.rows.find((candidate) => candidate[0] === 'SO1-2021-001' && candidate[1] === 'Øyvind Ærø Åsen')!;
    expect(row[header.indexOf('Gjennomføringsevne')]).toBe(6);
    expect(row[header.indexOf('Begrunnelse gjennomføringsevne')]).toBe('Solid erfaring, tydelig organisering og realistisk budsjett med egenandel.');
    // 2021-03-20T14:00:00+01:00 is 14:00 in Oslo.
    expect(row[header.indexOf('Ferdigstilt')]).toEqual({ date: '2021-03-20T14:00:00' });
    expect(sheets.Flagg!.rows[1]![8]).toEqual({ date: '2021-04-10T09:30:00' });
  });

  it('text that starts like a formula is neutralised and stays text', () => {
    const assessments = sheets.Vurderinger!;
    const header = assessments.rows[0] as string[];
    const kari = assessments.rows.find((candidate) => candidate[1] === 'Kari Nordmann')!;
    expect(kari[header.indexOf('Begrunnelse gjennomføringsevne')]).toBe("'-2 poeng for svak plan; ellers god erfaring fra tidligere prosjekter i kommunen.");
    expect(kari[header.indexOf('Kommentar')]).toBe("'@lead: se budsjettet");
    const injected = sheets.Innstilling!.rows.find((candidate) => String(candidate[3]).includes('HYPERLINK'))!;
    expect(injected[3]).toBe('\'=HYPERLINK("http://x") Øygarden kommune');
    for (const sheet of Object.values(sheets)) for (const types of sheet.types) expect(types).not.toContain('f');
  });

  it('column widths fit their content, long prose capped at 60 characters', () => {
    const innstilling = sheets.Innstilling!;
    const header = innstilling.rows[0] as string[];
    const width = (name: string): number => innstilling.widths[header.indexOf(name)] ?? 0;
    expect(width('Søknad')).toBe('SO1-2021-001'.length + 2);
    expect(width('Prosjekt')).toBe(60);
    expect(width('Rang')).toBe(8);
  });
});
