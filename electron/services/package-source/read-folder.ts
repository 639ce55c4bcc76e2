// Reads a package from a folder. Symbolic links are refused (checked with lstat, never followed), and each
// file is read with a byte cap, so a file that grows while we read it cannot pass the limits either.
import { lstat, open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import type { CatalogueError } from '../../../shared/errors/format';
import { PackageCollector } from './collector';
import type { PackageLimits } from './limits';

export async function readFolderFiles(root: string, label: string, limits: PackageLimits): Promise<Result<Map<string, Buffer>, CatalogueError>> {
  const collector = new PackageCollector(label, limits);
  const problem = await walk(root, '', collector);
  return problem === null ? ok(collector.files) : err(problem);
}

async function walk(root: string, relative: string, collector: PackageCollector): Promise<CatalogueError | null> {
  const names = (await readdir(join(root, relative))).sort();
  for (const base of names) {
    const name = relative === '' ? base : `${relative}/${base}`;
    const problem = collector.addEntry(name);
    if (problem !== null) return problem;
    const info = await lstat(join(root, name));
    if (info.isSymbolicLink()) return collector.fail('package.symlink', { entry: name });
    if (info.isDirectory()) {
      const inner = await walk(root, name, collector);
      if (inner !== null) return inner;
      continue;
    }
    if (!info.isFile()) return collector.fail('package.special-file', { entry: name });
    const limit = collector.fileLimit(name);
    if (info.size > limit) return collector.fileTooLarge(name);
    const content = await readCapped(join(root, name), limit);
    if (content === null) return collector.fileTooLarge(name);
    const overTotal = collector.countBytes(content.length);
    if (overTotal !== null) return overTotal;
    collector.store(name, content);
  }
  return null;
}

/** Reads at most cap bytes; null when the file holds more. */
async function readCapped(path: string, cap: number): Promise<Buffer | null> {
  const handle = await open(path, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buffer = Buffer.alloc(64 * 1024);
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > cap) return null;
      chunks.push(buffer.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}
