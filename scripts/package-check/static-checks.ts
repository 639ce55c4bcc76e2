// What `npm run package:check` proves without packaging (fast, offline; also run by
// test/electron/package-check.test.ts in `npm test`): the metadata electron-builder's targets need, the icons
// in every size they use, the Linux desktop entry fields, the AppArmor profiles, the file patterns, and npm
// scripts that run under cmd.exe. The packaging run (scripts/package-check.ts) checks the rest.
import { access, readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface Check {
  what: string;
  ok: boolean;
  detail: string;
}

export interface PackageJson {
  name?: string;
  productName?: string;
  version?: string;
  description?: string;
  homepage?: string;
  main?: string;
  desktopName?: string;
  author?: string | { name?: string; email?: string };
  scripts?: Record<string, string>;
}

export interface BuilderConfig {
  productName?: string;
  files?: string[];
  win?: { icon?: string };
  mac?: { icon?: string };
  linux?: { icon?: string; executableName?: string; maintainer?: string; category?: string; description?: string; syncDesktopName?: boolean; desktop?: { entry?: Record<string, string> } };
  deb?: { appArmorProfile?: string };
}

/** Linux icon sizes electron-builder installs into hicolor (and the AppImage's .DirIcon uses the largest). */
export const LINUX_ICON_SIZES = [16, 32, 48, 64, 128, 256, 512];
/** Windows: the installer and the taskbar use 16, 32, 48 and 256 from the .ico; electron-builder needs 256. */
export const ICO_REQUIRED_SIZES = [16, 32, 48, 256];
/** freedesktop.org registered main categories (menu-spec, Appendix A). */
const MAIN_CATEGORIES = ['AudioVideo', 'Audio', 'Video', 'Development', 'Education', 'Game', 'Graphics', 'Network', 'Office', 'Science', 'Settings', 'System', 'Utility'];

/** Width and height of a PNG (its IHDR chunk), or null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const buffer = Buffer.from(bytes);
  if (buffer.length < 24 || buffer.toString('latin1', 1, 4) !== 'PNG' || buffer.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: buffer.readUInt32BE(16), height: buffer.readUInt32BE(20) };
}

/** The image sizes in an ICO's directory (0 in the file means 256). */
export function icoSizes(bytes: Uint8Array): number[] {
  const buffer = Buffer.from(bytes);
  if (buffer.length < 6 || buffer.readUInt16LE(0) !== 0 || buffer.readUInt16LE(2) !== 1) return [];
  const count = buffer.readUInt16LE(4);
  const sizes: number[] = [];
  for (let index = 0; index < count && 6 + 16 * (index + 1) <= buffer.length; index += 1) {
    const width = buffer.readUInt8(6 + 16 * index);
    sizes.push(width === 0 ? 256 : width);
  }
  return sizes;
}

/** "Name <email>" as the deb's Maintainer field needs it. */
function maintainerOf(pkg: PackageJson, config: BuilderConfig): string | null {
  if (config.linux?.maintainer !== undefined) return config.linux.maintainer;
  const author = pkg.author;
  if (typeof author === 'object' && author.name && author.email) return `${author.name} <${author.email}>`;
  return null;
}

/** A file pattern of electron-builder's `files` as a regular expression (only `**` and `*` are used here). */
function patternToRegExp(pattern: string): RegExp {
  const escaped = pattern
    .split('**')
    .map((part) => part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*'))
    .join('.*');
  return new RegExp(`^${escaped}$`);
}

/** Whether electron-builder's `files` list (later patterns win, `!` excludes) packs `path`. */
export function packs(files: readonly string[], path: string): boolean {
  let included = false;
  for (const pattern of files) {
    const negated = pattern.startsWith('!');
    if (patternToRegExp(negated ? pattern.slice(1) : pattern).test(path)) included = !negated;
  }
  return included;
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

export async function staticChecks(root: string, pkg: PackageJson, config: BuilderConfig): Promise<Check[]> {
  const checks: Check[] = [];
  const check = (what: string, ok: boolean, detail: string) => checks.push({ what, ok, detail });

  // Metadata (electron-builder FpmTarget.computeFpmMetaInfoOptions: "Please specify project homepage",
  // author email or linux.maintainer; neither homepage nor author can be set in electron-builder.yml).
  check('package.json homepage (deb Homepage)', /^https:\/\/\S+$/.test(pkg.homepage ?? ''), pkg.homepage ?? 'missing');
  // Electron names the app (menus, the data folder) after package.json's productName, else its name.
  check('package.json productName = electron-builder productName (app name, data folder)', Boolean(pkg.productName) && pkg.productName === config.productName, `${pkg.productName ?? 'missing'} / ${config.productName ?? 'missing'}`);
  check('package.json description and version', Boolean(pkg.description && pkg.version), `${pkg.version ?? 'no version'}: ${pkg.description ?? 'no description'}`);
  const maintainer = maintainerOf(pkg, config);
  check('deb Maintainer "name <email>"', maintainer !== null && /^[^<>]+ <[^<>@\s]+@[^<>@\s]+>$/.test(maintainer), maintainer ?? 'neither linux.maintainer nor author {name, email}');
  check('package.json author with email (NSIS publisher, AppStream)', typeof pkg.author === 'object' && Boolean(pkg.author.name && pkg.author.email), JSON.stringify(pkg.author ?? null));

  // Icons.
  const macIcon = config.mac?.icon ? pngSize(await readFile(join(root, config.mac.icon))) : null;
  check('macOS icon: square PNG ≥ 512×512 (1024 recommended)', macIcon !== null && macIcon.width === macIcon.height && macIcon.width >= 512, macIcon ? `${macIcon.width}×${macIcon.height}` : `mac.icon ${config.mac?.icon ?? 'not set'}`);
  const ico = config.win?.icon ? icoSizes(await readFile(join(root, config.win.icon))) : [];
  const missingIco = ICO_REQUIRED_SIZES.filter((size) => !ico.includes(size));
  check(`Windows icon: .ico with ${ICO_REQUIRED_SIZES.join(', ')}`, config.win?.icon?.endsWith('.ico') === true && missingIco.length === 0, missingIco.length === 0 ? `sizes ${ico.join(', ')}` : `missing ${missingIco.join(', ')}`);
  const linuxDir = config.linux?.icon;
  const linuxProblems: string[] = [];
  if (linuxDir === undefined) linuxProblems.push('linux.icon not set');
  else {
    const names = new Set(await readdir(join(root, linuxDir)).catch(() => [] as string[]));
    for (const size of LINUX_ICON_SIZES) {
      const name = `${size}x${size}.png`;
      const found = names.has(name) ? pngSize(await readFile(join(root, linuxDir, name))) : null;
      if (found === null || found.width !== size || found.height !== size) linuxProblems.push(found === null ? `${name} missing` : `${name} is ${found.width}×${found.height}`);
    }
  }
  check(`Linux icons ${LINUX_ICON_SIZES.join(', ')} px`, linuxProblems.length === 0, linuxProblems.join('; ') || `${linuxDir ?? ''}/<n>x<n>.png`);

  // Desktop entry (electron-builder LinuxTargetHelper.computeDesktopEntry fills Name, Exec, Icon, Type,
  // Terminal, StartupWMClass, Comment, Categories; what we must supply is checked here).
  const linux = config.linux ?? {};
  check('desktop entry Categories: a registered main category', MAIN_CATEGORIES.includes(linux.category ?? ''), linux.category ?? 'linux.category not set');
  check('desktop entry Comment (linux.description)', Boolean(linux.description), linux.description ?? 'missing');
  check(
    'desktop entry StartupWMClass follows desktopName (Electron app_id)',
    linux.syncDesktopName === true && /^[a-z0-9.-]+\.desktop$/.test(pkg.desktopName ?? ''),
    `desktopName ${pkg.desktopName ?? 'missing'}, syncDesktopName ${String(linux.syncDesktopName ?? false)}`,
  );
  check('desktop entry has no Exec of its own (electron-builder refuses it)', !('Exec' in (linux.desktop?.entry ?? {})), 'linux.executableName sets it');
  const keywords = linux.desktop?.entry?.Keywords;
  check('desktop entry Keywords end with ";"', keywords === undefined || keywords.endsWith(';'), keywords ?? 'none');

  // AppArmor (Ubuntu 23.10+): the deb's profile, and the ones for the unpacked AppImage and `npm start`.
  const executable = linux.executableName ?? pkg.name ?? '';
  const installPath = `/opt/${config.productName ?? ''}/${executable}`;
  const debProfile = config.deb?.appArmorProfile ? await readFile(join(root, config.deb.appArmorProfile), 'utf8').catch(() => '') : '';
  check(`deb AppArmor profile attaches ${installPath} and allows userns`, debProfile.includes(` ${installPath} `) && /^\s*userns,\s*$/m.test(debProfile), config.deb?.appArmorProfile ?? 'deb.appArmorProfile not set');
  for (const name of ['vurder-appimage', 'vurder-dev']) {
    const text = await readFile(join(root, 'resources/linux/apparmor', name), 'utf8').catch(() => '');
    check(`AppArmor profile ${name}`, /^\s*userns,\s*$/m.test(text) && text.includes(`profile ${name} `), `resources/linux/apparmor/${name}`);
  }

  // Files: what main needs is packed, build inputs are not (the packaging run checks the real asar).
  const files = config.files ?? [];
  const needed = [pkg.main ?? 'package.json main missing', 'dist/electron/shell/preload.cjs', 'dist/renderer/index.html', 'resources/schemes/imdi-kommunale-integreringstiltak-2021.json', 'package.json'];
  const unpacked = needed.filter((path) => !packs(files, path));
  check('files: main, preload, renderer, scheme data packed', unpacked.length === 0, unpacked.length === 0 ? needed.join(', ') : `not packed: ${unpacked.join(', ')}`);
  const leaked = ['resources/build/icon.png', 'resources/linux/apparmor/vurder', 'dist/electron/shell/main.mjs.map', 'electron/shell/main.ts'].filter((path) => packs(files, path));
  check('files: no build inputs, sources or source maps in the asar', leaked.length === 0, leaked.length === 0 ? 'none' : leaked.join(', '));
  check('the main bundle path matches build:shell output', pkg.main === 'dist/electron/shell/main.mjs', pkg.main ?? 'missing');
  check('make-icons source present', await exists(join(root, 'resources/build/icon.svg')), 'resources/build/icon.svg');

  // npm runs scripts in cmd.exe on Windows: no POSIX `NAME=value cmd` prefixes or single-quoted values.
  const posix = Object.entries(pkg.scripts ?? {}).filter(([, script]) => /(^|&&|\|\||;)\s*[A-Z_][A-Z0-9_]*=/.test(script) || /'/.test(script));
  check('npm scripts run in cmd.exe (no NAME=value prefix, no single quotes)', posix.length === 0, posix.length === 0 ? 'scripts/run-with-env.mjs sets variables' : posix.map(([name]) => name).join(', '));
  return checks;
}
