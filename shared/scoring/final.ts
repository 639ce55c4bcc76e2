// What must hold before an assessment can be marked final. Independent of the rules engine: the caller
// passes the eligibility verdict (after the assessor's rule reviews) and the requested total.
import type { Assessment } from '../assessment/schema';
import type { LocalizedText } from '../i18n/localized';
import { formatKroner as kr } from '../money/kroner';
import type { SchemeDefinition } from '../scheme/schema';
import { validateScores, type ScoreProblemCode } from './scores';

/** The same three values as the rules engine's Verdict, restated so scoring does not depend on it. */
export type EligibilityVerdict = 'eligible' | 'ineligible' | 'needs-review';

export type FinalProblemCode =
  | ScoreProblemCode
  | 'impartiality-missing'
  | 'conflict-reason-missing'
  | 'conflict-has-scores'
  | 'conflict-grant'
  | 'conflict-amount'
  | 'decision-missing'
  | 'checks-open'
  | 'grant-ineligible'
  | 'grant-without-amount'
  | 'reject-with-amount'
  | 'amount-above-requested';

export interface FinalProblem {
  code: FinalProblemCode;
  /** Path in the assessment, e.g. "recommendation.amount". */
  field: string;
  /** For score and justification problems: the criterion, so the UI can link to its field. */
  criterionId?: string;
  message: LocalizedText;
}

/**
 * Problems that block marking the assessment final; empty means it may be finalised.
 * @param verdict the eligibility verdict after the assessor's reviews of manual rules
 * @param requestedTotal the application's total requested grant in whole kroner (sum of budget[].requestedGrant)
 */
export function validateForFinal(
  assessment: Pick<Assessment, 'impartiality' | 'scores' | 'recommendation'>,
  scheme: Pick<SchemeDefinition, 'criteria' | 'scoring'>,
  verdict: EligibilityVerdict,
  requestedTotal: number,
): FinalProblem[] {
  const problems: FinalProblem[] = [];
  const { impartiality, recommendation } = assessment;

  if (impartiality === null) {
    return [
      {
        code: 'impartiality-missing',
        field: 'impartiality',
        message: {
          nb: 'Erklær habilitet (forvaltningsloven § 6) før vurderingen ferdigstilles.',
          en: 'Declare impartiality (Public Administration Act § 6) before finalising the assessment.',
        },
      },
    ];
  }

  if (impartiality.conflict) {
    // A disqualified assessor records only the recusal: no scores, no grant.
    if (impartiality.reason.trim() === '') {
      problems.push({
        code: 'conflict-reason-missing',
        field: 'impartiality.reason',
        message: { nb: 'Oppgi grunnen til inhabiliteten.', en: 'State the ground for the conflict of interest.' },
      });
    }
    assessment.scores.forEach((entry, index) => {
      if (entry.score !== null) {
        problems.push({
          code: 'conflict-has-scores',
          field: `scores[${index}].score`,
          message: {
            nb: 'Du er inhabil og kan ikke gi poeng; fjern poengsummen.',
            en: 'You are disqualified and cannot score; remove the score.',
          },
        });
      }
    });
    if (recommendation.decision === 'grant') {
      problems.push({
        code: 'conflict-grant',
        field: 'recommendation.decision',
        message: { nb: 'En inhabil vurderer kan ikke innstille på tilskudd.', en: 'A disqualified assessor cannot recommend a grant.' },
      });
    }
    if (recommendation.amount > 0) {
      problems.push({
        code: 'conflict-amount',
        field: 'recommendation.amount',
        message: { nb: 'En inhabil vurderer kan ikke foreslå beløp.', en: 'A disqualified assessor cannot recommend an amount.' },
      });
    }
    return problems;
  }

  for (const scoreProblem of validateScores(assessment.scores, scheme)) {
    problems.push({ code: scoreProblem.code, field: scoreProblem.field, message: scoreProblem.message, ...(scoreProblem.criterionId ? { criterionId: scoreProblem.criterionId } : {}) });
  }

  if (verdict === 'needs-review') {
    problems.push({
      code: 'checks-open',
      field: 'ruleReviews',
      message: {
        nb: 'Noen krav må fortsatt bekreftes av saksbehandler før vurderingen ferdigstilles.',
        en: 'Some requirements still need the assessor\'s confirmation before the assessment is finalised.',
      },
    });
  }

  switch (recommendation.decision) {
    case 'undecided':
      problems.push({
        code: 'decision-missing',
        field: 'recommendation.decision',
        message: { nb: 'Velg innstilling: tilskudd eller avslag.', en: 'Choose a recommendation: grant or reject.' },
      });
      break;
    case 'grant':
      if (verdict === 'ineligible') {
        problems.push({
          code: 'grant-ineligible',
          field: 'recommendation.decision',
          message: {
            nb: 'Søknaden oppfyller ikke et absolutt krav og kan ikke innstilles til tilskudd.',
            en: 'The application fails a formal requirement and cannot be recommended for a grant.',
          },
        });
      }
      if (recommendation.amount <= 0) {
        problems.push({
          code: 'grant-without-amount',
          field: 'recommendation.amount',
          message: { nb: 'Oppgi beløpet du innstiller på.', en: 'Enter the amount you recommend.' },
        });
      }
      break;
    case 'reject':
      if (recommendation.amount > 0) {
        problems.push({
          code: 'reject-with-amount',
          field: 'recommendation.amount',
          message: { nb: 'Ved avslag skal beløpet være 0 kr.', en: 'A rejection recommends 0 NOK.' },
        });
      }
      break;
  }

  if (recommendation.amount > requestedTotal) {
    problems.push({
      code: 'amount-above-requested',
      field: 'recommendation.amount',
      message: {
        nb: `Foreslått beløp ${kr(recommendation.amount, 'nb')} er høyere enn omsøkt ${kr(requestedTotal, 'nb')}.`,
        en: `The recommended amount ${kr(recommendation.amount, 'en')} is above the requested ${kr(requestedTotal, 'en')}.`,
      },
    });
  }
  return problems;
}
