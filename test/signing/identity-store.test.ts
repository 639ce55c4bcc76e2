// The safeStorage-backed identity store, with a protector that really encrypts (AES-GCM under a per-test key)
// standing in for the OS: the store's job — never a key or passphrase in clear — is what is tested.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentity } from '../../electron/services/signing/identity';
import {
  IDENTITY_FILE,
  openProtectedIdentity,
  PROTECTED_PASSPHRASE_FILE,
  removeProtectedIdentity,
  saveProtectedIdentity,
} from '../../electron/services/signing/identity-store';
import type { SecretProtector } from '../../electron/services/signing/identity-store';
import { tempDir } from './helpers';

function aesProtector(key = randomBytes(32), available = true): SecretProtector {
  return {
    isAvailable: () => available,
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    decrypt(bytes) {
      const data = Buffer.from(bytes);
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir('store')));
afterAll(() => cleanup());

describe('protected identity store', () => {
  it('stores and reopens an identity; the passphrase is only stored encrypted', async () => {
    const protector = aesProtector();
    const identity = await createIdentity({ name: 'Øyvind Ærø Åsen', keyType: 'P-256' });
    const store = join(dir, 'a');
    expect(await openProtectedIdentity(store, protector)).toBeNull();
    await saveProtectedIdentity(store, identity, protector);
    const reopened = await openProtectedIdentity(store, protector);
    expect(reopened?.fingerprint).toBe(identity.fingerprint);
    const secret = await readFile(join(store, PROTECTED_PASSPHRASE_FILE));
    const passphrase = protector.decrypt(secret);
    expect(secret.includes(Buffer.from(passphrase))).toBe(false);
    expect((await readFile(join(store, IDENTITY_FILE))).includes(Buffer.from('PRIVATE KEY'))).toBe(false);
    await removeProtectedIdentity(store);
    expect(await openProtectedIdentity(store, protector)).toBeNull();
  });

  it('cannot be unlocked with another OS key, and refuses to store without OS protection', async () => {
    const identity = await createIdentity({ name: 'Kari Nordmann', keyType: 'P-256' });
    const store = join(dir, 'b');
    await saveProtectedIdentity(store, identity, aesProtector());
    await expect(openProtectedIdentity(store, aesProtector())).rejects.toThrow(/cannot be unlocked/);
    await expect(saveProtectedIdentity(join(dir, 'c'), identity, aesProtector(randomBytes(32), false))).rejects.toThrow(/cannot protect the key/);
  });
});
