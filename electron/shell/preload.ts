// The preload: exposes exactly the IPC contract as window.api (invoke, on, getPathForFile) and nothing else.
// Bundled to one CommonJS file (scripts/build-shell.mjs): a sandboxed preload cannot require local files.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import type { IpcRendererEvent } from 'electron';
import type { Channel, DroppedFile, EventName, VurderApi } from '../../shared/ipc/contract';

// Filled in at bundle time from the contract's CHANNELS and EVENTS (scripts/build-shell.mjs), so the preload
// carries the list without carrying zod and every schema.
declare const __VURDER_CHANNELS__: readonly Channel[];
declare const __VURDER_EVENTS__: readonly EventName[];

const channels = new Set<string>(__VURDER_CHANNELS__);
const events = new Set<string>(__VURDER_EVENTS__);

const api = {
  invoke(channel: string, request?: unknown): Promise<unknown> {
    if (!channels.has(channel)) {
      return Promise.resolve({ ok: false, error: { code: 'ipc.unknown-channel', message: `unknown channel "${String(channel).slice(0, 64)}"` } });
    }
    return ipcRenderer.invoke(channel, request);
  },
  on(event: string, listener: (payload: unknown) => void): () => void {
    if (!events.has(event) || typeof listener !== 'function') return () => undefined;
    // The page never sees Electron's event object (it carries `sender`): only the payload.
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => {
      ipcRenderer.removeListener(event, wrapped);
    };
  },
  getPathForFile(file: DroppedFile): string {
    return webUtils.getPathForFile(file as File);
  },
} as unknown as VurderApi;

contextBridge.exposeInMainWorld('api', api);
