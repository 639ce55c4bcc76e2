// settings.ts over `conf`, the store electron-store 12 extends (electron-store only adds the Electron data
// folder as `cwd`; it cannot be imported outside Electron), with the options main.ts gives electron-store.
// conf is not declared in package.json on purpose: the test imports the copy electron-store itself runs on.
import { readFile, rm, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../services/backend/file-settings';
import { createElectronSettings, DEFAULT_WINDOW_STATE, SETTINGS_STORE_OPTIONS } from './settings';
import type { SettingsShape } from './settings';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vurder-settings-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function open() {
  const { name, ...options } = SETTINGS_STORE_OPTIONS;
  return createElectronSettings(new Conf<SettingsShape>({ ...options, configName: name, cwd: dir, projectName: 'vurder' }));
}

describe('electron settings', () => {
  it('starts from the defaults, and keeps what was written across a restart (settings.json)', async () => {
    const first = open();
    expect(await first.settings.read()).toEqual(DEFAULT_SETTINGS);
    expect(first.readWindowState()).toEqual(DEFAULT_WINDOW_STATE);
    const assessor = { id: 'kari', name: 'Kari Nordmann' };
    await first.settings.write({ ...DEFAULT_SETTINGS, language: 'en', assessor, firstRunDone: true });
    first.writeWindowState({ x: 40, y: 30, width: 1400, height: 900, maximized: true });
    const again = open();
    expect(await again.settings.read()).toMatchObject({ language: 'en', assessor, firstRunDone: true });
    expect(again.readWindowState()).toEqual({ x: 40, y: 30, width: 1400, height: 900, maximized: true });
    expect(JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))).toHaveProperty('window.width', 1400);
  });

  it('a damaged settings file does not keep the app from starting: it starts from the defaults', async () => {
    await writeFile(join(dir, 'settings.json'), '{"settings": {"language": "nb", ');
    const settings = open();
    expect(await settings.settings.read()).toEqual(DEFAULT_SETTINGS);
    expect(settings.readWindowState()).toEqual(DEFAULT_WINDOW_STATE);
  });

  it('a window state that makes no sense is not used (too small, fractional, far off, not a number)', async () => {
    const settings = open();
    for (const state of [
      { width: 10, height: 10, maximized: false },
      { width: 1280.5, height: 800, maximized: false },
      { width: 1280, height: 800, maximized: false, x: 90_000, y: 0 },
    ]) {
      settings.writeWindowState(state);
      const read = settings.readWindowState();
      expect(read.x).toBeUndefined();
      if (state.width === 1280) expect(read).toEqual({ width: 1280, height: 800, maximized: false });
      else expect(read).toEqual(DEFAULT_WINDOW_STATE);
    }
  });
});
