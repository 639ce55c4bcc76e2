// Electron main entry: single instance, hardened session, app:// renderer, the IPC contract, menus.
// Everything that is not Electron glue lives in plain Node services (electron/services/) and pure helpers
// (electron/security/), tested without Electron; the shell modules get the Electron objects from here.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, ipcMain, Menu, protocol, safeStorage, screen, session, shell } from 'electron';
import Store from 'electron-store';
import type { EventName, EventPayloadOf } from '../../shared/ipc/contract';
import { createGestureTracker } from '../security/gesture';
import { createBackend } from '../services/backend/backend';
import { createIpcHandlers } from '../services/backend/handlers';
import { createInflightTracker } from '../services/backend/inflight';
import { createNodeServices } from '../services/backend/node-services';
import { createCloseGuards } from './close';
import { createNativeDialogs } from './dialogs';
import { createExternalLinks, installHardening } from './hardening';
import { registerIpc, removeLibraryIpc } from './ipc';
import { log } from './log';
import { buildMenuTemplate } from './menu-template';
import { registerAppScheme, serveRenderer } from './protocol';
import { createSafeStorageProtector } from './secret-protector';
import { createElectronSettings, SETTINGS_STORE_OPTIONS } from './settings';
import type { SettingsShape } from './settings';
import { createMainWindow } from './window';

// Bundled to dist/electron/shell/main.mjs: the preload sits next to it, the renderer in dist/renderer.
const here = dirname(fileURLToPath(import.meta.url));
const PRELOAD = join(here, 'preload.cjs');
const RENDERER_ROOT = join(here, '..', '..', 'renderer');
const developer = !app.isPackaged;

// Sandbox every renderer, including any the app did not create on purpose. Never turned off: on Ubuntu
// 23.10+ the AppArmor profile in resources/linux/ lets the sandbox start (docs/install.md).
app.enableSandbox();
registerAppScheme(protocol);

let mainWindow: BrowserWindow | null = null;
const gestures = createGestureTracker();
const external = createExternalLinks({ shell, gestures, log });
const closeGuards = createCloseGuards(app, log);

function start(): void {
  const stored = createElectronSettings(new Store<SettingsShape>(SETTINGS_STORE_OPTIONS));
  // electron-log (imported above) and electron-store (just made) have registered their ipcMain channels.
  removeLibraryIpc(ipcMain);
  const language = async () => (await stored.settings.read()).language;
  const settings = {
    read: () => stored.settings.read(),
    // The menu follows the UI language: rebuild it after every settings change.
    async write(next: Awaited<ReturnType<typeof stored.settings.read>>) {
      await stored.settings.write(next);
      await applyMenu();
    },
  };
  const backend = createBackend({
    settings,
    dialogs: createNativeDialogs(() => mainWindow, language, process.platform),
    events: {
      emit<E extends EventName>(event: E, payload: EventPayloadOf<E>) {
        if (mainWindow !== null && !mainWindow.isDestroyed()) mainWindow.webContents.send(event, payload);
      },
    },
    services: createNodeServices(),
    onUngrantedPath: (channel, path) => log.warn(`ipc: ${channel} got a path not chosen in a dialog (a drop?): ${path}`),
    signing: { identityDir: join(app.getPath('userData'), 'identity'), protector: createSafeStorageProtector(safeStorage, process.platform) },
    external,
    app: {
      name: 'Vurder',
      version: app.getVersion(),
      transport: 'electron',
      platform: process.platform,
      versions: { electron: process.versions.electron ?? '', chrome: process.versions.chrome ?? '', node: process.versions.node },
    },
  });
  const inflight = createInflightTracker();
  registerIpc(ipcMain, createIpcHandlers(backend), inflight, log);
  closeGuards.guardQuit(inflight);
  serveRenderer(protocol, RENDERER_ROOT, log);

  const openWindow = () => {
    mainWindow = createMainWindow(
      { BrowserWindow, screen, log },
      {
        preloadPath: PRELOAD,
        state: stored.readWindowState(),
        onStateChange: (state) => stored.writeWindowState(state),
        developer,
      },
    );
    closeGuards.guardWindowClose(mainWindow, backend.flush, inflight);
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };

  async function applyMenu(): Promise<void> {
    const template = buildMenuTemplate(
      { language: await language(), platform: process.platform, developer },
      {
        command: (command) => mainWindow?.webContents.send('menu:command', command),
        openExternal: (url) => {
          void external.openFromMenu(url);
        },
      },
    );
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  }

  applyMenu().catch((error: unknown) => log.error(`menu: ${error instanceof Error ? error.message : String(error)}`));
  openWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
}

if (!app.requestSingleInstanceLock()) {
  // Another Vurder is running with the same profile: it gets focus (second-instance), this one leaves.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  process.on('uncaughtException', (error) => log.error(`uncaught: ${error.message}`));
  process.on('unhandledRejection', (reason) => log.error(`unhandled rejection: ${reason instanceof Error ? reason.message : String(reason)}`));
  app
    .whenReady()
    .then(() => {
      installHardening({ app, session: session.defaultSession, log, gestures });
      start();
    })
    .catch((error: unknown) => {
      log.error(`startup failed: ${error instanceof Error ? error.message : String(error)}`);
      app.exit(1);
    });
}
