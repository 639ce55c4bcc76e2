// Reading a file the person named (a CLI argument, a dialog choice, a drop): only a regular file, only up to a
// size limit, never blocking. `/dev/zero` would otherwise be read until memory runs out and a FIFO would hang
// the read forever (issue #8 point 3), so the type is checked before and after opening, and the open is
// non-blocking (a FIFO without a writer would block a plain open).
import { constants } from 'node:fs';
import { lstat, open, stat } from 'node:fs/promises';
import { ServiceError } from '../workspace/errors';

/** 64 MiB: far above any signed PDF, exchange file, certificate or case list Vurder makes or reads. */
export const DEFAULT_USER_FILE_LIMIT = 64 * 1024 * 1024;

const KINDS = {
  link: { kindNb: 'en symbolsk lenke', kindEn: 'a symbolic link' },
  folder: { kindNb: 'en mappe', kindEn: 'a folder' },
  fifo: { kindNb: 'en rørledning (FIFO)', kindEn: 'a pipe (FIFO)' },
  device: { kindNb: 'en enhet', kindEn: 'a device' },
  socket: { kindNb: 'en sokkel', kindEn: 'a socket' },
  other: { kindNb: 'ikke en vanlig fil', kindEn: 'not a regular file' },
} as const;

function kindOf(stats: { isSymbolicLink(): boolean; isDirectory(): boolean; isFIFO(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean; isSocket(): boolean }): (typeof KINDS)[keyof typeof KINDS] {
  if (stats.isSymbolicLink()) return KINDS.link;
  if (stats.isDirectory()) return KINDS.folder;
  if (stats.isFIFO()) return KINDS.fifo;
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return KINDS.device;
  if (stats.isSocket()) return KINDS.socket;
  return KINDS.other;
}

/** Throws `file.not-regular` unless `path` (after following links, unless followLinks is false) is a regular file. */
export async function requireRegularFile(path: string, followLinks = true): Promise<number> {
  let stats;
  try {
    stats = await (followLinks ? stat(path) : lstat(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new ServiceError(code === 'ENOENT' ? 'file.not-found' : 'file.unreadable', path, { detail: code }, { cause: error });
  }
  if (!stats.isFile()) throw new ServiceError('file.not-regular', path, kindOf(stats));
  return stats.size;
}

/**
 * The whole file, if it is a regular file of at most `maxBytes`. A file that grows while being read is refused
 * once it passes `maxBytes`, so the memory used is bounded whatever happens on disk.
 */
export async function readUserFile(path: string, maxBytes: number = DEFAULT_USER_FILE_LIMIT, options: { followLinks?: boolean } = {}): Promise<Buffer> {
  const followLinks = options.followLinks ?? true;
  const size = await requireRegularFile(path, followLinks);
  if (size > maxBytes) throw new ServiceError('file.too-large', path, { size, limit: maxBytes });
  let handle;
  try {
    // O_NOFOLLOW: a link put in place between the check and the open is refused by the kernel (ELOOP).
    handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK | (followLinks ? 0 : constants.O_NOFOLLOW));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    throw new ServiceError('file.unreadable', path, { detail: code }, { cause: error });
  }
  try {
    // Swapped for something else between stat and open: check what was actually opened.
    const opened = await handle.stat();
    if (!opened.isFile()) throw new ServiceError('file.not-regular', path, kindOf(opened));
    // Read to the end (the file may have grown since stat), but never past maxBytes + 1.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(Math.min(1024 * 1024, maxBytes + 1 - total));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, total);
      if (bytesRead === 0) break;
      chunks.push(chunk.subarray(0, bytesRead));
      total += bytesRead;
      if (total > maxBytes) throw new ServiceError('file.too-large', path, { size: total, limit: maxBytes });
    }
    return Buffer.concat(chunks, total);
  } finally {
    await handle.close();
  }
}
