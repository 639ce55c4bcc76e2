// A lock file shared by every process that appends to one workspace's audit log (the app and `vurder` may
// run at the same time): without it two appenders could both chain onto entry N and fork the log.
// The file holds the owner's pid; a lock whose owner is dead (killed, crashed) is taken over.
import { randomBytes } from 'node:crypto';
import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { isErrno, ServiceError } from '../workspace/errors';

const WAIT_MS = 10_000;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return isErrno(error, 'EPERM');
  }
}

async function ownerOf(lockPath: string): Promise<number | undefined> {
  try {
    const pid = Number((await readFile(lockPath, 'utf8')).trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return undefined;
    throw error;
  }
}

export async function withProcessLock<T>(lockPath: string, task: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  const temp = `${lockPath}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(temp, String(process.pid), { flag: 'wx' });
  try {
    await acquire(lockPath, temp, deadline);
  } finally {
    await unlink(temp);
  }
  try {
    return await task();
  } finally {
    await unlink(lockPath);
  }
}

async function acquire(lockPath: string, temp: string, deadline: number): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      // link() creates the lock with its content in one step, so no one ever sees an empty lock file.
      await link(temp, lockPath);
      break;
    } catch (error) {
      if (!isErrno(error, 'EEXIST')) throw error;
      const owner = await ownerOf(lockPath);
      // The lock vanished between our link() and the read: its owner released it. Try again; never unlink
      // here, or we would delete the lock a third process has just taken.
      if (owner === undefined) continue;
      // The owner was killed or crashed. (Two processes taking over the same stale lock at the same instant
      // is not excluded; the window is one unlink, and the chain check would then report the fork.)
      if (!alive(owner)) {
        await unlink(lockPath).catch((unlinkError: unknown) => {
          if (!isErrno(unlinkError, 'ENOENT')) throw unlinkError;
        });
        continue;
      }
      if (Date.now() > deadline) throw new ServiceError('workspace.busy', lockPath, { pid: owner });
      await sleep(Math.min(50, 2 + attempt));
    }
  }
}
