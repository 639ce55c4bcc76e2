// Final assessments made to a plan (scores, decision, amount, a conflict of interest, a failed manual rule):
// the demo panel's assessors and the panel tests use them. Every open rule is confirmed with a comment, as an
// assessor does, and the result is checked with the same final check the store runs.
import type { Assessment, Assessor, RuleReview } from '../../../shared/assessment/schema';
import { applyReviews } from '../../../shared/rules/evaluate';
import { validateForFinal } from '../../../shared/scoring/final';
import type { SchemeDefinition } from '../../../shared/scheme/schema';
import type { ApplicationRecord } from '../workspace/applications';

export interface AssessmentPlan {
  feasibility: number | null;
  transferValue: number | null;
  decision: 'grant' | 'reject';
  /** Whole kroner for the whole period; 0 with reject. */
  amount: number;
  /** A declared conflict of interest (forvaltningsloven § 6) with its ground: no scores, reject, 0. */
  conflict?: string;
  /** A manual rule the assessor judges failed (e.g. R04), which makes the application ineligible to them. */
  failRule?: `R${number}`;
  /** Stored version (1 for a first final save). */
  version?: number;
}

const JUSTIFICATION = {
  feasibility: (score: number) =>
    `Gjennomføringsevne ${score}: vurdert ut fra prosjektplan, organisering, forankring i kommunens ledelse og om budsjettet står i forhold til aktivitetene.`,
  transferValue: (score: number) =>
    `Overføringsverdi ${score}: vurdert ut fra hvor godt modellen er beskrevet, om resultatene kan brukes i andre kommuner og hvordan de skal spres.`,
};

export class PlanError extends Error {}

/** A final assessment of `record` by `assessor` following `plan`; throws PlanError if it would not pass the final check. */
export function plannedAssessment(scheme: SchemeDefinition, record: ApplicationRecord, assessor: Assessor, plan: AssessmentPlan, at: string): Assessment {
  const { applicationId } = record.summary;
  const conflict = plan.conflict !== undefined;
  const reviews: RuleReview[] = [];
  if (!conflict && record.evaluation) {
    for (const rule of record.evaluation.rules) {
      const fail = rule.id === plan.failRule;
      if (rule.status !== 'review' && !fail) continue;
      reviews.push({
        ruleId: rule.id,
        action: 'confirm',
        status: fail ? 'fail' : 'pass',
        comment: fail ? `${rule.id} er etter min vurdering ikke oppfylt: søknaden viser det ikke godt nok.` : `${rule.id} er kontrollert mot søknaden og vedleggene og er oppfylt.`,
        at,
      });
    }
  }
  const assessment: Assessment = {
    formatVersion: 1,
    applicationId,
    schemeId: scheme.id,
    assessor,
    status: 'final',
    version: plan.version ?? 1,
    updatedAt: at,
    impartiality: { declared: true, conflict, reason: plan.conflict ?? '', declaredAt: at },
    ruleReviews: reviews,
    scores: scheme.criteria.map((criterion) => {
      const score = conflict ? null : criterion.id === 'feasibility' ? plan.feasibility : plan.transferValue;
      return { criterionId: criterion.id, score, justification: score === null ? '' : JUSTIFICATION[criterion.id](score) };
    }),
    recommendation: {
      decision: conflict ? 'reject' : plan.decision,
      amount: conflict ? 0 : plan.amount,
      comment: conflict ? 'Inhabil; har ikke vurdert søknaden.' : plan.decision === 'grant' ? 'Anbefales innvilget.' : 'Anbefales avslått.',
    },
    finalisedAt: at,
    reopenings: [],
  };
  const verdict = record.evaluation ? applyReviews(record.evaluation, reviews).verdict : 'needs-review';
  const problems = validateForFinal(assessment, scheme, verdict, record.summary.requestedGrant ?? 0);
  if (problems.length > 0) throw new PlanError(`${applicationId} (${assessor.id}): ${problems.map((problem) => problem.message.en).join('; ')}`);
  return assessment;
}
