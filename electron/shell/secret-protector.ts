// The signing key's passphrase is protected by the operating system (Keychain, DPAPI, libsecret/kwallet)
// through Electron safeStorage, behind the plain-Node SecretProtector interface (docs/signing.md).
import { safeStorage } from 'electron';
import type { SecretProtector } from '../services/signing/identity-store';

export function createSafeStorageProtector(platform: NodeJS.Platform): SecretProtector {
  return {
    // On Linux without a keyring safeStorage falls back to a hard-coded key ('basic_text'): that is no
    // protection, so the app then refuses to store a key and asks for a passphrase-protected PKCS#12 instead.
    isAvailable: () => safeStorage.isEncryptionAvailable() && (platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
    encrypt: (plain) => new Uint8Array(safeStorage.encryptString(plain)),
    decrypt: (cipher) => safeStorage.decryptString(Buffer.from(cipher)),
  };
}
