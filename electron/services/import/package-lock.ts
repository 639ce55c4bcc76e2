// package.lock.json: what was imported, byte for byte (docs/workspace.md § Packages). Written once at
// import, inside the staging folder, and never changed; readDocument checks files against it.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { localizedTextSchema } from '../../../shared/i18n/localized';
import { sha256Hex, sha256HexOffThread, sha256Json } from '../hash/sha256';
import { isErrno, ServiceError } from '../workspace/errors';
import { PACKAGE_LOCK_FILE, packageDir } from '../workspace/layout';

const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const lockedFileSchema = z.object({ path: z.string().min(1), size: z.number().int().nonnegative(), sha256, mediaType: z.string() }).strict();

export const packageLockSchema = z
  .object({
    formatVersion: z.literal(1),
    applicationId: z.string(),
    importedAt: z.string(),
    source: z.object({ kind: z.enum(['folder', 'zip', 'case-list']), name: z.string() }).strict(),
    /** Every file of the package, soknad.json included, sorted by path. */
    files: z.array(lockedFileSchema),
    /** SHA-256 of the canonical JSON of [[path, sha256] …] (+ providedFields): the package's identity. */
    packageSha256: sha256,
    flags: z.array(z.object({ code: z.string(), path: z.string(), message: localizedTextSchema }).strict()),
    /** Null for a full package v1; the fields that carry data for a case-list row. */
    providedFields: z.array(z.string()).nullable(),
  })
  .strict();

export type PackageLock = z.infer<typeof packageLockSchema>;
export type LockedFile = z.infer<typeof lockedFileSchema>;

export function mediaTypeOf(path: string): string {
  const lower = path.toLowerCase();
  if (lower.endsWith('.pdf')) return 'application/pdf';
  if (lower.endsWith('.json')) return 'application/json';
  if (lower.endsWith('.txt')) return 'text/plain';
  return 'application/octet-stream';
}

/** `known`: digests already computed for these bytes (the import hashes while it reads, hashFiles). */
export function lockFiles(files: ReadonlyMap<string, Uint8Array>, known?: ReadonlyMap<string, string>): LockedFile[] {
  return [...files.entries()]
    .map(([path, bytes]) => ({ path, size: bytes.byteLength, sha256: known?.get(path) ?? sha256Hex(bytes), mediaType: mediaTypeOf(path) }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** Every file's SHA-256, computed off the main thread and all at once. */
export async function hashFiles(files: ReadonlyMap<string, Uint8Array>): Promise<Map<string, string>> {
  return new Map(await Promise.all([...files].map(async ([path, bytes]) => [path, await sha256HexOffThread(bytes)] as const)));
}

/** Content identity: the same files give the same hash whether they came from a folder or a zip. */
export function packageHash(files: readonly LockedFile[], providedFields: readonly string[] | null): string {
  const body: unknown[] = [files.map((file) => [file.path, file.sha256])];
  if (providedFields !== null) body.push([...providedFields].sort());
  return sha256Json(body);
}

/** The lock of an imported application, or undefined when none is imported under that id. */
export async function readPackageLock(workspaceDir: string, applicationId: string): Promise<PackageLock | undefined> {
  const path = join(packageDir(workspaceDir, applicationId), PACKAGE_LOCK_FILE);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return undefined;
    throw error;
  }
  try {
    return packageLockSchema.parse(JSON.parse(text));
  } catch (error) {
    throw new ServiceError('workspace.damaged', path, { detail: 'package.lock.json is not valid' }, { cause: error });
  }
}
