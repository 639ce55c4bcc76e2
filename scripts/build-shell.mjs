// Bundles the Electron shell with esbuild:
//   dist/electron/shell/main.mjs    ESM (electron-store is ESM-only); npm packages stay external (node_modules)
//   dist/electron/shell/preload.cjs one CommonJS file with everything inlined: a sandboxed preload cannot
//                                   require local files, only `electron`.
// The main bundle sits three folders deep so the services' `new URL('../../../resources/', import.meta.url)`
// still finds resources/ at the app root, in development and in the packaged app alike.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
// Run through tsx (npm run build:shell), so the contract's TypeScript is importable here.
const { CHANNELS, EVENTS } = await import('../shared/ipc/contract.ts');

const root = fileURLToPath(new URL('..', import.meta.url));
// `--outdir DIR` (used by test/electron/preload.test.ts) builds elsewhere; the app's layout needs the default.
const outdirFlag = process.argv.indexOf('--outdir');
const outdir = outdirFlag === -1 ? `${root}dist/electron/shell` : process.argv[outdirFlag + 1];
if (outdir === undefined) throw new Error('--outdir needs a folder');
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: 'linked',
  logLevel: 'warning',
  legalComments: 'none',
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['electron/shell/main.ts'],
    outfile: `${outdir}/main.mjs`,
    format: 'esm',
    packages: 'external',
    // CommonJS packages bundled into ESM still call require(); give them one.
    banner: { js: "import { createRequire as __vurderCreateRequire } from 'node:module'; const require = __vurderCreateRequire(import.meta.url);" },
  }),
  build({
    ...common,
    entryPoints: ['electron/shell/preload.ts'],
    outfile: `${outdir}/preload.cjs`,
    format: 'cjs',
    external: ['electron'],
    define: { __VURDER_CHANNELS__: JSON.stringify(CHANNELS), __VURDER_EVENTS__: JSON.stringify(EVENTS) },
  }),
]);
console.log(`shell built into ${outdir} (${CHANNELS.length} channels, ${EVENTS.length} events in the preload)`);
