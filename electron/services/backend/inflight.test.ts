// The in-flight tracker the shell's quit path waits on.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createInflightTracker } from './inflight';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('createInflightTracker', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('counts calls until they settle, resolved or rejected, and passes their result through', async () => {
    const tracker = createInflightTracker();
    const save = deferred<string>();
    const failing = deferred<string>();
    const tracked = tracker.track(save.promise);
    const trackedFailure = tracker.track(failing.promise);
    expect(tracker.count).toBe(2);
    save.resolve('saved');
    expect(await tracked).toBe('saved');
    expect(tracker.count).toBe(1);
    failing.reject(new Error('disk full'));
    await expect(trackedFailure).rejects.toThrow('disk full');
    await vi.advanceTimersByTimeAsync(0);
    expect(tracker.count).toBe(0);
  });

  it('drained() is true at once when idle', async () => {
    expect(await createInflightTracker().drained(0)).toBe(true);
  });

  it('drained() waits for the last call, including one that starts while waiting', async () => {
    const tracker = createInflightTracker();
    const first = deferred<void>();
    const second = deferred<void>();
    void tracker.track(first.promise);
    let result: boolean | undefined;
    void tracker.drained(5000).then((drained) => (result = drained));
    void tracker.track(second.promise);
    first.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(result).toBeUndefined();
    second.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(result).toBe(true);
  });

  it('drained() gives up with false after the timeout while a call hangs', async () => {
    const tracker = createInflightTracker();
    void tracker.track(new Promise<void>(() => undefined));
    let result: boolean | undefined;
    void tracker.drained(5000).then((drained) => (result = drained));
    await vi.advanceTimersByTimeAsync(4999);
    expect(result).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(result).toBe(false);
    expect(tracker.count).toBe(1);
  });
});
