// The lead's consensus decisions, one file per application (panel/consensus/<id>.json), written with the
// same versioned atomic write and history as assessments and logged in the audit log (docs/panel.md §
// Consensus). A batch is checked whole before anything is written: bad input saves nothing.
import { readdir, readFile, rename } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { applyConsensusChange } from '../../../shared/panel/consensus';
import { consensusChangeSchema, consensusRecordSchema } from '../../../shared/panel/types';
import type { ConsensusChange, ConsensusRecord } from '../../../shared/panel/types';
import { applicationIdSchema } from '../../../shared/package/schema';
import { appendAudit } from '../audit/audit-log';
import { sha256Hex } from '../hash/sha256';
import { HISTORY_NAME } from '../store/assessment-file';
import { writeFileAtomic } from '../store/atomic-write';
import { runExclusive } from '../store/file-queue';
import { writeVersioned } from '../store/versioned-write';
import { getApplication } from '../workspace/applications';
import { isErrno, ServiceError } from '../workspace/errors';
import { osloTimestamp } from '../workspace/time';
import type { Workspace } from '../workspace/workspace';
import { consensusDir, consensusFile, consensusHistoryDir } from './layout';
import { readRoundSettings } from './settings';
import { firstYearOf } from './stored-exchange';

function parseRecord(text: string, applicationId: string): ConsensusRecord | undefined {
  try {
    const parsed = consensusRecordSchema.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.applicationId === applicationId ? parsed.data : undefined;
  } catch {
    // Not JSON: damaged; the caller restores from history.
    return undefined;
  }
}

/**
 * The stored record, or null. A damaged file (or a missing one with history) is restored from the newest valid
 * history version, the damaged file kept as `<id>.json.damaged-<time>` and a `consensus.recover` audit entry
 * written — as for assessments. With no valid history a damaged file is refused and left untouched.
 */
export async function loadConsensus(ws: Workspace, applicationId: string): Promise<ConsensusRecord | null> {
  const path = consensusFile(ws.dir, applicationId);
  let text: string | null = null;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (!isErrno(error, 'ENOENT')) throw error;
  }
  const record = text === null ? undefined : parseRecord(text, applicationId);
  if (record) return record;
  const historyDir = consensusHistoryDir(ws.dir, applicationId);
  const names = await readdir(historyDir).catch((error: unknown) => {
    if (isErrno(error, 'ENOENT')) return [] as string[];
    throw error;
  });
  for (const name of names.filter((n) => HISTORY_NAME.test(n)).sort().reverse()) {
    const candidateText = await readFile(join(historyDir, name), 'utf8');
    const candidate = parseRecord(candidateText, applicationId);
    if (!candidate) continue;
    const damaged = text === null ? null : `${path}.damaged-${osloTimestamp().replace(/[:.]/g, '-')}`;
    if (damaged !== null) await rename(path, damaged);
    await writeFileAtomic(path, candidateText);
    await appendAudit(ws.dir, { actor: 'system', action: 'consensus.recover', subject: applicationId, data: { fromVersion: candidate.version, damagedFile: damaged === null ? null : basename(damaged) } });
    return candidate;
  }
  if (text === null) return null;
  throw new ServiceError('consensus.damaged', path, { detail: 'not a valid consensus record, and no valid version in its history' });
}

function invalid(subject: string, nb: string, en: string): ServiceError {
  return new ServiceError('consensus.invalid', subject, { detailNb: nb, detailEn: en });
}

export interface ConsensusSaveOptions {
  /** Who decides (recorded in the record and the audit log). */
  by?: string;
}

/** Checks and applies every change; writes only if all are valid. Returns the stored records in input order. */
export async function setConsensus(ws: Workspace, input: readonly unknown[], options: ConsensusSaveOptions = {}): Promise<ConsensusRecord[]> {
  const by = options.by ?? 'lead';
  const settings = await readRoundSettings(ws);
  const changes: ConsensusChange[] = [];
  for (const [index, raw] of input.entries()) {
    const parsed = consensusChangeSchema.safeParse(raw);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = `${input.length > 1 ? `[${index}].` : ''}${issue ? issue.path.join('.') : ''}`;
      throw invalid('consensus', `ugyldig endring (${where}: ${issue?.message ?? ''})`, `invalid change (${where}: ${issue?.message ?? ''})`);
    }
    if (changes.some((change) => change.applicationId === parsed.data.applicationId)) {
      throw invalid(parsed.data.applicationId, 'søknaden står mer enn én gang i samme parti', 'the application appears more than once in the batch');
    }
    changes.push(parsed.data);
  }
  // Every file for the batch is locked in turn; the checks run before the first write.
  return runExclusive(consensusDir(ws.dir), async () => {
    const at = osloTimestamp();
    const planned: { before: ConsensusRecord | null; next: ConsensusRecord }[] = [];
    for (const change of changes) {
      if (!applicationIdSchema.safeParse(change.applicationId).success) throw new ServiceError('application.not-found', ws.dir, { applicationId: change.applicationId });
      const record = await getApplication(ws, change.applicationId);
      const before = await loadConsensus(ws, change.applicationId);
      const applied = applyConsensusChange(before, change, { scheme: ws.scheme, settings, firstYearRequested: firstYearOf(record).firstYear, by, at });
      if (!applied.ok) throw invalid(change.applicationId, `${change.applicationId}: ${applied.error.nb}`, `${change.applicationId}: ${applied.error.en}`);
      planned.push({ before, next: { ...applied.value, version: (before?.version ?? 0) + 1, updatedAt: at } });
    }
    for (const { before, next } of planned) {
      const text = `${JSON.stringify(next, null, 2)}\n`;
      await writeVersioned(consensusFile(ws.dir, next.applicationId), consensusHistoryDir(ws.dir, next.applicationId), next.version, text);
      await appendAudit(ws.dir, {
        actor: by,
        action: 'consensus.set',
        subject: next.applicationId,
        data: { version: next.version, sha256: sha256Hex(text), previousVersion: before?.version ?? 0, criteria: next.criteria, eligibility: next.eligibility, amount: next.amount, acknowledged: next.acknowledged ?? [] },
      });
    }
    return planned.map((entry) => entry.next);
  });
}
