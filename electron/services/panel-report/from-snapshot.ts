// The report model from a PanelSnapshot (readPanelSnapshot) and the round's scheme definition: what the
// documents show, resolved once so the writers need no panel or maths module. Nothing here reads files.
import type { AlphaInterval, AlphaResult } from '../../../shared/panel/agreement';
import type { AllocationLine } from '../../../shared/panel/allocation';
import type { ExclusionReason, TieStep } from '../../../shared/panel/ranking';
import type { PanelApplication, PanelSnapshot } from '../../../shared/panel/types';
import { findRule } from '../../../shared/rules/catalogue';
import type { SchemeDefinition } from '../../../shared/scheme/schema';
import { norwegianShortDate } from './labels';
import type { AgreementFigures, AssessmentRow, FlagRow, NotRecommendedReason, NotRecommendedRow, PanelReportModel, RankedRow } from './model';

export class SnapshotError extends Error {
  constructor(
    readonly nb: string,
    readonly en: string,
  ) {
    super(en);
  }
}

const TIE_STEPS: Record<TieStep, string> = {
  feasibility: 'gjennomføringsevne',
  transferValue: 'overføringsverdi',
  firstYearRequest: 'lavere søknadsbeløp for første år',
  applicationId: 'søknads-ID',
};

const MISSING: Record<string, string> = { eligibility: 'formelle krav', feasibility: 'gjennomføringsevne', transferValue: 'overføringsverdi' };

/** Three decimals are plenty for α and offsets; avoids 0.6799999 in the workbook. */
function round3(value: number | null): number | null {
  return value === null ? null : Math.round(value * 1000) / 1000;
}

function alphaOf(result: AlphaResult): number | null {
  return result.computable ? round3(result.alpha) : null;
}

function intervalOf(interval: AlphaInterval): [number, number] | null {
  return interval.computable ? [round3(interval.lower) ?? 0, round3(interval.upper) ?? 0] : null;
}

function exclusionReasons(reasons: readonly ExclusionReason[], application: PanelApplication, scheme: SchemeDefinition): NotRecommendedReason[] {
  const out: NotRecommendedReason[] = [];
  const below: Extract<NotRecommendedReason, { kind: 'below-threshold' }>['scores'] = [];
  for (const reason of reasons) {
    switch (reason.kind) {
      case 'consensus-missing':
        out.push({ kind: 'not-settled', missing: reason.missing.map((item) => MISSING[item] ?? item) });
        break;
      case 'ineligible':
        out.push({
          kind: 'ineligible',
          rules: reason.failedRuleIds.map((id) => {
            const rule = findRule(id);
            return { id, title: rule?.title.nb ?? id, schemeText: rule?.schemeText ?? '' };
          }),
          justification: application.consensus.eligibility.justification,
        });
        break;
      case 'below-threshold':
        below.push({
          criterionId: reason.criterionId,
          title: scheme.criteria.find((criterion) => criterion.id === reason.criterionId)?.title.nb ?? reason.criterionId,
          score: reason.score,
          threshold: reason.threshold,
        });
        break;
    }
  }
  if (below.length > 0) out.push({ kind: 'below-threshold', scores: below });
  return out;
}

function noFundsReason(line: AllocationLine, scheme: SchemeDefinition): NotRecommendedReason | null {
  switch (line.outcome) {
    case 'granted':
    case 'partial':
      return null;
    case 'skipped':
    case 'pool-empty':
      return { kind: 'no-funds', poolId: line.poolId, poolTitle: scheme.budget.pools.find((pool) => pool.id === line.poolId)?.title.nb ?? line.poolId, left: line.availableBefore, requested: line.requested };
    case 'no-amount':
      return { kind: 'not-settled', missing: ['beløp for første år (0 kr)'] };
  }
}

function assessmentRows(applications: readonly PanelApplication[]): AssessmentRow[] {
  return applications.flatMap((application) =>
    application.assessments.map((assessment) => ({
      applicationId: application.applicationId,
      assessorId: assessment.assessorId,
      assessorName: assessment.assessorName,
      status: assessment.status,
      trusted: assessment.trusted,
      version: assessment.version,
      finalisedAt: assessment.finalisedAt,
      eligibility: assessment.eligibility,
      decision: assessment.recommendation.decision,
      amount: assessment.recommendation.amount,
      firstYearAmount: assessment.recommendation.firstYearAmount,
      scores: assessment.scores.map((score) => ({ criterionId: score.criterionId, score: score.score, justification: score.justification })),
      comment: [assessment.recommendation.comment, assessment.conflictOfInterest ? `Inhabil: ${assessment.conflictOfInterest.reason}` : ''].filter(Boolean).join(' · '),
    })),
  );
}

function flagRows(applications: readonly PanelApplication[]): FlagRow[] {
  return applications.flatMap((application) =>
    application.flags.map((flag) => ({
      applicationId: flag.applicationId,
      kind: flag.kind,
      criterionId: flag.criterionId,
      assessorIds: flag.assessorIds,
      reason: flag.reason.nb,
      state: flag.settlement.state,
      justification: flag.settlement.justification,
      by: flag.settlement.by,
      at: flag.settlement.at,
    })),
  );
}

function agreementFigures(snapshot: PanelSnapshot, scheme: SchemeDefinition): AgreementFigures {
  const names = new Map(snapshot.assessors.map((assessor) => [assessor.assessorId, assessor.name]));
  const title = (id: string): string => scheme.criteria.find((criterion) => criterion.id === id)?.title.nb ?? id;
  return {
    criteria: snapshot.agreement.map((entry) => ({
      criterionId: entry.criterionId,
      title: title(entry.criterionId),
      alphaOrdinal: alphaOf(entry.agreement.ordinal.alpha),
      alphaInterval: alphaOf(entry.agreement.interval.alpha),
      interval: intervalOf(entry.agreement.ordinal.interval),
      pairs: entry.agreement.ordinal.alpha.pairableValues,
    })),
    assessors: snapshot.agreement.flatMap((entry) =>
      entry.agreement.offsets.map((offset) => ({
        assessorId: offset.assessorId,
        name: names.get(offset.assessorId) ?? offset.assessorId,
        criterionId: entry.criterionId,
        criterionTitle: title(entry.criterionId),
        meanOffset: round3(offset.meanOffset),
        applications: offset.applications,
      })),
    ),
  };
}

export interface ModelOptions {
  lead: { name: string; email: string; fingerprint: string };
  generatedAt: Date;
}

export function modelFromSnapshot(snapshot: PanelSnapshot, scheme: SchemeDefinition, options: ModelOptions): PanelReportModel {
  if (scheme.id !== snapshot.workspace.schemeId) {
    throw new SnapshotError(`ordningen ${scheme.id} er ikke rundens (${snapshot.workspace.schemeId})`, `the scheme ${scheme.id} is not the round's (${snapshot.workspace.schemeId})`);
  }
  const allocation = snapshot.allocation;
  if (!allocation) {
    const problem = snapshot.allocationProblem;
    throw new SnapshotError(`fordelingen kan ikke beregnes: ${problem?.nb ?? 'ukjent grunn'}`, `the allocation cannot be computed: ${problem?.en ?? 'unknown reason'}`);
  }
  const byId = new Map(snapshot.applications.map((application) => [application.applicationId, application]));
  const lines = new Map(allocation.lines.map((line) => [line.applicationId, line]));
  const focusAreas = scheme.focusAreas.map((area) => {
    const ranked = snapshot.ranking.focusAreas.find((entry) => entry.focusArea === area.id)?.ranked ?? [];
    return {
      focusArea: area.id,
      code: area.code,
      title: area.title.nb,
      poolId: area.poolId,
      ranked: ranked.map((row): RankedRow => {
        const line = lines.get(row.applicationId);
        return {
          rank: row.rank,
          applicationId: row.applicationId,
          scores: { ...row.scores },
          weightedTotal: row.total,
          tieNote: row.tieWithPrevious ? `lik vektet sum med ${row.tieWithPrevious.applicationId}; avgjort på ${TIE_STEPS[row.tieWithPrevious.decidedBy]}` : null,
          firstYearAmount: line?.granted ?? 0,
          remainderOffered: line?.outcome === 'partial',
          laterYears: line && line.granted > 0 ? line.commitments.map((commitment) => ({ year: commitment.year, amount: commitment.amount })) : [],
        };
      }),
    };
  });

  const notRecommended: NotRecommendedRow[] = [];
  for (const excluded of snapshot.ranking.excluded) {
    const application = byId.get(excluded.applicationId);
    if (application) notRecommended.push({ applicationId: excluded.applicationId, reasons: exclusionReasons(excluded.reasons, application, scheme) });
  }
  for (const line of allocation.lines) {
    const reason = noFundsReason(line, scheme);
    if (reason) notRecommended.push({ applicationId: line.applicationId, reasons: [reason] });
  }
  // An application neither ranked nor excluded (should not happen) still gets a line, never silence.
  for (const application of snapshot.applications) {
    const known = lines.has(application.applicationId) || notRecommended.some((row) => row.applicationId === application.applicationId);
    if (!known) notRecommended.push({ applicationId: application.applicationId, reasons: [{ kind: 'not-settled', missing: ['rangering'] }] });
  }
  notRecommended.sort((a, b) => (a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0));

  const pools = allocation.pools.map((pool) => {
    const definition = scheme.budget.pools.find((candidate) => candidate.id === pool.poolId);
    return {
      id: pool.poolId,
      title: definition?.title.nb ?? pool.poolId,
      focusAreas: definition ? [...definition.focusAreas] : [],
      reserved: pool.reserved,
      amount: pool.amount,
      releasedIn: pool.releasedIn,
      releasedOut: pool.releasedOut,
      allocated: pool.allocated,
      left: pool.left,
    };
  });

  const awards = focusAreas.flatMap((area) =>
    area.ranked
      .filter((row) => row.firstYearAmount > 0)
      .map((row) => {
        const application = byId.get(row.applicationId);
        return { focusArea: area.focusArea, applicationId: row.applicationId, applicantName: application?.applicantName ?? '', projectTitle: application?.title ?? '', amount: row.firstYearAmount };
      }),
  );

  return {
    scheme,
    schemeSha256: snapshot.workspace.schemeSha256,
    round: { id: snapshot.workspace.id, createdAt: snapshot.workspace.createdAt },
    lead: options.lead,
    generatedAt: options.generatedAt,
    criteria: scheme.criteria.map((criterion) => ({ id: criterion.id, title: criterion.title.nb, weight: criterion.weight, threshold: criterion.threshold })),
    applicants: snapshot.applications.map((application) => ({
      applicationId: application.applicationId,
      applicantName: application.applicantName,
      municipalityNumber: application.municipalityNumber,
      projectTitle: application.title,
      focusArea: application.focusArea,
      poolId: application.poolId,
      packageSha256: application.packageSha256,
      requested: { ...application.requested },
    })),
    focusAreas,
    pools,
    budgetTotal: allocation.budgetTotal,
    allocatedTotal: allocation.totalAllocated,
    shortfall: allocation.noFit,
    notRecommended,
    flags: flagRows(snapshot.applications),
    assessments: assessmentRows(snapshot.applications),
    agreement: agreementFigures(snapshot, scheme),
    hashes: {
      packages: snapshot.applications.map((application) => ({ label: application.applicationId, detail: application.applicantName, sha256: application.packageSha256 })),
      exchangeFiles: snapshot.exchangeFiles.map((file) => ({
        label: `${file.assessorName}${file.trusted ? '' : ' (IKKE KLARERT)'}`,
        detail: `${norwegianShortDate(file.createdAt)} · ${file.applicationIds.length} søknader`,
        sha256: file.sha256,
      })),
    },
    awards,
    awardListNotes: [],
  };
}
