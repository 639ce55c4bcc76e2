// Import of a case-system export: a CSV or XLSX list, one row per application, with the PDFs in the list's
// folder. Every row becomes its own package (all-or-nothing per row) with providedFields recorded.
import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { appError, describeThrown, unexpectedError } from '../../../shared/errors/format';
import { pdfFlags } from '../package-source';
import type { PackageFlag } from '../package-source';
import { isErrno } from '../workspace/errors';
import type { Workspace } from '../workspace/workspace';
import type { CaseTable } from './case-table';
import { readCsvTable, readXlsxTable } from './case-table';
import { CASE_COLUMNS, REQUIRED_COLUMNS, rowToPackage } from './case-row';
import { commitPackage } from './commit-package';
import type { ImportOptions, ImportResult } from './import-packages';
import { refusal, resultOf } from './import-packages';

/** A list larger than this is not a plausible case export. */
export const MAX_CASE_LIST_BYTES = 20 * 1024 * 1024;
const MAX_PDF_BYTES = 100 * 1024 * 1024;
const PDF_MAGIC = '%PDF-';

export function isCaseList(path: string): boolean {
  return /\.(csv|xlsx)$/i.test(path);
}

async function readTable(path: string): Promise<CaseTable> {
  const info = await stat(path);
  if (info.size > MAX_CASE_LIST_BYTES) throw new Error(`${info.size} bytes; the limit is ${MAX_CASE_LIST_BYTES}`);
  const bytes = await readFile(path);
  return /\.xlsx$/i.test(path) ? readXlsxTable(bytes) : readCsvTable(bytes);
}

function safeName(name: string): boolean {
  return name !== '' && !isAbsolute(name) && !/^[A-Za-z]:/.test(name) && !name.includes('\\') && !name.includes('\0') && !name.split('/').includes('..');
}

export async function importCaseList(ws: Workspace, path: string, options: ImportOptions = {}): Promise<ImportResult[]> {
  let table: CaseTable;
  try {
    table = await readTable(path);
  } catch (thrown) {
    const code = isErrno(thrown, 'ENOENT') ? 'package.not-found' : 'casefile.unreadable';
    return [refusal(path, appError(code, path, { detail: describeThrown(thrown) }), null)];
  }
  const missing = REQUIRED_COLUMNS.find((key) => !table.headers.includes(CASE_COLUMNS[key]));
  if (missing) return [refusal(path, appError('casefile.missing-column', path, { column: CASE_COLUMNS[missing] }), null)];

  const folder = dirname(path);
  const results: ImportResult[] = [];
  for (const row of table.rows) {
    const source = `${path} rad ${row.number}`;
    try {
      results.push(await importRow(ws, path, folder, row, source, options));
    } catch (thrown) {
      // One row's surprise (disk full, permissions …) must not hide the other rows' results.
      results.push(refusal(source, unexpectedError(thrown, source), null));
    }
  }
  return results;
}

async function importRow(ws: Workspace, path: string, folder: string, row: CaseTable['rows'][number], source: string, options: ImportOptions): Promise<ImportResult> {
  const built = rowToPackage(row.cells, ws.meta.schemeId);
  if (!built.ok) return refusal(source, appError('casefile.bad-row', path, { row: row.number, detail: built.detail }), null);
  const { application, providedFields, attachmentNames } = built.value;
  const id = application.applicationId;
  const files = new Map<string, Uint8Array>();
  const flags: PackageFlag[] = [];
  for (const [index, name] of attachmentNames.entries()) {
    const attachment = application.attachments[index];
    if (!attachment || !safeName(name) || files.has(attachment.path)) {
      return refusal(source, appError('casefile.bad-row', path, { row: row.number, detail: `vedlegg: "${name}" is not a plain relative file name, or appears twice` }), id);
    }
    const file = join(folder, name);
    const info = await stat(file).catch((thrown: unknown) => {
      if (isErrno(thrown, 'ENOENT') || isErrno(thrown, 'ENOTDIR')) return undefined;
      throw thrown;
    });
    if (!info?.isFile()) return refusal(source, appError('casefile.pdf-missing', path, { row: row.number, entry: name, folder }), id);
    if (info.size > MAX_PDF_BYTES) return refusal(source, appError('package.file-too-large', file, { entry: name, limit: MAX_PDF_BYTES }), id);
    const bytes = await readFile(file);
    if (bytes.subarray(0, PDF_MAGIC.length).toString('latin1') !== PDF_MAGIC) return refusal(source, appError('attachment.not-pdf', file, { entry: name }), id);
    files.set(attachment.path, bytes);
    flags.push(...pdfFlags(attachment.path, bytes));
  }
  files.set('soknad.json', Buffer.from(`${JSON.stringify(application, null, 2)}\n`, 'utf8'));
  const outcome = await commitPackage(
    ws,
    { application, files, flags: flags.map((flag) => ({ code: flag.code, path: flag.path, message: flag.message })), providedFields, source: { kind: 'case-list', name: basename(path) } },
    source,
    options.actor ?? 'system',
  );
  return resultOf(source, outcome);
}
