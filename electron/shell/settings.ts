// App settings and window state in electron-store, behind the same SettingsStore interface the CLI and the
// browser bridge fill from a JSON file. electron-store 12 cannot be imported outside Electron, so main.ts
// makes the store (`new Store(SETTINGS_STORE_OPTIONS)`) and passes it in; settings.test.ts passes `conf`,
// the library electron-store extends, with the same options.
import { DEFAULT_SETTINGS, parseStoredSettings } from '../services/backend/file-settings';
import type { SettingsStore, StoredSettings } from '../services/backend/ports';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 860, maximized: false };

export interface SettingsShape {
  settings: StoredSettings;
  window: WindowState;
}

/** The options main.ts gives electron-store: `settings.json` in the app's data folder. */
export const SETTINGS_STORE_OPTIONS = {
  name: 'settings',
  defaults: { settings: DEFAULT_SETTINGS, window: DEFAULT_WINDOW_STATE } satisfies SettingsShape,
  // A damaged settings file must not keep the app from starting: electron-store (conf) resets it.
  clearInvalidConfig: true,
} as const;

/** What is used of an electron-store instance. */
export interface KeyValueStore {
  get(key: 'settings' | 'window'): unknown;
  set(key: 'settings', value: StoredSettings): void;
  set(key: 'window', value: WindowState): void;
}

export interface ElectronSettings {
  settings: SettingsStore;
  readWindowState(): WindowState;
  writeWindowState(state: WindowState): void;
}

export function validWindowState(value: unknown): WindowState {
  if (typeof value !== 'object' || value === null) return DEFAULT_WINDOW_STATE;
  const state = value as Partial<Record<keyof WindowState, unknown>>;
  const int = (n: unknown, min: number, max: number): number | undefined =>
    typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max ? n : undefined;
  const width = int(state.width, 640, 10_000);
  const height = int(state.height, 480, 10_000);
  if (width === undefined || height === undefined) return DEFAULT_WINDOW_STATE;
  const x = int(state.x, -20_000, 20_000);
  const y = int(state.y, -20_000, 20_000);
  return { width, height, maximized: state.maximized === true, ...(x === undefined || y === undefined ? {} : { x, y }) };
}

export function createElectronSettings(store: KeyValueStore): ElectronSettings {
  return {
    settings: {
      async read() {
        return parseStoredSettings(store.get('settings'));
      },
      async write(settings) {
        store.set('settings', settings);
      },
    },
    readWindowState: () => validWindowState(store.get('window')),
    writeWindowState: (state) => store.set('window', validWindowState(state)),
  };
}
