// The fast half of `npm run package:check` (scripts/package-check/static-checks.ts) in `npm test`: the
// project passes, and each check fails on the defect it is there for (issue 14: no homepage broke the deb;
// POSIX NODE_OPTIONS='…' broke `npm run test:e2e` in cmd.exe). The packaging half takes about a minute and
// runs only in `npm run package:check`.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { BuilderConfig, PackageJson } from '../../scripts/package-check/static-checks';
import { icoSizes, packs, pngSize, staticChecks } from '../../scripts/package-check/static-checks';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../../', import.meta.url));

async function load(): Promise<{ pkg: PackageJson; config: BuilderConfig }> {
  const yaml = require('js-yaml') as { load(text: string): unknown };
  return {
    pkg: JSON.parse(await readFile(`${root}package.json`, 'utf8')) as PackageJson,
    config: yaml.load(await readFile(`${root}electron-builder.yml`, 'utf8')) as BuilderConfig,
  };
}

function failing(checks: { what: string; ok: boolean }[]): string[] {
  return checks.filter((check) => !check.ok).map((check) => check.what);
}

describe('package:check, static part', () => {
  it('passes for the project as it is', async () => {
    const { pkg, config } = await load();
    const checks = await staticChecks(root, pkg, config);
    expect(failing(checks)).toEqual([]);
    expect(checks.length).toBeGreaterThan(15);
  });

  it('fails without a homepage or a maintainer email, as electron-builder’s deb target does', async () => {
    const { pkg, config } = await load();
    const { homepage: _homepage, author: _author, ...bare } = pkg;
    const checks = await staticChecks(root, bare, { ...config, linux: { ...config.linux, maintainer: 'Vurder' } });
    expect(failing(checks)).toEqual(['package.json homepage (deb Homepage)', 'deb Maintainer "name <email>"', 'package.json author with email (NSIS publisher, AppStream)']);
  });

  it('fails on the POSIX environment syntax the test:e2e and screenshots scripts had', async () => {
    const { pkg, config } = await load();
    const old = { ...pkg, scripts: { ...pkg.scripts, 'test:e2e': "npm run build:renderer && NODE_OPTIONS='--import tsx' playwright test" } };
    expect(failing(await staticChecks(root, old, config))).toEqual(['npm scripts run in cmd.exe (no NAME=value prefix, no single quotes)']);
  });

  it('fails when an icon size is missing or a profile does not allow userns', async () => {
    const { pkg, config } = await load();
    const checks = await staticChecks(root, pkg, { ...config, linux: { ...config.linux, icon: 'resources/fonts' }, deb: { appArmorProfile: 'resources/linux/apparmor/vurder-dev' } });
    expect(failing(checks)).toEqual(['Linux icons 16, 32, 48, 64, 128, 256, 512 px', 'deb AppArmor profile attaches /opt/Vurder/vurder and allows userns']);
  });

  it('reads PNG and ICO sizes and electron-builder file patterns', async () => {
    expect(pngSize(await readFile(`${root}resources/build/icons/48x48.png`))).toEqual({ width: 48, height: 48 });
    expect(pngSize(Buffer.from('not a png at all, not at all'))).toBeNull();
    expect(icoSizes(await readFile(`${root}resources/build/icon.ico`))).toContain(256);
    const files = ['dist/electron/shell/**', '!dist/electron/shell/*.map', 'resources/**', '!resources/build/**'];
    expect(packs(files, 'dist/electron/shell/main.mjs')).toBe(true);
    expect(packs(files, 'dist/electron/shell/main.mjs.map')).toBe(false);
    expect(packs(files, 'resources/build/icon.png')).toBe(false);
    expect(packs(files, 'electron/shell/main.ts')).toBe(false);
  });
});

describe('scripts/run-with-env.mjs (npm scripts without POSIX env syntax)', () => {
  it('sets variables, adds --import tsx to NODE_OPTIONS, and passes the exit code on', async () => {
    const run = promisify(execFile);
    const { stdout } = await run(process.execPath, ['scripts/run-with-env.mjs', '--import-tsx', 'VURDER_PROBE=ja', 'node', '-e', 'console.log(process.env.VURDER_PROBE + "|" + process.env.NODE_OPTIONS)'], {
      cwd: root,
      env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=512' },
    });
    expect(stdout.trim()).toBe('ja|--max-old-space-size=512 --import tsx');
    await expect(run(process.execPath, ['scripts/run-with-env.mjs', 'node', '-e', 'process.exit(3)'], { cwd: root })).rejects.toMatchObject({ code: 3 });
  });
});
