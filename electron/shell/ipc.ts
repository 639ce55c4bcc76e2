// The one place IPC enters main: every contract channel gets ipcMain.handle, and every message is checked
// for its sender (own app:// origin, main frame) before the typed handler — which validates the payload —
// sees it. Nothing else is registered on ipcMain.
import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import { appError } from '../../shared/errors/format';
import { CHANNELS } from '../../shared/ipc/contract';
import { isTrustedSender } from '../security/urls';
import type { IpcHandlers } from '../services/backend/handlers';
import type { InflightTracker } from '../services/backend/inflight';
import { toAppError } from '../services/backend/errors';
import { log } from './log';

function senderOf(event: IpcMainInvokeEvent): { url: string | null; isMainFrame: boolean } | null {
  const frame = event.senderFrame;
  if (frame === null) return null;
  const main = event.sender.mainFrame;
  // Compared by process and routing id, not object identity, and the frame must have no parent.
  const isMainFrame = frame.parent === null && frame.processId === main.processId && frame.routingId === main.routingId;
  return { url: frame.url, isMainFrame };
}

/** Registers every channel; each call is counted by `inflight` until it answers (the quit path waits for it). */
export function registerIpc(handlers: IpcHandlers, inflight: InflightTracker): void {
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
