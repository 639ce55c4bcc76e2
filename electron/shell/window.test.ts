// window.ts with the BrowserWindow/screen fake: the security switches, where the window opens, and what is
// remembered (BrowserWindow emits ready-to-show once painted, resized/moved after a change, close first).
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL } from '../security/urls';
import { fakeBrowserWindowClass } from '../../test/electron/fake-electron';
import { recordingLog } from '../../test/electron/fake-electron-services';
import type { WindowState } from './settings';
import { createMainWindow } from './window';

const display = { workArea: { x: 0, y: 0, width: 1920, height: 1080 } };

function open(state: WindowState, developer = false) {
  const { BrowserWindow, made } = fakeBrowserWindowClass();
  const remembered: WindowState[] = [];
  const log = recordingLog();
  const window = createMainWindow(
    { BrowserWindow, screen: { getAllDisplays: () => [display] }, log },
    { preloadPath: '/app/preload.cjs', state, onStateChange: (next) => remembered.push(next), developer },
  );
  return { window, made, remembered, log };
}

describe('main window', () => {
  it('is isolated, sandboxed, Node-free, and loads the app entry; devtools only in development', () => {
    const { window, made } = open({ width: 1280, height: 860, maximized: false });
    expect(made).toEqual([window]);
    expect(window.options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: false,
    });
    expect(window.loaded).toEqual([APP_ENTRY_URL]);
    expect(open({ width: 1280, height: 860, maximized: false }, true).window.options.webPreferences?.devTools).toBe(true);
  });

  it('shows only when ready, restores a maximised window, and forgets a position on no connected display', () => {
    const { window } = open({ x: 5000, y: 5000, width: 1280, height: 860, maximized: true });
    expect(window.visible).toBe(false);
    window.readyToShow();
    expect(window.visible).toBe(true);
    expect(window.maximized).toBe(true);
    expect(window.options.x).toBeUndefined();
    expect(open({ x: 100, y: 50, width: 1280, height: 860, maximized: false }).window.options).toMatchObject({ x: 100, y: 50 });
  });

  it('remembers size and position after a resize and on close, but not while minimised', () => {
    const { window, remembered } = open({ x: 100, y: 50, width: 1280, height: 860, maximized: false });
    window.resizeTo(1400, 900);
    window.minimized = true;
    window.resizeTo(1500, 900);
    window.minimized = false;
    window.close();
    expect(remembered).toEqual([
      { x: 100, y: 50, width: 1400, height: 900, maximized: false },
      { x: 100, y: 50, width: 1500, height: 900, maximized: false },
    ]);
  });

  it('logs a renderer that is gone and a preload that failed', () => {
    const { window, log } = open({ width: 1280, height: 860, maximized: false });
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 11 });
    window.webContents.emit('preload-error', {}, '/app/preload.cjs', new Error('boom'));
    expect(log.lines).toEqual(['error renderer gone: crashed (exit code 11)', 'error preload failed: /app/preload.cjs: boom']);
  });
});
