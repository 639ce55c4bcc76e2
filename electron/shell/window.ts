// The main window: isolated, sandboxed, no Node, web security on; state (size, position) remembered.
import { BrowserWindow, screen } from 'electron';
import { APP_ENTRY_URL } from '../security/urls';
import { log } from './log';
import type { WindowState } from './settings';

export const WINDOW_TITLE = 'Vurder';

export interface MainWindowOptions {
  preloadPath: string;
  state: WindowState;
  onStateChange(state: WindowState): void;
  developer: boolean;
}

/** Keeps a remembered position only if it is still on a connected display. */
function onScreen(state: WindowState): WindowState {
  if (state.x === undefined || state.y === undefined) return state;
  const { x, y, width, height } = { ...state, x: state.x, y: state.y };
  const visible = screen.getAllDisplays().some(({ workArea }) =>
    x < workArea.x + workArea.width && x + width > workArea.x && y < workArea.y + workArea.height && y + height > workArea.y,
  );
  return visible ? state : { width: state.width, height: state.height, maximized: state.maximized };
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const state = onScreen(options.state);
  const window = new BrowserWindow({
    title: WINDOW_TITLE,
    width: state.width,
    height: state.height,
    ...(state.x === undefined || state.y === undefined ? {} : { x: state.x, y: state.y }),
    minWidth: 960,
    minHeight: 640,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click would otherwise open links as new windows (Electronegativity AUXCLICK_JS_CHECK).
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
      devTools: options.developer,
    },
  });
  if (state.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  const remember = () => {
    if (window.isDestroyed() || window.isMinimized() || window.isFullScreen()) return;
    const bounds = window.getNormalBounds();
    options.onStateChange({ x: bounds.x, y: bounds.y, width: bounds.width, height: bounds.height, maximized: window.isMaximized() });
  };
  window.on('close', remember);
  window.on('resized', remember);
  window.on('moved', remember);

  window.webContents.on('render-process-gone', (_event, details) => {
    log.error(`renderer gone: ${details.reason} (exit code ${details.exitCode})`);
  });
  window.webContents.on('preload-error', (_event, path, error) => {
    log.error(`preload failed: ${path}: ${error.message}`);
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    log.error(`could not load ${APP_ENTRY_URL}: ${error instanceof Error ? error.message : String(error)}`);
  });
  return window;
}
