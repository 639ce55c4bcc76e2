// esbuild options shared by the Node bundles that run outside Electron (the CLI, the bench's signing
// workers): ESM for Node 22, zod and the small packages inlined, the large packages external (loaded from
// node_modules only by the code that uses them; pdf-lib must stay the node_modules instance because
// pdf/native-deflate.ts patches its pako by module identity).
import { dirname } from 'node:path';

/**
 * zod/v4/classic and zod/v4/core re-export every locale (`export * as locales from "../locales/index.js"`), and since the
 * code imports `{ z }` as a namespace esbuild cannot drop them: ~370 KB of error texts in ~45 languages that
 * every `vurder` start parsed and evaluated. The code never calls `z.config(z.locales.xx())` (messages are
 * English, the default zod registers itself from locales/en.js), so the index is replaced by English only.
 * If zod moves the import, nothing matches and the bundle is merely larger again.
 */
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/](classic[\\/]external|core[\\/]index)\.js$/.test(args.importer)
        ? { path: args.importer, namespace: 'zod-english-only' }
        : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-english-only' }, (args) => ({
      contents: 'export { default as en } from "../locales/en.js";\n',
      resolveDir: dirname(args.path),
      loader: 'js',
    }));
  },
};

/**
 * Node loads an external CommonJS package imported from ESM through cjs-module-lexer, which scans its source
 * for export names in JavaScript: for yauzl that cost ~5 ms and ~12 ms more of TurboFan compiling the lexer on
 * a background thread, a fifth of a cold `vurder check`. require() needs no lexer, so the packages listed here
 * (plain CommonJS, imported only as `import x from 'pkg'`, whose default is module.exports under both Node's and
 * esbuild's interop) are loaded with the banner's require() instead. The package stays external.
 */
const REQUIRED_NOT_IMPORTED = ['yauzl'];
const requireCommonJs = {
  name: 'require-commonjs',
  setup(build) {
    const filter = new RegExp(`^(${REQUIRED_NOT_IMPORTED.join('|')})$`);
    build.onResolve({ filter }, (args) =>
      args.namespace === 'require-commonjs' ? { path: args.path, external: true } : { path: args.path, namespace: 'require-commonjs' },
    );
    build.onLoad({ filter: /.*/, namespace: 'require-commonjs' }, (args) => ({
      contents: `export default require(${JSON.stringify(args.path)});\n`,
      loader: 'js',
    }));
  },
};

export const nodeBundleOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  logLevel: 'warning',
  legalComments: 'none',
  external: ['pdf-lib', '@pdf-lib/*', 'pdfjs-dist', 'exceljs', 'electron', 'electron-*', '@signpdf/*', 'node-forge', 'pkijs', 'asn1js', '@peculiar/*', 'yazl', 'yauzl'],
  plugins: [zodEnglishOnly, requireCommonJs],
  // CommonJS packages bundled into ESM still call require(); give them one.
  banner: { js: "import { createRequire as __vurderCreateRequire } from 'node:module'; const require = __vurderCreateRequire(import.meta.url);" },
};
