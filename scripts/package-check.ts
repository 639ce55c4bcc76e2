// `npm run package:check` (docs/install.md § For maintainers): proves electron-builder's configuration is
// complete enough to build the installers, without publishing anything.
//   1. The static checks (scripts/package-check/static-checks.ts): metadata, icons, desktop entry, AppArmor,
//      file patterns, npm scripts.
//   2. A real `electron-builder --linux --dir` run into a temp folder, with electron-builder's own code
//      answering: the app.asar it packs (main, preload, renderer, scheme data; no sources, maps or build
//      inputs), the AppArmor profiles beside it, the desktop entry it would write and the deb metadata its
//      FpmTarget would use. The Electron 45 zip cannot be downloaded on a closed network: then a stand-in
//      binary is packed and the fuses (which patch the real binary) are not flipped; the script says so.
//      With ELECTRON_OVERRIDE_DIST_PATH (or an installed node_modules/electron/dist) the real binary is used.
// Exit 0 when every check passes, 1 otherwise. `--static` runs step 1 only (that is what `npm test` runs).
import { existsSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as ElectronBuilder from 'electron-builder';
import type { BuilderConfig, Check, PackageJson } from './package-check/static-checks';
import { staticChecks } from './package-check/static-checks';

const require = createRequire(import.meta.url);
const root = fileURLToPath(new URL('../', import.meta.url));

interface LinuxPackagerLike {
  platformSpecificBuildOptions: unknown;
}

/** A real Electron build, if this machine has one (test/electron/electron-binary.ts looks the same way). */
function realElectronDist(): string | null {
  const candidates = [process.env.ELECTRON_OVERRIDE_DIST_PATH, join(root, 'node_modules', 'electron', 'dist')].filter((dir): dir is string => Boolean(dir));
  return candidates.find((dir) => existsSync(join(dir, 'electron'))) ?? null;
}

async function standInElectron(dir: string): Promise<void> {
  await mkdir(join(dir, 'locales'), { recursive: true });
  for (const locale of ['nb.pak', 'en-US.pak', 'en-GB.pak', 'de.pak']) await writeFile(join(dir, 'locales', locale), '');
  await writeFile(join(dir, 'electron'), '#!/bin/sh\necho "stand-in for Electron 45 (package:check)" >&2\nexit 1\n');
  await chmod(join(dir, 'electron'), 0o755);
  for (const name of ['chrome-sandbox', 'LICENSE', 'LICENSES.chromium.html']) await writeFile(join(dir, name), '');
}

async function packagingRun(config: BuilderConfig & Record<string, unknown>): Promise<Check[]> {
  const checks: Check[] = [];
  const check = (what: string, ok: boolean, detail: string) => checks.push({ what, ok, detail });
  const work = await mkdtemp(join(tmpdir(), 'vurder-package-check-'));
  try {
    const real = realElectronDist();
    let electronDist: string;
    let fuses: unknown = config.electronFuses;
    if (real !== null) {
      electronDist = real;
      console.log(`packaging with the Electron binary in ${electronDist}`);
    } else {
      electronDist = join(work, 'electron-dist');
      await standInElectron(electronDist);
      fuses = null;
      console.log('no Electron 45 build here and its zip cannot be downloaded (set ELECTRON_OVERRIDE_DIST_PATH to one): packaging with a stand-in binary; the fuses and the binary are not checked');
    }
    const { build, Platform, Arch } = require('electron-builder') as typeof ElectronBuilder;
    const { LinuxTargetHelper } = require('app-builder-lib/out/targets/LinuxTargetHelper') as { LinuxTargetHelper: new (packager: LinuxPackagerLike) => { computeDesktopEntry(options: unknown): Promise<string> } };
    const FpmTarget = (require('app-builder-lib/out/targets/FpmTarget') as { default: new (name: string, packager: LinuxPackagerLike, helper: unknown, outDir: string) => { checkOptions(): Promise<{ maintainer: string; url: string }> } }).default;
    let desktop = '';
    let debMeta = '' as { maintainer: string; url: string } | string;
    const output = join(work, 'out');
    await build({
      targets: Platform.LINUX.createTarget('dir', Arch.x64),
      publish: 'never',
      // Merged over electron-builder.yml by electron-builder itself (null switches the fuses off).
      config: {
        electronDist,
        electronFuses: fuses as never,
        directories: { output },
        afterPack: async (context: { packager: unknown }) => {
          const packager = context.packager as unknown as LinuxPackagerLike;
          const helper = new LinuxTargetHelper(packager);
          desktop = await helper.computeDesktopEntry(packager.platformSpecificBuildOptions);
          debMeta = await new FpmTarget('deb', packager, helper, output).checkOptions().catch((error: unknown) => (error instanceof Error ? error.message : String(error)));
        },
      } as never,
    });
    const resources = join(output, 'linux-unpacked', 'resources');
    const asar = require('@electron/asar') as { listPackage(path: string): string[] };
    const listed = asar.listPackage(join(resources, 'app.asar')).map((path) => path.replaceAll('\\', '/'));
    const needed = ['/package.json', '/dist/electron/shell/main.mjs', '/dist/electron/shell/preload.cjs', '/dist/renderer/index.html', '/resources/schemes/imdi-kommunale-integreringstiltak-2021.json', '/resources/fonts/DejaVuSans.ttf'];
    const missing = needed.filter((path) => !listed.includes(path));
    check('app.asar holds main, preload, renderer, scheme data and fonts', missing.length === 0, missing.length === 0 ? `${listed.length} entries` : `missing ${missing.join(', ')}`);
    const leaked = listed.filter((path) => /^\/(electron|shared|renderer|test|scripts|resources\/build|resources\/linux)\//.test(path) || (path.endsWith('.map') && !path.includes('/node_modules/')));
    check('app.asar holds no sources, tests, build inputs or source maps of ours', leaked.length === 0, leaked.slice(0, 5).join(', ') || 'none');
    const apparmor = await readdir(join(resources, 'apparmor')).catch(() => [] as string[]);
    check('AppArmor profiles beside the app (resources/apparmor)', ['vurder', 'vurder-appimage', 'vurder-dev'].every((name) => apparmor.includes(name)), apparmor.join(', ') || 'none');
    const entry = Object.fromEntries(desktop.split('\n').filter((line) => line.includes('=')).map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
    const fields = ['Name', 'Exec', 'Icon', 'Type', 'Categories', 'Comment', 'StartupWMClass'];
    check('desktop entry (electron-builder computeDesktopEntry)', fields.every((field) => entry[field]) && entry.Exec === '/opt/Vurder/vurder %U' && entry.StartupWMClass === 'vurder', fields.map((field) => `${field}=${entry[field] ?? '?'}`).join(' · '));
    check('deb metadata (electron-builder FpmTarget)', typeof debMeta === 'object', typeof debMeta === 'object' ? `Maintainer: ${debMeta.maintainer} · Homepage: ${debMeta.url}` : debMeta);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
  return checks;
}

async function main(): Promise<number> {
  const pkg = JSON.parse(await readFile(join(root, 'package.json'), 'utf8')) as PackageJson;
  const yaml = require('js-yaml') as { load(text: string): unknown };
  const config = yaml.load(await readFile(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig & Record<string, unknown>;
  const checks = await staticChecks(root, pkg, config);
  if (!process.argv.includes('--static')) checks.push(...(await packagingRun(config)));
  for (const { what, ok, detail } of checks) console.log(`${ok ? 'ok  ' : 'FAIL'} ${what} — ${detail}`);
  const failed = checks.filter((entry) => !entry.ok).length;
  console.log(`package:check: ${checks.length - failed} of ${checks.length} checks pass`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`package:check: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
