// Ranking per focus area (issue #9.6, DESIGN.md §7): the applications that are eligible by consensus and at or
// above every criterion's threshold, ordered by weighted consensus total; everything else listed apart with why.
// Totals are exact fractions (shared/money/rational.ts): a tie decided by float noise would be a wrong ranking.
import type { Criterion, CriterionId } from '../scheme/schema';
import type { Rational } from '../money/rational';
import { add, compare, fromNumber, mul, toNumber, ZERO } from '../money/rational';

/** A consensus score: a plain number (a median such as 4.5) or an exact fraction (a mean such as 13/3). */
export type ConsensusScore = number | Rational;

export interface RankingCandidate {
  applicationId: string;
  focusArea: number;
  /** The consensus eligibility verdict, or null while the lead has not settled it. */
  eligibility: { eligible: boolean; failedRuleIds: readonly string[] } | null;
  /** Consensus score per criterion; a missing or null entry means "no consensus yet". */
  scores: Partial<Record<CriterionId, ConsensusScore | null>>;
  /** Whole kroner requested for the first year (the third tie-break: the lower request ranks first). */
  firstYearRequest: number;
}

/** The tie-break steps, in the order they are tried after an equal weighted total. */
export type TieStep = 'feasibility' | 'transferValue' | 'firstYearRequest' | 'applicationId';
export const TIE_STEPS: readonly TieStep[] = ['feasibility', 'transferValue', 'firstYearRequest', 'applicationId'];

export type ExclusionReason =
  | { kind: 'consensus-missing'; missing: ('eligibility' | CriterionId)[] }
  | { kind: 'ineligible'; failedRuleIds: string[] }
  | { kind: 'below-threshold'; criterionId: CriterionId; score: number; threshold: number };

export interface RankedApplication {
  /** 1-based place within the focus area. */
  rank: number;
  /** 1-based place among all ranked applications of every focus area (same order rules): how a pool shared
   *  by several focus areas is filled in rank order. */
  meritOrder: number;
  applicationId: string;
  focusArea: number;
  /** Weighted consensus total as a number, for display. */
  total: number;
  /** The same total exactly, "a/b" or "a" (JSON-safe; bigint is not). */
  totalExact: string;
  scores: Record<CriterionId, number>;
  firstYearRequest: number;
  /** Set when this application has the same weighted total as the one above it: which step put it below. */
  tieWithPrevious: { applicationId: string; decidedBy: TieStep } | null;
}

export interface ExcludedApplication {
  applicationId: string;
  focusArea: number;
  reasons: ExclusionReason[];
}

export interface FocusAreaRanking {
  focusArea: number;
  ranked: RankedApplication[];
}

export interface RankingResult {
  /** Focus areas in ascending order; only areas with at least one candidate appear. */
  focusAreas: FocusAreaRanking[];
  /** In input order. */
  excluded: ExcludedApplication[];
}

type RankingCriterion = Pick<Criterion, 'id' | 'weight' | 'threshold'>;

interface Scored {
  candidate: RankingCandidate;
  total: Rational;
  exact: Record<CriterionId, Rational>;
}

function exactScore(score: ConsensusScore): Rational {
  return typeof score === 'number' ? fromNumber(score) : score;
}

function exactText(value: Rational): string {
  return value.den === 1n ? value.num.toString() : `${value.num.toString()}/${value.den.toString()}`;
}

/** Why a candidate cannot be ranked; an empty list means it can. Every reason is listed, not just the first. */
export function exclusionReasons(candidate: RankingCandidate, criteria: readonly RankingCriterion[]): ExclusionReason[] {
  const reasons: ExclusionReason[] = [];
  const missing: ('eligibility' | CriterionId)[] = [];
  if (candidate.eligibility === null) missing.push('eligibility');
  for (const criterion of criteria) {
    const score = candidate.scores[criterion.id];
    if (score === undefined || score === null) missing.push(criterion.id);
  }
  if (missing.length > 0) reasons.push({ kind: 'consensus-missing', missing });
  if (candidate.eligibility !== null && !candidate.eligibility.eligible) {
    reasons.push({ kind: 'ineligible', failedRuleIds: [...candidate.eligibility.failedRuleIds] });
  }
  for (const criterion of criteria) {
    const score = candidate.scores[criterion.id];
    if (score === undefined || score === null) continue;
    const exact = exactScore(score);
    if (compare(exact, fromNumber(criterion.threshold)) < 0) {
      reasons.push({ kind: 'below-threshold', criterionId: criterion.id, score: toNumber(exact), threshold: criterion.threshold });
    }
  }
  return reasons;
}

/** Σ weight × score, exactly. */
export function weightedTotal(scores: Readonly<Record<CriterionId, Rational>>, criteria: readonly RankingCriterion[]): Rational {
  return criteria.reduce((total, criterion) => add(total, mul(fromNumber(criterion.weight), scores[criterion.id])), ZERO);
}

/**
 * Order of two rankable applications: negative when `a` ranks above `b`. `decidedBy` is 'total' when the
 * weighted totals differ, otherwise the tie step that separated them.
 */
function compareScored(a: Scored, b: Scored): { order: number; decidedBy: 'total' | TieStep } {
  const byTotal = compare(b.total, a.total);
  if (byTotal !== 0) return { order: byTotal, decidedBy: 'total' };
  for (const step of TIE_STEPS) {
    const order = compareStep(step, a, b);
    if (order !== 0) return { order, decidedBy: step };
  }
  return { order: 0, decidedBy: 'applicationId' };
}

function compareStep(step: TieStep, a: Scored, b: Scored): number {
  switch (step) {
    case 'feasibility':
    case 'transferValue':
      // Higher consensus score first.
      return compare(b.exact[step], a.exact[step]);
    case 'firstYearRequest':
      // The lower first-year request first: the same merit for less money.
      return Math.sign(a.candidate.firstYearRequest - b.candidate.firstYearRequest);
    case 'applicationId':
      // Code-unit order, not locale order, so the result is the same on every machine.
      return a.candidate.applicationId < b.candidate.applicationId ? -1 : a.candidate.applicationId > b.candidate.applicationId ? 1 : 0;
  }
}

function toScored(candidate: RankingCandidate, criteria: readonly RankingCriterion[]): Scored {
  const exact = {} as Record<CriterionId, Rational>;
  for (const criterion of criteria) {
    const score = candidate.scores[criterion.id];
    // exclusionReasons() has already ruled out missing scores for rankable candidates.
    exact[criterion.id] = score === undefined || score === null ? ZERO : exactScore(score);
  }
  // A tie step that the scheme does not score counts as equal, so the next step decides.
  for (const step of ['feasibility', 'transferValue'] as const) exact[step] ??= ZERO;
  return { candidate, total: weightedTotal(exact, criteria), exact };
}

export function rankApplications(candidates: readonly RankingCandidate[], criteria: readonly RankingCriterion[]): RankingResult {
  const excluded: ExcludedApplication[] = [];
  const rankable: Scored[] = [];
  const areas = new Set<number>();
  for (const candidate of candidates) {
    areas.add(candidate.focusArea);
    const reasons = exclusionReasons(candidate, criteria);
    if (reasons.length > 0) excluded.push({ applicationId: candidate.applicationId, focusArea: candidate.focusArea, reasons });
    else rankable.push(toScored(candidate, criteria));
  }
  const ordered = [...rankable].sort((a, b) => compareScored(a, b).order);
  const meritOrder = new Map(ordered.map((scored, index) => [scored, index + 1]));
  const focusAreas = [...areas].sort((a, b) => a - b).map((focusArea) => {
    const inArea = ordered.filter((scored) => scored.candidate.focusArea === focusArea);
    const ranked = inArea.map((scored, index): RankedApplication => {
      const previous = index > 0 ? inArea[index - 1] : undefined;
      const decided = previous ? compareScored(previous, scored) : undefined;
      return {
        rank: index + 1,
        meritOrder: meritOrder.get(scored) ?? 0,
        applicationId: scored.candidate.applicationId,
        focusArea,
        total: toNumber(scored.total),
        totalExact: exactText(scored.total),
        scores: Object.fromEntries(criteria.map((criterion) => [criterion.id, toNumber(scored.exact[criterion.id])])) as Record<CriterionId, number>,
        firstYearRequest: scored.candidate.firstYearRequest,
        tieWithPrevious: previous && decided && decided.decidedBy !== 'total' ? { applicationId: previous.candidate.applicationId, decidedBy: decided.decidedBy } : null,
      };
    });
    return { focusArea, ranked };
  });
  return { focusAreas, excluded };
}
