// App settings and window state in electron-store (ESM-only, so only here in the shell), behind the same
// SettingsStore interface the CLI and the browser bridge fill from a JSON file.
import Store from 'electron-store';
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

interface StoreShape {
  settings: StoredSettings;
  window: WindowState;
}

export interface ElectronSettings {
  settings: SettingsStore;
  readWindowState(): WindowState;
  writeWindowState(state: WindowState): void;
}

function validWindowState(value: unknown): WindowState {
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

export function createElectronSettings(): ElectronSettings {
  const store = new Store<StoreShape>({
    name: 'settings',
    defaults: { settings: DEFAULT_SETTINGS, window: DEFAULT_WINDOW_STATE },
    // A damaged settings file must not keep the app from starting: electron-store resets it.
    clearInvalidConfig: true,
  });
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
