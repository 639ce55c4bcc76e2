// Per-criterion and amount statistics of the included assessments (docs/panel.md § Statistics). Pure.
import type { CriterionId } from '../scheme/schema';
import type { ConsensusMethod, CriterionStatistics, MergedAssessment } from './types';

/** Median of a list of numbers (mean of the middle two for an even count); null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

export function centre(values: readonly number[], method: ConsensusMethod): number | null {
  switch (method) {
    case 'median':
      return median(values);
    case 'mean':
      return mean(values);
  }
}

/** The assessments that count in figures: the newest version, no conflict of interest, no version conflict. */
export function includedAssessments(assessments: readonly MergedAssessment[]): MergedAssessment[] {
  return assessments.filter((assessment) => assessment.status === 'included');
}

export interface CriterionDefinitionLike {
  id: CriterionId;
  weight: number;
  threshold: number;
}

export function criterionStatistics(criterion: CriterionDefinitionLike, included: readonly MergedAssessment[]): CriterionStatistics {
  const scores: CriterionStatistics['scores'] = [];
  for (const assessment of included) {
    const score = assessment.scores.find((entry) => entry.criterionId === criterion.id)?.score;
    if (typeof score === 'number') scores.push({ assessorId: assessment.assessorId, score });
  }
  const values = scores.map((entry) => entry.score);
  const min = values.length > 0 ? Math.min(...values) : null;
  const max = values.length > 0 ? Math.max(...values) : null;
  return {
    criterionId: criterion.id,
    weight: criterion.weight,
    threshold: criterion.threshold,
    scores,
    count: values.length,
    mean: mean(values),
    median: median(values),
    min,
    max,
    spread: min === null || max === null ? null : max - min,
  };
}

export interface AmountStatistics {
  count: number;
  mean: number | null;
  median: number | null;
  min: number | null;
  max: number | null;
}

/** First-year amounts of the included assessors who recommend a grant. */
export function amountStatistics(included: readonly MergedAssessment[]): AmountStatistics {
  const values = included.filter((a) => a.recommendation.decision === 'grant').map((a) => a.recommendation.firstYearAmount);
  return {
    count: values.length,
    mean: mean(values),
    median: median(values),
    min: values.length > 0 ? Math.min(...values) : null,
    max: values.length > 0 ? Math.max(...values) : null,
  };
}

/**
 * The first budget year's share of an amount recommended for the whole period: amount × first-year request ÷
 * total request, rounded down to whole kroner (never more than was recommended or requested for that year).
 * Without a known budget the whole amount counts as the first year's.
 */
export function firstYearShare(amount: number, firstYearRequested: number | null, totalRequested: number | null): number {
  if (firstYearRequested === null || totalRequested === null || totalRequested <= 0) return amount;
  if (amount >= totalRequested) return firstYearRequested;
  // BigInt: the product of two kroner amounts can pass 2^53, and money is never a float.
  return Number((BigInt(amount) * BigInt(firstYearRequested)) / BigInt(totalRequested));
}
