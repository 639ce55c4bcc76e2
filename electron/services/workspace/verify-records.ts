// Records bound to the audit log (docs/workspace.md § Records bound to the log): every assessment file and its
// history versions must have the SHA-256 that the audit log recorded for that version, and every package lock
// the packageSha256 of its package.import entry. Entries the log check rejects (edited, forged, not
// authenticated by the given key) do not count as records, so a line someone appended to "cover" an edit on
// disk does not help them.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { localizeError } from '../../../shared/errors/catalogue';
import type { ErrorCode } from '../../../shared/errors/catalogue';
import type { LocalizedText } from '../../../shared/i18n/localized';
import type { AuditEntry } from '../audit/audit-log';
import { AUDIT_LOG_FILE } from '../audit/audit-log';
import { verifyAuditLog } from '../audit/verify';
import type { VerifyOptions } from '../audit/verify';
import { sha256Hex } from '../hash/sha256';
import { readPackageLock } from '../import/package-lock';
import { HISTORY_NAME, parseAssessment } from '../store/assessment-file';
import { isErrno, ServiceError } from './errors';
import { ASSESSMENTS_DIR, assessmentFile, assessmentHistoryDir, packagesDir } from './layout';
import { osloTimestamp } from './time';
import type { Workspace } from './workspace';

export interface RecordProblem {
  /** The file that does not match its record. */
  file: string;
  code: Extract<ErrorCode, 'record.changed-outside' | 'record.not-recorded' | 'record.unauthenticated' | 'record.package-changed'>;
  message: LocalizedText;
}

interface Recorded {
  sha256: string;
  time: string;
}

/** Per subject ("assessor/application" or an application id): version → the last recorded hash. */
export interface AuditRecords {
  assessments: Map<string, Map<number, Recorded>>;
  /** The same from entries the log check rejected (so a message can say "not authenticated" rather than "absent"). */
  rejected: Map<string, Map<number, Recorded>>;
  packages: Map<string, string>;
}

const REJECTED = new Set(['malformed', 'edited', 'forged', 'unauthenticated']);

export async function readAuditRecords(ws: Workspace, options: VerifyOptions = {}): Promise<AuditRecords> {
  const verification = await verifyAuditLog(ws.dir, options);
  const problemLines = new Map(verification.problems.filter((problem) => REJECTED.has(problem.kind)).map((problem) => [problem.line, problem.kind]));
  const records: AuditRecords = { assessments: new Map(), rejected: new Map(), packages: new Map() };
  const lines = ((await readText(join(ws.dir, AUDIT_LOG_FILE))) ?? '').split('\n');
  lines.forEach((line, index) => {
    // A line that is not JSON was reported as malformed by verifyAuditLog and is no record.
    if (line.length === 0 || problemLines.get(index + 1) === 'malformed') return;
    const entry = JSON.parse(line) as AuditEntry;
    const rejected = problemLines.has(index + 1);
    const data = entry.data as Record<string, unknown>;
    if (entry.action === 'package.import' && typeof data.packageSha256 === 'string') {
      if (!rejected) records.packages.set(entry.subject, data.packageSha256);
    } else if (entry.action.startsWith('assessment.') && typeof data.version === 'number' && typeof data.sha256 === 'string') {
      const map = rejected ? records.rejected : records.assessments;
      const versions = map.get(entry.subject) ?? new Map<number, Recorded>();
      versions.set(data.version, { sha256: data.sha256, time: entry.time });
      map.set(entry.subject, versions);
    }
  });
  return records;
}

async function changedAt(file: string): Promise<string> {
  return readable(osloTimestamp((await stat(file)).mtime));
}

/** "2026-11-30T11:15:00.000+01:00" → "2026-11-30 11:15:00 +01:00": Oslo time, with its offset, to the second. */
function readable(instant: string): string {
  return `${instant.slice(0, 19).replace('T', ' ')} ${instant.slice(-6)}`;
}

function problem(file: string, code: RecordProblem['code'], params: Record<string, string | number>): RecordProblem {
  return { file, code, message: localizeError(code, params) };
}

/** Checks one file (main or history) holding `text` against the records of `subject`. */
async function checkFile(file: string, text: string, subject: string, records: AuditRecords): Promise<RecordProblem | undefined> {
  const assessment = parseAssessment(text);
  // A damaged file is not a record mismatch: loading recovers it from history (docs/workspace.md § Recovery).
  if (!assessment) return undefined;
  const recorded = records.assessments.get(subject)?.get(assessment.version);
  const actual = sha256Hex(text);
  if (recorded) {
    if (recorded.sha256 === actual) return undefined;
    return problem(file, 'record.changed-outside', {
      changedAt: await changedAt(file),
      version: assessment.version,
      recordedAt: readable(recorded.time),
      expected: recorded.sha256.slice(0, 16),
      actual: actual.slice(0, 16),
    });
  }
  // Draft saves are logged at most once a minute, so a draft version may have no entry; a final one always has.
  if (assessment.status !== 'final') return undefined;
  if (records.rejected.get(subject)?.get(assessment.version)?.sha256 === actual) return problem(file, 'record.unauthenticated', { version: assessment.version });
  return problem(file, 'record.not-recorded', { changedAt: await changedAt(file), version: assessment.version });
}

async function names(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return [];
    throw error;
  }
}

async function readText(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return undefined;
    throw error;
  }
}

/** One assessment's main file and history against the log; what export runs before signing it. */
export async function checkAssessmentRecords(ws: Workspace, assessorId: string, applicationId: string, records: AuditRecords): Promise<RecordProblem[]> {
  const subject = `${assessorId}/${applicationId}`;
  const problems: RecordProblem[] = [];
  const main = assessmentFile(ws.dir, assessorId, applicationId);
  const mainText = await readText(main);
  const mainProblem = mainText === undefined ? undefined : await checkFile(main, mainText, subject, records);
  if (mainProblem) problems.push(mainProblem);
  const historyDir = assessmentHistoryDir(ws.dir, assessorId, applicationId);
  for (const name of (await names(historyDir)).filter((n) => HISTORY_NAME.test(n)).sort()) {
    const text = await readText(join(historyDir, name));
    const found = text === undefined ? undefined : await checkFile(join(historyDir, name), text, subject, records);
    if (found) problems.push(found);
  }
  return problems;
}

/** Every assessment file and history version, and every package lock, against the audit log. */
export async function verifyRecords(ws: Workspace, options: VerifyOptions = {}): Promise<RecordProblem[]> {
  const records = await readAuditRecords(ws, options);
  const problems: RecordProblem[] = [];
  for (const assessorId of (await names(join(ws.dir, ASSESSMENTS_DIR))).sort()) {
    const files = (await names(join(ws.dir, ASSESSMENTS_DIR, assessorId))).filter((name) => name.endsWith('.json')).sort();
    for (const name of files) problems.push(...(await checkAssessmentRecords(ws, assessorId, name.slice(0, -'.json'.length), records)));
  }
  for (const applicationId of (await names(packagesDir(ws.dir))).sort()) {
    // A lock that does not parse is reported by verifyStoredPackage (workspace verify runs both).
    const lock = await readPackageLock(ws.dir, applicationId).catch((error: unknown) => {
      if (error instanceof ServiceError) return undefined;
      throw error;
    });
    const recorded = records.packages.get(applicationId);
    if (lock && recorded && lock.packageSha256 !== recorded) {
      problems.push(problem(join(packagesDir(ws.dir), applicationId, 'package.lock.json'), 'record.package-changed', { expected: recorded.slice(0, 16), actual: lock.packageSha256.slice(0, 16) }));
    }
  }
  return problems;
}
