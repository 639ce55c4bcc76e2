// What happens when the window closes or the app quits (docs/ipc.md § Closing). The renderer debounces
// autosave, so its last edit may exist only in the page: before the window goes, main asks it to save now
// (`app:flush-request`), waits for its answer (`app:flushed`, sent after the save has been answered), then
// waits for every IPC call still in flight — each bounded, so a hung renderer cannot keep the app open.
import { randomUUID } from 'node:crypto';
import type { InflightTracker } from './inflight';

/** How long closing waits for the renderer and for calls in flight, together. */
export const CLOSE_TIMEOUT_MS = 5000;

export interface FlushCoordinator {
  /** Sends a flush request (via `send`) and resolves true when it is acknowledged, false after `timeoutMs`. */
  request(send: (requestId: string) => void, timeoutMs: number): Promise<boolean>;
  /** The renderer's answer; false for an id that is not pending (stale or forged). */
  acknowledge(requestId: string): boolean;
}

export function createFlushCoordinator(newId: () => string = randomUUID): FlushCoordinator {
  const pending = new Map<string, () => void>();
  return {
    request(send, timeoutMs) {
      const requestId = newId();
      return new Promise<boolean>((done) => {
        const timer = setTimeout(() => {
          pending.delete(requestId);
          done(false);
        }, timeoutMs);
        pending.set(requestId, () => {
          clearTimeout(timer);
          pending.delete(requestId);
          done(true);
        });
        send(requestId);
      });
    },
    acknowledge(requestId) {
      const wake = pending.get(requestId);
      if (wake === undefined) return false;
      wake();
      return true;
    },
  };
}

export type CloseDecision = 'close' | 'flush-first' | 'wait';

/**
 * On a window's `close`: close when the flush already ran (`flushed`); otherwise keep the window ('wait' when
 * a flush is already under way, 'flush-first' to start one). A renderer that is gone cannot hold an edit:
 * then only calls in flight are waited for (also 'flush-first'; `prepareToClose` skips the request).
 */
export function decideClose(state: { flushed: boolean; flushing: boolean }): CloseDecision {
  if (state.flushed) return 'close';
  return state.flushing ? 'wait' : 'flush-first';
}

/** On `before-quit`: quit when nothing is in flight (or it was already waited for once), else wait first. */
export function decideQuit(state: { inflight: number; waited: boolean }): 'quit' | 'drain-first' {
  return state.inflight === 0 || state.waited ? 'quit' : 'drain-first';
}

export interface CloseOutcome {
  /** null when the renderer was not asked (gone). */
  acknowledged: boolean | null;
  drained: boolean;
}

/** Asks a live renderer to flush, then waits for calls in flight; both within `timeoutMs` together. */
export async function prepareToClose(deps: {
  rendererAlive: boolean;
  send: (requestId: string) => void;
  flush: FlushCoordinator;
  tracker: InflightTracker;
  timeoutMs?: number;
  now?: () => number;
}): Promise<CloseOutcome> {
  const timeoutMs = deps.timeoutMs ?? CLOSE_TIMEOUT_MS;
  const now = deps.now ?? Date.now;
  const start = now();
  const acknowledged = deps.rendererAlive ? await deps.flush.request(deps.send, timeoutMs) : null;
  const left = Math.max(0, timeoutMs - (now() - start));
  const drained = await deps.tracker.drained(left);
  return { acknowledged, drained };
}
