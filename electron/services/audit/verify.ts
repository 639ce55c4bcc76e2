// Checks the audit log's hash chain and compares its end with audit.head.json (docs/workspace.md).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../store/atomic-write';
import { AUDIT_HEAD_FILE, AUDIT_LOG_FILE, GENESIS_HASH, hashAuditEntry, readAuditHead, readAuditLog } from './audit-log';
import type { AuditEntry } from './audit-log';

export type AuditProblemKind = 'malformed' | 'edited' | 'reordered' | 'truncated';

export interface AuditProblem {
  kind: AuditProblemKind;
  /** 1-based line in audit.log; for a cut at the end, the line where the missing entries would start. */
  line: number;
  message: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  problems: AuditProblem[];
}

export async function verifyAuditLog(workspaceDir: string): Promise<AuditVerification> {
  const logPath = join(workspaceDir, AUDIT_LOG_FILE);
  let text = '';
  try {
    text = await readFile(logPath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  const problems: AuditProblem[] = [];
  const parsed = lines.map((line): AuditEntry | undefined => {
    try {
      return JSON.parse(line) as AuditEntry;
    } catch {
      return undefined;
    }
  });
  const seqs = new Set(parsed.map((entry) => entry?.seq));
  const entries: AuditEntry[] = [];
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  parsed.forEach((entry, index) => {
    const lineNo = index + 1;
    if (!entry) {
      problems.push({ kind: 'malformed', line: lineNo, message: `${AUDIT_LOG_FILE} line ${lineNo}: not valid JSON` });
      expectedSeq += 1;
      return;
    }
    const { hash, ...body } = entry;
    if (typeof hash !== 'string' || hashAuditEntry(body) !== hash) {
      problems.push({ kind: 'edited', line: lineNo, message: `${AUDIT_LOG_FILE} line ${lineNo}: entry ${String(entry.seq)} was changed after it was written (hash mismatch)` });
    } else if (entry.seq !== expectedSeq || entry.prevHash !== prevHash) {
      // Entries that are absent everywhere in the file were cut out; entries present elsewhere were moved.
      const missing = entry.seq > expectedSeq && ![...Array(entry.seq - expectedSeq).keys()].some((k) => seqs.has(expectedSeq + k));
      problems.push(
        missing
          ? { kind: 'truncated', line: lineNo, message: `${AUDIT_LOG_FILE} line ${lineNo}: entries ${expectedSeq}–${entry.seq - 1} are missing before this line` }
          : { kind: 'reordered', line: lineNo, message: `${AUDIT_LOG_FILE} line ${lineNo}: entry ${entry.seq} is out of order (expected ${expectedSeq})` },
      );
    }
    entries.push(entry);
    expectedSeq = (typeof entry.seq === 'number' ? entry.seq : expectedSeq) + 1;
    prevHash = typeof hash === 'string' ? hash : prevHash;
  });

  const head = await readAuditHead(workspaceDir);
  if (head) {
    const last = entries.at(-1);
    const atHead = entries.find((entry) => entry.seq === head.seq);
    if (!last || last.seq < head.seq) {
      problems.push({
        kind: 'truncated',
        line: lines.length + 1,
        message: `${AUDIT_LOG_FILE} line ${lines.length + 1}: the log ends at entry ${last?.seq ?? 0} but ${'audit.head.json'} records entry ${head.seq}; the end was cut off`,
      });
    } else if (!atHead || atHead.hash !== head.hash) {
      problems.push({ kind: 'edited', line: atHead ? entries.indexOf(atHead) + 1 : lines.length, message: `${AUDIT_LOG_FILE}: entry ${head.seq} does not match audit.head.json; the log was rewritten` });
    } else if (last.seq > head.seq + 1) {
      // The head lags by at most one entry (a crash between appending and updating the head).
      problems.push({ kind: 'edited', line: entries.indexOf(atHead) + 2, message: `${AUDIT_LOG_FILE}: entries after ${head.seq} were added without updating audit.head.json` });
    }
  } else if (entries.length > 0) {
    problems.push({ kind: 'truncated', line: 1, message: `audit.head.json is missing; the end of ${AUDIT_LOG_FILE} cannot be checked` });
  }
  return { ok: problems.length === 0, entries: entries.length, problems };
}

/**
 * Moves audit.head.json up to the last entry when the log verifies and the head lags by one (a process was
 * killed between appending a line and updating the head). Called when a workspace is opened, so repeated
 * crashes cannot let the lag grow. A log that does not verify is left alone for a person to look at.
 */
export async function repairAuditHead(workspaceDir: string): Promise<AuditVerification> {
  const verification = await verifyAuditLog(workspaceDir);
  if (!verification.ok) return verification;
  const head = await readAuditHead(workspaceDir);
  const last = (await readAuditLog(workspaceDir)).at(-1);
  if (head && last && last.seq === head.seq + 1) {
    await writeFileAtomic(join(workspaceDir, AUDIT_HEAD_FILE), `${JSON.stringify({ seq: last.seq, hash: last.hash })}\n`);
  }
  return verification;
}
