// Warnings shown next to the recommended amount. They never block finalising (validateForFinal does that, and
// it already refuses an amount above the requested total); they tell the assessor what the amount means
// against the pool (R11), the stipend cap (R20 for SO1, R24 for SO2) and the one-year grant (R12).
//
// What the amount means: the recommended amount is for the whole project period, like the requested total it
// is capped by (validateForFinal) and prefilled from (the recommendation form). The scheme grants one year at a
// time, later years "med forbehold om Stortingets bevilgning", so only the first budget year's part draws on
// this year's pool. We do not know how the assessor would split a reduced amount over the years, so the first
// year's part is bounded from above by min(amount, first year's requested grant): a warning then errs towards
// firing. docs/money.md ("The recommended amount") says the same for readers of the data.
import type { Recommendation } from '../assessment/schema';
import type { LocalizedText } from '../i18n/localized';
import { formatKroner as kr } from '../money/kroner';
import type { StipendSummary } from '../money/stipend';
import type { ApplicationPackage, BudgetYear } from '../package/schema';
import type { SchemeDefinition } from '../scheme/schema';

export type RecommendationWarningCode = 'above-pool' | 'stipend-above-grant-share' | 'one-year-at-a-time';

export interface RecommendationWarning {
  code: RecommendationWarningCode;
  /** The scheme rule the warning rests on. */
  ruleId?: `R${number}`;
  /** 'warning': the amount looks wrong; 'info': context the assessor should keep in mind. */
  severity: 'warning' | 'info';
  message: LocalizedText;
}

export interface RecommendationWarningInput {
  application: Pick<ApplicationPackage, 'focusArea' | 'budget'>;
  scheme: Pick<SchemeDefinition, 'focusAreas' | 'budget'>;
  recommendation: Pick<Recommendation, 'decision' | 'amount'>;
  /** SO1/SO2 with a participant list: the computed stipend (shared/money computeStipend). */
  stipend?: Pick<StipendSummary, 'totalGrantShare'>;
}

/** The first budget year: the one this year's pool pays for. undefined for an empty budget. */
function firstYear(budget: readonly BudgetYear[]): BudgetYear | undefined {
  return [...budget].sort((a, b) => a.year - b.year)[0];
}

function poolWarning(input: RecommendationWarningInput, first: BudgetYear): RecommendationWarning | undefined {
  const { application, scheme, recommendation } = input;
  const area = scheme.focusAreas.find((candidate) => candidate.id === application.focusArea);
  const pool = scheme.budget.pools.find((candidate) => candidate.id === area?.poolId);
  if (!pool) return undefined;
  const firstYearPart = Math.min(recommendation.amount, first.requestedGrant);
  if (firstYearPart <= pool.amount) return undefined;
  const areas = pool.focusAreas.join(', ');
  return {
    code: 'above-pool',
    ruleId: 'R11',
    severity: 'warning',
    message: {
      nb:
        `Innstilt beløp for ${first.year} (${kr(firstYearPart, 'nb')}) er høyere enn hele potten «${pool.title.nb}» på ${kr(pool.amount, 'nb')}. ` +
        `Panelet fordeler potten på alle søknadene i satsingsområde ${areas}.`,
      en:
        `The amount recommended for ${first.year} (${kr(firstYearPart, 'en')}) is above the whole pool “${pool.title.en}” of ${kr(pool.amount, 'en')}. ` +
        `The panel allocates the pool across all applications in focus area ${areas}.`,
    },
  };
}

/**
 * SO1/SO2: the stipend part requested beyond the computed grant share (1G per participant-year) cannot be
 * granted, so the amount can be at most the requested total less that excess. Warns only when the recommended
 * amount is above that; the rule itself (R20/R24) reports the excess on the rules tab either way.
 */
function stipendWarning(input: RecommendationWarningInput): RecommendationWarning | undefined {
  const { application, recommendation, stipend } = input;
  if (!stipend || (application.focusArea !== 1 && application.focusArea !== 2)) return undefined;
  const stipendRequested = application.budget.reduce((sum, year) => sum + year.stipendRequested, 0);
  const excess = stipendRequested - stipend.totalGrantShare;
  if (excess <= 0) return undefined;
  const requestedTotal = application.budget.reduce((sum, year) => sum + year.requestedGrant, 0);
  const fundable = Math.max(0, requestedTotal - excess);
  if (recommendation.amount <= fundable) return undefined;
  return {
    code: 'stipend-above-grant-share',
    ruleId: application.focusArea === 1 ? 'R20' : 'R24',
    severity: 'warning',
    message: {
      nb:
        `Søkt deltakerstønad ${kr(stipendRequested, 'nb')} er ${kr(excess, 'nb')} høyere enn tilskuddsandelen ${kr(stipend.totalGrantShare, 'nb')} ` +
        `(inntil 1G per deltaker og år). Det overskytende kan ikke innvilges, så beløpet bør være høyst ${kr(fundable, 'nb')}.`,
      en:
        `The requested participant stipend ${kr(stipendRequested, 'en')} is ${kr(excess, 'en')} above the grant share ${kr(stipend.totalGrantShare, 'en')} ` +
        `(at most 1G per participant-year). The excess cannot be granted, so the amount should be at most ${kr(fundable, 'en')}.`,
    },
  };
}

function oneYearNote(input: RecommendationWarningInput, first: BudgetYear): RecommendationWarning | undefined {
  const years = new Set(input.application.budget.map((year) => year.year)).size;
  if (years < 2) return undefined;
  const firstYearPart = Math.min(input.recommendation.amount, first.requestedGrant);
  return {
    code: 'one-year-at-a-time',
    ruleId: 'R12',
    severity: 'info',
    message: {
      nb:
        `Tilskuddet tildeles for ett år av gangen. Prosjektet går over ${years} budsjettår; for ${first.year} er det søkt om ${kr(first.requestedGrant, 'nb')}. ` +
        `Innstilt beløp gjelder hele perioden, og inntil ${kr(firstYearPart, 'nb')} av det faller på ${first.year}; senere år gis med forbehold om bevilgning.`,
      en:
        `The grant is given one year at a time. The project spans ${years} budget years; for ${first.year} it requests ${kr(first.requestedGrant, 'en')}. ` +
        `The recommended amount covers the whole period, and up to ${kr(firstYearPart, 'en')} of it falls in ${first.year}; later years depend on each year's appropriation.`,
    },
  };
}

/** Warnings for a recommended grant; empty unless the decision is 'grant'. Order: warnings first, then notes. */
export function recommendationWarnings(input: RecommendationWarningInput): RecommendationWarning[] {
  if (input.recommendation.decision !== 'grant') return [];
  const first = firstYear(input.application.budget);
  const out: (RecommendationWarning | undefined)[] = [
    first && poolWarning(input, first),
    stipendWarning(input),
    first && oneYearNote(input, first),
  ];
  return out.filter((warning): warning is RecommendationWarning => warning !== undefined);
}
