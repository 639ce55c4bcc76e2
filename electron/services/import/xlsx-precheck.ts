// Before exceljs sees an XLSX case list: its zip is read with yauzl from memory, every part inflated while
// counting (sizes in headers are not trusted), within the entry, unpacked-size and ratio limits; the first
// sheet's declared dimension and the shared-strings count are checked against the row/column/cell limits.
// What a hostile file would make exceljs allocate or loop over is refused here, in milliseconds.
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import type { CaseListLimits } from './case-limits';
import { CaseListLimitError, columnNumber } from './case-limits';

/** How much of a sheet's XML is kept to read its <dimension> (it comes first, after <sheetPr>). */
const SHEET_HEAD_BYTES = 64 * 1024;
/** workbook.xml and its rels are small; more is not a workbook we read. */
const SMALL_PART_BYTES = 4 * 1024 * 1024;

export interface XlsxShape {
  /** The zip entry of the workbook's first sheet, e.g. "xl/worksheets/sheet1.xml". */
  firstSheet: string | undefined;
}

function open(bytes: Uint8Array): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), { lazyEntries: true, validateEntrySizes: true, autoClose: false }, (error, zip) => {
      if (error) reject(error);
      else resolve(zip);
    });
  });
}

function inflate(zip: ZipFile, entry: Entry, limits: CaseListLimits, budget: { unpacked: number }, keep: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error, stream) => {
      if (error) {
        reject(error);
        return;
      }
      const kept: Buffer[] = [];
      let keptBytes = 0;
      let entryBytes = 0;
      stream.on('data', (chunk: Buffer) => {
        entryBytes += chunk.length;
        budget.unpacked += chunk.length;
        if (keptBytes < keep) {
          kept.push(chunk.subarray(0, keep - keptBytes));
          keptBytes += Math.min(chunk.length, keep - keptBytes);
        }
        let problem: CaseListLimitError | undefined;
        if (budget.unpacked > limits.maxUnpackedBytes) {
          problem = new CaseListLimitError(`the workbook unpacks to more than ${limits.maxUnpackedBytes} bytes`, `arbeidsboken pakker ut til mer enn ${limits.maxUnpackedBytes} byte`);
        } else if (entryBytes > limits.compressionRatioThresholdBytes && entryBytes > limits.maxCompressionRatio * Math.max(1, entry.compressedSize)) {
          problem = new CaseListLimitError(
            `"${entry.fileName}" unpacks to more than ${limits.maxCompressionRatio} times its compressed size (zip bomb?)`,
            `«${entry.fileName}» pakker ut mer enn ${limits.maxCompressionRatio} ganger sin komprimerte størrelse (zip-bombe?)`,
          );
        }
        if (problem) {
          stream.destroy();
          reject(problem);
        }
      });
      stream.on('error', reject);
      stream.on('end', () => resolve(Buffer.concat(kept)));
    });
  });
}

function firstSheetPath(workbook: string, rels: string): string | undefined {
  const sheet = /<(?:\w+:)?sheet\b[^>]*?\br:id="([^"]+)"/.exec(workbook) ?? /<(?:\w+:)?sheet\b[^>]*?\b\w+:id="([^"]+)"/.exec(workbook);
  if (!sheet?.[1]) return undefined;
  const relation = new RegExp(`<Relationship\\b[^>]*\\bId="${sheet[1].replace(/[^\w-]/g, '')}"[^>]*>`).exec(rels)?.[0];
  const target = relation ? /\bTarget="([^"]+)"/.exec(relation)?.[1] : undefined;
  if (!target) return undefined;
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

function checkDimension(head: string, limits: CaseListLimits): void {
  const ref = /<(?:\w+:)?dimension\b[^>]*\bref="([A-Za-z]+)?(\d+)?(?::([A-Za-z]+)(\d+))?"/.exec(head);
  if (!ref) return;
  const lastColumn = columnNumber(ref[3] ?? ref[1] ?? 'A');
  const lastRow = Number(ref[4] ?? ref[2] ?? 1);
  if (lastColumn > limits.maxColumns) {
    throw new CaseListLimitError(`the sheet declares ${lastColumn} columns; the limit is ${limits.maxColumns}`, `arket oppgir ${lastColumn} kolonner; grensen er ${limits.maxColumns}`);
  }
  if (lastRow - 1 > limits.maxRows) {
    throw new CaseListLimitError(`the sheet declares ${lastRow} rows; the limit is ${limits.maxRows}`, `arket oppgir ${lastRow} rader; grensen er ${limits.maxRows}`);
  }
}

function checkSharedStrings(head: string, limits: CaseListLimits): void {
  const declared = /<(?:\w+:)?sst\b[^>]*\b(?:uniqueCount|count)="(\d+)"/.exec(head);
  if (declared?.[1] && Number(declared[1]) > limits.maxCells) {
    throw new CaseListLimitError(`the workbook declares ${declared[1]} shared strings; the limit is ${limits.maxCells} cells`, `arbeidsboken oppgir ${declared[1]} delte tekster; grensen er ${limits.maxCells} celler`);
  }
}

/** Reads every part within the limits; throws CaseListLimitError (or yauzl's error for a broken zip). */
export async function precheckXlsx(bytes: Uint8Array, limits: CaseListLimits): Promise<XlsxShape> {
  const zip = await open(bytes);
  try {
    if (zip.entryCount > limits.maxEntries) {
      throw new CaseListLimitError(`the workbook has ${zip.entryCount} parts; the limit is ${limits.maxEntries}`, `arbeidsboken har ${zip.entryCount} deler; grensen er ${limits.maxEntries}`);
    }
    const budget = { unpacked: 0 };
    const parts = new Map<string, string>();
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', () => resolve());
      zip.on('entry', (entry: Entry) => {
        if (entry.uncompressedSize > limits.maxUnpackedBytes) {
          reject(new CaseListLimitError(`"${entry.fileName}" is larger than ${limits.maxUnpackedBytes} bytes`, `«${entry.fileName}» er større enn ${limits.maxUnpackedBytes} byte`));
          return;
        }
        const name = entry.fileName;
        const keep = /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels)$/.test(name) ? SMALL_PART_BYTES : /^xl\/(worksheets\/[^/]+\.xml|sharedStrings\.xml)$/.test(name) ? SHEET_HEAD_BYTES : 0;
        inflate(zip, entry, limits, budget, keep).then((content) => {
          if (keep > 0) parts.set(name, content.toString('utf8'));
          zip.readEntry();
        }, reject);
      });
      zip.readEntry();
    });
    const firstSheet = firstSheetPath(parts.get('xl/workbook.xml') ?? '', parts.get('xl/_rels/workbook.xml.rels') ?? '');
    const head = firstSheet ? parts.get(firstSheet) : undefined;
    if (head !== undefined) checkDimension(head, limits);
    checkSharedStrings(parts.get('xl/sharedStrings.xml') ?? '', limits);
    return { firstSheet };
  } finally {
    zip.close();
  }
}
