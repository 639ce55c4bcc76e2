// Atomic file replacement: a reader (or a restart after SIGKILL or power loss) sees the old file or the new
// one, never a mix. Temp file in the same folder (rename is atomic only within one file system), fsync the
// data, rename over the target, then fsync the folder so the rename itself is durable.
// Every step goes through a FilePort (file-port.ts) so tests can make each one fail in turn.
import { randomBytes } from 'node:crypto';
import { readdir, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { nodeFiles, writeAll } from './file-port';
import type { FilePort } from './file-port';

const TEMP_MARK = '.vurder-tmp-';

export async function writeFileAtomic(path: string, data: Uint8Array | string, files: FilePort = nodeFiles): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}${TEMP_MARK}${randomBytes(6).toString('hex')}`);
  const handle = await files.open(temp, 'wx', 0o644);
  try {
    try {
      await writeAll(handle, data, temp);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await files.rename(temp, path);
  } catch (error) {
    // A temp file that was not renamed is never read; remove it now rather than at the next open.
    await files.remove(temp).catch((removeError: unknown) => {
      throw new AggregateError([error, removeError], `${temp}: could not be written, nor removed afterwards`);
    });
    throw error;
  }
  await fsyncDirectory(dir, files);
}

export async function fsyncDirectory(dir: string, files: FilePort = nodeFiles): Promise<void> {
  const handle = await files.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** True for the temp files writeFileAtomic leaves behind when the process is killed mid-write. */
export function isAtomicTempFile(name: string): boolean {
  return name.includes(TEMP_MARK);
}

/** Removes temp files left by a killed writer; returns their names (callers may log them). */
export async function removeStaleTempFiles(dir: string): Promise<string[]> {
  const names = (await readdir(dir)).filter(isAtomicTempFile);
  await Promise.all(names.map((name) => rm(join(dir, name), { force: true })));
  return names;
}
