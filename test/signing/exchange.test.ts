// Signed exchange files: canonical JSON, detached CMS, and refusal of every tampering the panel lead must catch.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../electron/services/exchange/canonical';
import { createExchangeFile, serialiseExchangeFile, verifyExchangeFile } from '../../electron/services/exchange/exchange-file';
import type { ExchangeEnvelope, ExchangePayload } from '../../electron/services/exchange/format';
import { createCertificateAuthority, createIdentity, issueIdentity } from '../../electron/services/signing/identity';
import type { Identity } from '../../electron/services/signing/identity';
import { verifyFile } from '../../electron/services/signing/verify';
import { sampleAssessment } from './sample-assessment';
import { tempDir } from './helpers';

const NAME = 'Øyvind Ærø Åsen';
const SCHEME_SHA = 'a3f1c2d4e5b60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00';
let dir: string;
let cleanup: () => Promise<void>;
let oyvind: Identity;
let mallory: Identity;

function payload(name = NAME): ExchangePayload {
  return {
    format: 'vurder-assessments',
    formatVersion: 1,
    createdAt: '2021-03-15T10:30:00+01:00',
    assessor: { id: 'oyvind', name, email: 'oyvind@example.no' },
    scheme: { id: 'imdi-kommunale-integreringstiltak-2021', sha256: SCHEME_SHA },
    assessments: [
      {
        assessment: sampleAssessment('SO1-2021-017', name),
        schemeSha256: SCHEME_SHA,
        packageFiles: [{ path: 'soknad.json', sha256: '0f5e1c9b7a3d2e4f6a8b0c1d2e3f405162738495a6b7c8d9e0f1a2b3c4d5e6f7', bytes: 5812 }],
      },
    ],
  };
}

async function check(envelope: ExchangeEnvelope | string, trusted?: Uint8Array[]) {
  const text = typeof envelope === 'string' ? envelope : serialiseExchangeFile(envelope);
  return verifyExchangeFile('x.vurder.json', new TextEncoder().encode(text), trusted);
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('exchange'));
  oyvind = await createIdentity({ name: NAME, email: 'oyvind@example.no', keyType: 'RSA-3072' });
  mallory = await createIdentity({ name: NAME, email: 'mallory@example.no', keyType: 'P-256' });
});
afterAll(() => cleanup());

describe('canonical JSON', () => {
  it('sorts keys, drops whitespace and keeps UTF-8 letters', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'ø'], Å: { z: -0, y: 'x"y' } })).toBe('{"a":[true,null,"ø"],"b":1,"Å":{"y":"x\\"y","z":0}}');
  });
  it('refuses non-integers and unsafe integers', () => {
    expect(() => canonicalJson({ score: 3.5 })).toThrow(/\.score: 3\.5 is not an integer/);
    expect(() => canonicalJson({ n: 2 ** 53 })).toThrow(/not an integer/);
  });
});

describe('exchange file', () => {
  it('verifies intact, with signer, fingerprint, signing time and contents; verifyFile recognises it', async () => {
    const envelope = await createExchangeFile(payload(), oyvind, new Date('2021-03-15T09:30:00Z'));
    const { report, payload: verified } = await check(envelope, [oyvind.certificateDer]);
    expect(report.status).toBe('valid');
    expect(report.trusted).toBe(true);
    expect(report.signer?.fingerprint).toBe(oyvind.fingerprint);
    expect(report.signingTime).toBe('2021-03-15T10:30:00+01:00');
    expect(report.contents?.applicationIds).toEqual(['SO1-2021-017']);
    expect(verified?.assessments[0]?.assessment.scores[0]?.score).toBe(4);
    const path = join(dir, 'oyvind.vurder.json');
    await writeFile(path, serialiseExchangeFile(envelope));
    expect((await verifyFile(path)).status).toBe('unverified');
  });

  it('one changed score is refused as modified', async () => {
    const envelope = await createExchangeFile(payload(), oyvind);
    const text = serialiseExchangeFile(envelope).replace('"score": 4', '"score": 5');
    expect(text).toContain('"score": 5');
    const { report, payload: verified } = await check(text);
    expect(report.status).toBe('invalid');
    expect(report.problems[0]?.code).toBe('modified');
    expect(report.problems[0]?.en).toMatch(/modified after signing/);
    expect(verified).toBeUndefined();
  });

  it('re-formatting the JSON (whitespace, key order) does not break the signature', async () => {
    const envelope = await createExchangeFile(payload(), oyvind);
    const reordered = JSON.stringify({ signature: envelope.signature, payload: envelope.payload, formatVersion: 1, format: 'vurder-exchange' });
    expect((await check(reordered)).report.status).toBe('unverified');
    const path = join(dir, 'reordered.vurder.json');
    await writeFile(path, reordered);
    expect((await verifyFile(path, { trusted: [oyvind.certificateDer] })).status).toBe('valid');
    await writeFile(path, '{"format": "noe annet"}');
    const other = await verifyFile(path);
    expect(other.status).toBe('unreadable');
    expect(other.problems[0]?.code).toBe('malformed-exchange');
  });

  it('a swapped certificate is refused', async () => {
    const envelope = await createExchangeFile(payload(), oyvind);
    envelope.signature.certificate = Buffer.from(mallory.certificateDer).toString('base64');
    const { report } = await check(envelope);
    expect(report.status).toBe('invalid');
    expect(report.problems.map((entry) => entry.code)).toContain('certificate-mismatch');
  });

  it('a file re-signed by an unknown signer with the same name is refused against the trust list', async () => {
    const forged = await createExchangeFile(payload(), mallory);
    const { report } = await check(forged, [oyvind.certificateDer]);
    expect(report.intact).toBe(true);
    expect(report.status).toBe('invalid');
    expect(report.trusted).toBe(false);
    expect(report.problems[0]?.code).toBe('untrusted');
    expect(report.problems[0]?.en).toContain(mallory.fingerprint);
  });

  it('a signer issued by a trusted CA is trusted', async () => {
    const ca = await createCertificateAuthority({ name: 'Panelets CA', keyType: 'P-256' });
    const person = await issueIdentity(ca, { name: NAME, keyType: 'P-256' });
    const { report } = await check(await createExchangeFile(payload(), person), [ca.certificateDer]);
    expect(report.status).toBe('valid');
    expect(report.trusted).toBe(true);
  });

  it('an assessor name that differs from the certificate is refused', async () => {
    const { report } = await check(await createExchangeFile(payload('Kari Nordmann'), oyvind));
    expect(report.status).toBe('invalid');
    expect(report.problems.map((entry) => entry.code)).toEqual(['assessor-mismatch']);
  });

  it('a decimal smuggled into the payload makes the file unreadable, not valid', async () => {
    const envelope = await createExchangeFile(payload(), oyvind);
    const text = serialiseExchangeFile(envelope).replace('"score": 4', '"score": 4.5');
    const { report } = await check(text);
    expect(report.status).toBe('unreadable');
    expect(report.problems[0]?.en).toContain('is not an integer');
  });

  it('refuses to create a file from a payload that breaks the format', async () => {
    const bad = payload();
    (bad.assessments[0] as { schemeSha256: string }).schemeSha256 = 'not-a-hash';
    await expect(createExchangeFile(bad, oyvind)).rejects.toThrow();
  });
});

describe('exchange file: what the signature does not cover is checked too (issue 8 point 2)', () => {
  it('a changed payloadSha256 is refused', async () => {
    const envelope = await createExchangeFile(payload(), oyvind);
    envelope.signature.payloadSha256 = 'f'.repeat(64);
    const { report, payload: verified } = await check(envelope, [oyvind.certificateDer]);
    expect(report.status).toBe('invalid');
    expect(report.problems.map((entry) => entry.code)).toEqual(['payload-hash-mismatch']);
    expect(verified).toBeUndefined();
  });

  it('a duplicated key (the last one would win in JSON.parse) is refused, naming line and column', async () => {
    const envelope = await createExchangeFile(payload(), oyvind);
    const text = serialiseExchangeFile(envelope).replace('"score": 4,', '"score": 4, "score": 2,');
    expect(text).toContain('"score": 2');
    const { report } = await check(text, [oyvind.certificateDer]);
    expect(report.status).toBe('unreadable');
    expect(report.problems[0]?.en).toMatch(/duplicate key "score" at line \d+, column \d+/);
    const inEnvelope = serialiseExchangeFile(envelope).replace('"formatVersion": 1,', '"formatVersion": 1, "formatVersion": 1,');
    expect((await check(inEnvelope)).report.problems[0]?.en).toContain('duplicate key "formatVersion"');
  });

  it('numbers not written canonically (4.0, 4e0, -0, 04), invalid UTF-8 and lone surrogates are refused', async () => {
    const text = serialiseExchangeFile(await createExchangeFile(payload(), oyvind));
    for (const written of ['4.0', '4e0', '04']) {
      const { report } = await check(text.replace('"score": 4', `"score": ${written}`), [oyvind.certificateDer]);
      expect(report.status, written).toBe('unreadable');
      expect(report.problems[0]?.en, written).toContain(`${written} is not an integer written canonically`);
    }
    expect((await check(text.replace('"formatVersion": 1', '"formatVersion": -0'))).report.problems[0]?.en).toContain('-0 is not an integer');
    const bytes = Buffer.from(text.replace('Øyvind', 'XXyvind'), 'utf8');
    bytes[bytes.indexOf('XXyvind')] = 0xc3;
    bytes[bytes.indexOf('Xyvind')] = 0x28;
    const badUtf8 = await verifyExchangeFile('x.vurder.json', bytes, undefined);
    expect(badUtf8.report.problems[0]?.en).toContain('not valid UTF-8');
    const surrogate = await check(text.replace('"Øyvind Ærø Åsen"', '"\\ud800"'));
    expect(surrogate.report.problems[0]?.en).toContain('lone surrogate');
  });

  it('a flipped byte in the embedded certificate is invalid with the reason, never an unexpected error', async () => {
    const envelope = await createExchangeFile(payload(), oyvind);
    const der = Buffer.from(envelope.signature.certificate, 'base64');
    for (const at of [1, 4, 20, der.length - 1]) {
      const flipped = Buffer.from(der);
      flipped[at] = (flipped[at] ?? 0) ^ 0x55;
      const copy = { ...envelope, signature: { ...envelope.signature, certificate: flipped.toString('base64') } };
      const { report } = await check(copy, [oyvind.certificateDer]);
      expect(report.status, `byte ${at}`).toBe('invalid');
      // A flip the parser notices is a malformed certificate; one it does not is another certificate than the signer's.
      expect(report.problems.map((entry) => entry.code).filter((code) => code === 'malformed-certificate' || code === 'certificate-mismatch'), `byte ${at}`).not.toEqual([]);
      const path = join(dir, 'flipped.vurder.json');
      await writeFile(path, serialiseExchangeFile(copy));
      const cli = await verifyFile(path, { trusted: [oyvind.certificateDer] });
      expect(cli.status).toBe('invalid');
    }
    const garbage = { ...envelope, signature: { ...envelope.signature, certificate: 'AAAA' } };
    const { report } = await check(garbage);
    expect(report.problems.find((entry) => entry.code === 'malformed-certificate')?.en).toMatch(/signature\.certificate is not a readable X\.509 certificate \(.+\)/);
  });

  it('without a trust list an intact file is "unverified", never plainly valid; its payload is still returned', async () => {
    const { report, payload: verified } = await check(await createExchangeFile(payload(), oyvind));
    expect(report).toMatchObject({ status: 'unverified', intact: true, trusted: null });
    expect(verified?.assessor.name).toBe(NAME);
  });
});
