// ipc.ts over the ipcMain fake: only the contract answers (the libraries' own channels are removed), and
// only our main frame at app://vurder gets through to a handler.
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/ipc/contract';
import type { IpcHandlers } from '../services/backend/handlers';
import { createInflightTracker } from '../services/backend/inflight';
import { FakeIpcMain, recordingLog, registerLibraryChannels } from '../../test/electron/fake-electron-services';
import { LIBRARY_IPC_CHANNELS, registerIpc, removeLibraryIpc } from './ipc';

function setUp() {
  const ipcMain = new FakeIpcMain();
  registerLibraryChannels(ipcMain);
  const log = recordingLog();
  const called: string[] = [];
  const handlers = Object.fromEntries(
    CHANNELS.map((channel) => [channel, async (request: unknown) => {
      called.push(channel);
      return { ok: true, value: request ?? null };
    }]),
  ) as unknown as IpcHandlers;
  const inflight = createInflightTracker();
  removeLibraryIpc(ipcMain);
  registerIpc(ipcMain, handlers, inflight, log);
  return { ipcMain, log, called };
}

describe('ipcMain', () => {
  it('answers exactly the contract channels: electron-log’s and electron-store’s channels are gone', () => {
    const { ipcMain } = setUp();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    for (const channel of LIBRARY_IPC_CHANNELS) expect(ipcMain.answers(channel), channel).toBe(false);
  });

  it('passes a call from the app’s main frame to its handler', async () => {
    const { ipcMain, called } = setUp();
    await expect(ipcMain.invoke('app:info', { url: 'app://vurder/index.html#/list', isMainFrame: true })).resolves.toEqual({ ok: true, value: null });
    expect(called).toEqual(['app:info']);
  });

  it.each([
    [{ url: 'app://vurder/index.html', isMainFrame: false }],
    [{ url: 'https://evil.example/', isMainFrame: true }],
    [{ url: 'file:///tmp/index.html', isMainFrame: true }],
    [null],
  ])('refuses a call from %j before any handler runs, and logs it', async (frame) => {
    const { ipcMain, called, log } = setUp();
    await expect(ipcMain.invoke('identity:remove', frame)).resolves.toMatchObject({ ok: false, error: { code: 'ipc.untrusted-sender' } });
    expect(called).toEqual([]);
    expect(log.lines[0]).toMatch(/^warn ipc: refused identity:remove from /);
  });
});
