// Allocation of the scheme's pools in rank order (issue #9.7, DESIGN.md §7). Only the first year is granted
// (the grant is given one year at a time); later years become commitments subject to the Storting's budget.
// Integer kroner throughout: for every pool allocated + left + released out = amount + released in, and the
// sum over pools never exceeds the scheme's total.
import type { LocalizedText } from '../i18n/localized';
import type { Result } from '../result';
import { err, ok } from '../result';
import type { BudgetPool, SchemeDefinition } from '../scheme/schema';

/** What happens to the next application in rank order when its first-year amount does not fit. */
export type NoFitPolicy = 'skip' | 'offer-remainder';
export const NO_FIT_POLICIES: readonly NoFitPolicy[] = ['skip', 'offer-remainder'];

export interface AllocationRequest {
  applicationId: string;
  focusArea: number;
  /** Global rank order (RankedApplication.meritOrder): lower is served first within a pool. */
  meritOrder: number;
  /** Consensus amount for the first year, whole kroner. */
  firstYear: number;
  /** Consensus amounts for the later years, in year order, whole kroner. */
  laterYears: readonly number[];
}

export interface AllocationSettings {
  noFit: NoFitPolicy;
  /** Reserved pools whose unused funds the lead releases to the shared pool (e.g. ['so1', 'so5']). */
  releaseReserve: readonly string[];
}

/** The wording the scheme text uses for later years; shown next to every commitment. */
export const STORTING_RESERVATION = 'med forbehold om Stortingets bevilgning';

export type AllocationOutcome =
  /** The whole first-year amount. */
  | 'granted'
  /** Did not fit; offered what was left in the pool (offer-remainder). */
  | 'partial'
  /** Did not fit and was passed over; a later, smaller one may still fit (skip). */
  | 'skipped'
  /** The pool (or the total) was already empty when its turn came. */
  | 'pool-empty'
  /** A first-year amount of 0: nothing to allocate. */
  | 'no-amount';

export interface Commitment {
  year: number;
  amount: number;
  reservation: typeof STORTING_RESERVATION;
}

export interface AllocationLine {
  applicationId: string;
  focusArea: number;
  poolId: string;
  requested: number;
  granted: number;
  outcome: AllocationOutcome;
  /** What was left (in the pool, bounded by the total) when this application's turn came. */
  availableBefore: number;
  /** Later years, only for a granted or partial line. */
  commitments: Commitment[];
}

export interface PoolAllocation {
  poolId: string;
  reserved: boolean;
  /** The pool's amount in the scheme file. */
  amount: number;
  /** Released reserves added to this pool. */
  releasedIn: number;
  /** Unused funds of this (reserved) pool moved to the shared pool. */
  releasedOut: number;
  allocated: number;
  left: number;
}

export interface ReserveRelease {
  fromPoolId: string;
  toPoolId: string;
  amount: number;
}

export interface AllocationResult {
  noFit: NoFitPolicy;
  budgetTotal: number;
  totalAllocated: number;
  pools: PoolAllocation[];
  /** Per pool in the scheme's pool order, each pool's lines in rank order. */
  lines: AllocationLine[];
  releases: ReserveRelease[];
  /** Applications whose grant differs because of the releases (empty without releases). */
  releaseEffect: { applicationId: string; withoutRelease: number; withRelease: number }[];
}

export type AllocationError =
  | { code: 'unknown-pool'; poolId: string }
  | { code: 'pool-not-reserved'; poolId: string }
  | { code: 'no-shared-pool' }
  | { code: 'several-shared-pools'; poolIds: string[] }
  | { code: 'focus-area-without-pool'; focusArea: number; applicationId: string }
  | { code: 'bad-amount'; applicationId: string; amount: number };

export function describeAllocationError(error: AllocationError): LocalizedText {
  switch (error.code) {
    case 'unknown-pool':
      return { nb: `Potten «${error.poolId}» finnes ikke i ordningen.`, en: `The pool "${error.poolId}" does not exist in the scheme.` };
    case 'pool-not-reserved':
      return { nb: `Potten «${error.poolId}» er ikke reservert og kan ikke frigis.`, en: `The pool "${error.poolId}" is not reserved and cannot be released.` };
    case 'no-shared-pool':
      return { nb: 'Ordningen har ingen felles pott å frigi reserverte midler til.', en: 'The scheme has no shared pool to release reserved funds to.' };
    case 'several-shared-pools':
      return { nb: `Ordningen har flere felles potter (${error.poolIds.join(', ')}); frigitte midler har ikke ett mål.`, en: `The scheme has several shared pools (${error.poolIds.join(', ')}); released funds have no single target.` };
    case 'focus-area-without-pool':
      return { nb: `Søknad ${error.applicationId}: satsingsområde ${error.focusArea} hører ikke til noen pott.`, en: `Application ${error.applicationId}: focus area ${error.focusArea} belongs to no pool.` };
    case 'bad-amount':
      return { nb: `Søknad ${error.applicationId}: beløpet ${error.amount} er ikke hele kroner ≥ 0.`, en: `Application ${error.applicationId}: the amount ${error.amount} is not whole kroner ≥ 0.` };
  }
}

type Budget = SchemeDefinition['budget'];

function isKroner(amount: number): boolean {
  return Number.isSafeInteger(amount) && amount >= 0;
}

function validate(requests: readonly AllocationRequest[], budget: Budget, settings: AllocationSettings): AllocationError | null {
  for (const poolId of settings.releaseReserve) {
    const pool = budget.pools.find((candidate) => candidate.id === poolId);
    if (!pool) return { code: 'unknown-pool', poolId };
    if (!pool.reserved) return { code: 'pool-not-reserved', poolId };
  }
  if (settings.releaseReserve.length > 0) {
    const shared = budget.pools.filter((pool) => !pool.reserved);
    if (shared.length === 0) return { code: 'no-shared-pool' };
    if (shared.length > 1) return { code: 'several-shared-pools', poolIds: shared.map((pool) => pool.id) };
  }
  for (const request of requests) {
    if (!budget.pools.some((pool) => pool.focusAreas.includes(request.focusArea))) {
      return { code: 'focus-area-without-pool', focusArea: request.focusArea, applicationId: request.applicationId };
    }
    const bad = [request.firstYear, ...request.laterYears].find((amount) => !isKroner(amount));
    if (bad !== undefined) return { code: 'bad-amount', applicationId: request.applicationId, amount: bad };
  }
  return null;
}

function byMerit(a: AllocationRequest, b: AllocationRequest): number {
  return a.meritOrder - b.meritOrder || (a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0);
}

interface Fill {
  lines: AllocationLine[];
  allocated: number;
}

/** Fills one pool in rank order with at most `available` kroner (the pool, bounded by what the total has left). */
function fillPool(pool: BudgetPool, requests: readonly AllocationRequest[], available: number, noFit: NoFitPolicy, year: number): Fill {
  let left = available;
  const lines: AllocationLine[] = [];
  for (const request of requests) {
    const before = left;
    let granted = 0;
    let outcome: AllocationOutcome;
    if (request.firstYear === 0) outcome = 'no-amount';
    else if (left === 0) outcome = 'pool-empty';
    else if (request.firstYear <= left) {
      granted = request.firstYear;
      outcome = 'granted';
    } else {
      switch (noFit) {
        case 'skip':
          outcome = 'skipped';
          break;
        case 'offer-remainder':
          granted = left;
          outcome = 'partial';
          break;
      }
    }
    left -= granted;
    const commitments: Commitment[] = granted > 0 ? request.laterYears.map((amount, index) => ({ year: year + index + 1, amount, reservation: STORTING_RESERVATION })) : [];
    lines.push({ applicationId: request.applicationId, focusArea: request.focusArea, poolId: pool.id, requested: request.firstYear, granted, outcome, availableBefore: before, commitments });
  }
  return { lines, allocated: available - left };
}

/** Reserved pools first (they may release into the shared pool), then the others, each in scheme order. */
function run(requests: readonly AllocationRequest[], budget: Budget, settings: AllocationSettings, year: number): Omit<AllocationResult, 'releaseEffect'> {
  const release = new Set(settings.releaseReserve);
  const sharedPool = budget.pools.find((pool) => !pool.reserved);
  const order = [...budget.pools.filter((pool) => pool.reserved), ...budget.pools.filter((pool) => !pool.reserved)];
  let totalLeft = budget.total;
  const results = new Map<string, PoolAllocation>();
  const lines = new Map<string, AllocationLine[]>();
  const releases: ReserveRelease[] = [];
  for (const pool of order) {
    const releasedIn = pool === sharedPool ? releases.reduce((sum, moved) => sum + moved.amount, 0) : 0;
    const available = Math.min(pool.amount + releasedIn, totalLeft);
    // A focus area listed in two pools draws from the first that names it (the scheme file should not do that).
    const inPool = requests.filter((request) => budget.pools.find((candidate) => candidate.focusAreas.includes(request.focusArea)) === pool).sort(byMerit);
    const fill = fillPool(pool, inPool, available, settings.noFit, year);
    totalLeft -= fill.allocated;
    let left = pool.amount + releasedIn - fill.allocated;
    let releasedOut = 0;
    if (pool.reserved && release.has(pool.id) && sharedPool && left > 0) {
      releasedOut = left;
      left = 0;
      releases.push({ fromPoolId: pool.id, toPoolId: sharedPool.id, amount: releasedOut });
    }
    results.set(pool.id, { poolId: pool.id, reserved: pool.reserved, amount: pool.amount, releasedIn, releasedOut, allocated: fill.allocated, left });
    lines.set(pool.id, fill.lines);
  }
  return {
    noFit: settings.noFit,
    budgetTotal: budget.total,
    totalAllocated: budget.total - totalLeft,
    pools: budget.pools.flatMap((pool) => results.get(pool.id) ?? []),
    lines: budget.pools.flatMap((pool) => lines.get(pool.id) ?? []),
    releases,
  };
}

/**
 * Allocates the first-year amounts of ranked applications. `year` is the scheme's year (commitments are for the
 * years after it). With releases, the result also shows which grants changed because of them.
 */
export function allocate(
  requests: readonly AllocationRequest[],
  scheme: Pick<SchemeDefinition, 'budget' | 'year'>,
  settings: AllocationSettings,
): Result<AllocationResult, AllocationError> {
  const problem = validate(requests, scheme.budget, settings);
  if (problem) return err(problem);
  const withRelease = run(requests, scheme.budget, settings, scheme.year);
  if (settings.releaseReserve.length === 0) return ok({ ...withRelease, releaseEffect: [] });
  const without = run(requests, scheme.budget, { ...settings, releaseReserve: [] }, scheme.year);
  const before = new Map(without.lines.map((line) => [line.applicationId, line.granted]));
  const releaseEffect = withRelease.lines
    .filter((line) => (before.get(line.applicationId) ?? 0) !== line.granted)
    .map((line) => ({ applicationId: line.applicationId, withoutRelease: before.get(line.applicationId) ?? 0, withRelease: line.granted }));
  return ok({ ...withRelease, releaseEffect });
}
