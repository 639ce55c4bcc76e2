// Bundles the CLI with esbuild into dist/electron/cli/vurder.mjs (run by bin/vurder.mjs), so `vurder` starts
// without the TypeScript loader compiling ~200 modules on every run. npm packages stay external (resolved
// from node_modules at run time): pdf-lib's pako is patched by module identity (pdf/native-deflate.ts).
// The bundle sits three folders deep so `new URL('../../../resources/', import.meta.url)` finds resources/.
// Next to it, vurder.inputs.json lists the project files it was built from with their mtimes: the bin runs
// the bundle only while none is newer, so an edited source is never shadowed by an old bundle.
// Runs on `npm ci`/`npm install` (the `prepare` script) and by `npm run build:cli`.
import { build } from 'esbuild';
import { statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/electron/cli`;
const result = await build({
  absWorkingDir: root,
  entryPoints: ['electron/cli/main.ts'],
  outdir,
  entryNames: 'vurder',
  chunkNames: '[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  // One chunk per command: a single file would import every command's packages (exceljs, pdf-lib, pkijs …)
  // on every start, since ESM imports of external packages are hoisted (measured 1.5 s for `check`).
  splitting: true,
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  // zod and the small packages are bundled (loading zod's ~100 ESM files cost more than the check itself);
  // the large ones stay external, loaded only by the commands that use them, and pdf-lib must stay the
  // node_modules instance because pdf/native-deflate.ts patches its pako by module identity.
  external: ['pdf-lib', '@pdf-lib/*', 'pdfjs-dist', 'exceljs', 'electron', 'electron-*', '@signpdf/*', 'node-forge', 'pkijs', 'asn1js', '@peculiar/*', 'yazl', 'yauzl'],
  logLevel: 'warning',
  legalComments: 'none',
  metafile: true,
  // CommonJS packages bundled into ESM still call require(); give them one.
  banner: { js: "import { createRequire as __vurderCreateRequire } from 'node:module'; const require = __vurderCreateRequire(import.meta.url);" },
});
const inputs = Object.keys(result.metafile.inputs).filter((path) => !path.includes('node_modules/'));
const newest = Math.max(...inputs.map((path) => statSync(`${root}${path}`).mtimeMs));
writeFileSync(`${outdir}/vurder.inputs.json`, `${JSON.stringify({ builtFrom: inputs, newestMtimeMs: newest })}\n`);
console.log(`CLI bundled into ${outdir}/vurder.mjs (${inputs.length} project files)`);
