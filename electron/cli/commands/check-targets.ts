// What `vurder check` was given, as a list of packages: each argument is a package (a folder with
// soknad.json, or a .zip), or a folder of packages (no soknad.json of its own, but sub-folders with one or
// .zip files), which is expanded in name order. Anything else is passed on as given, so the package reader
// reports it in its usual one line (not found, not a zip, no soknad.json …).
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { MANIFEST_FILE } from '../../services/workspace/layout';

export interface CheckTarget {
  /** Absolute path of the package. */
  path: string;
  /** The package as the user named it (folder of packages: `<folder>/<name>`), used in error lines. */
  label: string;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    // Missing or unreadable: not a manifest here; the reader names the real problem when it opens the path.
    return false;
  }
}

async function packagesIn(dir: string): Promise<Dirent[] | null> {
  let entries: Dirent[];
  try {
    if (!(await stat(dir)).isDirectory() || (await isFile(join(dir, MANIFEST_FILE)))) return null;
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return null;
  }
  const found: Dirent[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.isFile() && entry.name.toLowerCase().endsWith('.zip')) found.push(entry);
    else if (entry.isDirectory() && (await isFile(join(dir, entry.name, MANIFEST_FILE)))) found.push(entry);
  }
  return found.length > 0 ? found : null;
}

export async function expandCheckTargets(cwd: string, given: readonly string[]): Promise<CheckTarget[]> {
  const targets: CheckTarget[] = [];
  for (const label of given) {
    const path = resolve(cwd, label);
    const inside = await packagesIn(path);
    if (inside === null) targets.push({ path, label });
    else for (const entry of inside) targets.push({ path: join(path, entry.name), label: `${label.replace(/[\\/]+$/, '')}/${entry.name}` });
  }
  return targets;
}
