// Bundles the CLI with esbuild into dist/electron/cli/vurder.mjs (run by bin/vurder.mjs), so `vurder` starts
// without the TypeScript loader compiling ~200 modules on every run (options: scripts/node-bundle.mjs).
// The bundle sits three folders deep so `new URL('../../../resources/', import.meta.url)` finds resources/.
// Next to it, vurder.inputs.json lists the project files it was built from with their mtimes: the bin runs
// the bundle only while none is newer, so an edited source is never shadowed by an old bundle.
// Runs on `npm ci`/`npm install` (the `prepare` script) and by `npm run build:cli`.
import { build } from 'esbuild';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkBuiltInSchemes } from './check-built-in-schemes.mjs';
import { nodeBundleOptions } from './node-bundle.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/electron/cli`;
// Chunks are named by content hash: clear the old ones so the folder holds one build only.
rmSync(outdir, { recursive: true, force: true });

// `check` is the command run cold most often (issue 13.3), so it is also bundled whole into one file of its
// own, which the entry imports instead of its split chunks: loading 2 modules instead of 7 saves ~5 ms CPU a
// start. Its copy of zod and shared/ is separate from the chunks the other commands use; only one command
// runs per process, and zod's config (jitless, electron/cli/main.ts) is global across copies.
const STANDALONE = { './commands/check': 'command-check.mjs' };
const standaloneCommands = {
  name: 'standalone-commands',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^\.\/commands\/[\w-]+$/ }, (args) => {
      const file = STANDALONE[args.path];
      return file !== undefined && /[\\/]electron[\\/]cli[\\/]main\.ts$/.test(args.importer) ? { path: `./${file}`, external: true } : undefined;
    });
  },
};

// The built-in schemes are validated here, once, and the bundle trusts them at start (shared/scheme/load.ts):
// ~3 ms of a cold `vurder check`. A scheme that fails stops the build with its file and first bad field.
await checkBuiltInSchemes(root);
const bundleOptions = { ...nodeBundleOptions, define: { 'import.meta.vurderBuiltInSchemesChecked': 'true' } };

const results = await Promise.all([
  build({
    absWorkingDir: root,
    entryPoints: ['electron/cli/main.ts'],
    outdir,
    entryNames: 'vurder',
    chunkNames: '[name]-[hash]',
    outExtension: { '.js': '.mjs' },
    // One chunk per command: a single file would import every command's packages (exceljs, pdf-lib, pkijs …)
    // on every start, since ESM imports of external packages are hoisted (measured 1.5 s for `check`).
    splitting: true,
    ...bundleOptions,
    plugins: [...bundleOptions.plugins, standaloneCommands],
    metafile: true,
  }),
  ...Object.entries(STANDALONE).map(([source, file]) =>
    build({ absWorkingDir: root, entryPoints: [`electron/cli/${source.slice(2)}.ts`], outfile: `${outdir}/${file}`, ...bundleOptions, metafile: true }),
  ),
]);
// Plugin modules (scripts/node-bundle.mjs) appear as "namespace:path"; they are not project files.
const inputs = [...new Set(results.flatMap((result) => Object.keys(result.metafile.inputs)))].filter(
  (path) => !path.includes('node_modules/') && !/^[\w-]+:/.test(path),
);
const newest = Math.max(...inputs.map((path) => statSync(`${root}${path}`).mtimeMs));
writeFileSync(`${outdir}/vurder.inputs.json`, `${JSON.stringify({ builtFrom: inputs, newestMtimeMs: newest })}\n`);
console.log(`CLI bundled into ${outdir}/vurder.mjs (${inputs.length} project files)`);
