// electron-builder.yml is checked with electron-builder's own validator (no packaging: that needs the
// Electron binary), and against the layout the shell build produces.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const root = new URL('../../', import.meta.url);

interface BuilderConfig {
  files: string[];
  asar: boolean;
  electronFuses: Record<string, boolean>;
  win: unknown;
  mac: unknown;
  linux: unknown;
}

async function load(): Promise<BuilderConfig> {
  const yaml = require('js-yaml') as { load(text: string): unknown };
  return yaml.load(await readFile(new URL('electron-builder.yml', root), 'utf8')) as BuilderConfig;
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s own schema', async () => {
    const { validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
      validateConfiguration(config: unknown, logger: unknown): Promise<void>;
    };
    const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };
    await expect(validateConfiguration(await load(), new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('packs the main bundle package.json points at, the preload, the renderer and resources, in an asar', async () => {
    const config = await load();
    const pkg = JSON.parse(await readFile(new URL('package.json', root), 'utf8')) as { main: string };
    expect(pkg.main).toBe('dist/electron/shell/main.mjs');
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/shell/**', 'dist/renderer/**', 'resources/**']));
    expect(config.asar).toBe(true);
    expect(config.win && config.mac && config.linux).toBeTruthy();
  });

  it('turns off the fuses that let a local attacker run code through the app', async () => {
    expect((await load()).electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
