// The renderer's door to the domain code in shared/. Components call these; no rule logic lives in the UI.
import type { Assessment, RuleReview } from '../../shared/assessment/schema';
import type { SchemeDefinition } from '../../shared/scheme/schema';
import { getBuiltInScheme } from '../../shared/scheme/load';
import { applyReviews } from '../../shared/rules/evaluate';
import type { Evaluation } from '../../shared/rules/types';
import type { ApplicationDetail } from './store/types';

export type EvaluationView = NonNullable<ApplicationDetail['evaluation']>;
export type RuleResultView = EvaluationView['rules'][number];

export function schemeOf(schemeId: string): SchemeDefinition | undefined {
  return getBuiltInScheme(schemeId);
}

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
  /** Weighted mean of the scores on the scheme's scale; null until every criterion has a score. */
  weightedTotal: number | null;
  thresholds: { criterionId: string; score: number | null; threshold: number; passed: boolean | null }[];
}

// TEMPORARY until shared/scoring lands (weightedTotal, thresholdStatus).
export function scoreSummary(scores: Assessment['scores'], scheme: SchemeDefinition): ScoreSummary {
  const thresholds = scheme.criteria.map((criterion) => {
    const score = scores.find((candidate) => candidate.criterionId === criterion.id)?.score ?? null;
    return { criterionId: criterion.id, score, threshold: criterion.threshold, passed: score === null ? null : score >= criterion.threshold };
  });
  const weights = scheme.criteria.reduce((sum, criterion) => sum + criterion.weight, 0);
  const complete = thresholds.every((entry) => entry.score !== null);
  const weightedTotal = complete
    ? scheme.criteria.reduce((sum, criterion, index) => sum + criterion.weight * (thresholds[index]?.score ?? 0), 0) / weights
    : null;
  return { weightedTotal, thresholds };
}

export function requestedTotal(detail: ApplicationDetail): number {
  return detail.package.budget.reduce((sum, year) => sum + year.requestedGrant, 0);
}

export type StipendView = NonNullable<EvaluationView['stipend']>;

/** SO1/SO2: the stipend the rules engine computed with shared/money computeStipend (part of the evaluation). */
export function stipendOf(detail: ApplicationDetail): StipendView | undefined {
  return detail.evaluation?.stipend;
}

export interface FinalProblem {
  code: string;
  field: string;
  message: { nb: string; en: string };
}

// TEMPORARY until shared/scoring validateForFinal lands.
export function problemsForFinal(assessment: Assessment, scheme: SchemeDefinition, detail: ApplicationDetail, verdict: EvaluationView['verdict'] | null): FinalProblem[] {
  const problems: FinalProblem[] = [];
  const impartiality = assessment.impartiality;
  if (!impartiality) problems.push({ code: 'impartiality.missing', field: 'impartiality', message: { nb: 'Habilitet er ikke erklært.', en: 'Impartiality is not declared.' } });
  const conflict = impartiality?.conflict === true;
  if (!conflict) {
    for (const criterion of scheme.criteria) {
      const score = assessment.scores.find((candidate) => candidate.criterionId === criterion.id);
      if (!score || score.score === null) {
        problems.push({ code: 'score.missing', field: `scores.${criterion.id}`, message: { nb: `Mangler poeng for ${criterion.title.nb}.`, en: `No score for ${criterion.title.en}.` } });
      }
      if (!score || score.justification.trim().length < scheme.scoring.justificationMinLength) {
        problems.push({
          code: 'justification.short',
          field: `scores.${criterion.id}.justification`,
          message: {
            nb: `Begrunnelsen for ${criterion.title.nb} må ha minst ${scheme.scoring.justificationMinLength} tegn.`,
            en: `The justification for ${criterion.title.en} needs at least ${scheme.scoring.justificationMinLength} characters.`,
          },
        });
      }
    }
    if (assessment.recommendation.decision === 'undecided') {
      problems.push({ code: 'decision.missing', field: 'recommendation.decision', message: { nb: 'Velg anbefalt vedtak.', en: 'Choose a recommended decision.' } });
    }
  }
  if (assessment.recommendation.amount > requestedTotal(detail)) {
    problems.push({ code: 'amount.above-requested', field: 'recommendation.amount', message: { nb: 'Beløpet er høyere enn omsøkt.', en: 'The amount is above the requested amount.' } });
  }
  if (verdict === 'needs-review') {
    problems.push({ code: 'formal.open', field: 'ruleReviews', message: { nb: 'Formell kontroll har regler som ikke er avklart.', en: 'The formal check has undecided rules.' } });
  }
  return problems;
}
