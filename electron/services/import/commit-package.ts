// The all-or-nothing step of an import: everything is checked in memory first, so a refusal writes nothing;
// an accepted package is written into <ws>/.staging/<random>/ and moved into packages/<id>/ with one rename.
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ApplicationPackage } from '../../../shared/package/schema';
import type { CatalogueError } from '../../../shared/errors/format';
import { appError } from '../../../shared/errors/format';
import { appendAudit } from '../audit/audit-log';
import { fsyncDirectory } from '../store/atomic-write';
import { runExclusive } from '../store/file-queue';
import { isErrno } from '../workspace/errors';
import { PACKAGE_LOCK_FILE, packageDir, packagesDir, stagingDir } from '../workspace/layout';
import { osloTimestamp } from '../workspace/time';
import type { Workspace } from '../workspace/workspace';
import type { PackageLock } from './package-lock';
import { lockFiles, packageHash, readPackageLock } from './package-lock';

export interface PackageToCommit {
  application: ApplicationPackage;
  /** Every file by relative path (forward slashes), soknad.json included; paths already checked safe. */
  files: ReadonlyMap<string, Uint8Array>;
  flags: PackageLock['flags'];
  providedFields: string[] | null;
  source: PackageLock['source'];
}

export type CommitOutcome =
  | { status: 'imported'; lock: PackageLock }
  | { status: 'already-imported'; lock: PackageLock }
  | { status: 'refused'; error: CatalogueError; applicationId: string };

export function commitPackage(ws: Workspace, pkg: PackageToCommit, label: string, actor: string): Promise<CommitOutcome> {
  // One import at a time per workspace in this process: the "already imported" check and the rename must not interleave.
  return runExclusive(`${ws.dir}\0import`, () => commitNow(ws, pkg, label, actor));
}

async function commitNow(ws: Workspace, pkg: PackageToCommit, label: string, actor: string): Promise<CommitOutcome> {
  const { application } = pkg;
  if (application.schemeId !== ws.meta.schemeId) {
    return { status: 'refused', applicationId: application.applicationId, error: appError('import.wrong-scheme', label, { found: application.schemeId, expected: ws.meta.schemeId }) };
  }
  const files = lockFiles(pkg.files);
  const sha = packageHash(files, pkg.providedFields);
  const existing = await readPackageLock(ws.dir, application.applicationId);
  if (existing) {
    if (existing.packageSha256 === sha) return { status: 'already-imported', lock: existing };
    return {
      status: 'refused',
      applicationId: application.applicationId,
      error: appError('import.conflict', label, { applicationId: application.applicationId, existing: existing.packageSha256, incoming: sha }),
    };
  }
  const lock: PackageLock = {
    formatVersion: 1,
    applicationId: application.applicationId,
    importedAt: osloTimestamp(),
    source: pkg.source,
    files,
    packageSha256: sha,
    flags: pkg.flags,
    providedFields: pkg.providedFields,
  };
  const staging = join(stagingDir(ws.dir), randomBytes(8).toString('hex'));
  try {
    // All files at once: their fsyncs overlap (the file system batches them) instead of queueing one by one.
    await Promise.all([
      ...[...pkg.files].map(([path, bytes]) => writeDurably(join(staging, path), bytes)),
      writeDurably(join(staging, PACKAGE_LOCK_FILE), `${JSON.stringify(lock, null, 2)}\n`),
    ]);
    await fsyncDirectory(staging);
    await mkdir(packagesDir(ws.dir), { recursive: true });
    await rename(staging, packageDir(ws.dir, application.applicationId));
    await fsyncDirectory(packagesDir(ws.dir));
  } finally {
    await rm(staging, { recursive: true, force: true });
    // Leave no empty .staging behind, so a workspace looks the same before and after an import that failed.
    await rmdir(stagingDir(ws.dir)).catch((error: unknown) => {
      if (!isErrno(error, 'ENOENT') && !isErrno(error, 'ENOTEMPTY')) throw error;
    });
  }
  await appendAudit(ws.dir, {
    actor,
    action: 'package.import',
    subject: application.applicationId,
    data: { packageSha256: sha, source: pkg.source, files: files.length, flags: pkg.flags.map((flag) => `${flag.code} ${flag.path}`) },
  });
  return { status: 'imported', lock };
}

async function writeDurably(path: string, data: Uint8Array | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const handle = await open(path, 'wx', 0o444);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
