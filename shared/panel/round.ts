// The round-level results built from the applications' consensus: ranking and allocation (panelmath's
// shared/panel/ranking.ts and allocation.ts) and agreement (agreement.ts). This file only adapts the panel's
// data to those functions' inputs (docs/panel.md § Ranking, § Allocation, § Agreement).
import type { LocalizedText } from '../i18n/localized';
import { rational } from '../money/rational';
import type { SchemeDefinition } from '../scheme/schema';
import type { ApplicationPackage } from '../package/schema';
import type { CriterionAgreement } from './agreement';
import { criterionAgreement } from './agreement';
import type { AllocationRequest, AllocationResult } from './allocation';
import { allocate, describeAllocationError } from './allocation';
import type { ConsensusScore, RankingCandidate, RankingResult } from './ranking';
import type { PanelApplication, RoundSettings } from './types';

export interface RoundFacts {
  /** Reject rules the panel's own evaluation failed, per application (named when consensus says ineligible). */
  failedRuleIds: ReadonlyMap<string, readonly string[]>;
  /** The requested grant per budget year, in year order, per application. */
  budgets: ReadonlyMap<string, readonly Pick<ApplicationPackage['budget'][number], 'year' | 'requestedGrant'>[]>;
}

/** The consensus score as panelmath wants it: a computed mean exactly (a fraction), else the number. */
function rankingScore(application: PanelApplication, criterionId: 'feasibility' | 'transferValue', settings: RoundSettings): ConsensusScore | null {
  const entry = application.consensus.criteria.find((candidate) => candidate.criterionId === criterionId);
  if (!entry || entry.value === null) return null;
  if (entry.source === 'computed' && settings.consensusMethod === 'mean') {
    const scores = application.statistics.find((stats) => stats.criterionId === criterionId)?.scores ?? [];
    if (scores.length > 0) return rational(scores.reduce((sum, score) => sum + score.score, 0), scores.length);
  }
  return entry.value;
}

export function rankingCandidates(applications: readonly PanelApplication[], settings: RoundSettings, facts: RoundFacts): RankingCandidate[] {
  return applications.map((application) => {
    const verdict = application.consensus.eligibility.verdict;
    return {
      applicationId: application.applicationId,
      focusArea: application.focusArea,
      eligibility: verdict === 'unsettled' ? null : { eligible: verdict === 'eligible', failedRuleIds: verdict === 'eligible' ? [] : [...(facts.failedRuleIds.get(application.applicationId) ?? [])] },
      scores: { feasibility: rankingScore(application, 'feasibility', settings), transferValue: rankingScore(application, 'transferValue', settings) },
      firstYearRequest: application.requested.firstYear ?? 0,
    };
  });
}

/**
 * Later years follow the first year's consensus in proportion to the request: the consensus amount is for the
 * first year, and a grant reduced by a share keeps that share in the years after (rounded down, whole kroner).
 */
export function laterYears(firstYearAmount: number, budget: readonly Pick<ApplicationPackage['budget'][number], 'year' | 'requestedGrant'>[]): number[] {
  const sorted = [...budget].sort((a, b) => a.year - b.year);
  const first = sorted[0]?.requestedGrant ?? 0;
  return sorted.slice(1).map((year) => (first <= 0 ? 0 : Number((BigInt(firstYearAmount) * BigInt(year.requestedGrant)) / BigInt(first))));
}

export type AllocationOutcomeResult = { ok: true; result: AllocationResult } | { ok: false; problem: LocalizedText };

export function allocateRound(
  applications: readonly PanelApplication[],
  ranking: RankingResult,
  scheme: Pick<SchemeDefinition, 'budget' | 'year'>,
  settings: Pick<RoundSettings, 'allocationShortfall' | 'releasedReserves'>,
  facts: RoundFacts,
): AllocationOutcomeResult {
  const byId = new Map(applications.map((application) => [application.applicationId, application]));
  const requests: AllocationRequest[] = ranking.focusAreas.flatMap((area) =>
    area.ranked.map((ranked) => {
      const firstYear = byId.get(ranked.applicationId)?.consensus.amount.firstYearAmount ?? 0;
      return {
        applicationId: ranked.applicationId,
        focusArea: ranked.focusArea,
        meritOrder: ranked.meritOrder,
        firstYear,
        laterYears: laterYears(firstYear, facts.budgets.get(ranked.applicationId) ?? []),
      };
    }),
  );
  const result = allocate(requests, scheme, { noFit: settings.allocationShortfall, releaseReserve: settings.releasedReserves });
  return result.ok ? { ok: true, result: result.value } : { ok: false, problem: describeAllocationError(result.error) };
}

export interface PanelAgreement {
  criterionId: 'feasibility' | 'transferValue';
  /** Columns of the matrix, sorted. */
  assessorIds: string[];
  /** Rows: applications with at least one included score, sorted. */
  applicationIds: string[];
  agreement: CriterionAgreement;
}

/** Krippendorff's α per criterion over every included score (missing allowed), with offsets from consensus. */
export function agreementOf(applications: readonly PanelApplication[], scheme: Pick<SchemeDefinition, 'criteria'>, options: { resamples?: number } = {}): PanelAgreement[] {
  return scheme.criteria.map((criterion) => {
    const rows = applications
      .map((application) => ({ application, stats: application.statistics.find((entry) => entry.criterionId === criterion.id) }))
      .filter((row) => (row.stats?.count ?? 0) > 0);
    const assessorIds = [...new Set(rows.flatMap((row) => row.stats?.scores.map((score) => score.assessorId) ?? []))].sort();
    const matrix = rows.map((row) => assessorIds.map((id) => row.stats?.scores.find((score) => score.assessorId === id)?.score ?? null));
    const consensus = rows.map((row) => row.application.consensus.criteria.find((entry) => entry.criterionId === criterion.id)?.value ?? null);
    return {
      criterionId: criterion.id,
      assessorIds,
      applicationIds: rows.map((row) => row.application.applicationId),
      agreement: criterionAgreement(matrix, consensus, assessorIds, options.resamples === undefined ? {} : { resamples: options.resamples }),
    };
  });
}
