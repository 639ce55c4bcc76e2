// Reading a case-system list into rows of text cells keyed by (normalised) header: CSV as Norwegian Excel
// writes it (";" separated, UTF-8 with or without BOM, quoted cells with "" escapes) or the first sheet of
// an XLSX workbook (exceljs). Columns are documented in docs/workspace.md § Case-system export.
import ExcelJS from 'exceljs';

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
export function parseCsv(text: string, separator: ';' | ',' = ';'): string[][] {
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
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && body[i + 1] === '\n') i += 1;
      record.push(cell);
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

export function readCsvTable(bytes: Uint8Array, separator: ';' | ',' = ';'): CaseTable {
  const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  return toTable(parseCsv(text, separator));
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

export async function readXlsxTable(bytes: Uint8Array): Promise<CaseTable> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  const records: string[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values: string[] = [];
    for (let column = 1; column <= sheet.columnCount; column += 1) values.push(cellText(row.getCell(column).value));
    records.push(values);
  });
  return toTable(records.filter((r) => r.some((value) => value.trim() !== '')));
}
