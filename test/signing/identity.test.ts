// Identities: creation, PKCS#12 round trip, OpenSSL interoperability both ways, wrong passphrase.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateToPem, describeCertificate } from '../../electron/services/signing/certificate';
import { createIdentity, identityToPkcs12, IdentityError, openIdentity, writeIdentityP12 } from '../../electron/services/signing/identity';
import { run, tempDir } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir('identity')));
afterAll(() => cleanup());

describe('createIdentity', () => {
  it('makes a self-signed P-256 certificate whose CN is the full Norwegian name as UTF8String', async () => {
    const identity = await createIdentity({ name: 'Øyvind Ærø Åsen', email: 'oyvind@example.no', keyType: 'P-256' });
    expect(identity.subjectName).toBe('Øyvind Ærø Åsen');
    expect(identity.email).toBe('oyvind@example.no');
    expect(identity.keyType).toBe('EC');
    expect(identity.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(identity.privateKey.extractable).toBe(false);
    const pemPath = join(dir, 'cert.pem');
    await writeFile(pemPath, certificateToPem(identity.certificateDer));
    const { output } = await run('openssl', ['x509', '-in', pemPath, '-noout', '-subject', '-nameopt', 'utf8,sep_comma_plus', '-fingerprint', '-sha256']);
    expect(output).toContain('CN=Øyvind Ærø Åsen');
    expect(output.toUpperCase()).toContain(identity.fingerprint);
    const asn1 = await run('openssl', ['asn1parse', '-in', pemPath]);
    expect(asn1.output).toMatch(/:commonName\s*\n.*UTF8STRING/);
  });
});

describe('PKCS#12', () => {
  it('round-trips through writeIdentityP12/openIdentity and opens in OpenSSL with the passphrase', async () => {
    const identity = await createIdentity({ name: 'Åse Øren', email: 'ase@example.no', keyType: 'P-256' });
    const path = join(dir, 'ase.p12');
    await writeIdentityP12(identity, path, 'sjø og fjell');
    const reopened = await openIdentity(path, 'sjø og fjell');
    expect(reopened.fingerprint).toBe(identity.fingerprint);
    expect(reopened.subjectName).toBe('Åse Øren');
    const { code, output } = await run('openssl', ['pkcs12', '-in', path, '-passin', 'pass:sjø og fjell', '-nokeys', '-info']);
    expect(code).toBe(0);
    expect(output).toContain('Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC');
    expect(output).toContain('MAC: sha256');
    // The key is never in clear: the file does not contain the PKCS#8 header of an unencrypted key.
    const bytes = await readFile(path);
    expect(bytes.includes(Buffer.from('PRIVATE KEY'))).toBe(false);
  });

  it('refuses a wrong passphrase with a clear error and refuses to write without one', async () => {
    const identity = await createIdentity({ name: 'Ola Nordmann', keyType: 'P-256' });
    const bytes = identityToPkcs12(identity, 'riktig');
    await expect(openIdentity(bytes, 'feil')).rejects.toThrow(/wrong passphrase/);
    await expect(openIdentity(bytes, 'feil')).rejects.toBeInstanceOf(IdentityError);
    expect(() => identityToPkcs12(identity, '')).toThrow(/passphrase is required/);
  });

  it('imports an RSA PKCS#12 made by OpenSSL (AES and legacy 3DES)', async () => {
    const key = join(dir, 'o.key');
    const cert = join(dir, 'o.crt');
    const made = await run('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '30',
      '-subj', '/C=NO/CN=Bjørn Ødegård', '-utf8',
    ]);
    expect(made.code).toBe(0);
    const modern = join(dir, 'modern.p12');
    expect((await run('openssl', ['pkcs12', '-export', '-inkey', key, '-in', cert, '-out', modern, '-passout', 'pass:hemmelig'])).code).toBe(0);
    const fromModern = await openIdentity(modern, 'hemmelig');
    expect(fromModern.subjectName).toBe('Bjørn Ødegård');
    expect(fromModern.keyType).toBe('RSA');
    const legacy = join(dir, 'legacy.p12');
    const legacyMade = await run('openssl', [
      'pkcs12', '-export', '-inkey', key, '-in', cert, '-out', legacy, '-passout', 'pass:hemmelig',
      '-keypbe', 'PBE-SHA1-3DES', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1',
    ]);
    expect(legacyMade.code).toBe(0);
    const fromLegacy = await openIdentity(legacy, 'hemmelig');
    expect(fromLegacy.fingerprint).toBe(fromModern.fingerprint);
    expect(describeCertificate(fromLegacy.certificate).selfSigned).toBe(true);
  });
});
