// Scores on the scheme's scale with a written justification per criterion (R07: gjennomføringsevne and
// overføringsverdi). Weights, thresholds, the scale and the minimum justification length all come from the
// scheme definition, never from code.
import type { CriterionScore } from '../assessment/schema';
import type { Language, LocalizedText } from '../i18n/localized';
import type { Criterion, CriterionId, SchemeDefinition } from '../scheme/schema';

export type ScoreProblemCode =
  | 'score-missing'
  | 'score-not-integer'
  | 'score-out-of-range'
  | 'justification-missing'
  | 'justification-too-short'
  | 'criterion-unknown'
  | 'criterion-duplicate';

export interface ScoreProblem {
  code: ScoreProblemCode;
  /** Path in the assessment, e.g. "scores[1].justification"; "scores" when a criterion has no entry. */
  field: string;
  criterionId?: string;
  message: LocalizedText;
  /** The message in the language asked for (nb by default). */
  text: string;
}

type Scheme = Pick<SchemeDefinition, 'criteria' | 'scoring'>;

/** Justification length in characters a person sees (code points), ignoring surrounding white space. */
export function justificationLength(justification: string): number {
  return [...justification.trim()].length;
}

function problem(
  code: ScoreProblemCode,
  field: string,
  criterionId: string | undefined,
  message: LocalizedText,
  lang: Language,
): ScoreProblem {
  return { code, field, ...(criterionId === undefined ? {} : { criterionId }), message, text: message[lang] };
}

/** Every problem with the scores, in criterion order; empty when they can be saved as final. */
export function validateScores(scores: readonly CriterionScore[], scheme: Scheme, lang: Language = 'nb'): ScoreProblem[] {
  const problems: ScoreProblem[] = [];
  const { min, max } = scheme.scoring.scale;
  const minLength = scheme.scoring.justificationMinLength;
  const known = new Set<string>(scheme.criteria.map((criterion) => criterion.id));
  const seen = new Set<string>();

  scores.forEach((entry, index) => {
    if (!known.has(entry.criterionId)) {
      problems.push(
        problem('criterion-unknown', `scores[${index}].criterionId`, entry.criterionId, {
          nb: `Kriteriet «${entry.criterionId}» finnes ikke i ordningen.`,
          en: `The criterion "${entry.criterionId}" is not in the scheme.`,
        }, lang),
      );
    } else if (seen.has(entry.criterionId)) {
      problems.push(
        problem('criterion-duplicate', `scores[${index}].criterionId`, entry.criterionId, {
          nb: `Kriteriet «${entry.criterionId}» har mer enn én poengsum.`,
          en: `The criterion "${entry.criterionId}" is scored more than once.`,
        }, lang),
      );
    }
    seen.add(entry.criterionId);
  });

  for (const criterion of scheme.criteria) {
    const index = scores.findIndex((entry) => entry.criterionId === criterion.id);
    const entry = scores[index];
    const name = criterion.title;
    if (!entry || entry.score === null) {
      problems.push(
        problem('score-missing', entry ? `scores[${index}].score` : 'scores', criterion.id, {
          nb: `${name.nb}: gi en poengsum fra ${min} til ${max}.`,
          en: `${name.en}: give a score from ${min} to ${max}.`,
        }, lang),
      );
    } else if (!Number.isInteger(entry.score)) {
      problems.push(
        problem('score-not-integer', `scores[${index}].score`, criterion.id, {
          nb: `${name.nb}: poengsummen må være et helt tall, ikke ${entry.score}.`,
          en: `${name.en}: the score must be a whole number, not ${entry.score}.`,
        }, lang),
      );
    } else if (entry.score < min || entry.score > max) {
      problems.push(
        problem('score-out-of-range', `scores[${index}].score`, criterion.id, {
          nb: `${name.nb}: poengsummen ${entry.score} er utenfor skalaen ${min}–${max}.`,
          en: `${name.en}: the score ${entry.score} is outside the scale ${min}–${max}.`,
        }, lang),
      );
    }

    const length = entry ? justificationLength(entry.justification) : 0;
    const field = entry ? `scores[${index}].justification` : 'scores';
    if (length === 0) {
      problems.push(
        problem('justification-missing', field, criterion.id, {
          nb: `${name.nb}: skriv en begrunnelse (minst ${minLength} tegn).`,
          en: `${name.en}: write a justification (at least ${minLength} characters).`,
        }, lang),
      );
    } else if (length < minLength) {
      problems.push(
        problem('justification-too-short', field, criterion.id, {
          nb: `${name.nb}: begrunnelsen har ${length} tegn; minst ${minLength} kreves.`,
          en: `${name.en}: the justification has ${length} characters; at least ${minLength} are required.`,
        }, lang),
      );
    }
  }
  return problems;
}

function scoreOf(scores: readonly CriterionScore[], criterion: Criterion): number | null {
  return scores.find((entry) => entry.criterionId === criterion.id)?.score ?? null;
}

/**
 * The weighted mean Σ(weight·score)/Σ(weight), on the scheme's own scale (1–7), rounded to 6 decimals so
 * equal totals compare equal. Undefined until every criterion has a score.
 */
export function weightedTotal(scores: readonly CriterionScore[], scheme: Pick<SchemeDefinition, 'criteria'>): number | undefined {
  let weighted = 0;
  let weights = 0;
  for (const criterion of scheme.criteria) {
    const score = scoreOf(scores, criterion);
    if (score === null) return undefined;
    weighted += criterion.weight * score;
    weights += criterion.weight;
  }
  if (weights === 0) return undefined;
  return Math.round((weighted / weights) * 1e6) / 1e6;
}

export interface ThresholdStatus {
  criterionId: CriterionId;
  score: number | null;
  threshold: number;
  status: 'met' | 'not-met' | 'missing';
}

/** Per criterion: is the score at or above the scheme's threshold? */
export function thresholdStatus(scores: readonly CriterionScore[], scheme: Pick<SchemeDefinition, 'criteria'>): ThresholdStatus[] {
  return scheme.criteria.map((criterion) => {
    const score = scoreOf(scores, criterion);
    const status = score === null ? 'missing' : score >= criterion.threshold ? 'met' : 'not-met';
    return { criterionId: criterion.id, score, threshold: criterion.threshold, status };
  });
}

/** True only when every criterion is scored and at or above its threshold. */
export function allThresholdsMet(scores: readonly CriterionScore[], scheme: Pick<SchemeDefinition, 'criteria'>): boolean {
  return thresholdStatus(scores, scheme).every((entry) => entry.status === 'met');
}
