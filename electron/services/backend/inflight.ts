// Counts IPC handler calls that have not answered yet, so the shell can wait for them before the app quits
// (an `assessment:save` cut off by quitting would lose the last edit).

export interface InflightTracker {
  /** Counts `promise` until it settles (either way) and returns it unchanged. */
  track<T>(promise: Promise<T>): Promise<T>;
  /** Calls not settled yet. */
  readonly count: number;
  /** Resolves true once nothing is in flight, or false when `timeoutMs` passes first. */
  drained(timeoutMs: number): Promise<boolean>;
}

export function createInflightTracker(): InflightTracker {
  let count = 0;
  let waiters: (() => void)[] = [];
  const settle = () => {
    count -= 1;
    if (count > 0) return;
    const woken = waiters;
    waiters = [];
    for (const wake of woken) wake();
  };
  return {
    track(promise) {
      count += 1;
      promise.then(settle, settle);
      return promise;
    },
    get count() {
      return count;
    },
    drained(timeoutMs) {
      if (count === 0) return Promise.resolve(true);
      if (timeoutMs <= 0) return Promise.resolve(false);
      return new Promise<boolean>((done) => {
        const timer = setTimeout(() => {
          waiters = waiters.filter((waiter) => waiter !== wake);
          done(false);
        }, timeoutMs);
        const wake = () => {
          clearTimeout(timer);
          done(true);
        };
        waiters.push(wake);
      });
    },
  };
}
