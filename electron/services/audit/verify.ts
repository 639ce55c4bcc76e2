// Checks the audit log's hash chain, compares its end with audit.head.json and, in a workspace, checks that it
// starts with the workspace's creation entry (docs/workspace.md).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../store/atomic-write';
import { workspaceFile } from '../workspace/layout';
import { AUDIT_HEAD_FILE, AUDIT_LOG_FILE, GENESIS_HASH, hashAuditEntry, headText, readAuditHead, readAuditLog } from './audit-log';
import type { AuditEntry } from './audit-log';
import { registeredAuditKey } from './audit-key';
import type { AuditKey } from './audit-key';
import { checkAuthentication } from './verify-auth';

export type AuditProblemKind = 'malformed' | 'edited' | 'reordered' | 'truncated' | 'missing' | 'forged' | 'unauthenticated';

export interface AuditProblem {
  kind: AuditProblemKind;
  /** 1-based line in audit.log; for a cut at the end, the line where the missing entries would start. */
  line: number;
  /** English, one line, naming audit.log and the line. */
  message: string;
  /** The same in Norwegian bokmål. */
  messageNb: string;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  problems: AuditProblem[];
  /**
   * Only when a key was given: the last seq whose MAC that key verified (0: none), and the holder. Entries up to
   * it are vouched for by the key holder through the chain; later ones are reported as problems.
   */
  authenticated?: { through: number; holder: string };
}

export interface VerifyOptions {
  /** Keys to check MACs with; default the key registered for the folder (useAuditKey), if any. */
  keys?: readonly AuditKey[];
}

function keysFor(workspaceDir: string, options: VerifyOptions): AuditKey[] {
  if (options.keys) return [...options.keys];
  const registered = registeredAuditKey(workspaceDir);
  return registered ? [registered] : [];
}

export async function verifyAuditLog(workspaceDir: string, options: VerifyOptions = {}): Promise<AuditVerification> {
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
      problems.push({ kind: 'malformed', line: lineNo, message: `${AUDIT_LOG_FILE} line ${lineNo}: not valid JSON`, messageNb: `${AUDIT_LOG_FILE} linje ${lineNo}: ikke gyldig JSON` });
      expectedSeq += 1;
      return;
    }
    const { hash, ...body } = entry;
    if (typeof hash !== 'string' || hashAuditEntry(body) !== hash) {
      problems.push({
        kind: 'edited',
        line: lineNo,
        message: `${AUDIT_LOG_FILE} line ${lineNo}: entry ${String(entry.seq)} was changed after it was written (hash mismatch)`,
        messageNb: `${AUDIT_LOG_FILE} linje ${lineNo}: oppføring ${String(entry.seq)} er endret etter at den ble skrevet (hash stemmer ikke)`,
      });
    } else if (entry.seq !== expectedSeq || entry.prevHash !== prevHash) {
      // Entries that are absent everywhere in the file were cut out; entries present elsewhere were moved.
      const missing = entry.seq > expectedSeq && ![...Array(entry.seq - expectedSeq).keys()].some((k) => seqs.has(expectedSeq + k));
      problems.push(
        missing
          ? {
              kind: 'truncated',
              line: lineNo,
              message: `${AUDIT_LOG_FILE} line ${lineNo}: entries ${expectedSeq}–${entry.seq - 1} are missing before this line`,
              messageNb: `${AUDIT_LOG_FILE} linje ${lineNo}: oppføring ${expectedSeq}–${entry.seq - 1} mangler foran denne linjen`,
            }
          : {
              kind: 'reordered',
              line: lineNo,
              message: `${AUDIT_LOG_FILE} line ${lineNo}: entry ${entry.seq} is out of order (expected ${expectedSeq})`,
              messageNb: `${AUDIT_LOG_FILE} linje ${lineNo}: oppføring ${entry.seq} står i feil rekkefølge (ventet ${expectedSeq})`,
            },
      );
    }
    entries.push(entry);
    expectedSeq = (typeof entry.seq === 'number' ? entry.seq : expectedSeq) + 1;
    prevHash = typeof hash === 'string' ? hash : prevHash;
  });

  const head = await readAuditHead(workspaceDir);
  const keys = keysFor(workspaceDir, options);
  const auth = checkAuthentication(entries, (entry) => parsed.indexOf(entry) + 1, head, keys);
  problems.push(...auth.problems);
  if (head) {
    const last = entries.at(-1);
    const atHead = entries.find((entry) => entry.seq === head.seq);
    if (!last || last.seq < head.seq) {
      problems.push({
        kind: 'truncated',
        line: lines.length + 1,
        message: `${AUDIT_LOG_FILE} line ${lines.length + 1}: the log ends at entry ${last?.seq ?? 0} but ${AUDIT_HEAD_FILE} records entry ${head.seq}; the end was cut off`,
        messageNb: `${AUDIT_LOG_FILE} linje ${lines.length + 1}: loggen slutter ved oppføring ${last?.seq ?? 0}, men ${AUDIT_HEAD_FILE} viser oppføring ${head.seq}; slutten er kuttet bort`,
      });
    } else if (!atHead || atHead.hash !== head.hash) {
      problems.push({
        kind: 'edited',
        line: atHead ? entries.indexOf(atHead) + 1 : lines.length,
        message: `${AUDIT_LOG_FILE}: entry ${head.seq} does not match ${AUDIT_HEAD_FILE}; the log was rewritten`,
        messageNb: `${AUDIT_LOG_FILE}: oppføring ${head.seq} stemmer ikke med ${AUDIT_HEAD_FILE}; loggen er skrevet om`,
      });
    } else if (last.seq > head.seq + 1) {
      // The head lags by at most one entry (a crash between appending and updating the head).
      problems.push({
        kind: 'edited',
        line: entries.indexOf(atHead) + 2,
        message: `${AUDIT_LOG_FILE}: entries after ${head.seq} were added without updating ${AUDIT_HEAD_FILE}`,
        messageNb: `${AUDIT_LOG_FILE}: oppføringer etter ${head.seq} er lagt til uten at ${AUDIT_HEAD_FILE} er oppdatert`,
      });
    }
  } else if (entries.length > 0) {
    problems.push({
      kind: 'truncated',
      line: 1,
      message: `${AUDIT_HEAD_FILE} is missing; the end of ${AUDIT_LOG_FILE} cannot be checked`,
      messageNb: `${AUDIT_HEAD_FILE} mangler; slutten av ${AUDIT_LOG_FILE} kan ikke kontrolleres`,
    });
  }

  // Deleting both audit.log and audit.head.json, or replacing them with a fresh consistent chain, leaves no
  // trace in the chain itself; a workspace's log must start with its own creation entry.
  const creation = await checkCreationEntry(workspaceDir, parsed[0], lines.length);
  // One problem per line: a first line that is already reported (malformed, edited, cut) is not reported twice.
  if (creation && !problems.some((problem) => problem.line === 1)) problems.unshift(creation);
  return { ok: problems.length === 0, entries: entries.length, problems, ...(auth.authenticated ? { authenticated: auth.authenticated } : {}) };
}

/**
 * The first entry of a workspace's log is `workspace.create` with the id from workspace.json (createWorkspace
 * writes workspace.json, then that entry). A folder without workspace.json is a bare audit directory
 * (tests, benchmarks) and has no creation entry to check.
 */
async function checkCreationEntry(workspaceDir: string, first: AuditEntry | undefined, lineCount: number): Promise<AuditProblem | undefined> {
  let metaText: string;
  try {
    metaText = await readFile(workspaceFile(workspaceDir), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let workspaceId: string | undefined;
  try {
    const meta = JSON.parse(metaText) as { id?: unknown };
    workspaceId = typeof meta.id === 'string' ? meta.id : undefined;
  } catch {
    // openWorkspace reports a damaged workspace.json; here only the action can be checked.
    workspaceId = undefined;
  }
  if (lineCount === 0) {
    return {
      kind: 'missing',
      line: 1,
      message: `${AUDIT_LOG_FILE} line 1: the log is missing or empty, but the workspace exists; it must start with the workspace.create entry (the log was deleted)`,
      messageNb: `${AUDIT_LOG_FILE} linje 1: loggen mangler eller er tom, men arbeidsområdet finnes; den skal starte med oppføringen workspace.create (loggen er slettet)`,
    };
  }
  if (!first) return undefined;
  const isCreation = first.seq === 1 && first.action === 'workspace.create' && (workspaceId === undefined || first.subject === workspaceId);
  if (isCreation) return undefined;
  const expected = workspaceId === undefined ? 'workspace.create' : `workspace.create for ${workspaceId}`;
  return {
    kind: 'missing',
    line: 1,
    message: `${AUDIT_LOG_FILE} line 1: the first entry is ${String(first.action)} ${String(first.subject)}, not ${expected}; the log was replaced or its start removed`,
    messageNb: `${AUDIT_LOG_FILE} linje 1: første oppføring er ${String(first.action)} ${String(first.subject)}, ikke ${expected}; loggen er byttet ut eller starten fjernet`,
  };
}

/**
 * Moves audit.head.json up to the last entry when the log verifies and the head lags by one (a process was
 * killed between appending a line and updating the head). Called when a workspace is opened, so repeated
 * crashes cannot let the lag grow. A log that does not verify is left alone for a person to look at.
 * The lagging entry is adopted only when it can be authenticated: its MAC verifies with a key this process
 * holds, or the log has never been authenticated and no key is held (a workspace without an identity, where
 * nothing can be told apart; docs/security.md). A line someone appended without the key stays outside the head.
 */
export async function repairAuditHead(workspaceDir: string, options: VerifyOptions = {}): Promise<AuditVerification> {
  const verification = await verifyAuditLog(workspaceDir, options);
  if (!verification.ok) return verification;
  const head = await readAuditHead(workspaceDir);
  const entries = await readAuditLog(workspaceDir);
  const last = entries.at(-1);
  if (!head || !last || last.seq !== head.seq + 1) return verification;
  const keys = keysFor(workspaceDir, options);
  const keyed = entries.some((entry) => entry.mac !== undefined);
  const authentic = verification.authenticated !== undefined && verification.authenticated.through === last.seq;
  if (authentic || (!keyed && keys.length === 0)) {
    await writeFileAtomic(join(workspaceDir, AUDIT_HEAD_FILE), headText(last));
  }
  return verification;
}
