// Evaluating an application against the catalogue, and applying the assessor's reviews on top.
import type { RuleReview } from '../assessment/schema';
import type { LocalizedText } from '../i18n/localized';
import type { FocusAreaNumber } from '../package/schema';
import { computeStipend, MissingGrunnbelopError, type StipendSummary } from '../money/stipend';
import { findRule, ruleCatalogue } from './catalogue';
import { missingData, text } from './outcome';
import type { Evaluation, IgnoredReview, RuleContext, RuleDefinition, RuleOutcome, RuleResult, Verdict } from './types';

export function appliesTo(rule: RuleDefinition, focusArea: FocusAreaNumber): boolean {
  return rule.focusAreas === 'all' || rule.focusAreas.includes(focusArea);
}

function outcomeOf(rule: RuleDefinition, context: RuleContext): RuleOutcome {
  if (!appliesTo(rule, context.application.focusArea as FocusAreaNumber)) {
    return {
      status: 'not-applicable',
      reason: text(
        `Gjelder ikke satsingsområde ${context.application.focusArea}.`,
        `Does not apply to focus area ${context.application.focusArea}.`,
      ),
    };
  }
  try {
    return rule.evaluate(context);
  } catch (error) {
    // A defect in one evaluator must not hide the other 40 results: the assessor sees it and checks by hand.
    const message = error instanceof Error ? error.message : String(error);
    return {
      status: 'review',
      reason: text(`Regelen kunne ikke vurderes automatisk (${message}); kontroller manuelt.`, `The rule could not be evaluated automatically (${message}); check it by hand.`),
    };
  }
}

export function evaluateRule(rule: RuleDefinition, context: RuleContext): RuleResult {
  const outcome = outcomeOf(rule, context);
  return {
    id: rule.id,
    title: rule.title,
    severity: rule.severity,
    kind: rule.kind,
    schemeText: rule.schemeText,
    status: outcome.status,
    reason: outcome.reason,
    autoStatus: outcome.status,
    autoReason: outcome.reason,
  };
}

/** Only reject-severity rules decide the verdict; priority and info rules inform the scoring. */
export function verdictOf(rules: readonly Pick<RuleResult, 'severity' | 'status'>[]): Verdict {
  const reject = rules.filter((rule) => rule.severity === 'reject');
  if (reject.some((rule) => rule.status === 'fail')) return 'ineligible';
  if (reject.some((rule) => rule.status === 'review')) return 'needs-review';
  return 'eligible';
}

function stipendOrUndefined(context: RuleContext): StipendSummary | undefined {
  try {
    return computeStipend(context.application, context.scheme);
  } catch (error) {
    // R20/R24 already report this to the assessor as a review; the summary is just left out.
    if (error instanceof MissingGrunnbelopError) return undefined;
    throw error;
  }
}

export function evaluateApplication(context: RuleContext): Evaluation {
  const rules = ruleCatalogue.map((rule) => evaluateRule(rule, context));
  const { application } = context;
  const evaluation: Evaluation = {
    applicationId: application.applicationId,
    schemeId: context.scheme.id,
    focusArea: application.focusArea as FocusAreaNumber,
    verdict: verdictOf(rules),
    rules,
  };
  // The stipend is computed from the participant list; a placeholder list from an export would give a false sum.
  const stipend = missingData(context, ['participants.list', 'project.startDate', 'project.endDate']) ? undefined : stipendOrUndefined(context);
  if (stipend !== undefined) evaluation.stipend = stipend;
  return evaluation;
}

/** Why a review cannot be applied to this result, or undefined when it can. */
function refusal(result: RuleResult | undefined, review: RuleReview, focusArea: FocusAreaNumber): LocalizedText | undefined {
  const rule = findRule(review.ruleId);
  if (result === undefined || rule === undefined) return text(`Ukjent regel ${review.ruleId}.`, `Unknown rule ${review.ruleId}.`);
  if (!appliesTo(rule, focusArea)) {
    return text(`${review.ruleId} gjelder ikke dette satsingsområdet.`, `${review.ruleId} does not apply to this focus area.`);
  }
  if (review.comment.trim().length === 0) {
    return text(`Vurderingen av ${review.ruleId} mangler begrunnelse.`, `The review of ${review.ruleId} has no comment.`);
  }
  switch (review.action) {
    case 'override':
      if (result.kind === 'auto-override') return undefined;
      return result.kind === 'manual'
        ? text(`${review.ruleId} er en manuell regel; bruk bekreft, ikke overstyr.`, `${review.ruleId} is a manual rule; confirm it, do not override.`)
        : text(`${review.ruleId} avgjøres automatisk og kan ikke overstyres.`, `${review.ruleId} is decided automatically and cannot be overridden.`);
    case 'confirm':
      // An automatic result can be confirmed as it is; when automation could not decide (review), the assessor decides.
      if (result.kind === 'manual' || result.autoStatus === 'review' || review.status === result.autoStatus) return undefined;
      return result.kind === 'auto-override'
        ? text(
            `Bekreftelsen av ${review.ruleId} endrer det automatiske resultatet; bruk overstyr med begrunnelse.`,
            `The confirmation of ${review.ruleId} changes the automatic result; use override with a reason.`,
          )
        : text(
            `${review.ruleId} avgjøres automatisk; resultatet «${result.autoStatus}» kan ikke endres.`,
            `${review.ruleId} is decided automatically; the result "${result.autoStatus}" cannot be changed.`,
          );
  }
}

/**
 * The effective results after the assessor's reviews, oldest first so the latest valid review of a rule wins.
 * The automatic status and reason stay in `autoStatus`/`autoReason` for the audit trail; refused reviews are
 * listed in `ignoredReviews` so the UI can tell the assessor.
 */
export function applyReviews(evaluation: Evaluation, reviews: readonly RuleReview[]): Evaluation {
  const byId = new Map(evaluation.rules.map((rule) => [rule.id as string, { ...rule }]));
  const ordered = reviews
    .map((review, index) => ({ review, index }))
    .sort((a, b) => Date.parse(a.review.at) - Date.parse(b.review.at) || a.index - b.index)
    .map(({ review }) => review);
  const ignoredReviews: IgnoredReview[] = [];
  for (const review of ordered) {
    const result = byId.get(review.ruleId);
    const refused = refusal(result, review, evaluation.focusArea);
    if (result === undefined || refused !== undefined) {
      ignoredReviews.push({ ruleId: review.ruleId, at: review.at, reason: refused ?? text('Ukjent regel.', 'Unknown rule.') });
      continue;
    }
    const comment = review.comment.trim();
    result.status = review.status;
    result.reason = text(`Saksbehandler: ${comment}`, `Assessor: ${comment}`);
    result.review = { action: review.action, status: review.status, comment, at: review.at };
  }
  const rules = evaluation.rules.map((rule) => byId.get(rule.id) ?? rule);
  return { ...evaluation, rules, verdict: verdictOf(rules), ignoredReviews };
}
