// Temp folders, fixture paths and a whole-tree hash for the integration tests.
import { createHash } from 'node:crypto';
import { lstat, mkdtemp, readdir, readFile, readlink, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURE_PACKAGES = fileURLToPath(new URL('../../fixtures/packages/', import.meta.url));

export function fixturePackage(name: string): string {
  return join(FIXTURE_PACKAGES, name);
}

export async function tempDir(prefix: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `vurder-${prefix}-`));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * SHA-256 over every path, type, mode and content in a folder tree (sorted), so "byte-for-byte unchanged"
 * includes files and folders that appear, vanish or change permissions.
 */
export async function hashTree(root: string): Promise<string> {
  const hash = createHash('sha256');
  async function walk(relative: string): Promise<void> {
    const names = (await readdir(join(root, relative))).sort();
    for (const name of names) {
      const path = relative === '' ? name : `${relative}/${name}`;
      const info = await lstat(join(root, path));
      hash.update(`${path}\0${info.mode}\0`);
      if (info.isDirectory()) await walk(path);
      else if (info.isSymbolicLink()) hash.update(await readlink(join(root, path)));
      else hash.update(await readFile(join(root, path)));
      hash.update('\0');
    }
  }
  await walk('');
  return hash.digest('hex');
}
