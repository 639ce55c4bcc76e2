// The safeStorage-backed identity store, with a protector that really encrypts (AES-GCM under a per-test key)
// standing in for the OS: the store's job — never a key or passphrase in clear — is what is tested.
import { randomBytes } from 'node:crypto';
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
import { aesGcmProtector } from '../e2e/test-protector';
import { tempDir } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir('store')));
afterAll(() => cleanup());

describe('protected identity store', () => {
  it('stores and reopens an identity; the passphrase is only stored encrypted', async () => {
    const protector = aesGcmProtector(randomBytes(32));
    const identity = await createIdentity({ name: 'Øyvind Ærø Åsen', keyType: 'P-256' });
    const store = join(dir, 'a');
    expect(await openProtectedIdentity(store, protector)).toBeNull();
    await saveProtectedIdentity(store, identity, protector);
    const reopened = await openProtectedIdentity(store, protector);
    expect(reopened?.fingerprint).toBe(identity.fingerprint);
    const secret = await readFile(join(store, PROTECTED_PASSPHRASE_FILE));
    const passphrase = await protector.decrypt(secret);
    expect(secret.includes(Buffer.from(passphrase))).toBe(false);
    expect((await readFile(join(store, IDENTITY_FILE))).includes(Buffer.from('PRIVATE KEY'))).toBe(false);
    await removeProtectedIdentity(store);
    expect(await openProtectedIdentity(store, protector)).toBeNull();
  });

  it('cannot be unlocked with another OS key, and refuses to store without OS protection', async () => {
    const identity = await createIdentity({ name: 'Kari Nordmann', keyType: 'P-256' });
    const store = join(dir, 'b');
    await saveProtectedIdentity(store, identity, aesGcmProtector(randomBytes(32)));
    await expect(openProtectedIdentity(store, aesGcmProtector(randomBytes(32)))).rejects.toThrow(/cannot be unlocked/);
    await expect(saveProtectedIdentity(join(dir, 'c'), identity, aesGcmProtector(randomBytes(32), false))).rejects.toThrow(/cannot protect the key/);
  });
});
