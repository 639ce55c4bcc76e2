// The main window: isolated, sandboxed, no Node, web security on; state (size, position) remembered.
// BrowserWindow and screen are passed in (window.test.ts checks the webPreferences and the state handling
// with a fake).
import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { APP_ENTRY_URL } from '../security/urls';
import type { WindowState } from './settings';
import type { ShellLog } from './shell-log';
import { describeError } from './shell-log';

export const WINDOW_TITLE = 'Vurder';

/** What createMainWindow uses of a BrowserWindow. */
export interface MainWindowLike {
  maximize(): void;
  show(): void;
  once(event: 'ready-to-show', listener: () => void): unknown;
  on(event: 'close' | 'resized' | 'moved', listener: () => void): unknown;
  isDestroyed(): boolean;
  isMinimized(): boolean;
  isFullScreen(): boolean;
  isMaximized(): boolean;
  getNormalBounds(): Rectangle;
  loadURL(url: string): Promise<void>;
  webContents: {
    on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string; exitCode: number }) => void): unknown;
    on(event: 'preload-error', listener: (event: unknown, preloadPath: string, error: Error) => void): unknown;
  };
}

export interface WindowDeps<W extends MainWindowLike> {
  BrowserWindow: new (options: BrowserWindowConstructorOptions) => W;
  screen: { getAllDisplays(): { workArea: Rectangle }[] };
  log: ShellLog;
}

export interface MainWindowOptions {
  preloadPath: string;
  state: WindowState;
  onStateChange(state: WindowState): void;
  developer: boolean;
}

/** Keeps a remembered position only if it is still on a connected display. */
export function onScreen(state: WindowState, displays: readonly { workArea: Rectangle }[]): WindowState {
  if (state.x === undefined || state.y === undefined) return state;
  const { x, y, width, height } = { ...state, x: state.x, y: state.y };
  const visible = displays.some(({ workArea }) =>
    x < workArea.x + workArea.width && x + width > workArea.x && y < workArea.y + workArea.height && y + height > workArea.y,
  );
  return visible ? state : { width: state.width, height: state.height, maximized: state.maximized };
}

export function createMainWindow<W extends MainWindowLike>(deps: WindowDeps<W>, options: MainWindowOptions): W {
  const state = onScreen(options.state, deps.screen.getAllDisplays());
  // Spelled out in the constructor call (not built elsewhere) so Electronegativity's checks see every switch.
  const { BrowserWindow } = deps;
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
    deps.log.error(`renderer gone: ${details.reason} (exit code ${details.exitCode})`);
  });
  window.webContents.on('preload-error', (_event, path, error) => {
    deps.log.error(`preload failed: ${path}: ${error.message}`);
  });
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    deps.log.error(`could not load ${APP_ENTRY_URL}: ${describeError(error)}`);
  });
  return window;
}
