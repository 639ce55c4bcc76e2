// The all-or-nothing step of an import: everything is checked in memory first, so a refusal writes nothing;
// an accepted package is written into <ws>/.staging/<random>/ and moved into packages/<id>/ with one rename.
// Two steps, so a batch can overlap them: stagePackage (write and fsync the files) runs for the next packages
// while publishStaged (the "already imported" check, the rename, the audit entry) runs for the current one,
// one at a time per workspace.
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ApplicationPackage } from '../../../shared/package/schema';
import type { CatalogueError } from '../../../shared/errors/format';
import { appError } from '../../../shared/errors/format';
import { appendAudit, readAuditLog } from '../audit/audit-log';
import type { AuditEntry } from '../audit/audit-log';
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
  /** The files' SHA-256 when already computed (hashFiles); any file missing here is hashed in the commit. */
  sha256?: ReadonlyMap<string, string>;
  flags: PackageLock['flags'];
  providedFields: string[] | null;
  source: PackageLock['source'];
}

export type CommitOutcome =
  | { status: 'imported'; lock: PackageLock }
  | { status: 'already-imported'; lock: PackageLock }
  | { status: 'refused'; error: CatalogueError; applicationId: string };

/** A package written and fsynced under .staging, not yet in packages/ (or an outcome decided before writing). */
export type StagedPackage = { status: 'staged'; lock: PackageLock; staging: string } | CommitOutcome;

export async function commitPackage(ws: Workspace, pkg: PackageToCommit, label: string, actor: string): Promise<CommitOutcome> {
  return publishStaged(ws, await stagePackage(ws, pkg, label), label, actor);
}

/** What an existing package under the same id means for this one, or null when there is none. */
async function existingOutcome(ws: Workspace, applicationId: string, sha: string, label: string): Promise<CommitOutcome | null> {
  const existing = await readPackageLock(ws.dir, applicationId);
  if (!existing) return null;
  if (existing.packageSha256 === sha) return { status: 'already-imported', lock: existing };
  return { status: 'refused', applicationId, error: appError('import.conflict', label, { applicationId, existing: existing.packageSha256, incoming: sha }) };
}

/** Writes the package's files and lock into a new staging folder and makes them durable. */
export async function stagePackage(ws: Workspace, pkg: PackageToCommit, label: string): Promise<StagedPackage> {
  const { application } = pkg;
  if (application.schemeId !== ws.meta.schemeId) {
    return { status: 'refused', applicationId: application.applicationId, error: appError('import.wrong-scheme', label, { found: application.schemeId, expected: ws.meta.schemeId }) };
  }
  const files = lockFiles(pkg.files, pkg.sha256);
  const sha = packageHash(files, pkg.providedFields);
  // Checked again when publishing (the authoritative check); here it saves writing a package already there.
  const early = await existingOutcome(ws, application.applicationId, sha, label);
  if (early) return early;
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
  return withStaging(ws, async () => {
    try {
      const folders = new Set([staging, ...[...pkg.files.keys()].map((path) => dirname(join(staging, path)))]);
      for (const folder of [...folders].sort()) await mkdir(folder, { recursive: true });
      // All files at once: their fsyncs overlap (the file system batches them) instead of queueing one by one.
      await Promise.all([
        ...[...pkg.files].map(([path, bytes]) => writeDurably(join(staging, path), bytes)),
        writeDurably(join(staging, PACKAGE_LOCK_FILE), `${JSON.stringify(lock, null, 2)}\n`),
      ]);
      // Every folder that got new names (vedlegg/ too), so the names survive a power loss with the data.
      await Promise.all([...folders].map((folder) => fsyncDirectory(folder)));
      return { status: 'staged', lock, staging };
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw error;
    }
  });
}

/** Moves a staged package into packages/ and records it; one package at a time per workspace in this process. */
export function publishStaged(ws: Workspace, staged: StagedPackage, label: string, actor: string): Promise<CommitOutcome> {
  if (staged.status !== 'staged') return Promise.resolve(staged);
  // The "already imported" check and the rename must not interleave.
  return runExclusive(`${ws.dir}\0import`, () => withStaging(ws, () => publishNow(ws, staged, label, actor)));
}

async function publishNow(ws: Workspace, staged: { lock: PackageLock; staging: string }, label: string, actor: string): Promise<CommitOutcome> {
  const { lock, staging } = staged;
  const target = packageDir(ws.dir, lock.applicationId);
  try {
    const existing = await existingOutcome(ws, lock.applicationId, lock.packageSha256, label);
    if (existing) return existing;
    await mkdir(packagesDir(ws.dir), { recursive: true });
    await rename(staging, target);
    await fsyncDirectory(packagesDir(ws.dir));
    await recordImport(ws, lock, actor, target, staging);
    return { status: 'imported', lock };
  } finally {
    // After the rename there is nothing left here; after a refusal, a failure or a rollback, the copy goes.
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * The audit entry of an import. If it cannot be written (disk full …), the package is taken out of packages/
 * again, so no package is ever in the workspace without the entry that records it, and the failure is
 * reported. Only when the entry did reach the log (the audit head after it failed, which the log tolerates and
 * opening the workspace repairs) does the package stay, as imported.
 */
async function recordImport(ws: Workspace, lock: PackageLock, actor: string, target: string, staging: string): Promise<void> {
  try {
    await appendAudit(ws.dir, {
      actor,
      action: 'package.import',
      subject: lock.applicationId,
      data: { packageSha256: lock.packageSha256, source: lock.source, files: lock.files.length, flags: lock.flags.map((flag) => `${flag.code} ${flag.path}`) },
    });
  } catch (error) {
    if (await importRecorded(ws, lock)) return;
    try {
      await rename(target, staging);
      await fsyncDirectory(packagesDir(ws.dir));
    } catch (rollbackError) {
      throw new AggregateError([error, rollbackError], `${target}: the audit entry could not be written, and the package could not be taken out again`, { cause: rollbackError });
    }
    throw error;
  }
}

/** Whether the log's last entry is this import (written before the head update failed). */
async function importRecorded(ws: Workspace, lock: PackageLock): Promise<boolean> {
  // A log that cannot even be read counts as not recording it: the package is taken out, the safe side.
  const last = (await readAuditLog(ws.dir).catch((): AuditEntry[] => [])).at(-1);
  return last?.action === 'package.import' && last.subject === lock.applicationId && last.data.packageSha256 === lock.packageSha256;
}

// Staging folders in use per workspace in this process: .staging is removed when the last one is done, never
// while another package is being written into it (a batch stages the next packages while one is published).
const stagingInUse = new Map<string, number>();

async function withStaging<T>(ws: Workspace, task: () => Promise<T>): Promise<T> {
  stagingInUse.set(ws.dir, (stagingInUse.get(ws.dir) ?? 0) + 1);
  try {
    return await task();
  } finally {
    const left = (stagingInUse.get(ws.dir) ?? 1) - 1;
    if (left > 0) stagingInUse.set(ws.dir, left);
    else {
      stagingInUse.delete(ws.dir);
      // Leave no empty .staging behind, so a workspace looks the same before and after an import that failed.
      await rmdir(stagingDir(ws.dir)).catch((error: unknown) => {
        if (!isErrno(error, 'ENOENT') && !isErrno(error, 'ENOTEMPTY')) throw error;
      });
    }
  }
}

async function writeDurably(path: string, data: Uint8Array | string): Promise<void> {
  const handle = await open(path, 'wx', 0o444);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
}
