// The signing key's passphrase is protected by the operating system (Keychain, DPAPI, libsecret/kwallet)
// through Electron safeStorage, behind the plain-Node SecretProtector interface (docs/signing.md).
// Electron 45 deprecates the synchronous isEncryptionAvailable/encryptString/decryptString (removed in 46;
// docs: api/safe-storage): only the asynchronous calls are used, and the Pick below makes the old ones
// unreachable. decryptStringAsync also reads what encryptString wrote, so identities stored before still open.
import type { SafeStorage } from 'electron';
import type { SecretProtector } from '../services/signing/identity-store';

export type AsyncSafeStorage = Pick<SafeStorage, 'isAsyncEncryptionAvailable' | 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'>;

export function createSafeStorageProtector(safeStorage: AsyncSafeStorage, platform: NodeJS.Platform): SecretProtector {
  return {
    // On Linux without a keyring safeStorage falls back to a hard-coded key ('basic_text'): that is no
    // protection, so the app then refuses to store a key and asks for a passphrase-protected PKCS#12 instead.
    async isAvailable() {
      if (!(await safeStorage.isAsyncEncryptionAvailable())) return false;
      return platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
    },
    encrypt: async (plain) => new Uint8Array(await safeStorage.encryptStringAsync(plain)),
    // `shouldReEncrypt` (a rotated key) is not acted on: the stored passphrase still decrypts, and the next
    // save of an identity encrypts under the current key.
    decrypt: async (cipher) => (await safeStorage.decryptStringAsync(Buffer.from(cipher))).result,
  };
}
