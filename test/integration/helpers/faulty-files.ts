// A FilePort (electron/services/store/file-port.ts) that fails on purpose at one chosen operation: the store and
// the audit log write through it, so each write point can be made to fail in turn without touching node:fs.
// Every operation is counted; `failAt` picks the n-th (0-based) and `fault` what goes wrong there.
import { basename } from 'node:path';
import { nodeFiles } from '../../../electron/services/store/file-port';
import type { FilePort, WritableFile } from '../../../electron/services/store/file-port';

export type Operation = 'open' | 'write' | 'sync' | 'rename';

/**
 * ENOSPC / EIO: the call fails with that code. short: a write stores half of its bytes and says so, the next
 * write on that file fails with ENOSPC (a disk filling up mid-write). lost: a write stores half and claims it
 * stored everything (a disk that lies, or power lost before the cache reached the platter).
 */
export type Fault = 'ENOSPC' | 'EIO' | 'short' | 'lost';

export const FAULTS_BY_OPERATION: Readonly<Record<Operation, readonly Fault[]>> = {
  open: ['ENOSPC', 'EIO'],
  write: ['ENOSPC', 'EIO', 'short'],
  sync: ['EIO'],
  rename: ['EIO', 'ENOSPC'],
};

export interface FaultyFiles extends FilePort {
  /** Every operation so far: "open .ASK-2021-001.json.vurder-tmp-…", "rename …" (for naming the failing point). */
  readonly log: string[];
  /** Whether the fault was injected (the operation was reached). */
  readonly fired: boolean;
}

function failure(code: 'ENOSPC' | 'EIO', what: string): Error {
  return Object.assign(new Error(`${code}: injected fault, ${what}`), { code, errno: code === 'ENOSPC' ? -28 : -5, syscall: what });
}

export function faultyFiles(failAt: number, fault: Fault): FaultyFiles {
  const log: string[] = [];
  let fired = false;
  /** Counts an operation; true when this one is the one to fail. */
  function step(operation: Operation, path: string): boolean {
    log.push(`${operation} ${basename(path)}`);
    if (log.length - 1 !== failAt) return false;
    fired = true;
    return true;
  }
  function wrap(file: WritableFile, path: string): WritableFile {
    let fillingUp = false;
    return {
      async write(data, offset, length) {
        if (fillingUp) throw failure('ENOSPC', `write ${path}`);
        if (!step('write', path)) return file.write(data, offset, length);
        if (fault === 'ENOSPC' || fault === 'EIO') throw failure(fault, `write ${path}`);
        const half = Math.max(1, Math.floor(length / 2));
        const { bytesWritten } = await file.write(data, offset, half);
        if (fault === 'short') {
          fillingUp = true;
          return { bytesWritten };
        }
        return { bytesWritten: length };
      },
      async sync() {
        if (step('sync', path)) throw failure('EIO', `fsync ${path}`);
        return file.sync();
      },
      close: () => file.close(),
    };
  }
  return {
    log,
    get fired() {
      return fired;
    },
    async open(path, flags, mode) {
      if (step('open', path) && (fault === 'ENOSPC' || fault === 'EIO')) throw failure(fault, `open ${path}`);
      return wrap(await nodeFiles.open(path, flags, mode), path);
    },
    async rename(from, to) {
      if (step('rename', to) && (fault === 'ENOSPC' || fault === 'EIO')) throw failure(fault, `rename ${from} → ${to}`);
      return nodeFiles.rename(from, to);
    },
    truncate: (path, length) => nodeFiles.truncate(path, length),
    remove: (path) => nodeFiles.remove(path),
  };
}
