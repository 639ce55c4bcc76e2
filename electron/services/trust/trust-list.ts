// The workspace's trust list (docs/workspace.md § Trust list): the certificates whose signatures this round
// accepts — assessors' own certificates, or the CA that issued them. Stored in `trust.json`; every change is an
// audit entry that records the SHA-256 of the new file, and the list is used only while its bytes match the
// last such entry, so a certificate slipped into trust.json outside Vurder is never trusted.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { appendAudit, readAuditLog } from '../audit/audit-log';
import { registeredAuditKey } from '../audit/audit-key';
import { verifyAuditLog } from '../audit/verify';
import { withProcessLock } from '../audit/process-lock';
import { sha256Hex } from '../hash/sha256';
import { readUserFile } from '../input/user-file';
import { certificateDer, certificatesFromPemOrDer, describeCertificate, parseCertificate } from '../signing/certificate';
import { writeFileAtomic } from '../store/atomic-write';
import { isErrno, ServiceError } from '../workspace/errors';
import { osloTimestamp } from '../workspace/time';

export const TRUST_FILE = 'trust.json';
const TRUST_LOCK_FILE = 'trust.lock';
/** A certificate file is a few KB; a PEM bundle of a CA chain a few tens. */
const CERTIFICATE_FILE_LIMIT = 1024 * 1024;
export const TRUST_ACTIONS = ['trust.add', 'trust.remove'] as const;

const fingerprintSchema = z.string().regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);

export const trustEntrySchema = z
  .object({
    /** SHA-256 of the DER certificate, "AB:CD:…" (as `vurder identity show` and the verify report show it). */
    fingerprint: fingerprintSchema,
    /** Display name given when added (default: the certificate's common name). */
    name: z.string().min(1).max(200),
    subjectName: z.string(),
    issuerName: z.string(),
    selfSigned: z.boolean(),
    notBefore: z.string(),
    notAfter: z.string(),
    addedAt: z.string(),
    /** The DER certificate, base64. */
    certificate: z.string().min(1),
  })
  .strict();

const trustFileSchema = z.object({ formatVersion: z.literal(1), certificates: z.array(trustEntrySchema) }).strict();

export type TrustEntry = z.infer<typeof trustEntrySchema>;

export function trustFile(workspaceDir: string): string {
  return join(workspaceDir, TRUST_FILE);
}

/** "ab cd…", "abcd…" or "AB:CD:…" → "AB:CD:…"; undefined when it is not 32 bytes of hex. */
export function normaliseFingerprint(text: string): string | undefined {
  const hex = text.replace(/[\s:]/g, '').toUpperCase();
  if (!/^[0-9A-F]{64}$/.test(hex)) return undefined;
  return hex.match(/../g)?.join(':');
}

interface RecordedTrust {
  seq: number;
  sha256: string;
  /** The entry carries a MAC, and whether any entry of the log does (a log that uses MACs). */
  hasMac: boolean;
  logUsesMacs: boolean;
}

/** The last trust.* audit entry: its seq and the SHA-256 it recorded; null when there is none. */
async function recordedTrustEntry(workspaceDir: string): Promise<RecordedTrust | null> {
  const entries = await readAuditLog(workspaceDir);
  const logUsesMacs = entries.some((entry) => entry.mac !== undefined);
  for (let index = entries.length - 1; index >= 0; index -= 1) {
    const entry = entries[index];
    if (entry && (TRUST_ACTIONS as readonly string[]).includes(entry.action)) {
      const recorded = entry.data['trustListSha256'];
      return { seq: entry.seq, sha256: typeof recorded === 'string' ? recorded : '(none recorded)', hasMac: entry.mac !== undefined, logUsesMacs };
    }
  }
  return null;
}

/**
 * With an audit key registered for the workspace (the app with its identity, `vurder … --identity`), the entry
 * that vouches for trust.json must itself be authenticated by that key: otherwise anyone who can write the folder
 * could rewrite trust.json and append a matching entry (docs/security.md § Audit log authentication).
 */
async function requireAuthenticated(workspaceDir: string, recorded: RecordedTrust): Promise<void> {
  const { seq } = recorded;
  const key = registeredAuditKey(workspaceDir);
  // Without the key a MAC cannot be checked, but a log that uses MACs and a trust entry without one was written
  // by someone who did not hold it.
  if (!key) {
    if (recorded.logUsesMacs && !recorded.hasMac) throw new ServiceError('trust.unauthenticated-entry', trustFile(workspaceDir), { seq });
    return;
  }
  const verification = await verifyAuditLog(workspaceDir, { keys: [key] });
  const through = verification.authenticated?.through ?? 0;
  if (through < seq) throw new ServiceError('trust.not-authenticated', trustFile(workspaceDir), { seq, holder: key.holder });
}

/** The stored list, checked against the audit log. Throws `trust.changed-outside` or `trust.damaged`. */
export async function listTrustedCertificates(workspaceDir: string): Promise<TrustEntry[]> {
  const path = trustFile(workspaceDir);
  let bytes: Buffer | undefined;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if (!isErrno(error, 'ENOENT')) throw new ServiceError('trust.damaged', path, { detail: (error as NodeJS.ErrnoException).code ?? 'error' }, { cause: error });
  }
  const recorded = await recordedTrustEntry(workspaceDir);
  if (bytes === undefined) {
    if (recorded === null) return [];
    throw new ServiceError('trust.changed-outside', path, { actual: '(file missing)', expected: recorded.sha256 });
  }
  const actual = sha256Hex(bytes);
  if (actual !== recorded?.sha256) throw new ServiceError('trust.changed-outside', path, { actual, expected: recorded?.sha256 ?? '(no trust entry)' });
  await requireAuthenticated(workspaceDir, recorded);
  let parsed;
  try {
    parsed = trustFileSchema.parse(JSON.parse(bytes.toString('utf8')));
  } catch (error) {
    throw new ServiceError('trust.damaged', path, { detail: 'not a valid trust.json' }, { cause: error });
  }
  return parsed.certificates;
}

/** The trust anchors (DER) of a workspace, for verification and the panel's merge. Empty when none were added. */
export async function trustAnchorsForWorkspace(workspaceDir: string): Promise<Uint8Array[]> {
  return (await listTrustedCertificates(workspaceDir)).map((entry) => new Uint8Array(Buffer.from(entry.certificate, 'base64')));
}

function serialise(entries: readonly TrustEntry[]): string {
  // Sorted by fingerprint: the same set of certificates is the same bytes, whatever order they were added in.
  const sorted = [...entries].sort((a, b) => (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0));
  return `${JSON.stringify({ formatVersion: 1, certificates: sorted }, null, 2)}\n`;
}

async function change(workspaceDir: string, update: (entries: TrustEntry[]) => TrustEntry[] | undefined, audit: (sha: string) => Parameters<typeof appendAudit>[1]): Promise<void> {
  await withProcessLock(join(workspaceDir, TRUST_LOCK_FILE), async () => {
    const next = update(await listTrustedCertificates(workspaceDir));
    if (next === undefined) return;
    const text = serialise(next);
    await writeFileAtomic(trustFile(workspaceDir), text);
    await appendAudit(workspaceDir, audit(sha256Hex(text)));
  });
}

/** Parse a PEM (one or more certificates) or DER file into trust entries. */
export async function readCertificateFile(path: string, name: string | undefined): Promise<TrustEntry[]> {
  const bytes = await readUserFile(path, CERTIFICATE_FILE_LIMIT);
  const ders = certificatesFromPemOrDer(bytes);
  return ders.map((der) => {
    let summary;
    try {
      const certificate = parseCertificate(der);
      // Round-trip through the schema: a truncated or flipped DER either throws here or re-encodes differently.
      if (Buffer.compare(Buffer.from(certificateDer(certificate)), Buffer.from(der)) !== 0) throw new Error('the DER does not re-encode to itself');
      summary = describeCertificate(certificate);
    } catch (error) {
      throw new ServiceError('trust.not-a-certificate', path, { detail: error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error) }, { cause: error });
    }
    return {
      fingerprint: summary.fingerprint,
      name: (name ?? summary.subjectName).slice(0, 200) || summary.subjectName,
      subjectName: summary.subjectName,
      issuerName: summary.issuerName,
      selfSigned: summary.selfSigned,
      notBefore: summary.notBefore,
      notAfter: summary.notAfter,
      addedAt: osloTimestamp(),
      certificate: Buffer.from(der).toString('base64'),
    };
  });
}

export interface TrustAddResult {
  added: TrustEntry[];
  /** Already on the list (nothing changed for these). */
  present: TrustEntry[];
}

/** Add every certificate of a PEM/DER file. Adding one that is already listed changes nothing. */
export async function addTrustedCertificate(workspaceDir: string, certificatePath: string, options: { name?: string; actor: string }): Promise<TrustAddResult> {
  const incoming = await readCertificateFile(certificatePath, options.name);
  const result: TrustAddResult = { added: [], present: [] };
  await change(
    workspaceDir,
    (entries) => {
      for (const entry of incoming) {
        const known = entries.find((candidate) => candidate.fingerprint === entry.fingerprint) ?? result.added.find((candidate) => candidate.fingerprint === entry.fingerprint);
        if (known) result.present.push(known);
        else result.added.push(entry);
      }
      return result.added.length === 0 ? undefined : [...entries, ...result.added];
    },
    (sha) => ({
      actor: options.actor,
      action: 'trust.add',
      subject: result.added.map((entry) => entry.fingerprint).join(','),
      data: { trustListSha256: sha, certificates: result.added.map((entry) => ({ fingerprint: entry.fingerprint, name: entry.name, subjectName: entry.subjectName })) },
    }),
  );
  return result;
}

/** Remove one certificate by its SHA-256 fingerprint (with or without colons). */
export async function removeTrustedCertificate(workspaceDir: string, fingerprint: string, options: { actor: string }): Promise<TrustEntry> {
  const normalised = normaliseFingerprint(fingerprint);
  if (normalised === undefined) throw new ServiceError('trust.bad-fingerprint', trustFile(workspaceDir), { value: fingerprint });
  let removed: TrustEntry | undefined;
  await change(
    workspaceDir,
    (entries) => {
      removed = entries.find((entry) => entry.fingerprint === normalised);
      if (!removed) throw new ServiceError('trust.not-on-list', trustFile(workspaceDir), { fingerprint: normalised });
      return entries.filter((entry) => entry !== removed);
    },
    (sha) => ({ actor: options.actor, action: 'trust.remove', subject: normalised, data: { trustListSha256: sha, name: removed?.name ?? '', subjectName: removed?.subjectName ?? '' } }),
  );
  if (!removed) throw new ServiceError('trust.not-on-list', trustFile(workspaceDir), { fingerprint: normalised });
  return removed;
}
