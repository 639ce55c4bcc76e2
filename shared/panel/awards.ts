// Award-list checks (issue #9.8, DESIGN.md §7): run on any list (CSV/XLSX, `vurder awards check`) and on the
// panel's own allocation before any export. Every check is listed in docs/panel.md § Award-list checks.
import type { LocalizedText } from '../i18n/localized';
import type { SchemeDefinition } from '../scheme/schema';
import type { ApplicantMatch } from './award-applicant';
import { matchApplicant } from './award-applicant';

export interface AwardRow {
  /** Line (CSV) or row (XLSX) number in the file, the header being 1; the position for lists made in memory. */
  line: number;
  focusArea: number;
  applicant: string;
  projectTitle: string;
  /** Whole kroner. */
  amount: number;
}

/** An amount below median ÷ OUTLIER_FACTOR or above median × OUTLIER_FACTOR of its focus area is flagged. */
export const OUTLIER_FACTOR = 10;
/** With fewer amounts in a focus area the median says too little to call anything far from it. */
export const OUTLIER_MIN_ROWS = 3;

export type AwardProblem =
  | { kind: 'duplicate'; lines: number[]; applicant: string; projectTitle: string }
  | { kind: 'amount-outlier'; line: number; focusArea: number; amount: number; median: number; direction: 'below' | 'above' }
  | { kind: 'pool-exceeded'; poolId: string; used: number; available: number; over: number; withRelease: boolean }
  | { kind: 'total-exceeded'; used: number; total: number; over: number }
  | { kind: 'unknown-applicant'; line: number; applicant: string; reason: 'no-municipality-name' | 'not-a-municipality' }
  | { kind: 'focus-area-without-pool'; line: number; focusArea: number };

export interface PoolUse {
  poolId: string;
  /** The pool's title in the scheme file ("Forbeholdt satsingsområde 1"). */
  title: LocalizedText;
  reserved: boolean;
  amount: number;
  used: number;
  /** amount − used; negative when exceeded. */
  left: number;
  /** For the shared pool: its amount plus every reserved pool's unused funds, as if the lead released them all. */
  availableWithRelease: number;
}

export interface AwardSums {
  byFocusArea: { focusArea: number; rows: number; amount: number }[];
  byPool: PoolUse[];
  total: number;
  budget: number;
}

export interface AwardCheck {
  problems: AwardProblem[];
  sums: AwardSums;
}

export type ApplicantMatcher = (applicant: string) => ApplicantMatch;

function key(text: string): string {
  return text.toLocaleLowerCase('nb-NO').replace(/\s+/g, ' ').trim();
}

function duplicates(rows: readonly AwardRow[]): AwardProblem[] {
  const groups = new Map<string, AwardRow[]>();
  for (const row of rows) {
    const id = `${key(row.applicant)}\u0000${key(row.projectTitle)}`;
    groups.set(id, [...(groups.get(id) ?? []), row]);
  }
  return [...groups.values()]
    .filter((group) => group.length > 1)
    .map((group) => ({ kind: 'duplicate', lines: group.map((row) => row.line), applicant: group[0]?.applicant ?? '', projectTitle: group[0]?.projectTitle ?? '' }));
}

/** Twice the median, so it stays a whole number when the median falls between two amounts. */
function doubledMedian(amounts: readonly number[]): number {
  const sorted = [...amounts].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? 2 * (sorted[middle] ?? 0) : (sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0);
}

function outliers(rows: readonly AwardRow[], areas: readonly number[]): AwardProblem[] {
  const problems: AwardProblem[] = [];
  for (const focusArea of areas) {
    const inArea = rows.filter((row) => row.focusArea === focusArea);
    if (inArea.length < OUTLIER_MIN_ROWS) continue;
    const twiceMedian = doubledMedian(inArea.map((row) => row.amount));
    for (const row of inArea) {
      // amount < median / F  ⇔  2·amount·F < 2·median;  amount > median · F  ⇔  2·amount > 2·median·F (integers only).
      const direction = 2 * row.amount * OUTLIER_FACTOR < twiceMedian ? 'below' : 2 * row.amount > twiceMedian * OUTLIER_FACTOR ? 'above' : null;
      if (direction) problems.push({ kind: 'amount-outlier', line: row.line, focusArea, amount: row.amount, median: twiceMedian / 2, direction });
    }
  }
  return problems;
}

function poolUse(rows: readonly AwardRow[], budget: SchemeDefinition['budget']): PoolUse[] {
  const used = budget.pools.map((pool) => rows.filter((row) => pool.focusAreas.includes(row.focusArea)).reduce((sum, row) => sum + row.amount, 0));
  const releasable = budget.pools.reduce((sum, pool, index) => (pool.reserved ? sum + Math.max(0, pool.amount - (used[index] ?? 0)) : sum), 0);
  const sharedCount = budget.pools.filter((pool) => !pool.reserved).length;
  return budget.pools.map((pool, index) => {
    const poolUsed = used[index] ?? 0;
    // Released reserves go to the shared pool only when there is exactly one (as in allocation.ts).
    const withRelease = !pool.reserved && sharedCount === 1 ? pool.amount + releasable : pool.amount;
    return { poolId: pool.id, title: pool.title, reserved: pool.reserved, amount: pool.amount, used: poolUsed, left: pool.amount - poolUsed, availableWithRelease: withRelease };
  });
}

export function checkAwardList(rows: readonly AwardRow[], scheme: Pick<SchemeDefinition, 'budget'>, matcher: ApplicantMatcher = matchApplicant): AwardCheck {
  const { budget } = scheme;
  const areas = [...new Set(rows.map((row) => row.focusArea))].sort((a, b) => a - b);
  const problems: AwardProblem[] = [];
  for (const row of rows) {
    if (!budget.pools.some((pool) => pool.focusAreas.includes(row.focusArea))) problems.push({ kind: 'focus-area-without-pool', line: row.line, focusArea: row.focusArea });
  }
  problems.push(...duplicates(rows), ...outliers(rows, areas));
  const byPool = poolUse(rows, budget);
  for (const pool of byPool) {
    if (pool.used > pool.amount) problems.push({ kind: 'pool-exceeded', poolId: pool.poolId, used: pool.used, available: pool.amount, over: pool.used - pool.amount, withRelease: false });
    // Releasing reserves can only help the shared pool; say whether it would be enough.
    if (pool.availableWithRelease !== pool.amount && pool.used > pool.amount && pool.used > pool.availableWithRelease) {
      problems.push({ kind: 'pool-exceeded', poolId: pool.poolId, used: pool.used, available: pool.availableWithRelease, over: pool.used - pool.availableWithRelease, withRelease: true });
    }
  }
  const total = rows.reduce((sum, row) => sum + row.amount, 0);
  if (total > budget.total) problems.push({ kind: 'total-exceeded', used: total, total: budget.total, over: total - budget.total });
  for (const row of rows) {
    const match = matcher(row.applicant);
    if (!match.known) problems.push({ kind: 'unknown-applicant', line: row.line, applicant: row.applicant, reason: match.reason });
  }
  return {
    problems,
    sums: {
      byFocusArea: areas.map((focusArea) => {
        const inArea = rows.filter((row) => row.focusArea === focusArea);
        return { focusArea, rows: inArea.length, amount: inArea.reduce((sum, row) => sum + row.amount, 0) };
      }),
      byPool,
      total,
      budget: budget.total,
    },
  };
}
