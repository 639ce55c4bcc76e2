// The app's own identity store: the PKCS#12 is encrypted with a random passphrase, and that passphrase is
// encrypted by the operating system (Electron safeStorage: Keychain, DPAPI, libsecret) through the small
// SecretProtector interface, so this file stays plain Node. Neither file holds a key in clear.
import { randomBytes } from 'node:crypto';
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { identityToPkcs12, openIdentity } from './identity';
import type { Identity } from './identity';

/**
 * Backed by Electron's safeStorage in the shell (see docs/signing.md § In the app). Asynchronous, as
 * Electron 45's safeStorage is (the synchronous calls are deprecated there).
 */
export interface SecretProtector {
  /** False when the OS offers no real protection (e.g. Linux without a keyring). */
  isAvailable(): Promise<boolean>;
  encrypt(plain: string): Promise<Uint8Array>;
  decrypt(cipher: Uint8Array): Promise<string>;
}

export const IDENTITY_FILE = 'identity.p12';
export const PROTECTED_PASSPHRASE_FILE = 'identity.passphrase.bin';

export class IdentityStoreError extends Error {
  constructor(
    readonly nb: string,
    readonly en: string,
  ) {
    super(en);
  }
}

async function writeAtomic(path: string, bytes: Uint8Array): Promise<void> {
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, bytes, { mode: 0o600 });
  await rename(temp, path);
}

async function requireProtection(protector: SecretProtector): Promise<void> {
  if (!(await protector.isAvailable())) {
    throw new IdentityStoreError(
      'operativsystemet kan ikke beskytte nøkkelen; bruk en passordbeskyttet PKCS#12-fil i stedet',
      'the operating system cannot protect the key; use a passphrase-protected PKCS#12 file instead',
    );
  }
}

/** Store an identity (created or imported in this process) for later use without a passphrase prompt. */
export async function saveProtectedIdentity(dir: string, identity: Identity, protector: SecretProtector): Promise<void> {
  await requireProtection(protector);
  await mkdir(dir, { recursive: true });
  const passphrase = randomBytes(32).toString('base64');
  await writeAtomic(join(dir, IDENTITY_FILE), identityToPkcs12(identity, passphrase));
  await writeAtomic(join(dir, PROTECTED_PASSPHRASE_FILE), await protector.encrypt(passphrase));
}

/** The stored identity, or null when none is stored. */
export async function openProtectedIdentity(dir: string, protector: SecretProtector): Promise<Identity | null> {
  let p12: Uint8Array;
  let secret: Uint8Array;
  try {
    [p12, secret] = await Promise.all([readFile(join(dir, IDENTITY_FILE)), readFile(join(dir, PROTECTED_PASSPHRASE_FILE))]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  await requireProtection(protector);
  let passphrase: string;
  try {
    passphrase = await protector.decrypt(secret);
  } catch (error) {
    throw new IdentityStoreError(
      'den lagrede identiteten kan ikke låses opp på denne maskinen eller for denne brukeren',
      `the stored identity cannot be unlocked on this machine or for this user (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return openIdentity(p12, passphrase);
}

/** Whether an identity is stored in `dir` (either of its files), without opening it. */
export async function hasProtectedIdentity(dir: string): Promise<boolean> {
  const present = await Promise.all(
    [IDENTITY_FILE, PROTECTED_PASSPHRASE_FILE].map((name) =>
      access(join(dir, name)).then(
        () => true,
        (error: unknown) => {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
          throw error;
        },
      ),
    ),
  );
  return present.some(Boolean);
}

export async function removeProtectedIdentity(dir: string): Promise<void> {
  await rm(join(dir, IDENTITY_FILE), { force: true });
  await rm(join(dir, PROTECTED_PASSPHRASE_FILE), { force: true });
}
