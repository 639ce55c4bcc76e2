// Limits for case-system lists (CSV/XLSX), like the zip limits of packages (issue 8 point 3): a hostile list —
// a huge declared sheet, a cell in column XFD, a shared-strings or decompression bomb — is refused in well under
// a second with bounded memory instead of keeping a process busy for minutes. Defaults in docs/workspace.md.

export interface CaseListLimits {
  /** Bytes of the .csv/.xlsx file itself. */
  maxFileBytes: number;
  /** Data rows (the header row not counted). */
  maxRows: number;
  /** Columns of any row. */
  maxColumns: number;
  /** Non-empty cells in all. */
  maxCells: number;
  /** XLSX: entries in the zip. */
  maxEntries: number;
  /** XLSX: bytes of all parts after unpacking, counted while inflating. */
  maxUnpackedBytes: number;
  /** XLSX: unpacked ÷ compressed size above which a part is a bomb, once it has unpacked this many bytes. */
  maxCompressionRatio: number;
  compressionRatioThresholdBytes: number;
  /** Wall-clock budget for reading the list (ms). */
  maxMilliseconds: number;
}

const MIB = 1024 * 1024;

export const DEFAULT_CASE_LIST_LIMITS: Readonly<CaseListLimits> = Object.freeze({
  maxFileBytes: 20 * MIB,
  maxRows: 10_000,
  maxColumns: 100,
  maxCells: 500_000,
  maxEntries: 200,
  maxUnpackedBytes: 64 * MIB,
  maxCompressionRatio: 100,
  compressionRatioThresholdBytes: 1 * MIB,
  maxMilliseconds: 10_000,
});

/** A list that breaks a limit: `en`/`nb` say which, for the catalogue's casefile.unreadable detail. */
export class CaseListLimitError extends Error {
  constructor(
    readonly en: string,
    readonly nb: string,
  ) {
    super(en);
    this.name = 'CaseListLimitError';
  }
}

/** Counts rows, columns, cells and time while a list is read; throws CaseListLimitError when one is passed. */
export class CaseListBudget {
  private cells = 0;
  private readonly deadline: number;

  constructor(readonly limits: CaseListLimits) {
    this.deadline = Date.now() + limits.maxMilliseconds;
  }

  /** `row` is the 1-based row number in the file (the header is row 1). */
  row(row: number, columns: number, nonEmpty: number): void {
    if (row - 1 > this.limits.maxRows) throw new CaseListLimitError(`more than ${this.limits.maxRows} rows (row ${row})`, `mer enn ${this.limits.maxRows} rader (rad ${row})`);
    this.columns(columns, row);
    this.cells += nonEmpty;
    if (this.cells > this.limits.maxCells) throw new CaseListLimitError(`more than ${this.limits.maxCells} cells`, `mer enn ${this.limits.maxCells} celler`);
    this.clock();
  }

  columns(columns: number, row: number): void {
    if (columns > this.limits.maxColumns) {
      throw new CaseListLimitError(`row ${row} has ${columns} columns; the limit is ${this.limits.maxColumns}`, `rad ${row} har ${columns} kolonner; grensen er ${this.limits.maxColumns}`);
    }
  }

  fileTooLarge(size: number): never {
    throw new CaseListLimitError(`the file is ${size} bytes; the limit is ${this.limits.maxFileBytes}`, `filen er ${size} byte; grensen er ${this.limits.maxFileBytes}`);
  }

  clock(): void {
    if (Date.now() > this.deadline) {
      throw new CaseListLimitError(`reading took more than ${this.limits.maxMilliseconds / 1000} s`, `lesingen tok mer enn ${this.limits.maxMilliseconds / 1000} s`);
    }
  }
}

/** "XFD" → 16384. */
export function columnNumber(letters: string): number {
  let number = 0;
  for (const letter of letters.toUpperCase()) number = number * 26 + (letter.charCodeAt(0) - 64);
  return number;
}
