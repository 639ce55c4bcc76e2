// close.ts with the app/window fake, which follows Electron's quit order (app.quit: before-quit, then each
// window's close; a prevented close cancels the quit). The flush coordinator and in-flight tracker are the
// real ones from electron/services/backend.
import { describe, expect, it } from 'vitest';
import { createFlushCoordinator } from '../services/backend/close-guard';
import { createInflightTracker } from '../services/backend/inflight';
import { FakeApp, FakeBrowserWindow } from '../../test/electron/fake-electron';
import { recordingLog } from '../../test/electron/fake-electron-services';
import { createCloseGuards } from './close';

function setUp() {
  const app = new FakeApp();
  const log = recordingLog();
  const window = new FakeBrowserWindow({}, app);
  const flush = createFlushCoordinator();
  const inflight = createInflightTracker();
  const guards = createCloseGuards(app, log);
  guards.guardQuit(inflight);
  guards.guardWindowClose(window, flush, inflight);
  /** The renderer's answer to the flush request it was sent (what renderer/src/store/flush-on-close.ts does). */
  const answerFlush = () => {
    const request = window.webContents.sent.find((message) => message.channel === 'app:flush-request');
    const { requestId } = request?.args[0] as { requestId: string };
    expect(flush.acknowledge(requestId)).toBe(true);
  };
  return { app, log, window, inflight, answerFlush };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('closing the window', () => {
  it('holds close until the renderer has flushed its save, then closes', async () => {
    const { window, answerFlush } = setUp();
    expect(window.close()).toBe(false);
    expect(window.webContents.sent.map((message) => message.channel)).toEqual(['app:flush-request']);
    expect(window.close()).toBe(false);
    expect(window.webContents.sent).toHaveLength(1);
    answerFlush();
    await settle();
    expect(window.isDestroyed()).toBe(true);
  });

  it('does not ask a crashed renderer, and closes once calls in flight are done', async () => {
    const { window, inflight } = setUp();
    window.webContents.crashed = true;
    let finish: () => void = () => undefined;
    void inflight.track(new Promise<void>((resolve) => (finish = resolve)));
    window.close();
    await settle();
    expect(window.webContents.sent).toEqual([]);
    expect(window.isDestroyed()).toBe(false);
    finish();
    await settle();
    expect(window.isDestroyed()).toBe(true);
  });
});

describe('quitting (before-quit → close)', () => {
  it('a quit interrupted by the flush goes on by itself once the save is answered', async () => {
    const { app, window, answerFlush } = setUp();
    app.quit();
    expect(app.fired).toEqual(['before-quit', `close:${window.id}`]);
    expect(app.state).toBe('running');
    answerFlush();
    await settle();
    expect(app.fired).toEqual(['before-quit', `close:${window.id}`, 'before-quit', `close:${window.id}`, 'will-quit']);
    expect(app.state).toBe('quit');
    expect(window.isDestroyed()).toBe(true);
  });

  it('before-quit waits once for IPC calls in flight (a save from beforeunload) before any window closes', async () => {
    const { app, window, inflight, answerFlush } = setUp();
    let finish: () => void = () => undefined;
    void inflight.track(new Promise<void>((resolve) => (finish = resolve)));
    app.quit();
    expect(app.fired).toEqual(['before-quit']);
    expect(window.webContents.sent).toEqual([]);
    finish();
    await settle();
    expect(app.fired).toEqual(['before-quit', 'before-quit', `close:${window.id}`]);
    answerFlush();
    await settle();
    expect(app.state).toBe('quit');
  });
});
