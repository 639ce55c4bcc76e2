// esbuild options shared by the Node bundles that run outside Electron (the CLI, the bench's signing
// workers): ESM for Node 22, zod and the small packages inlined, the large packages external (loaded from
// node_modules only by the code that uses them; pdf-lib must stay the node_modules instance because
// pdf/native-deflate.ts patches its pako by module identity).
export const nodeBundleOptions = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  format: 'esm',
  logLevel: 'warning',
  legalComments: 'none',
  external: ['pdf-lib', '@pdf-lib/*', 'pdfjs-dist', 'exceljs', 'electron', 'electron-*', '@signpdf/*', 'node-forge', 'pkijs', 'asn1js', '@peculiar/*', 'yazl', 'yauzl'],
  // CommonJS packages bundled into ESM still call require(); give them one.
  banner: { js: "import { createRequire as __vurderCreateRequire } from 'node:module'; const require = __vurderCreateRequire(import.meta.url);" },
};
