// The effective consensus of one application (computed values, overridden by the lead's decisions) and the
// validation of a change the lead asks for (docs/panel.md § Consensus). Pure: the store writes what this returns.
import type { Result } from '../result';
import { err, ok } from '../result';
import type { SchemeDefinition } from '../scheme/schema';
import { centre } from './statistics';
import type { ConsensusChange, ConsensusRecord, CriterionStatistics, EffectiveConsensus, MergedAssessment, RoundSettings } from './types';

export function effectiveConsensus(
  scheme: Pick<SchemeDefinition, 'criteria'>,
  settings: Pick<RoundSettings, 'consensusMethod'>,
  statistics: readonly CriterionStatistics[],
  included: readonly MergedAssessment[],
  record: ConsensusRecord | null,
): EffectiveConsensus {
  const criteria = scheme.criteria.map((criterion) => {
    const stats = statistics.find((entry) => entry.criterionId === criterion.id);
    const computed = centre(stats?.scores.map((entry) => entry.score) ?? [], settings.consensusMethod);
    const decided = record?.criteria.find((entry) => entry.criterionId === criterion.id);
    const value = decided?.source === 'lead' ? decided.score : computed;
    return {
      criterionId: criterion.id,
      value,
      computed,
      source: decided ? decided.source : computed === null ? ('none' as const) : ('computed' as const),
      justification: decided?.justification ?? null,
      meetsThreshold: value === null ? null : value >= criterion.threshold,
    };
  });
  const complete = criteria.every((entry) => entry.value !== null);
  const weightedTotal = complete
    ? scheme.criteria.reduce((sum, criterion) => sum + criterion.weight * (criteria.find((entry) => entry.criterionId === criterion.id)?.value ?? 0), 0)
    : null;
  const verdicts = new Set(included.map((assessment) => assessment.eligibility));
  const agreed = verdicts.size === 1 ? [...verdicts][0] : undefined;
  const eligibility: EffectiveConsensus['eligibility'] = record?.eligibility
    ? { verdict: record.eligibility.verdict, source: 'lead', justification: record.eligibility.justification }
    : agreed === 'eligible' || agreed === 'ineligible'
      ? { verdict: agreed, source: 'computed', justification: null }
      : { verdict: 'unsettled', source: 'none', justification: null };
  // No assessor recommends a grant (all reject): the computed first-year amount is 0.
  // Rounded down to whole kroner (a median of two or a mean can fall between kroner).
  const granted = amountValues(included);
  const computedAmount = included.length === 0 ? null : Math.floor(centre(granted, settings.consensusMethod) ?? 0);
  const amount: EffectiveConsensus['amount'] = record?.amount
    ? { firstYearAmount: record.amount.firstYearAmount, source: 'lead', justification: record.amount.justification }
    : { firstYearAmount: computedAmount, source: computedAmount === null ? 'none' : 'computed', justification: null };
  return { criteria, weightedTotal, meetsEveryThreshold: complete && criteria.every((entry) => entry.meetsThreshold === true), eligibility, amount };
}

function amountValues(included: readonly MergedAssessment[]): number[] {
  return included.filter((a) => a.recommendation.decision === 'grant').map((a) => a.recommendation.firstYearAmount);
}

export interface ConsensusContext {
  scheme: Pick<SchemeDefinition, 'criteria' | 'scoring'>;
  settings: Pick<RoundSettings, 'consensusJustificationMinLength'>;
  /** The application's first-year request; the consensus amount may not exceed it. */
  firstYearRequested: number | null;
  /** Who decides, and when (ISO with offset). */
  by: string;
  at: string;
}

/** The reason a change is refused, in both languages, naming the part that is wrong. */
export interface ConsensusProblem {
  nb: string;
  en: string;
}

function problem(nb: string, en: string): Result<never, ConsensusProblem> {
  return err({ nb, en });
}

/** Applies a change to the stored record (or a blank one). Every part is checked before anything changes. */
export function applyConsensusChange(record: ConsensusRecord | null, change: ConsensusChange, context: ConsensusContext): Result<ConsensusRecord, ConsensusProblem> {
  const { scheme, settings, by, at } = context;
  const min = settings.consensusJustificationMinLength;
  const { min: low, max: high } = scheme.scoring.scale;
  const justified = (text: string): boolean => text.trim().length >= min;
  const next: ConsensusRecord = record
    ? { ...record, criteria: [...record.criteria] }
    : { formatVersion: 1, applicationId: change.applicationId, version: 0, updatedAt: at, criteria: [], eligibility: null, amount: null };
  const parts = (change.criteria?.length ?? 0) + (change.eligibility ? 1 : 0) + (change.amount ? 1 : 0) + (change.acknowledge ? 1 : 0);
  if (parts === 0) {
    return problem(
      'endringen sier ikke hva som skal settes (kriterium, kvalifisering, beløp eller avklaring av et flagg)',
      'the change does not say what to set (criterion, eligibility, amount or a flag to acknowledge)',
    );
  }
  for (const entry of change.criteria ?? []) {
    if (!scheme.criteria.some((criterion) => criterion.id === entry.criterionId)) return problem(`ukjent kriterium «${entry.criterionId}»`, `unknown criterion "${entry.criterionId}"`);
    if (typeof entry.score === 'number' && (entry.score < low || entry.score > high)) {
      return problem(`${entry.criterionId}: poengsummen ${entry.score} er utenfor skalaen ${low}–${high}`, `${entry.criterionId}: the score ${entry.score} is outside the scale ${low}–${high}`);
    }
    if (!justified(entry.justification)) return tooShort(entry.criterionId, min);
    next.criteria = next.criteria.filter((existing) => existing.criterionId !== entry.criterionId);
    if (entry.score !== null) {
      next.criteria.push({
        criterionId: entry.criterionId,
        source: entry.score === 'computed' ? 'computed' : 'lead',
        score: entry.score === 'computed' ? null : entry.score,
        justification: entry.justification.trim(),
        at,
        by,
      });
    }
  }
  next.criteria.sort((a, b) => (a.criterionId < b.criterionId ? -1 : a.criterionId > b.criterionId ? 1 : 0));
  if (change.eligibility) {
    if (!justified(change.eligibility.justification)) return tooShort('eligibility', min);
    const { verdict, justification } = change.eligibility;
    next.eligibility = verdict === null ? null : { verdict, justification: justification.trim(), at, by };
  }
  if (change.amount) {
    const { firstYearAmount, justification } = change.amount;
    if (!justified(justification)) return tooShort('amount', min);
    if (firstYearAmount !== null && context.firstYearRequested !== null && firstYearAmount > context.firstYearRequested) {
      return problem(
        `beløpet ${firstYearAmount} kr er høyere enn det søkte beløpet for første år (${context.firstYearRequested} kr)`,
        `the amount ${firstYearAmount} kr is above the first year's request (${context.firstYearRequested} kr)`,
      );
    }
    next.amount = firstYearAmount === null ? null : { firstYearAmount, justification: justification.trim(), at, by };
  }
  if (change.acknowledge) {
    const { kind, justification } = change.acknowledge;
    if (!justified(justification)) return tooShort(kind, min);
    // One decision per kind: a new one replaces the old (the history keeps both).
    next.acknowledged = [...(next.acknowledged ?? []).filter((entry) => entry.kind !== kind), { kind, justification: justification.trim(), at, by }].sort((a, b) =>
      a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0,
    );
  }
  return ok(next);
}

function tooShort(part: string, min: number): Result<never, ConsensusProblem> {
  return problem(`${part}: begrunnelsen må ha minst ${min} tegn`, `${part}: the justification must have at least ${min} characters`);
}
