// Reading a case-system list into rows of text cells keyed by (normalised) header: CSV as Norwegian Excel
// writes it (";" separated, UTF-8 with or without BOM, quoted cells with "" escapes) or the first sheet of
// an XLSX workbook (exceljs, streaming). Columns are documented in docs/workspace.md § Case-system export.
// Both are read within CaseListLimits (rows, columns, cells, unpacked size, time): see case-limits.ts.
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CaseListLimits } from './case-limits';
import { CaseListBudget, DEFAULT_CASE_LIST_LIMITS } from './case-limits';
import { precheckXlsx } from './xlsx-precheck';

export type CaseRow = ReadonlyMap<string, string>;

export interface CaseTable {
  headers: string[];
  /** Each row with its 1-based line/row number in the file (the header is row 1). */
  rows: { number: number; cells: CaseRow }[];
}

export function normaliseHeader(header: string): string {
  return header.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** RFC 4180 with ";" (or the given separator). Throws with the line number on an unterminated quote. */
export function parseCsv(text: string, separator: ';' | ',' = ';', budget = new CaseListBudget(DEFAULT_CASE_LIST_LIMITS)): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  for (let i = 0; i < body.length; i += 1) {
    const char = body[i];
    if (quoted) {
      if (char === '"' && body[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line += 1;
        cell += char;
      }
      continue;
    }
    if (char === '"' && cell === '') quoted = true;
    else if (char === separator) {
      record.push(cell);
      cell = '';
      budget.columns(record.length + 1, records.length + 1);
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && body[i + 1] === '\n') i += 1;
      record.push(cell);
      budget.row(records.length + 1, record.length, record.filter((value) => value !== '').length);
      records.push(record);
      record = [];
      cell = '';
      line += 1;
    } else cell += char;
  }
  if (quoted) throw new Error(`line ${line}: a quoted cell is not closed`);
  if (cell !== '' || record.length > 0) {
    record.push(cell);
    records.push(record);
  }
  return records.filter((r) => r.some((value) => value.trim() !== ''));
}

function toTable(records: string[][]): CaseTable {
  const [headerRow, ...rest] = records;
  const headers = (headerRow ?? []).map(normaliseHeader);
  return {
    headers,
    rows: rest.map((values, index) => ({
      number: index + 2,
      cells: new Map(headers.map((header, column) => [header, (values[column] ?? '').trim()])),
    })),
  };
}

export function readCsvTable(bytes: Uint8Array, separator: ';' | ',' = ';', limits: CaseListLimits = DEFAULT_CASE_LIST_LIMITS): CaseTable {
  const budget = new CaseListBudget(limits);
  if (bytes.length > limits.maxFileBytes) budget.fileTooLarge(bytes.length);
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  return toTable(parseCsv(text, separator, budget));
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
  }
  return String(value as string | number | boolean);
}

/**
 * The first sheet of an XLSX workbook. The zip is checked first (precheckXlsx: parts, unpacked size, bomb ratio,
 * declared dimension and shared strings); then exceljs reads it streaming, row by row, within the budget.
 */
export async function readXlsxTable(bytes: Uint8Array, limits: CaseListLimits = DEFAULT_CASE_LIST_LIMITS): Promise<CaseTable> {
  const budget = new CaseListBudget(limits);
  if (bytes.length > limits.maxFileBytes) budget.fileTooLarge(bytes.length);
  const { firstSheet } = await precheckXlsx(bytes, limits);
  const wanted = firstSheet ? /sheet(\d+)\.xml$/.exec(firstSheet)?.[1] : undefined;
  const input = Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  const records: string[][] = [];
  let found = false;
  try {
    for await (const worksheet of reader) {
      const take = !found && (wanted === undefined || String((worksheet as unknown as { id: unknown }).id) === wanted);
      for await (const row of worksheet) {
        if (!take) continue;
        const values = (Array.isArray(row.values) ? row.values : []) as ExcelJS.CellValue[];
        budget.row(row.number, values.length - 1, values.filter((value) => value !== null && value !== undefined).length);
        const texts: string[] = [];
        for (let column = 1; column < values.length; column += 1) texts.push(cellText(values[column]));
        records.push(texts);
      }
      if (take) found = true;
    }
  } finally {
    input.destroy();
  }
  const width = Math.max(0, ...records.map((record) => record.length));
  return toTable(records.map((record) => [...record, ...Array<string>(width - record.length).fill('')]).filter((r) => r.some((value) => value.trim() !== '')));
}
