// The renderer's door to the domain code in shared/. Components call these; no rule logic lives in the UI.
import type { Assessment, RuleReview } from '../../shared/assessment/schema';
import type { SchemeDefinition } from '../../shared/scheme/schema';
import { applyReviews } from '../../shared/rules/evaluate';
import type { Evaluation } from '../../shared/rules/types';
import { thresholdStatus, weightedTotal } from '../../shared/scoring/scores';
import type { ThresholdStatus } from '../../shared/scoring/scores';
import { validateForFinal } from '../../shared/scoring/final';
import type { FinalProblem } from '../../shared/scoring/final';
import { recommendationWarnings } from '../../shared/scoring/recommendation';
import type { RecommendationWarning } from '../../shared/scoring/recommendation';
import { firstUnfinishedStep, stepStates } from '../../shared/assessment/progress';
import type { AssessmentStep, StepInput, StepState } from '../../shared/assessment/progress';
import type { ApplicationDetail } from './store/types';

export type { FinalProblem, RecommendationWarning };

export type EvaluationView = NonNullable<ApplicationDetail['evaluation']>;
export type RuleResultView = EvaluationView['rules'][number];

export type EffectiveRule = RuleResultView;

/**
 * The evaluation after the assessor's current (maybe unsaved) reviews, by shared/rules applyReviews. Each rule is
 * reset to its automatic result first, so a review the assessor just removed no longer counts.
 */
export function effectiveEvaluation(evaluation: EvaluationView, reviews: readonly RuleReview[]): EvaluationView {
  const automatic = evaluation.rules.map(({ review: _review, ...rule }) => ({ ...rule, status: rule.autoStatus, reason: rule.autoReason }));
  // The view is the zod output of the contract's evaluation schema; the engine's Evaluation is the same data with
  // narrower literal types (rule ids `R${number}`, focus area 1–6), which the backend produced in the first place.
  const base = { ...evaluation, rules: automatic } as unknown as Evaluation;
  return applyReviews(base, reviews) as unknown as EvaluationView;
}

export interface ScoreSummary {
  /** Weighted mean of the scores on the scheme's scale; undefined until every criterion has a score. */
  weightedTotal: number | undefined;
  thresholds: ThresholdStatus[];
}

/** Live total and threshold status, computed by shared/scoring. */
export function scoreSummary(scores: Assessment['scores'], scheme: SchemeDefinition): ScoreSummary {
  return { weightedTotal: weightedTotal(scores, scheme), thresholds: thresholdStatus(scores, scheme) };
}

export function requestedTotal(detail: ApplicationDetail): number {
  return detail.package.budget.reduce((sum, year) => sum + year.requestedGrant, 0);
}

export type StipendView = NonNullable<EvaluationView['stipend']>;

/** SO1/SO2: the stipend the rules engine computed with shared/money computeStipend (part of the evaluation). */
export function stipendOf(detail: ApplicationDetail): StipendView | undefined {
  return detail.evaluation?.stipend;
}

/** Pool, stipend and one-year warnings for the recommended amount (shared/scoring recommendationWarnings). */
export function warningsForRecommendation(
  detail: ApplicationDetail,
  scheme: SchemeDefinition,
  recommendation: Assessment['recommendation'],
): RecommendationWarning[] {
  return recommendationWarnings({ application: detail.package, scheme, recommendation, stipend: stipendOf(detail) });
}

/** What blocks marking the assessment final (shared/scoring validateForFinal). Without an evaluation the formal
 * check is treated as open, so an application the rules engine never saw cannot be finalised as eligible. */
export function problemsForFinal(
  assessment: Assessment,
  scheme: SchemeDefinition,
  detail: ApplicationDetail,
  verdict: EvaluationView['verdict'] | null,
): FinalProblem[] {
  return validateForFinal(assessment, scheme, verdict ?? 'needs-review', requestedTotal(detail));
}

/** Rules still waiting for the assessor after the current reviews. */
export function openChecks(detail: ApplicationDetail, reviews: readonly RuleReview[]): number {
  if (!detail.evaluation) return 0;
  return effectiveEvaluation(detail.evaluation, reviews).rules.filter((rule) => rule.status === 'review').length;
}

/** The input of shared/assessment/progress for one open application. */
export function stepInput(detail: ApplicationDetail, assessment: Assessment, scheme: SchemeDefinition): StepInput {
  const verdict = detail.evaluation ? effectiveEvaluation(detail.evaluation, assessment.ruleReviews).verdict : null;
  return { assessment, scheme, verdict, openChecks: openChecks(detail, assessment.ruleReviews), requestedTotal: requestedTotal(detail) };
}

/** Per step: done, open or locked (shared/assessment/progress stepStates). */
export function stepsOf(detail: ApplicationDetail, assessment: Assessment, scheme: SchemeDefinition): Record<AssessmentStep, StepState> {
  return stepStates(stepInput(detail, assessment, scheme));
}

/** The step an application opens on from the queue (shared/assessment/progress firstUnfinishedStep). */
export function resumeStep(detail: ApplicationDetail, assessment: Assessment, scheme: SchemeDefinition): AssessmentStep {
  return firstUnfinishedStep(stepInput(detail, assessment, scheme));
}
