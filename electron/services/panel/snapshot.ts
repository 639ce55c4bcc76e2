// readPanelSnapshot: everything a report or a screen needs about a panel round, read in one go from the
// workspace (docs/panel.md § Snapshot). The merged state is derived from the stored exchange files here, the
// same way merge writes panel/merged.json, so the snapshot never depends on a derived file being current.
import { buildPanelApplication } from '../../../shared/panel/application';
import type { ApplicationFacts } from '../../../shared/panel/application';
import { rankApplications } from '../../../shared/panel/ranking';
import type { RoundFacts } from '../../../shared/panel/round';
import { agreementOf, allocateRound, rankingCandidates } from '../../../shared/panel/round';
import type { MergedAssessment, PanelAssessor, PanelSnapshot, RoundSettings } from '../../../shared/panel/types';
import type { ApplicationRecord } from '../workspace/applications';
import { listApplications } from '../workspace/applications';
import type { Workspace } from '../workspace/workspace';
import { loadConsensus } from './consensus-store';
import { openPanelWorkspace } from './panel-workspace';
import { readRoundSettings } from './settings';
import { deriveFromStore, firstYearOf } from './stored-exchange';

function factsOf(ws: Workspace, record: ApplicationRecord): ApplicationFacts {
  const { summary, lock } = record;
  const area = ws.scheme.focusAreas.find((candidate) => candidate.id === summary.focusArea);
  const { firstYear, firstYearYear, total } = firstYearOf(record);
  return {
    applicationId: summary.applicationId,
    applicantName: summary.applicantName,
    municipalityNumber: summary.municipalityNumber,
    title: summary.title,
    focusArea: summary.focusArea,
    poolId: area?.poolId ?? '',
    packageSha256: lock.packageSha256,
    packageFiles: lock.files.map((file) => ({ path: file.path, sha256: file.sha256, bytes: file.size })),
    requested: { total, firstYear, firstYearYear },
    panelVerdict: summary.verdict,
  };
}

function assessorsOf(assessments: readonly MergedAssessment[]): PanelAssessor[] {
  const byId = new Map<string, PanelAssessor>();
  for (const assessment of assessments) {
    const entry = byId.get(assessment.assessorId) ?? {
      assessorId: assessment.assessorId,
      name: assessment.assessorName,
      fingerprints: [],
      trusted: true,
      included: 0,
      conflictsOfInterest: 0,
    };
    if (!entry.fingerprints.includes(assessment.signerFingerprint)) entry.fingerprints = [...entry.fingerprints, assessment.signerFingerprint].sort();
    if (!assessment.trusted) entry.trusted = false;
    if (assessment.status === 'included') entry.included += 1;
    if (assessment.status === 'conflict-of-interest') entry.conflictsOfInterest += 1;
    byId.set(assessment.assessorId, entry);
  }
  return [...byId.values()].sort((a, b) => (a.assessorId < b.assessorId ? -1 : 1));
}

function failedRejectRules(record: ApplicationRecord): string[] {
  return (record.evaluation?.rules ?? []).filter((rule) => rule.severity === 'reject' && rule.status === 'fail').map((rule) => rule.id);
}

export interface SnapshotOptions {
  /** Bootstrap resamples for the agreement intervals (default panelmath's 1000). */
  agreementResamples?: number;
  /** Settings for this read only (allocate's --release-reserve/--shortfall what-if); not stored. */
  settingsOverride?: Partial<Pick<RoundSettings, 'releasedReserves' | 'allocationShortfall'>>;
}

export async function readPanelSnapshotOf(ws: Workspace, options: SnapshotOptions = {}): Promise<PanelSnapshot> {
  const settings = { ...(await readRoundSettings(ws)), ...options.settingsOverride };
  const records = await listApplications(ws);
  const byId = new Map(records.map((record) => [record.summary.applicationId, record]));
  const state = await deriveFromStore(ws, byId);
  const applications = [];
  for (const record of records) {
    const id = record.summary.applicationId;
    const merged = state.assessments.filter((assessment) => assessment.applicationId === id);
    applications.push(buildPanelApplication(factsOf(ws, record), merged, ws.scheme, settings, await loadConsensus(ws, id)));
  }
  const flags = applications.flatMap((application) => application.flags);
  const facts: RoundFacts = {
    failedRuleIds: new Map(records.map((record) => [record.summary.applicationId, failedRejectRules(record)])),
    budgets: new Map(records.map((record) => [record.summary.applicationId, record.application.budget])),
  };
  const ranking = rankApplications(rankingCandidates(applications, settings, facts), ws.scheme.criteria);
  const allocation = allocateRound(applications, ranking, ws.scheme, settings, facts);
  return {
    formatVersion: 1,
    workspace: { dir: ws.dir, id: ws.meta.id, schemeId: ws.meta.schemeId, schemeSha256: ws.meta.schemeSha256, createdAt: ws.meta.createdAt },
    settings,
    exchangeFiles: state.files,
    assessors: assessorsOf(state.assessments.filter((assessment) => assessment.status !== 'superseded')),
    applications,
    flagCounts: { total: flags.length, open: flags.filter((flag) => flag.settlement.state === 'open').length },
    ranking,
    allocation: allocation.ok ? allocation.result : null,
    allocationProblem: allocation.ok ? null : allocation.problem,
    // Without resamples (rank/allocate need no agreement) it is left out rather than computed for nothing.
    agreement: options.agreementResamples === 0 ? [] : agreementOf(applications, ws.scheme, options.agreementResamples === undefined ? {} : { resamples: options.agreementResamples }),
  };
}

/** Opens the panel workspace at `workspaceDir` (refusing an assessor's) and reads its snapshot. */
export async function readPanelSnapshot(workspaceDir: string, options: SnapshotOptions = {}): Promise<PanelSnapshot> {
  return readPanelSnapshotOf(await openPanelWorkspace(workspaceDir), options);
}
