// Reading an award list (docs/award-list-format.md): CSV (";" or ",", UTF-8 with or without BOM, quoted cells)
// or the first sheet of an XLSX workbook, one header row with Norwegian column names. The table reading is the
// case-list reader's (services/import/case-table.ts); this file maps cells to AwardRow and says what is wrong
// with a cell, per line, so `vurder awards check` can list every bad row instead of stopping at the first.
import type { CatalogueError } from '../../../shared/errors/format';
import { appError, describeThrown } from '../../../shared/errors/format';
import type { LocalizedText } from '../../../shared/i18n/localized';
import type { AwardRow } from '../../../shared/panel/awards';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import { CaseListLimitError, DEFAULT_CASE_LIST_LIMITS } from '../import/case-limits';
import type { CaseListLimits } from '../import/case-limits';
import type { CaseTable } from '../import/case-table';
import { normaliseHeader, readCsvTable, readXlsxTable } from '../import/case-table';
import { readUserFile } from '../input/user-file';
import { ServiceError } from '../workspace/errors';

/** An award list larger than this is not a plausible list (the 2021 list is 6 kB). */
export const MAX_AWARD_LIST_BYTES = 5 * 1024 * 1024;

/** The case list's limits (rows, columns, cells, unpacked XLSX size, bomb ratio, time) with the smaller file size. */
export const AWARD_LIST_LIMITS: Readonly<CaseListLimits> = Object.freeze({ ...DEFAULT_CASE_LIST_LIMITS, maxFileBytes: MAX_AWARD_LIST_BYTES });

export type AwardColumn = 'focusArea' | 'applicant' | 'projectTitle' | 'amount';

/** The header names (after normalising case and spaces); the first is the documented one, the others are
 *  the words IMDi's published award tables use. */
export const AWARD_COLUMN_NAMES: Readonly<Record<AwardColumn, readonly string[]>> = {
  focusArea: ['satsingsområde'],
  applicant: ['søker', 'mottaker'],
  projectTitle: ['prosjekttittel', 'prosjekt'],
  amount: ['beløp', 'beløp i kroner'],
};

export interface AwardCellProblem {
  line: number;
  column: AwardColumn;
  value: string;
  message: LocalizedText;
}

export interface AwardList {
  rows: AwardRow[];
  /** Rows with a cell that cannot be read; they are left out of `rows`. */
  cellProblems: AwardCellProblem[];
}

/** "SO3", "3", "Satsingsområde 3", "so 3". */
export function parseFocusArea(text: string): number | undefined {
  const match = /^(?:so|satsingsområde)?\s*([1-6])$/i.exec(text.trim());
  return match ? Number(match[1]) : undefined;
}

/** Whole kroner as people write them: "1 500 000", "1500000", "1 500 000 kr", "kr 780 000". No decimals. */
export function parseAmount(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '').replace(/^(kr\.?|nok)/i, '').replace(/(kr\.?|nok|,-)$/i, '');
  if (!/^\d+$/.test(compact)) return undefined;
  const amount = Number(compact);
  return Number.isSafeInteger(amount) ? amount : undefined;
}

/** The separator is the one the header line uses: ";" (Norwegian Excel) unless the header has only ",". */
export function csvSeparator(bytes: Uint8Array): ';' | ',' {
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096));
  const header = text.split(/\r?\n/, 1)[0] ?? '';
  return header.includes(';') || !header.includes(',') ? ';' : ',';
}

function columnOf(headers: readonly string[], column: AwardColumn): number {
  return headers.findIndex((header) => AWARD_COLUMN_NAMES[column].includes(header));
}

export function awardListFromTable(table: CaseTable, subject: string): Result<AwardList, CatalogueError> {
  const headers = table.headers.map(normaliseHeader);
  const columns = {} as Record<AwardColumn, string>;
  for (const column of ['focusArea', 'applicant', 'projectTitle', 'amount'] as const) {
    const index = columnOf(headers, column);
    const header = headers[index];
    if (index < 0 || header === undefined) return err(appError('awards.missing-column', subject, { column: AWARD_COLUMN_NAMES[column][0] ?? column }));
    columns[column] = header;
  }
  const rows: AwardRow[] = [];
  const cellProblems: AwardCellProblem[] = [];
  for (const { number: line, cells } of table.rows) {
    const cell = (column: AwardColumn): string => cells.get(columns[column]) ?? '';
    const problems: AwardCellProblem[] = [];
    const focusArea = parseFocusArea(cell('focusArea'));
    if (focusArea === undefined) problems.push({ line, column: 'focusArea', value: cell('focusArea'), message: { nb: 'satsingsområdet må være SO1–SO6 eller 1–6', en: 'the focus area must be SO1–SO6 or 1–6' } });
    const amount = parseAmount(cell('amount'));
    if (amount === undefined) problems.push({ line, column: 'amount', value: cell('amount'), message: { nb: 'beløpet må være hele kroner, f.eks. «1 500 000»', en: 'the amount must be whole kroner, e.g. "1 500 000"' } });
    for (const column of ['applicant', 'projectTitle'] as const) {
      if (cell(column) === '') problems.push({ line, column, value: '', message: { nb: 'cellen er tom', en: 'the cell is empty' } });
    }
    if (problems.length > 0 || focusArea === undefined || amount === undefined) cellProblems.push(...problems);
    else rows.push({ line, focusArea, applicant: cell('applicant'), projectTitle: cell('projectTitle'), amount });
  }
  return ok({ rows, cellProblems });
}

/**
 * Reads the file through the bounded reader for user-chosen files (regular file only, at most
 * MAX_AWARD_LIST_BYTES, non-blocking open) and the case list's bounded table reader; an error (missing, not a regular file, too large, not UTF-8,
 * unclosed quote, missing column) names the file.
 */
export async function readAwardList(path: string): Promise<Result<AwardList, CatalogueError>> {
  let table: CaseTable;
  try {
    const bytes = await readUserFile(path, MAX_AWARD_LIST_BYTES);
    table = /\.xlsx$/i.test(path) ? await readXlsxTable(bytes, AWARD_LIST_LIMITS) : readCsvTable(bytes, csvSeparator(bytes), AWARD_LIST_LIMITS);
  } catch (thrown) {
    if (thrown instanceof ServiceError) return err(thrown.appError);
    if (thrown instanceof CaseListLimitError) return err(appError('awards.limit', path, { detailNb: thrown.nb, detailEn: thrown.en }));
    return err(appError('awards.unreadable', path, { detail: describeThrown(thrown) }));
  }
  return awardListFromTable(table, path);
}
