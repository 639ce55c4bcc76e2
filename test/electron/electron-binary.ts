// Where an Electron binary is, if anywhere — without importing `electron`, whose index.js downloads the
// binary when it is missing (it cannot be downloaded on these machines).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

function executableName(platform: NodeJS.Platform): string {
  switch (platform) {
    case 'win32':
      return 'electron.exe';
    case 'darwin':
      return 'Electron.app/Contents/MacOS/Electron';
    default:
      return 'electron';
  }
}

export function findElectronBinary(
  env: Readonly<Record<string, string | undefined>>,
  root: string,
  platform: NodeJS.Platform = process.platform,
  exists: (path: string) => boolean = existsSync,
): ElectronBinary {
  const packageDir = join(root, 'node_modules', 'electron');
  const pathFile = join(packageDir, 'path.txt');
  const recorded = exists(pathFile) ? readFileSync(pathFile, 'utf8').trim() : executableName(platform);
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override !== undefined && override !== '') {
    const path = join(override, recorded);
    return exists(path) ? { found: true, path } : { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH is set, but ${path} does not exist` };
  }
  const path = join(packageDir, 'dist', recorded);
  if (exists(path)) return { found: true, path };
  return {
    found: false,
    reason:
      `no Electron binary: ${path} does not exist (the electron package fetches it on first run, and this machine cannot ` +
      'download it). Set ELECTRON_OVERRIDE_DIST_PATH to a folder with an Electron 45 build to run this test.',
  };
}
