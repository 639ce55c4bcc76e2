// The audit log's authentication key (docs/security.md § Audit log authentication). Each entry written by a
// process that holds the key carries `mac` = HMAC-SHA256(key, entry hash); the hash already covers every earlier
// entry through `prevHash`, so a valid MAC on entry N vouches for entries 1..N as the key holder saw them.
// The key is derived from the assessor's signing identity and the workspace id: the app (identity unlocked via
// safeStorage) and `vurder … --identity` compute the same key, and nobody without the private key can.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { resolve } from 'node:path';
import { identitySecret } from '../signing/identity';
import type { Identity } from '../signing/identity';

export interface AuditKey {
  /** Public id of the key (16 hex), stored next to each MAC so a verifier knows which key to use. */
  id: string;
  /** Who holds it, for messages (the certificate's subject name). */
  holder: string;
  secret: Buffer;
}

export interface AuditMac {
  keyId: string;
  /** HMAC-SHA256 (hex) of "vurder-audit-v1\n" + the entry's hash. */
  value: string;
}

const MAC_INFO = 'vurder audit log v1';

export function auditKeyFromSecret(secret: Buffer, holder: string): AuditKey {
  const id = createHmac('sha256', secret).update('vurder-audit-key-id').digest('hex').slice(0, 16);
  return { id, holder, secret };
}

/** The key for one workspace (salted with its id, so one identity's MACs are not reusable across workspaces). */
export function auditKeyFromIdentity(identity: Identity, workspaceId: string): AuditKey {
  return auditKeyFromSecret(identitySecret(identity, workspaceId, MAC_INFO), identity.subjectName);
}

export function macFor(key: AuditKey, hash: string): AuditMac {
  return { keyId: key.id, value: createHmac('sha256', key.secret).update(`vurder-audit-v1\n${hash}`).digest('hex') };
}

export function macMatches(key: AuditKey, hash: string, mac: AuditMac): boolean {
  if (mac.keyId !== key.id || !/^[0-9a-f]{64}$/.test(mac.value)) return false;
  return timingSafeEqual(Buffer.from(macFor(key, hash).value, 'hex'), Buffer.from(mac.value, 'hex'));
}

// Keys in use per workspace folder in this process. Registered once (the app when the workspace and the
// identity are both open; the CLI when given --identity), so every appendAudit call — also other services'
// trust, consensus and import entries — is authenticated without passing the key through every caller.
const registered = new Map<string, AuditKey>();

export function useAuditKey(workspaceDir: string, key: AuditKey): void {
  registered.set(resolve(workspaceDir), key);
}

export function forgetAuditKey(workspaceDir: string): void {
  registered.delete(resolve(workspaceDir));
}

export function registeredAuditKey(workspaceDir: string): AuditKey | undefined {
  return registered.get(resolve(workspaceDir));
}
