// RFC 7292 appendix B key derivation: PKCS#12's own KDF, used for the MAC and the legacy 3DES bag encryption.
import { createHash } from 'node:crypto';

type Hash = 'sha1' | 'sha256' | 'sha384' | 'sha512';

const SIZES: Record<Hash, { u: number; v: number }> = {
  sha1: { u: 20, v: 64 },
  sha256: { u: 32, v: 64 },
  sha384: { u: 48, v: 128 },
  sha512: { u: 64, v: 128 },
};

/** The password as PKCS#12 wants it: big-endian UTF-16 with a terminating 0x0000. */
export function bmpPassword(password: string): Uint8Array {
  const out = new Uint8Array((password.length + 1) * 2);
  for (let i = 0; i < password.length; i++) {
    const code = password.charCodeAt(i);
    out[i * 2] = code >> 8;
    out[i * 2 + 1] = code & 0xff;
  }
  return out;
}

function repeatTo(source: Uint8Array, blockSize: number): Uint8Array {
  if (source.length === 0) return new Uint8Array(0);
  const length = blockSize * Math.ceil(source.length / blockSize);
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) out[i] = source[i % source.length] ?? 0;
  return out;
}

/** id: 1 = key, 2 = IV, 3 = MAC key. */
export function pkcs12Kdf(hash: Hash, password: string, salt: Uint8Array, id: 1 | 2 | 3, iterations: number, length: number): Uint8Array {
  const { u, v } = SIZES[hash];
  const d = new Uint8Array(v).fill(id);
  const s = repeatTo(salt, v);
  const p = repeatTo(bmpPassword(password), v);
  const input = new Uint8Array(s.length + p.length);
  input.set(s);
  input.set(p, s.length);
  const out = new Uint8Array(Math.ceil(length / u) * u);
  for (let block = 0; block * u < length; block++) {
    let a: Uint8Array = createHash(hash).update(d).update(input).digest();
    for (let r = 1; r < iterations; r++) a = createHash(hash).update(a).digest();
    out.set(a, block * u);
    const b = repeatTo(a, v).subarray(0, v);
    // I_j = (I_j + B + 1) mod 2^(8v) for every v-byte block of I.
    for (let j = 0; j < input.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = (input[j + k] ?? 0) + (b[k] ?? 0) + carry;
        input[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return out.subarray(0, length);
}

export function hashFromOid(oid: string): Hash | undefined {
  switch (oid) {
    case '1.3.14.3.2.26':
      return 'sha1';
    case '2.16.840.1.101.3.4.2.1':
      return 'sha256';
    case '2.16.840.1.101.3.4.2.2':
      return 'sha384';
    case '2.16.840.1.101.3.4.2.3':
      return 'sha512';
    default:
      return undefined;
  }
}
