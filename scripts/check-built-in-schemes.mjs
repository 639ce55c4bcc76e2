// Build-time check of the schemes shipped with Vurder, for the CLI bundle (scripts/build-cli.mjs), which then
// trusts them at start instead of validating them again (shared/scheme/load.ts, `vurderBuiltInSchemesChecked`).
// Runs the real shared/scheme/load.ts, bundled without that flag, so its `loadBuiltIn` validates each scheme
// with zod and the cross-field checks exactly as the app does; then requires that parsing returned the JSON
// unchanged (no key stripped, no default or transform applied), since the bundle uses the JSON as written.
import { build } from 'esbuild';
import { isDeepStrictEqual } from 'node:util';
import { nodeBundleOptions } from './node-bundle.mjs';

/** Throws, naming the scheme file, unless every built-in scheme is valid and parses to itself. */
export async function checkBuiltInSchemes(root, extraPlugins = []) {
  // No banner: its createRequire(import.meta.url) needs a file URL, and shared/ is pure (requires nothing).
  const { banner: _banner, ...options } = nodeBundleOptions;
  const probe = await build({
    ...options,
    plugins: [...options.plugins, ...extraPlugins],
    absWorkingDir: root,
    entryPoints: ['shared/scheme/load.ts'],
    write: false,
  });
  const code = probe.outputFiles[0]?.text ?? '';
  // Importing it validates every built-in scheme (loadBuiltIn throws "Built-in scheme <file> is invalid: …").
  const { builtInSchemeSources, builtInSchemes } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
  builtInSchemeSources.forEach((source, index) => {
    if (!isDeepStrictEqual(builtInSchemes[index], source.json)) {
      throw new Error(`Built-in scheme ${source.name}: parsing changes it (a key the schema drops, or a default); the CLI bundle could not use it as written`);
    }
  });
  return builtInSchemeSources.map((source) => source.name);
}
