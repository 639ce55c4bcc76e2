// Signing identities: an X.509 certificate plus its private key, created here or imported from PKCS#12.
// The private key lives as a non-extractable WebCrypto key while open and only ever reaches the disk inside a
// passphrase-protected PKCS#12 (writeIdentityP12) — never in clear.
import { readUserFile } from '../input/user-file';
import { ServiceError } from '../workspace/errors';
import { createPrivateKey, createPublicKey, hkdfSync } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { writeFile, rename } from 'node:fs/promises';
import type * as pkijs from 'pkijs';
import {
  certificateDer,
  describeCertificate,
  generateKeyPair,
  issueCertificate,
  parseCertificate,
} from './certificate';
import type { CertificateSubject, KeyType } from './certificate';
import { subtle } from './engine';
import { Pkcs12Error, readPkcs12, writePkcs12 } from './pkcs12';

export interface Identity {
  certificate: pkijs.Certificate;
  certificateDer: Uint8Array;
  /** Issuer certificates (DER) that came with the identity, nearest first; empty when self-signed. */
  chain: Uint8Array[];
  /** Non-extractable signing key. */
  privateKey: CryptoKey;
  /** SHA-256 of the certificate, "AB:CD:…". */
  fingerprint: string;
  subjectName: string;
  email: string | undefined;
  keyType: 'RSA' | 'EC';
}

// The exportable key is kept out of the public shape so only writeIdentityP12 can reach it.
const exportableKeys = new WeakMap<Identity, KeyObject>();

export class IdentityError extends Error {
  constructor(
    message: string,
    readonly code: 'wrong-passphrase' | 'unreadable' | 'unsupported-key' | 'no-matching-certificate',
  ) {
    super(message);
  }
}

async function toIdentity(keyObject: KeyObject, certificates: Uint8Array[]): Promise<Identity> {
  const publicDer = createPublicKey(keyObject).export({ type: 'spki', format: 'der' });
  const ownIndex = certificates.findIndex((der) => {
    const spki = new Uint8Array(parseCertificate(der).subjectPublicKeyInfo.toSchema().toBER(false));
    return Buffer.compare(Buffer.from(spki), publicDer) === 0;
  });
  const own = certificates[ownIndex];
  if (own === undefined) throw new IdentityError('no certificate in the file matches the private key', 'no-matching-certificate');
  let algorithm: RsaHashedImportParams | EcKeyImportParams;
  let keyType: Identity['keyType'];
  switch (keyObject.asymmetricKeyType) {
    case 'rsa':
      algorithm = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' };
      keyType = 'RSA';
      break;
    case 'ec': {
      const curve = keyObject.asymmetricKeyDetails?.namedCurve;
      const namedCurve = curve === 'prime256v1' ? 'P-256' : curve === 'secp384r1' ? 'P-384' : undefined;
      if (!namedCurve) throw new IdentityError(`unsupported elliptic curve ${curve ?? '(unknown)'}`, 'unsupported-key');
      algorithm = { name: 'ECDSA', namedCurve };
      keyType = 'EC';
      break;
    }
    default:
      throw new IdentityError(`unsupported key type ${keyObject.asymmetricKeyType ?? '(unknown)'}`, 'unsupported-key');
  }
  const pkcs8 = keyObject.export({ type: 'pkcs8', format: 'der' });
  const privateKey = await subtle.importKey('pkcs8', pkcs8, algorithm, false, ['sign']);
  pkcs8.fill(0);
  const certificate = parseCertificate(own);
  const summary = describeCertificate(certificate);
  const identity: Identity = {
    certificate,
    certificateDer: own,
    chain: certificates.filter((_, index) => index !== ownIndex),
    privateKey,
    fingerprint: summary.fingerprint,
    subjectName: summary.subjectName,
    email: summary.email,
    keyType,
  };
  exportableKeys.set(identity, keyObject);
  return identity;
}

async function keyObjectOf(pair: CryptoKeyPair): Promise<KeyObject> {
  const pkcs8 = new Uint8Array(await subtle.exportKey('pkcs8', pair.privateKey));
  const keyObject = createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
  pkcs8.fill(0);
  return keyObject;
}

export interface CreateIdentityOptions extends CertificateSubject {
  keyType: KeyType;
  /** Validity in days; default three years (the scheme's longest project). */
  validDays?: number;
}

/** A new self-signed identity. */
export async function createIdentity(options: CreateIdentityOptions): Promise<Identity> {
  const pair = await generateKeyPair(options.keyType);
  const certificate = await issueCertificate({
    subject: options,
    publicKey: pair.publicKey,
    issuer: { selfSignedWith: pair.privateKey },
    isCa: false,
    validDays: options.validDays ?? 3 * 366,
  });
  return toIdentity(await keyObjectOf(pair), [certificateDer(certificate)]);
}

/** A local certificate authority, e.g. the panel's own, whose certificate goes into trust lists and NSS dbs. */
export async function createCertificateAuthority(options: CreateIdentityOptions): Promise<Identity> {
  const pair = await generateKeyPair(options.keyType);
  const certificate = await issueCertificate({
    subject: options,
    publicKey: pair.publicKey,
    issuer: { selfSignedWith: pair.privateKey },
    isCa: true,
    validDays: options.validDays ?? 10 * 366,
  });
  return toIdentity(await keyObjectOf(pair), [certificateDer(certificate)]);
}

/** A person's identity issued by a local CA; the CA certificate travels in the chain. */
export async function issueIdentity(ca: Identity, options: CreateIdentityOptions): Promise<Identity> {
  const pair = await generateKeyPair(options.keyType);
  const certificate = await issueCertificate({
    subject: options,
    publicKey: pair.publicKey,
    issuer: { certificate: ca.certificate, privateKey: ca.privateKey },
    isCa: false,
    validDays: options.validDays ?? 3 * 366,
  });
  return toIdentity(await keyObjectOf(pair), [certificateDer(certificate), ca.certificateDer, ...ca.chain]);
}

/** The identity as a passphrase-protected PKCS#12 (AES-256-CBC key bag, HMAC-SHA256 MAC). */
export function identityToPkcs12(identity: Identity, passphrase: string): Uint8Array {
  const keyObject = exportableKeys.get(identity);
  if (!keyObject) throw new IdentityError('this identity was not created or opened in this process', 'unreadable');
  if (passphrase.length === 0) throw new IdentityError('a passphrase is required: a key is never stored in clear', 'wrong-passphrase');
  return writePkcs12({
    privateKey: keyObject,
    certificates: [identity.certificateDer, ...identity.chain],
    passphrase,
    friendlyName: identity.subjectName,
  });
}

/**
 * A secret only the holder of this identity's private key can compute (HKDF-SHA256 over the PKCS#8 key, with
 * `salt` and `info` separating uses): the audit log's MAC key (audit/audit-key.ts). Same key → same secret in
 * every process, so the app and `vurder --identity` authenticate the same workspace alike.
 */
export function identitySecret(identity: Identity, salt: string, info: string): Buffer {
  const keyObject = exportableKeys.get(identity);
  if (!keyObject) throw new IdentityError('this identity was not created or opened in this process', 'unreadable');
  const pkcs8 = keyObject.export({ type: 'pkcs8', format: 'der' });
  try {
    return Buffer.from(hkdfSync('sha256', pkcs8, Buffer.from(salt, 'utf8'), Buffer.from(info, 'utf8'), 32));
  } finally {
    pkcs8.fill(0);
  }
}

/** Write the PKCS#12 atomically (temp file + rename) with owner-only permissions. */
export async function writeIdentityP12(identity: Identity, path: string, passphrase: string): Promise<void> {
  const bytes = identityToPkcs12(identity, passphrase);
  const temp = `${path}.${process.pid}.tmp`;
  await writeFile(temp, bytes, { mode: 0o600 });
  await rename(temp, path);
}

/** A PKCS#12 with a key and a short chain is a few KB. */
const IDENTITY_FILE_LIMIT = 1024 * 1024;

/** Open a PKCS#12 (ours or one exported by OpenSSL, Windows or a CA) with its passphrase. */
export async function openIdentity(source: string | Uint8Array, passphrase: string): Promise<Identity> {
  let bytes: Uint8Array;
  if (typeof source === 'string') {
    try {
      // A regular file under the limit only: a FIFO or /dev/zero named as the identity is refused at once.
      bytes = await readUserFile(source, IDENTITY_FILE_LIMIT);
    } catch (error) {
      const detail = error instanceof ServiceError ? error.toLine('en') : `${source}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
      throw new IdentityError(`cannot read ${detail}`, 'unreadable');
    }
  } else {
    bytes = source;
  }
  try {
    const contents = readPkcs12(bytes, passphrase);
    return await toIdentity(contents.privateKey, contents.certificates);
  } catch (error) {
    if (error instanceof Pkcs12Error) {
      throw new IdentityError(error.message, error.code === 'wrong-passphrase' ? 'wrong-passphrase' : 'unreadable');
    }
    throw error;
  }
}
