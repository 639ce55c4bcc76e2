// secret-protector.ts over the safeStorage fake, through the real identity store: Electron 45's async API
// only (the fake fails any deprecated sync call), and no key stored where the OS offers no protection.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIdentity } from '../services/signing/identity';
import { openProtectedIdentity, saveProtectedIdentity } from '../services/signing/identity-store';
import { FakeSafeStorage } from '../../test/electron/fake-electron-services';
import { createSafeStorageProtector } from './secret-protector';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vurder-safestorage-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('safeStorage protector', () => {
  it('with a keyring: stores the identity and opens it again, using only the async calls', async () => {
    const safeStorage = new FakeSafeStorage({ available: true, backend: 'gnome_libsecret' });
    const protector = createSafeStorageProtector(safeStorage, 'linux');
    await expect(protector.isAvailable()).resolves.toBe(true);
    const identity = await createIdentity({ name: 'Øyvind Ærø Åsen', keyType: 'P-256' });
    await saveProtectedIdentity(dir, identity, protector);
    expect((await openProtectedIdentity(dir, protector))?.fingerprint).toBe(identity.fingerprint);
    // Another user or machine (another OS key) cannot unlock it.
    const other = createSafeStorageProtector(new FakeSafeStorage({ available: true, backend: 'gnome_libsecret' }), 'linux');
    await expect(openProtectedIdentity(dir, other)).rejects.toThrow(/cannot be unlocked/);
    expect(safeStorage.deprecatedCalls).toEqual([]);
  });

  it.each([
    ['linux', { available: true, backend: 'basic_text' }, false],
    ['linux', { available: false, backend: 'unknown' }, false],
    ['win32', { available: true, backend: 'unknown' }, true],
    ['darwin', { available: false, backend: 'unknown' }, false],
  ] as const)('on %s with %j: available %s', async (platform, options, expected) => {
    await expect(createSafeStorageProtector(new FakeSafeStorage(options), platform).isAvailable()).resolves.toBe(expected);
  });

  it('refuses to store a key behind the hard-coded basic_text key of a Linux without keyring', async () => {
    const protector = createSafeStorageProtector(new FakeSafeStorage({ available: true, backend: 'basic_text' }), 'linux');
    await expect(saveProtectedIdentity(dir, await createIdentity({ name: 'Kari Nordmann', keyType: 'P-256' }), protector)).rejects.toThrow(/cannot protect the key/);
  });
});
