// Electron glue for closing without losing the last edit; the decisions and the waiting are plain functions
// in electron/services/backend/close-guard.ts (tested there). A window's `close` is held until the renderer
// has flushed its debounced save and every IPC call has answered; `before-quit` waits for calls in flight
// (e.g. a save sent from `beforeunload`). Both waits are bounded by CLOSE_TIMEOUT_MS.
// Electron's order (app.quit docs): `before-quit` first, then each window's `close`; a prevented `close`
// cancels the quit, so a close held for flushing quits again afterwards (close.test.ts, with a fake).
import { decideClose, decideQuit, prepareToClose } from '../services/backend/close-guard';
import type { FlushCoordinator } from '../services/backend/close-guard';
import { CLOSE_TIMEOUT_MS } from '../services/backend/close-guard';
import type { InflightTracker } from '../services/backend/inflight';
import type { ShellLog } from './shell-log';
import { describeError } from './shell-log';

interface Preventable {
  preventDefault(): void;
}

export interface QuitApp {
  on(event: 'before-quit', listener: (event: Preventable) => void): unknown;
  quit(): void;
}

export interface GuardedWindow {
  on(event: 'close', listener: (event: Preventable) => void): unknown;
  close(): void;
  isDestroyed(): boolean;
  webContents: { isDestroyed(): boolean; isCrashed(): boolean; send(channel: string, ...args: unknown[]): void };
}

export interface CloseGuards {
  guardWindowClose(window: GuardedWindow, flush: FlushCoordinator, tracker: InflightTracker): void;
  /** Holds `before-quit` once while IPC calls are in flight (bounded), then quits. */
  guardQuit(tracker: InflightTracker): void;
}

export function createCloseGuards(app: QuitApp, log: ShellLog): CloseGuards {
  /** Set on `before-quit`, so a close held for flushing resumes the quit rather than only closing the window. */
  let quitRequested = false;
  return {
    guardWindowClose(window, flush, tracker) {
      let flushing = false;
      let flushed = false;
      window.on('close', (event) => {
        const decision = decideClose({ flushed, flushing });
        switch (decision) {
          case 'close':
            return;
          case 'wait':
            event.preventDefault();
            return;
          case 'flush-first':
            break;
        }
        event.preventDefault();
        flushing = true;
        const contents = window.webContents;
        prepareToClose({
          rendererAlive: !contents.isDestroyed() && !contents.isCrashed(),
          send: (requestId) => contents.send('app:flush-request', { requestId }),
          flush,
          tracker,
        })
          .then((outcome) => {
            if (outcome.acknowledged === false) log.warn(`close: the window did not confirm its save within ${CLOSE_TIMEOUT_MS} ms`);
            if (!outcome.drained) log.warn(`close: ${tracker.count} IPC call(s) still running after ${CLOSE_TIMEOUT_MS} ms`);
          })
          .catch((error: unknown) => log.error(`close: ${describeError(error)}`))
          .finally(() => {
            flushed = true;
            flushing = false;
            // A quit that this close interrupted (Cmd+Q, menu Quit) goes on: app.quit() closes the window again.
            if (quitRequested) app.quit();
            else if (!window.isDestroyed()) window.close();
          });
      });
    },
    guardQuit(tracker) {
      let waited = false;
      app.on('before-quit', (event) => {
        quitRequested = true;
        if (decideQuit({ inflight: tracker.count, waited }) === 'quit') return;
        event.preventDefault();
        waited = true;
        tracker
          .drained(CLOSE_TIMEOUT_MS)
          .then((drained) => {
            if (!drained) log.warn(`quit: ${tracker.count} IPC call(s) still running after ${CLOSE_TIMEOUT_MS} ms`);
          })
          .catch((error: unknown) => log.error(`quit: ${describeError(error)}`))
          .finally(() => app.quit());
      });
    },
  };
}
