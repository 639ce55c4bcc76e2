// Re-hashes a stored package against its package.lock.json: before an assessment is signed (the signature
// carries packageSha256) and whenever someone wants proof that nothing was changed after import.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256Hex } from '../hash/sha256';
import { packageHash, readPackageLock } from '../import/package-lock';
import { applicationIdSchema } from '../../../shared/package/schema';
import { isErrno, ServiceError } from './errors';
import { PACKAGE_LOCK_FILE, packageDir } from './layout';
import type { Workspace } from './workspace';

export interface PackageFileProblem {
  path: string;
  kind: 'changed' | 'missing' | 'extra';
  expected?: string;
  actual?: string;
}

export interface PackageVerification {
  applicationId: string;
  /** True when every file is present, unchanged, and nothing was added. */
  intact: boolean;
  packageSha256: string;
  problems: PackageFileProblem[];
}

async function listFiles(root: string, relative = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(join(root, relative), { withFileTypes: true })) {
    const path = relative === '' ? entry.name : `${relative}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await listFiles(root, path)));
    else out.push(path);
  }
  return out;
}

export async function verifyStoredPackage(ws: Workspace, applicationId: string): Promise<PackageVerification> {
  const lock = applicationIdSchema.safeParse(applicationId).success ? await readPackageLock(ws.dir, applicationId) : undefined;
  if (!lock) throw new ServiceError('application.not-found', ws.dir, { applicationId });
  const dir = packageDir(ws.dir, applicationId);
  const problems: PackageFileProblem[] = [];
  for (const file of lock.files) {
    try {
      const actual = sha256Hex(await readFile(join(dir, file.path)));
      if (actual !== file.sha256) problems.push({ path: file.path, kind: 'changed', expected: file.sha256, actual });
    } catch (error) {
      if (!isErrno(error, 'ENOENT')) throw error;
      problems.push({ path: file.path, kind: 'missing', expected: file.sha256 });
    }
  }
  const locked = new Set([...lock.files.map((file) => file.path), PACKAGE_LOCK_FILE]);
  for (const path of await listFiles(dir)) if (!locked.has(path)) problems.push({ path, kind: 'extra' });
  // The lock's own identity must still follow from its file list (an edited lock would not).
  if (packageHash(lock.files, lock.providedFields) !== lock.packageSha256) {
    problems.push({ path: PACKAGE_LOCK_FILE, kind: 'changed', expected: lock.packageSha256, actual: packageHash(lock.files, lock.providedFields) });
  }
  return { applicationId, intact: problems.length === 0, packageSha256: lock.packageSha256, problems };
}
