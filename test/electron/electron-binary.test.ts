import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from './electron-binary';

const root = '/project';

describe('findElectronBinary', () => {
  it('uses ELECTRON_OVERRIDE_DIST_PATH when the binary is there', () => {
    const path = join('/opt/electron-45', 'electron');
    expect(findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron-45' }, root, 'linux', (p) => p === path)).toEqual({ found: true, path });
  });

  it('says why when the override points at nothing', () => {
    const result = findElectronBinary({ ELECTRON_OVERRIDE_DIST_PATH: '/nowhere' }, root, 'linux', () => false);
    expect(result).toEqual({ found: false, reason: expect.stringContaining('/nowhere') as string });
  });

  it('finds node_modules/electron/dist by platform, and explains a missing binary', () => {
    const windows = join(root, 'node_modules', 'electron', 'dist', 'electron.exe');
    expect(findElectronBinary({}, root, 'win32', (p) => p === windows)).toEqual({ found: true, path: windows });
    const missing = findElectronBinary({}, root, 'linux', () => false);
    expect(missing.found).toBe(false);
    if (!missing.found) expect(missing.reason).toContain('ELECTRON_OVERRIDE_DIST_PATH');
  });
});
