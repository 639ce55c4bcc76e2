// Import of a case-system export: a CSV or XLSX list, one row per application, with the PDFs in the list's
// folder. Every row becomes its own package (all-or-nothing per row) with providedFields recorded.
import { lstat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join } from 'node:path';
import type { CatalogueError } from '../../../shared/errors/format';
import { appError, describeThrown, unexpectedError } from '../../../shared/errors/format';
import { escapeName, hasUnsafeNameCharacter } from '../../../shared/text/unsafe-name';
import { readUserFile } from '../input/user-file';
import { pdfFlags } from '../package-source';
import { isPdfBytes, isPdfName } from '../package-source/attachments';
import type { PackageFlag } from '../package-source';
import { isErrno, ServiceError } from '../workspace/errors';
import type { CaseListLimits } from './case-limits';
import { CaseListLimitError, DEFAULT_CASE_LIST_LIMITS } from './case-limits';
import type { Workspace } from '../workspace/workspace';
import type { CaseTable } from './case-table';
import { readCsvTable, readXlsxTable } from './case-table';
import { CASE_COLUMNS, REQUIRED_COLUMNS, rowToPackage } from './case-row';
import { commitPackage } from './commit-package';
import type { ImportOptions, ImportResult } from './import-packages';
import { refusal, resultOf } from './import-packages';

/** A list larger than this is not a plausible case export. */
export const MAX_CASE_LIST_BYTES = DEFAULT_CASE_LIST_LIMITS.maxFileBytes;
const MAX_PDF_BYTES = 100 * 1024 * 1024;

export function isCaseList(path: string): boolean {
  return /\.(csv|xlsx)$/i.test(path);
}

async function readTable(path: string, limits: CaseListLimits): Promise<CaseTable> {
  // A regular file under the size limit only: /dev/zero or a FIFO named as a list is refused unread.
  const bytes = await readUserFile(path, limits.maxFileBytes);
  return /\.xlsx$/i.test(path) ? readXlsxTable(bytes, limits) : readCsvTable(bytes, ';', limits);
}

function tableError(path: string, thrown: unknown): CatalogueError {
  if (thrown instanceof ServiceError) return thrown.appError;
  if (thrown instanceof CaseListLimitError) return appError('casefile.limit', path, { detailNb: thrown.nb, detailEn: thrown.en });
  return appError(isErrno(thrown, 'ENOENT') ? 'package.not-found' : 'casefile.unreadable', path, { detail: describeThrown(thrown) });
}

function safeName(name: string): boolean {
  return name !== '' && !isAbsolute(name) && !/^[A-Za-z]:/.test(name) && !name.includes('\\') && !name.includes('\0') && !name.split('/').includes('..');
}

/** Why an attachment name in a list is refused, or undefined. */
function nameProblem(name: string): { nb: string; en: string } | undefined {
  if (hasUnsafeNameCharacter(name)) return { nb: 'kontrolltegn, retningstegn eller usynlig tegn', en: 'control, bidi or invisible character' };
  if (!safeName(name)) return { nb: 'ikke et enkelt relativt filnavn', en: 'not a plain relative file name' };
  if (!isPdfName(name)) return { nb: 'bare PDF-vedlegg (.pdf) godtas', en: 'only PDF attachments (.pdf) are accepted' };
  return undefined;
}

/** The first symbolic link on the way from `folder` to `name`, like a link inside a zip: refused. */
async function linkOnPath(folder: string, name: string): Promise<string | undefined> {
  const parts = name.split('/');
  for (let index = 1; index <= parts.length; index += 1) {
    const partial = parts.slice(0, index).join('/');
    const info = await lstat(join(folder, partial)).catch((thrown: unknown) => {
      if (isErrno(thrown, 'ENOENT') || isErrno(thrown, 'ENOTDIR')) return undefined;
      throw thrown;
    });
    if (info?.isSymbolicLink()) return partial;
    if (!info) return undefined;
  }
  return undefined;
}

export async function importCaseList(ws: Workspace, path: string, options: ImportOptions & { caseListLimits?: CaseListLimits } = {}): Promise<ImportResult[]> {
  let table: CaseTable;
  try {
    table = await readTable(path, options.caseListLimits ?? DEFAULT_CASE_LIST_LIMITS);
  } catch (thrown) {
    return [refusal(path, tableError(path, thrown), null)];
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
    const entry = escapeName(name);
    const problem = nameProblem(name);
    if (problem) return refusal(source, appError('casefile.bad-name', path, { row: row.number, entry, detailNb: problem.nb, detailEn: problem.en }), id);
    if (!attachment || files.has(attachment.path)) {
      return refusal(source, appError('casefile.bad-row', path, { row: row.number, detail: `vedlegg: "${entry}" appears twice` }), id);
    }
    const link = await linkOnPath(folder, name);
    if (link !== undefined) return refusal(source, appError('casefile.symlink', path, { row: row.number, entry: escapeName(link) }), id);
    const file = join(folder, name);
    let bytes: Buffer;
    try {
      bytes = await readUserFile(file, MAX_PDF_BYTES, { followLinks: false });
    } catch (thrown) {
      if (thrown instanceof ServiceError && thrown.code === 'file.not-found') {
        return refusal(source, appError('casefile.pdf-missing', path, { row: row.number, entry, folder }), id);
      }
      if (thrown instanceof ServiceError && thrown.code === 'file.too-large') return refusal(source, appError('package.file-too-large', file, { entry, limit: MAX_PDF_BYTES }), id);
      if (thrown instanceof ServiceError) return refusal(source, thrown.appError, id);
      throw thrown;
    }
    if (!isPdfBytes(bytes)) return refusal(source, appError('attachment.not-pdf', file, { entry }), id);
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
