// Atomic file replacement: a reader (or a restart after SIGKILL or power loss) sees the old file or the new
// one, never a mix. Temp file in the same folder (rename is atomic only within one file system), fsync the
// data, rename over the target, then fsync the folder so the rename itself is durable.
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

const TEMP_MARK = '.vurder-tmp-';

export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  const dir = dirname(path);
  const temp = join(dir, `.${basename(path)}${TEMP_MARK}${randomBytes(6).toString('hex')}`);
  const handle = await open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await fsyncDirectory(dir);
}

export async function fsyncDirectory(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
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
