// The few file-system calls the assessment store and the audit log write through. Production uses node:fs;
// tests pass a port that fails on purpose (test/integration/helpers/faulty-files.ts: ENOSPC, EIO, a short
// write, a failed rename or fsync at one write point) — node:fs itself is never patched.
import { open, rename, rm, truncate } from 'node:fs/promises';

export interface WritableFile {
  /** Writes `data` from `offset` (length bytes) at the file position; may write fewer bytes than asked. */
  write(data: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

export interface FilePort {
  /** `flags` as node:fs: 'wx' (new temp file), 'a' (append), 'r' (a folder, to fsync it). */
  open(path: string, flags: 'wx' | 'a' | 'r', mode?: number): Promise<WritableFile>;
  rename(from: string, to: string): Promise<void>;
  truncate(path: string, length: number): Promise<void>;
  remove(path: string): Promise<void>;
}

export const nodeFiles: FilePort = {
  open: (path, flags, mode) => open(path, flags, mode),
  rename: (from, to) => rename(from, to),
  truncate: (path, length) => truncate(path, length),
  remove: (path) => rm(path, { force: true }),
};

/** Writes all of `data`, continuing after a short write as POSIX requires; a write that makes no progress fails. */
export async function writeAll(file: WritableFile, data: Uint8Array | string, path: string): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let offset = 0;
  while (offset < bytes.length) {
    const { bytesWritten } = await file.write(bytes, offset, bytes.length - offset);
    if (bytesWritten <= 0) {
      throw Object.assign(new Error(`${path}: the write made no progress (${offset} of ${bytes.length} bytes written)`), { code: 'EIO' });
    }
    offset += bytesWritten;
  }
}
