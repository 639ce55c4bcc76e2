// One assessment file per assessor and application, written atomically, with a version counter (optimistic
// concurrency), a lock file across processes, a history ring, recovery of a damaged file from history, and
// audit entries (docs/workspace.md § Assessments).
import { mkdir, readdir, readFile, rename } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { assessmentSchema } from '../../../shared/assessment/schema';
import type { Assessment, Assessor } from '../../../shared/assessment/schema';
import { applicationIdSchema } from '../../../shared/package/schema';
import { appendAudit } from '../audit/audit-log';
import { withProcessLock } from '../audit/process-lock';
import { canonicalJson, sha256Hex } from '../hash/sha256';
import { localizeError } from '../../../shared/errors/catalogue';
import { isErrno, ServiceError } from '../workspace/errors';
import { assessmentFile, assessmentHistoryDir, assessorDir, packageDir, PACKAGE_LOCK_FILE } from '../workspace/layout';
import { osloTimestamp } from '../workspace/time';
import type { Workspace } from '../workspace/workspace';
import { HISTORY_NAME, parseAssessment, peekAssessment, serialiseAssessment } from './assessment-file';
import { removeStaleTempFiles, writeFileAtomic } from './atomic-write';
import { checkReadyForFinal } from './final-check';
import { writeVersioned } from './versioned-write';
import { runExclusive } from './file-queue';
import { nodeFiles } from './file-port';
import { asWriteFailure } from './write-failure';

/** A draft save is written to the audit log at most once per this many milliseconds per file. */
export const DRAFT_AUDIT_INTERVAL_MS = 60_000;

export interface Recovery {
  fromVersion: number;
  /** Where the damaged file was set aside; for a missing file, the restored file's own path (nothing was set aside). */
  damagedFile: string;
  state: 'damaged' | 'missing';
  message: { nb: string; en: string };
}

export interface LoadedAssessment {
  assessment: Assessment | null;
  recovered?: Recovery;
}

export interface SaveOptions {
  /** Who saves; defaults to the assessment's assessor id. */
  actor?: string;
  /** Reopen a final assessment as a draft; the reason is stored in `reopenings` and the audit log. */
  reopenReason?: string;
}

export type AssessmentStatus = 'none' | 'draft' | 'final' | 'damaged';

function assertIds(assessorId: string, applicationId: string): void {
  if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(assessorId) || !applicationIdSchema.safeParse(applicationId).success) {
    throw new ServiceError('assessment.invalid', `${assessorId}/${applicationId}`, { detail: 'invalid assessor id or application id' });
  }
}

export function newAssessment(ws: Workspace, applicationId: string, assessor: Assessor): Assessment {
  return {
    formatVersion: 1,
    applicationId,
    schemeId: ws.meta.schemeId,
    assessor,
    status: 'draft',
    version: 0,
    updatedAt: osloTimestamp(),
    impartiality: null,
    ruleReviews: [],
    scores: ws.scheme.criteria.map((criterion) => ({ criterionId: criterion.id, score: null, justification: '' })),
    recommendation: { decision: 'undecided', amount: 0, comment: '' },
    finalisedAt: null,
    reopenings: [],
  };
}

/**
 * Serialises work on one assessment file: in this process (a queue, so autosaves do not race on the version
 * check) and across processes (the app and `vurder assess`, two app instances on a shared disk) with a lock file
 * `<applicationId>.json.lock` next to it, taken over when its owner is dead (process-lock.ts).
 */
async function exclusive<T>(ws: Workspace, assessorId: string, file: string, task: () => Promise<T>): Promise<T> {
  return runExclusive(file, async () => {
    await mkdir(assessorDir(ws.dir, assessorId), { recursive: true });
    return withProcessLock(`${file}.lock`, task);
  });
}

export async function loadAssessment(ws: Workspace, assessorId: string, applicationId: string): Promise<LoadedAssessment> {
  assertIds(assessorId, applicationId);
  const file = assessmentFile(ws.dir, assessorId, applicationId);
  return exclusive(ws, assessorId, file, () => loadNow(ws, assessorId, applicationId));
}

async function loadNow(ws: Workspace, assessorId: string, applicationId: string): Promise<LoadedAssessment> {
  const file = assessmentFile(ws.dir, assessorId, applicationId);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (!isErrno(error, 'ENOENT')) throw error;
    // No file, but history: the file was deleted (or a first save was cut short); restore, never start blank.
    return recover(ws, assessorId, applicationId, file, 'missing');
  }
  const assessment = parseAssessment(text);
  if (assessment && assessment.assessor.id === assessorId && assessment.applicationId === applicationId) return { assessment };
  return recover(ws, assessorId, applicationId, file, 'damaged');
}

async function recover(ws: Workspace, assessorId: string, applicationId: string, file: string, state: 'damaged' | 'missing'): Promise<LoadedAssessment> {
  const historyDir = assessmentHistoryDir(ws.dir, assessorId, applicationId);
  const names = await readdir(historyDir).catch((error: unknown) => {
    if (isErrno(error, 'ENOENT')) return [] as string[];
    throw error;
  });
  for (const name of names.filter((n) => HISTORY_NAME.test(n)).sort().reverse()) {
    const text = await readFile(join(historyDir, name), 'utf8');
    const candidate = parseAssessment(text);
    if (!candidate || candidate.assessor.id !== assessorId || candidate.applicationId !== applicationId) continue;
    const damagedFile = state === 'damaged' ? `${file}.damaged-${osloTimestamp().replace(/[:.]/g, '-')}` : null;
    try {
      if (damagedFile !== null) await rename(file, damagedFile);
      await writeFileAtomic(file, text, ws.files ?? nodeFiles);
    } catch (error) {
      throw asWriteFailure(error, file);
    }
    const message =
      damagedFile === null
        ? localizeError('assessment.restored', { version: candidate.version })
        : localizeError('assessment.recovered', { version: candidate.version, damaged: basename(damagedFile) });
    await appendAudit(ws.dir, {
      actor: 'system',
      action: 'assessment.recover',
      subject: `${assessorId}/${applicationId}`,
      data: { fromVersion: candidate.version, damagedFile: damagedFile === null ? null : basename(damagedFile) },
    }, { files: ws.files ?? nodeFiles });
    return { assessment: candidate, recovered: { fromVersion: candidate.version, damagedFile: damagedFile ?? file, state, message } };
  }
  if (state === 'missing') return { assessment: null };
  throw new ServiceError('assessment.damaged', file);
}

export async function assessmentStatus(ws: Workspace, assessorId: string, applicationId: string): Promise<AssessmentStatus> {
  const peeked = await peekAssessment(ws.dir, assessorId, applicationId);
  return peeked === null ? 'none' : peeked === 'damaged' ? 'damaged' : peeked.status;
}

// Last draft audit time per file, in this process (coalescing: see DRAFT_AUDIT_INTERVAL_MS).
const lastDraftAudit = new Map<string, number>();

/**
 * Saves `input` as the next version. `input.version` must be the version the caller loaded (0 for a new
 * assessment); otherwise the save is refused as stale. Returns what was stored (version + 1, updatedAt).
 */
export async function saveAssessment(ws: Workspace, input: unknown, options: SaveOptions = {}): Promise<Assessment> {
  const parsed = assessmentSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : '';
    throw new ServiceError('assessment.invalid', 'assessment', { detail: where });
  }
  const assessment = parsed.data;
  assertIds(assessment.assessor.id, assessment.applicationId);
  const file = assessmentFile(ws.dir, assessment.assessor.id, assessment.applicationId);
  return exclusive(ws, assessment.assessor.id, file, () => saveNow(ws, assessment, options, file));
}

async function saveNow(ws: Workspace, input: Assessment, options: SaveOptions, file: string): Promise<Assessment> {
  const subject = `${input.assessor.id}/${input.applicationId}`;
  if (input.schemeId !== ws.meta.schemeId) {
    throw new ServiceError('assessment.wrong-scheme', file, { found: input.schemeId, expected: ws.meta.schemeId });
  }
  try {
    await readFile(join(packageDir(ws.dir, input.applicationId), PACKAGE_LOCK_FILE));
  } catch (error) {
    if (!isErrno(error, 'ENOENT')) throw error;
    throw new ServiceError('application.not-found', ws.dir, { applicationId: input.applicationId }, { cause: error });
  }
  const { assessment: current } = await loadNow(ws, input.assessor.id, input.applicationId);
  const currentVersion = current?.version ?? 0;
  if (input.version !== currentVersion) {
    throw new ServiceError('assessment.stale-version', file, { stored: currentVersion, yours: input.version });
  }
  const now = osloTimestamp();
  const version = currentVersion + 1;
  const audits: { action: string; data: Record<string, unknown> }[] = [];
  let next: Assessment;
  if (current?.status === 'final') {
    const reason = options.reopenReason?.trim();
    if (!reason) {
      throw new ServiceError('assessment.final', file);
    }
    // Reopening changes only the status; edits follow as ordinary draft saves.
    next = { ...current, status: 'draft', finalisedAt: null, reopenings: [...current.reopenings, { at: now, reason }], version, updatedAt: now };
    audits.push({ action: 'assessment.reopen', data: { reason } });
  } else {
    next = { ...input, version, updatedAt: now, finalisedAt: input.status === 'final' ? now : null, reopenings: current?.reopenings ?? input.reopenings };
    if (input.status === 'final') {
      await checkReadyForFinal(ws, next, file);
      audits.push({ action: 'assessment.final', data: {} });
    }
  }
  if (canonicalJson(current?.impartiality ?? null) !== canonicalJson(next.impartiality)) {
    // Logged before a final/reopen entry of the same save: the declaration precedes the decision.
    audits.unshift({ action: 'assessment.impartiality', data: { impartiality: next.impartiality } });
  }
  const lastAudit = lastDraftAudit.get(file) ?? 0;
  if (audits.length === 0 && Date.now() - lastAudit >= DRAFT_AUDIT_INTERVAL_MS) audits.push({ action: 'assessment.save', data: {} });

  const text = serialiseAssessment(next);
  const sha256 = sha256Hex(text);
  const files = ws.files ?? nodeFiles;
  try {
    // The audit record goes between history and the main file: if any step fails (or the process dies), the
    // main file still holds the previous version, and a version in the main file always has its record
    // (a final one must, or export refuses it: workspace/verify-records.ts).
    await writeVersioned(file, assessmentHistoryDir(ws.dir, next.assessor.id, next.applicationId), version, text, {
      files,
      beforeMain: async () => {
        for (const audit of audits) {
          await appendAudit(ws.dir, { actor: options.actor ?? next.assessor.id, action: audit.action, subject, data: { ...audit.data, version, sha256 } }, { files });
        }
      },
    });
  } catch (error) {
    // Its audit entry may already be in the log: the retry of this version must be recorded again, or the log
    // would keep the failed attempt's hash for it (verify-records.ts would call the history copy changed).
    lastDraftAudit.delete(file);
    throw asWriteFailure(error, file);
  }
  if (audits.length > 0) lastDraftAudit.set(file, Date.now());
  return next;
}

/** Removes temp files a killed writer left in the assessor's folders; called when a workspace is opened. */
export async function cleanAssessorTempFiles(ws: Workspace, assessorId: string): Promise<number> {
  const ignoreMissing = (error: unknown): string[] => {
    if (isErrno(error, 'ENOENT')) return [];
    throw error;
  };
  const dir = assessorDir(ws.dir, assessorId);
  let removed = (await removeStaleTempFiles(dir).catch(ignoreMissing)).length;
  for (const applicationId of await readdir(join(dir, 'history')).catch(ignoreMissing)) {
    removed += (await removeStaleTempFiles(join(dir, 'history', applicationId)).catch(ignoreMissing)).length;
  }
  return removed;
}
