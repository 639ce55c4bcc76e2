// pdf-lib compresses every stream (page content, font subsets) with pako, a pure-JavaScript deflate. Node's
// zlib produces the same format natively at a fraction of the cost, which matters for batches of signed PDFs.
// pdf-lib reads `pako.deflate` at call time, so replacing that one function on the shared module object is
// enough. Byte output differs from pako's, the decoded content does not.
import { createRequire } from 'node:module';
import { deflateSync } from 'node:zlib';

interface PakoLike {
  deflate: (data: Uint8Array) => Uint8Array;
}

let installed = false;

export function useNativeDeflate(): void {
  if (installed) return;
  const require = createRequire(import.meta.url);
  // Resolve pako from pdf-lib's own location so it is the very instance pdf-lib uses.
  const pako = createRequire(require.resolve('pdf-lib'))('pako') as PakoLike;
  pako.deflate = (data: Uint8Array) => {
    const out = deflateSync(data);
    return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  };
  installed = true;
}
