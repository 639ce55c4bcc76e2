// Import of application packages into a workspace: folders, .zip files and case-system lists (CSV/XLSX),
// many at once, each package all-or-nothing (docs/workspace.md § Import).
import { basename } from 'node:path';
import type { CatalogueError } from '../../../shared/errors/format';
import { appError, unexpectedError } from '../../../shared/errors/format';
import type { LocalizedText } from '../../../shared/i18n/localized';
import { openPackage } from '../package-source';
import type { PackageLimits } from '../package-source';
import { writeFailureReason } from '../store/write-failure';
import { ServiceError } from '../workspace/errors';
import type { Workspace } from '../workspace/workspace';
import { importCaseList, isCaseList } from './case-list';
import type { CommitOutcome, StagedPackage } from './commit-package';
import { publishStaged, stagePackage } from './commit-package';
import { hashFiles } from './package-lock';

export type ImportStatus = 'imported' | 'already-imported' | 'refused';

/** Matches importResultSchema of the IPC contract (shared/ipc/schemas.ts). */
export interface ImportResult {
  /** The path the user gave; for a case-list row "<list> rad <n>". */
  source: string;
  status: ImportStatus;
  applicationId: string | null;
  /** One line in Norwegian: what happened, and for a refusal why, naming the file. */
  message: string;
  localized: LocalizedText;
  code?: string;
  /** Codes of the flags set on the package (encrypted or damaged PDF …). */
  flags: string[];
}

export interface ImportProgress {
  /** 0-based index of the path being worked on, and how many paths there are. */
  index: number;
  total: number;
  path: string;
  phase: 'started' | 'done';
  result?: ImportResult;
}

export interface ImportOptions {
  actor?: string;
  limits?: Partial<PackageLimits>;
  onProgress?: (event: ImportProgress) => void;
}

export function resultOf(source: string, outcome: CommitOutcome): ImportResult {
  switch (outcome.status) {
    case 'imported':
    case 'already-imported': {
      const { lock } = outcome;
      const flagText = lock.flags.length > 0 ? lock.flags.map((flag) => flag.message) : [];
      const localized: LocalizedText =
        outcome.status === 'imported'
          ? { nb: `importert som ${lock.applicationId}`, en: `imported as ${lock.applicationId}` }
          : { nb: `allerede importert (${lock.applicationId}, samme innhold)`, en: `already imported (${lock.applicationId}, same content)` };
      if (flagText.length > 0) {
        localized.nb += `; merknad: ${flagText.map((text) => text.nb).join('; ')}`;
        localized.en += `; flagged: ${flagText.map((text) => text.en).join('; ')}`;
      }
      return {
        source,
        status: outcome.status,
        applicationId: lock.applicationId,
        message: `${source}: ${localized.nb}`,
        localized: { nb: `${source}: ${localized.nb}`, en: `${source}: ${localized.en}` },
        flags: lock.flags.map((flag) => flag.code),
      };
    }
    case 'refused':
      return refusal(source, outcome.error, outcome.applicationId);
  }
}

/** A failure while writing a package, in words: nothing of it is in the workspace (commit-package.ts). */
function importFailure(thrown: unknown, path: string): CatalogueError {
  if (thrown instanceof ServiceError) return thrown.appError;
  const reason = writeFailureReason(thrown);
  return reason ? appError('import.write-failed', path, { reasonNb: reason.nb, reasonEn: reason.en }) : unexpectedError(thrown, path);
}

export function refusal(source: string, error: CatalogueError, applicationId: string | null): ImportResult {
  const subject = error.subject ?? source;
  return {
    source,
    status: 'refused',
    applicationId,
    message: `${subject}: ${error.localized.nb}`,
    localized: { nb: `${subject}: ${error.localized.nb}`, en: `${subject}: ${error.localized.en}` },
    code: error.code,
    flags: [],
  };
}

/** A package read, checked, hashed and staged (or refused), waiting for its turn to be published. */
type Prepared = { refusal: ImportResult } | { staged: StagedPackage };

async function preparePackage(ws: Workspace, path: string, options: ImportOptions): Promise<Prepared> {
  const opened = await openPackage(path, options.limits ?? {}, path);
  if (!opened.ok) return { refusal: refusal(path, opened.error, null) };
  const { source, application, flags } = opened.value;
  const staged = await stagePackage(
    ws,
    {
      application,
      files: source.files,
      sha256: await hashFiles(source.files),
      flags: flags.map((flag) => ({ code: flag.code, path: flag.path, message: flag.message })),
      providedFields: null,
      source: { kind: source.kind, name: basename(source.path) },
    },
    path,
  );
  return { staged };
}

/** One package (folder or .zip). Never throws for bad input: a refusal is a result. */
export async function importPackage(ws: Workspace, path: string, options: ImportOptions = {}, prepared?: Promise<Prepared>): Promise<ImportResult> {
  const ready = await (prepared ?? preparePackage(ws, path, options));
  if ('refusal' in ready) return ready.refusal;
  return resultOf(path, await publishStaged(ws, ready.staged, path, options.actor ?? 'system'));
}

/**
 * How many packages are prepared ahead of the one being published. Preparing (one read of the archive, inflate
 * and SHA-256 on the thread pool, the checks, writing and fsyncing the staged copy) of the next packages
 * overlaps the current one's rename and audit entry, so both cores and the disk work at once. The window
 * bounds memory: at most READ_AHEAD + 1 packages are held at once (a staged one holds only its lock).
 */
export const READ_AHEAD = 3;

/** Many paths, in order; each package stands alone. A case list yields one result per row. */
export async function importPackages(ws: Workspace, paths: readonly string[], options: ImportOptions = {}): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  const reads = new Map<number, Promise<Prepared>>();
  let nextRead = 0;
  const readAhead = (upTo: number) => {
    for (; nextRead <= Math.min(upTo, paths.length - 1); nextRead += 1) {
      const path = paths[nextRead];
      if (path === undefined || isCaseList(path)) continue;
      const reading = preparePackage(ws, path, options);
      // Observed here so a failure while an earlier package commits is not an unhandled rejection; it is
      // reported under its own path when its turn comes.
      reading.catch(() => undefined);
      reads.set(nextRead, reading);
    }
  };
  for (const [index, path] of paths.entries()) {
    options.onProgress?.({ index, total: paths.length, path, phase: 'started' });
    readAhead(index + READ_AHEAD);
    const current = reads.get(index);
    reads.delete(index);
    let produced: ImportResult[];
    try {
      produced = isCaseList(path) ? await importCaseList(ws, path, options) : [await importPackage(ws, path, options, current)];
    } catch (thrown) {
      // Disk full, permissions …: still one line for this path, and the next path is tried.
      produced = [refusal(path, importFailure(thrown, path), null)];
    }
    results.push(...produced);
    for (const result of produced) options.onProgress?.({ index, total: paths.length, path, phase: 'done', result });
  }
  return results;
}
