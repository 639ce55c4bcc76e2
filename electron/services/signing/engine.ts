// One place that binds pkijs to Node's WebCrypto, so every signing module uses the same engine.
import { webcrypto } from 'node:crypto';
import * as pkijs from 'pkijs';

let bound = false;

/** The pkijs crypto engine backed by Node's WebCrypto. Idempotent. */
export function cryptoEngine(): pkijs.ICryptoEngine {
  if (!bound) {
    pkijs.setEngine('node-webcrypto', new pkijs.CryptoEngine({ name: 'node-webcrypto', crypto: webcrypto as unknown as Crypto }));
    bound = true;
  }
  return pkijs.getCrypto(true);
}

export const subtle: SubtleCrypto = webcrypto.subtle as unknown as SubtleCrypto;

/** A Uint8Array view as an ArrayBuffer of exactly its bytes (asn1js and WebCrypto want ArrayBuffer). */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  const copy = new Uint8Array(bytes.byteLength);
  copy.set(bytes);
  return copy.buffer;
}
