// Reading a .zip into memory in one read, into buffers that are reused from one package to the next.
// A batch import reads hundreds of archives of a few MB: a fresh buffer for each means fresh pages from the
// kernel and, worse, V8 counting the bytes as new external memory and running a full GC every few packages
// (measured: ~8 ms of GC per 5 MB package). Reused buffers cost neither. Whoever takes an archive must
// release it once nothing points into it any more (read-zip.ts copies what it keeps).
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';

/** Archives larger than this get a buffer of their own that is not kept. */
const POOLED_MAX_BYTES = 32 * 1024 * 1024;
/** Buffers kept: one per package the import reads at the same time (import-packages.ts READ_AHEAD + 1). */
const POOL_SIZE = 4;
const ROUND = 1024 * 1024;
const idle: Buffer[] = [];

function take(size: number): Buffer {
  const index = idle.findIndex((buffer) => buffer.length >= size);
  const found = index >= 0 ? idle.splice(index, 1)[0] : undefined;
  // allocUnsafeSlow: an ArrayBuffer of its own, never a slice of Node's shared 8 KB pool.
  return found ?? Buffer.allocUnsafeSlow(size > POOLED_MAX_BYTES ? size : Math.ceil(size / ROUND) * ROUND);
}

function give(buffer: Buffer): void {
  if (buffer.length > POOLED_MAX_BYTES) return;
  idle.push(buffer);
  if (idle.length > POOL_SIZE) {
    idle.sort((a, b) => b.length - a.length);
    idle.pop();
  }
}

export interface ArchiveBytes {
  /** The file's bytes; valid until release(). */
  bytes: Buffer;
  release(): void;
}

/**
 * The whole file, or `tooLarge` with the bytes seen when it holds more than `cap` (its size before reading, or
 * what was read when it grew past the cap while being read).
 */
export async function readArchive(path: string, cap: number): Promise<ArchiveBytes | { tooLarge: number }> {
  // O_NONBLOCK: a FIFO swapped in after the caller's stat must not hang the open.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK);
  let buffer: Buffer | undefined;
  try {
    const size = (await handle.stat()).size;
    if (size > cap) return { tooLarge: size };
    // One byte more than the size, so a file that grew since fstat is seen (and read on, up to the cap).
    buffer = take(size + 1);
    let total = 0;
    for (;;) {
      if (total === buffer.length) {
        if (total > cap) break;
        const grown = Buffer.allocUnsafeSlow(Math.min(cap + 1, buffer.length * 2));
        buffer.copy(grown, 0, 0, total);
        give(buffer);
        buffer = grown;
      }
      const { bytesRead } = await handle.read(buffer, total, buffer.length - total, total);
      if (bytesRead === 0) break;
      total += bytesRead;
    }
    if (total > cap) return { tooLarge: total };
    const owned = buffer;
    buffer = undefined;
    let released = false;
    return {
      bytes: owned.subarray(0, total),
      release: () => {
        if (released) return;
        released = true;
        give(owned);
      },
    };
  } finally {
    if (buffer !== undefined) give(buffer);
    await handle.close();
  }
}
