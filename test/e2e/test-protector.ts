// SecretProtectors for tests, standing in for Electron's safeStorage (docs/signing.md) with real AES-256-GCM:
// aesGcmProtector under a key the test holds (signing tests), fileKeyProtector under a key kept in the
// browser bridge's root folder, so an identity made in one preview session still opens in the next.
// For tests and the Chromium preview only — the app uses the OS keychain.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SecretProtector } from '../../electron/services/signing/identity-store';

async function keyAt(path: string): Promise<Buffer> {
  try {
    const key = await readFile(path);
    if (key.length === 32) return key;
    throw new Error(`${path}: expected a 32-byte key, found ${key.length} bytes`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    const key = randomBytes(32);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, key, { mode: 0o600 });
    return key;
  }
}

/**
 * A SecretProtector that really encrypts (AES-256-GCM: 12-byte IV, 16-byte tag, then the ciphertext) under
 * `key`, standing in for the OS in tests. `available: false` plays a machine without a keychain.
 */
export function aesGcmProtector(key: Buffer, available = true): SecretProtector {
  return {
    isAvailable: async () => available,
    async encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    async decrypt(bytes) {
      const data = Buffer.from(bytes);
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12));
      decipher.setAuthTag(data.subarray(12, 28));
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8');
    },
  };
}

export async function fileKeyProtector(keyPath: string): Promise<SecretProtector> {
  return aesGcmProtector(await keyAt(keyPath));
}
