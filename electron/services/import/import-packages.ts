// Import of application packages into a workspace: folders, .zip files and case-system lists (CSV/XLSX),
// many at once, each package all-or-nothing (docs/workspace.md § Import).
import { basename } from 'node:path';
import type { CatalogueError } from '../../../shared/errors/format';
import { unexpectedError } from '../../../shared/errors/format';
import type { LocalizedText } from '../../../shared/i18n/localized';
import { openPackage } from '../package-source';
import type { PackageLimits } from '../package-source';
import type { Workspace } from '../workspace/workspace';
import { importCaseList, isCaseList } from './case-list';
import type { CommitOutcome } from './commit-package';
import { commitPackage } from './commit-package';

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

type Opened = Awaited<ReturnType<typeof openPackage>>;

/** One package (folder or .zip). Never throws for bad input: a refusal is a result. */
export async function importPackage(ws: Workspace, path: string, options: ImportOptions = {}, read?: Promise<Opened>): Promise<ImportResult> {
  const opened = await (read ?? openPackage(path, options.limits ?? {}, path));
  if (!opened.ok) return refusal(path, opened.error, null);
  const { source, application, flags } = opened.value;
  const outcome = await commitPackage(
    ws,
    {
      application,
      files: source.files,
      flags: flags.map((flag) => ({ code: flag.code, path: flag.path, message: flag.message })),
      providedFields: null,
      source: { kind: source.kind, name: basename(source.path) },
    },
    path,
    options.actor ?? 'system',
  );
  return resultOf(path, outcome);
}

/** Many paths, in order; each package stands alone. A case list yields one result per row. */
export async function importPackages(ws: Workspace, paths: readonly string[], options: ImportOptions = {}): Promise<ImportResult[]> {
  const results: ImportResult[] = [];
  // The next package is read and checked while the current one is written and fsynced (at most two packages
  // in memory); a read that fails is reported under its own path when its turn comes.
  const read = (path: string | undefined): Promise<Opened> | undefined => {
    if (path === undefined || isCaseList(path)) return undefined;
    const reading = openPackage(path, options.limits ?? {}, path);
    // Observed here so a failure while the previous package commits is not an unhandled rejection.
    reading.catch(() => undefined);
    return reading;
  };
  let next = read(paths[0]);
  for (const [index, path] of paths.entries()) {
    options.onProgress?.({ index, total: paths.length, path, phase: 'started' });
    const current = next;
    next = read(paths[index + 1]);
    let produced: ImportResult[];
    try {
      produced = isCaseList(path) ? await importCaseList(ws, path, options) : [await importPackage(ws, path, options, current)];
    } catch (thrown) {
      // Disk full, permissions …: still one line for this path, and the next path is tried.
      produced = [refusal(path, unexpectedError(thrown, path), null)];
    }
    results.push(...produced);
    for (const result of produced) options.onProgress?.({ index, total: paths.length, path, phase: 'done', result });
  }
  return results;
}
