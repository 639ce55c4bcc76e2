import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256File, sha256Hex, sha256Json } from './sha256';

describe('sha256', () => {
  it('matches the published test vector for "abc"', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes a real file by streaming it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vurder-hash-'));
    try {
      await writeFile(join(dir, 'a.bin'), 'abc');
      expect(await sha256File(join(dir, 'a.bin'))).toBe(sha256Hex('abc'));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, 'x', null], c: true }, u: undefined })).toBe('{"a":{"c":true,"d":[1,"x",null]},"b":1}');
  });

  it('gives equal hashes for equal values written in another key order', () => {
    expect(sha256Json({ x: 1, y: 'ø' })).toBe(sha256Json({ y: 'ø', x: 1 }));
    expect(sha256Json({ x: 1 })).not.toBe(sha256Json({ x: 2 }));
  });

  it('refuses values JSON cannot carry', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/not a JSON number/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/cannot encode/);
  });
});
