// The one place IPC enters main: every contract channel gets ipcMain.handle, and every message is checked
// for its sender (own app:// origin, main frame) before the typed handler — which validates the payload —
// sees it. The libraries' own channels are removed (removeLibraryIpc), so nothing else answers on ipcMain.
import type { IpcMainInvokeEvent } from 'electron';
import { appError } from '../../shared/errors/format';
import { CHANNELS } from '../../shared/ipc/contract';
import { isTrustedSender } from '../security/urls';
import type { IpcHandlers } from '../services/backend/handlers';
import type { InflightTracker } from '../services/backend/inflight';
import { toAppError } from '../services/backend/errors';
import type { ShellLog } from './shell-log';

/** What the sender check reads of an invoke event (a subset of IpcMainInvokeEvent). */
export interface InvokeEventLike {
  senderFrame: { url: string; parent: unknown; processId: number; routingId: number } | null;
  sender: { mainFrame: { processId: number; routingId: number } };
}

export interface IpcMainPort {
  handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
  removeAllListeners(channel: string): unknown;
}

/**
 * Channels libraries register on ipcMain when they are imported or constructed, for renderer halves this
 * app does not use: electron-log 5 (`src/main/index.js`: ipcMain.on and ipcMain.handle '__ELECTRON_LOG__',
 * log lines and options from a renderer) and electron-store 12 (`index.js`: ipcMain.on
 * 'electron-store-get-data', the data folder and version for `sendSync`). A compromised renderer could
 * otherwise write log lines or learn the data folder through them.
 */
export const LIBRARY_IPC_CHANNELS = ['__ELECTRON_LOG__', 'electron-store-get-data'] as const;

/** Call after electron-log is imported and the settings store is made. */
export function removeLibraryIpc(ipcMain: IpcMainPort): void {
  for (const channel of LIBRARY_IPC_CHANNELS) {
    ipcMain.removeHandler(channel);
    ipcMain.removeAllListeners(channel);
  }
}

function senderOf(event: InvokeEventLike): { url: string | null; isMainFrame: boolean } | null {
  const frame = event.senderFrame;
  if (frame === null) return null;
  const main = event.sender.mainFrame;
  // Compared by process and routing id, not object identity, and the frame must have no parent.
  const isMainFrame = frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId;
  return { url: frame.url, isMainFrame };
}

/** Registers every channel; each call is counted by `inflight` until it answers (the quit path waits for it). */
export function registerIpc(ipcMain: IpcMainPort, handlers: IpcHandlers, inflight: InflightTracker, log: ShellLog): void {
  for (const channel of CHANNELS) {
    const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
    ipcMain.handle(channel, async (event, request: unknown) => {
      const sender = senderOf(event);
      if (!isTrustedSender(sender)) {
        log.warn(`ipc: refused ${channel} from ${sender?.url ?? 'a destroyed frame'} (main frame: ${String(sender?.isMainFrame ?? false)})`);
        return { ok: false, error: toAppError(appError('ipc.untrusted-sender', channel)) };
      }
      const result = (await inflight.track(handler(request))) as { ok: boolean; error?: { code: string; message: string } };
      if (!result.ok && result.error?.code === 'internal.unexpected') log.error(`ipc: ${channel}: ${result.error.message}`);
      return result;
    });
  }
}
