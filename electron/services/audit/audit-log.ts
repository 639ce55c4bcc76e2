// Append-only audit log with a hash chain (docs/workspace.md § Audit log).
// One JSON object per line. Each entry's `hash` is the SHA-256 of the canonical JSON of the entry without
// `hash`, and `prevHash` is the previous entry's hash, so an edit, a reorder or a cut is visible.
// Truncation at the end cannot be seen from the log alone: `audit.head.json` keeps the last seq and hash.
// With an audit key (audit-key.ts) each entry and the head also carry a MAC, so an entry added or rewritten by
// someone without the key is told apart from the key holder's (docs/security.md § Audit log authentication).
import { open, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { canonicalJson, sha256Hex } from '../hash/sha256';
import { writeFileAtomic } from '../store/atomic-write';
import { nodeFiles, writeAll } from '../store/file-port';
import type { FilePort } from '../store/file-port';
import { macFor, registeredAuditKey } from './audit-key';
import type { AuditKey, AuditMac } from './audit-key';
import { withProcessLock } from './process-lock';
import { osloTimestamp } from '../workspace/time';

export const AUDIT_LOG_FILE = 'audit.log';
export const AUDIT_HEAD_FILE = 'audit.head.json';
export const GENESIS_HASH = '0'.repeat(64);
/** Exists only while a process appends (see process-lock.ts). */
export const AUDIT_LOCK_FILE = 'audit.lock';

export interface AuditInput {
  /** Who acted: an assessor id, "cli", "app" or "system". */
  actor: string;
  /** Dotted verb, e.g. workspace.create, package.import, assessment.save, assessment.final. */
  action: string;
  /** What it acted on, e.g. an application id or "<assessorId>/<applicationId>". */
  subject: string;
  data?: Record<string, unknown>;
}

export interface AuditEntry extends Required<AuditInput> {
  seq: number;
  time: string;
  prevHash: string;
  hash: string;
  /** Present when the writer held an audit key; not part of `hash`. */
  mac?: AuditMac;
}

export interface AuditHead {
  seq: number;
  hash: string;
  mac?: AuditMac;
}

export interface AppendOptions {
  /** The key to authenticate with; default the one registered for the folder (useAuditKey), null for none. */
  key?: AuditKey | null;
  /** The file layer (tests inject faults through it). */
  files?: FilePort;
}

export function hashAuditEntry(entry: Omit<AuditEntry, 'hash'>): string {
  const { seq, time, actor, action, subject, data, prevHash } = entry;
  return sha256Hex(canonicalJson({ seq, time, actor, action, subject, data, prevHash }));
}

// Appends within one process are serialised per workspace; the chain needs one writer at a time.
const queues = new Map<string, Promise<unknown>>();

export function appendAudit(workspaceDir: string, input: AuditInput, options: AppendOptions = {}): Promise<AuditEntry> {
  const key = options.key === undefined ? registeredAuditKey(workspaceDir) : (options.key ?? undefined);
  const files = options.files ?? nodeFiles;
  const previous = queues.get(workspaceDir) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(() => withProcessLock(join(workspaceDir, AUDIT_LOCK_FILE), () => appendNow(workspaceDir, input, key, files)));
  queues.set(workspaceDir, next);
  return next;
}

async function appendNow(workspaceDir: string, input: AuditInput, key: AuditKey | undefined, files: FilePort): Promise<AuditEntry> {
  const logPath = join(workspaceDir, AUDIT_LOG_FILE);
  const last = await readLastEntry(logPath, files);
  const body = {
    seq: (last?.seq ?? 0) + 1,
    time: osloTimestamp(),
    actor: input.actor,
    action: input.action,
    subject: input.subject,
    data: input.data ?? {},
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const hash = hashAuditEntry(body);
  const entry: AuditEntry = key ? { ...body, hash, mac: macFor(key, hash) } : { ...body, hash };
  const sizeBefore = await fileSize(logPath);
  const handle = await files.open(logPath, 'a');
  try {
    // One write() of one line: a killed process leaves the whole line or none of it.
    await writeAll(handle, `${JSON.stringify(entry)}\n`, logPath);
    await handle.sync();
  } catch (error) {
    // Disk full, I/O error, failed fsync: the entry is not recorded. Cut off whatever part of the line reached
    // the file so the log stays whole; if even that fails, the next append cuts the torn tail (readLastEntry).
    await handle.close().catch(() => undefined);
    await files.truncate(logPath, sizeBefore).catch((truncateError: unknown) => {
      throw new AggregateError([error, truncateError], `${logPath}: an entry could not be written, and the partial line could not be cut off`);
    });
    throw error;
  }
  await handle.close();
  // The head is written after the line: after a crash in between the head lags by one, which verify accepts
  // (and openWorkspace adopts only when the entry is authenticated, verify.ts repairAuditHead).
  await writeFileAtomic(join(workspaceDir, AUDIT_HEAD_FILE), headText(entry), files);
  return entry;
}

export function headText(entry: Pick<AuditEntry, 'seq' | 'hash' | 'mac'>): string {
  return `${JSON.stringify(entry.mac ? { seq: entry.seq, hash: entry.hash, mac: entry.mac } : { seq: entry.seq, hash: entry.hash })}\n`;
}

async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 0;
    throw error;
  }
}

const TAIL_BYTES = 256 * 1024;

/**
 * Reads the last complete entry. A last line without a newline can only come from a power loss during the
 * write (a killed process finishes its write() call); that torn tail was never a complete entry, so it is cut
 * off and the chain continues from the last whole entry.
 */
async function readLastEntry(logPath: string, files: FilePort): Promise<AuditEntry | undefined> {
  let size: number;
  try {
    size = (await stat(logPath)).size;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  if (size === 0) return undefined;
  const start = Math.max(0, size - TAIL_BYTES);
  const handle = await open(logPath, 'r');
  let text: string;
  try {
    const buffer = Buffer.alloc(size - start);
    await handle.read(buffer, 0, buffer.length, start);
    text = buffer.toString('utf8');
  } finally {
    await handle.close();
  }
  if (!text.endsWith('\n')) {
    const cut = text.lastIndexOf('\n');
    if (cut < 0 && start > 0) throw new Error(`${logPath}: the last audit entry is longer than ${TAIL_BYTES} bytes`);
    await files.truncate(logPath, start + (cut < 0 ? 0 : Buffer.byteLength(text.slice(0, cut + 1))));
    text = cut < 0 ? '' : text.slice(0, cut + 1);
  }
  const lines = text.split('\n').filter((line) => line.length > 0);
  const lastLine = lines.at(-1);
  if (lastLine === undefined) return start > 0 ? readLastEntry(logPath, files) : undefined;
  try {
    return JSON.parse(lastLine) as AuditEntry;
  } catch {
    throw new Error(`${logPath}: the last line is not valid JSON; run verifyAuditLog to see where the log was damaged`);
  }
}

export async function readAuditHead(workspaceDir: string): Promise<AuditHead | undefined> {
  try {
    return JSON.parse(await readFile(join(workspaceDir, AUDIT_HEAD_FILE), 'utf8')) as AuditHead;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`${join(workspaceDir, AUDIT_HEAD_FILE)}: ${(error as Error).message}`, { cause: error });
  }
}

export async function readAuditLog(workspaceDir: string): Promise<AuditEntry[]> {
  let text: string;
  try {
    text = await readFile(join(workspaceDir, AUDIT_LOG_FILE), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => JSON.parse(line) as AuditEntry);
}
