// Closing without losing the last edit: the decisions of the shell's close/quit handlers and the flush
// handshake, through the real `app:flushed` handler (the shell's Electron glue only calls these).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBackend } from './backend';
import { createFlushCoordinator, decideClose, decideQuit, prepareToClose } from './close-guard';
import { createIpcHandlers } from './handlers';
import { createInflightTracker } from './inflight';
import type { WorkspaceServices } from './ports';

const unreachable = (): never => {
  throw new Error('the workspace services must not be reached here');
};
const noServices: WorkspaceServices = { createWorkspace: unreachable, openWorkspace: unreachable, createDemo: unreachable, createPanel: unreachable, createDemoPanel: unreachable, directoryExists: unreachable };

function backendAndHandlers() {
  const backend = createBackend({
    settings: { read: unreachable, write: unreachable },
    dialogs: { chooseDirectory: async () => null, choosePackages: async () => [], chooseFiles: async () => [], chooseSavePath: async () => null, confirm: async () => false },
    events: { emit: () => undefined },
    services: noServices,
    app: { name: 'Vurder', version: '0.1.0', transport: 'electron', platform: 'linux', versions: {} },
  });
  return { backend, handlers: createIpcHandlers(backend) };
}

describe('decideClose / decideQuit', () => {
  it.each([
    [{ flushed: false, flushing: false }, 'flush-first'],
    [{ flushed: false, flushing: true }, 'wait'],
    [{ flushed: true, flushing: false }, 'close'],
  ] as const)('close %o → %s', (state, expected) => {
    expect(decideClose(state)).toBe(expected);
  });

  it.each([
    [{ inflight: 0, waited: false }, 'quit'],
    [{ inflight: 2, waited: false }, 'drain-first'],
    [{ inflight: 2, waited: true }, 'quit'],
  ] as const)('quit %o → %s', (state, expected) => {
    expect(decideQuit(state)).toBe(expected);
  });
});

describe('prepareToClose', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks the renderer, lets its save run, and resolves only after app:flushed and the save both answered', async () => {
    const { backend, handlers } = backendAndHandlers();
    const tracker = createInflightTracker();
    let finishSave!: () => void;
    const sent: string[] = [];
    let outcome: unknown;
    void prepareToClose({
      rendererAlive: true,
      flush: backend.flush,
      tracker,
      send: (requestId) => {
        sent.push(requestId);
        // The renderer's flush: its debounced save goes out (tracked like every IPC call), then it confirms.
        const save = tracker.track(new Promise<void>((resolve) => (finishSave = resolve)));
        void save.then(() => tracker.track(handlers['app:flushed']({ requestId })));
      },
    }).then((result) => (outcome = result));
    await vi.advanceTimersByTimeAsync(0);
    expect(sent).toHaveLength(1);
    expect(tracker.count).toBe(1);
    expect(outcome).toBeUndefined();
    finishSave();
    await vi.advanceTimersByTimeAsync(0);
    expect(outcome).toEqual({ acknowledged: true, drained: true });
    expect(tracker.count).toBe(0);
  });

  it('gives up after the timeout when the renderer never answers, and reports what was left', async () => {
    const tracker = createInflightTracker();
    void tracker.track(new Promise<void>(() => undefined));
    let outcome: unknown;
    void prepareToClose({ rendererAlive: true, flush: createFlushCoordinator(), tracker, send: () => undefined, timeoutMs: 5000 }).then(
      (result) => (outcome = result),
    );
    await vi.advanceTimersByTimeAsync(4999);
    expect(outcome).toBeUndefined();
    // The whole budget went on the renderer: the drain gets what is left of it, nothing.
    await vi.advanceTimersByTimeAsync(1);
    expect(outcome).toEqual({ acknowledged: false, drained: false });
  });

  it('does not ask a renderer that is gone; still waits for calls in flight', async () => {
    const tracker = createInflightTracker();
    let finish!: () => void;
    void tracker.track(new Promise<void>((resolve) => (finish = resolve)));
    const send = vi.fn();
    let outcome: unknown;
    void prepareToClose({ rendererAlive: false, flush: createFlushCoordinator(), tracker, send }).then((result) => (outcome = result));
    await vi.advanceTimersByTimeAsync(0);
    expect(outcome).toBeUndefined();
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(outcome).toEqual({ acknowledged: null, drained: true });
    expect(send).not.toHaveBeenCalled();
  });

  it('ignores an app:flushed with an id that is not pending (stale or forged)', async () => {
    const { backend, handlers } = backendAndHandlers();
    expect(await handlers['app:flushed']({ requestId: 'nobody-asked' })).toEqual({ ok: true, value: null });
    expect(backend.flush.acknowledge('nobody-asked')).toBe(false);
    let acknowledged: boolean | undefined;
    const ids: string[] = [];
    void backend.flush.request((id) => ids.push(id), 5000).then((result) => (acknowledged = result));
    expect(backend.flush.acknowledge('other')).toBe(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(acknowledged).toBeUndefined();
    expect(backend.flush.acknowledge(ids[0] ?? '')).toBe(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(acknowledged).toBe(true);
  });
});
