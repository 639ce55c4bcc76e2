import { describe, expect, it } from 'vitest';
import { getBuiltInScheme } from '../scheme/load';
import { matchApplicant } from './award-applicant';
import type { AwardRow } from './awards';
import { checkAwardList } from './awards';
import { describeAwardProblem } from './awards-text';
import { randomInt, seededRandom } from './prng';

const scheme = getBuiltInScheme('imdi-kommunale-integreringstiltak-2021');
if (!scheme) throw new Error('built-in 2021 scheme missing');

let line = 1;
function row(focusArea: number, applicant: string, projectTitle: string, amount: number): AwardRow {
  line += 1;
  return { line, focusArea, applicant, projectTitle, amount };
}

describe('checkAwardList', () => {
  it('a clean list has no problems and gives sums per focus area, per pool and in all', () => {
    line = 1;
    const result = checkAwardList([row(1, 'Asker kommune', 'A', 1_500_000), row(1, 'Bergen kommune', 'B', 500_000), row(3, 'Oslo kommune - bydel Grorud', 'C', 780_000)], scheme);
    expect(result.problems).toEqual([]);
    expect(result.sums.byFocusArea).toEqual([
      { focusArea: 1, rows: 2, amount: 2_000_000 },
      { focusArea: 3, rows: 1, amount: 780_000 },
    ]);
    expect(result.sums.total).toBe(2_780_000);
    expect(result.sums.budget).toBe(58_400_000);
    expect(result.sums.byPool.find((pool) => pool.poolId === 'so1')).toMatchObject({ used: 2_000_000, left: 18_000_000 });
    // With every reserve released the shared pool could use 23.4 M + 18 M + 10 M + 5 M.
    expect(result.sums.byPool.find((pool) => pool.poolId === 'shared')?.availableWithRelease).toBe(56_400_000);
  });

  it('finds the same applicant and title twice, ignoring case and spacing', () => {
    line = 1;
    const result = checkAwardList([row(6, 'Trondheim kommune', 'På rett sted', 1_000_000), row(4, 'Asker kommune', 'X', 1), row(6, 'trondheim  kommune', 'På rett sted ', 1_000_000)], scheme);
    expect(result.problems.filter((problem) => problem.kind === 'duplicate')).toEqual([{ kind: 'duplicate', lines: [2, 4], applicant: 'Trondheim kommune', projectTitle: 'På rett sted' }]);
  });

  it('flags amounts outside [median/10, median×10] of their focus area (with three or more amounts), exactly at the edges', () => {
    line = 1;
    const rows = [row(2, 'Molde kommune', 'a', 100_000), row(2, 'Molde kommune', 'b', 1_000_000), row(2, 'Molde kommune', 'c', 1_000_000), row(2, 'Molde kommune', 'd', 99_999)];
    // The median of 99 999, 100 000, 1 M, 1 M is (100 000 + 1 000 000) / 2 = 550 000; the lower edge is 55 000.
    expect(checkAwardList(rows, scheme).problems).toEqual([]);
    const low = [row(5, 'Moss kommune', 'a', 54_999), row(5, 'Moss kommune', 'b', 550_000), row(5, 'Moss kommune', 'c', 550_000), row(5, 'Moss kommune', 'd', 5_500_001)];
    const flagged = checkAwardList(low, scheme).problems.filter((problem) => problem.kind === 'amount-outlier');
    expect(flagged).toEqual([
      { kind: 'amount-outlier', line: low[0]?.line, focusArea: 5, amount: 54_999, median: 550_000, direction: 'below' },
      { kind: 'amount-outlier', line: low[3]?.line, focusArea: 5, amount: 5_500_001, median: 550_000, direction: 'above' },
    ]);
    // Two amounts are too few to call one of them far from the others.
    expect(checkAwardList([row(3, 'Moss kommune', 'a', 1), row(3, 'Moss kommune', 'b', 9_000_000)], scheme).problems).toEqual([]);
  });

  it('reports a pool and the total exceeded, with and without releasing reserves', () => {
    line = 1;
    const result = checkAwardList(
      [row(5, 'Moss kommune', 'a', 5_100_000), row(3, 'Moss kommune', 'b', 30_000_000), row(4, 'Moss kommune', 'c', 14_000_000), row(1, 'Moss kommune', 'd', 19_000_000)],
      scheme,
    );
    const pools = result.problems.filter((problem) => problem.kind === 'pool-exceeded');
    expect(pools).toEqual([
      { kind: 'pool-exceeded', poolId: 'so5', used: 5_100_000, available: 5_000_000, over: 100_000, withRelease: false },
      { kind: 'pool-exceeded', poolId: 'shared', used: 44_000_000, available: 23_400_000, over: 20_600_000, withRelease: false },
      // Releasable: so1 1 M + so2 10 M (so5 has nothing left) → 34.4 M, still 9.6 M short.
      { kind: 'pool-exceeded', poolId: 'shared', used: 44_000_000, available: 34_400_000, over: 9_600_000, withRelease: true },
    ]);
    expect(result.problems).toContainEqual({ kind: 'total-exceeded', used: 68_100_000, total: 58_400_000, over: 9_700_000 });
  });

  it('flags applicants that are not in the municipality register', () => {
    line = 1;
    const result = checkAwardList([row(3, 'Stiftelsen Norsk', 'a', 1), row(3, 'Viken fylkeskommune', 'b', 1), row(3, 'Atlantis kommune', 'c', 1), row(3, 'Bømlo Vaksenopplæring', 'd', 1)], scheme);
    expect(result.problems.filter((problem) => problem.kind === 'unknown-applicant').map((problem) => [problem.line, problem.kind === 'unknown-applicant' ? problem.reason : ''])).toEqual([
      [2, 'not-a-municipality'],
      [3, 'not-a-municipality'],
      [4, 'no-municipality-name'],
    ]);
  });

  it('describes every problem in nb and en', () => {
    line = 1;
    const result = checkAwardList([row(5, 'Atlantis', 'x', 9_000_000), row(5, 'Atlantis', 'x', 1), row(5, 'Moss kommune', 'y', 600_000)], scheme);
    const texts = result.problems.map(describeAwardProblem);
    expect(texts.length).toBeGreaterThanOrEqual(4);
    for (const text of texts) {
      expect(text.nb).not.toBe(text.en);
      expect(text.nb.length).toBeGreaterThan(10);
    }
    expect(texts.map((text) => text.nb).join('\n')).toContain('under medianen ÷ 10 i SO5');
  });
});

describe('matchApplicant', () => {
  it('matches municipality names as whole words, multi-word names included', () => {
    expect(matchApplicant('Oslo kommune, utd. Etaten')).toMatchObject({ known: true, municipalities: [{ name: 'Oslo' }] });
    expect(matchApplicant('Nordre Follo kommune')).toMatchObject({ known: true, municipalities: [{ name: 'Nordre Follo' }] });
    expect(matchApplicant('Herøy kommune')).toMatchObject({ known: true });
    // "Sandefjord" contains "Sande", "Osloveien" contains "Os": whole words only.
    expect(matchApplicant('Sandefjord kommune')).toMatchObject({ municipalities: [{ name: 'Sandefjord' }] });
    expect(matchApplicant('Osloveien barnehage')).toEqual({ known: false, reason: 'no-municipality-name' });
  });
});

describe('checkAwardList properties', () => {
  it('sums agree: per focus area and per pool add up to the total; an exceeded pool is reported exactly when used > amount', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const random = seededRandom(seed);
      const rows = Array.from({ length: randomInt(random, 0, 40) }, (_unused, index) => ({
        line: index + 2,
        focusArea: randomInt(random, 1, 6),
        applicant: 'Moss kommune',
        projectTitle: `P${index}`,
        amount: randomInt(random, 0, 9) * randomInt(random, 1, 3_000_000),
      }));
      const result = checkAwardList(rows, scheme);
      const total = rows.reduce((sum, entry) => sum + entry.amount, 0);
      expect(result.sums.total, `seed ${seed}`).toBe(total);
      expect(result.sums.byFocusArea.reduce((sum, area) => sum + area.amount, 0)).toBe(total);
      expect(result.sums.byPool.reduce((sum, pool) => sum + pool.used, 0)).toBe(total);
      for (const pool of result.sums.byPool) {
        const reported = result.problems.some((problem) => problem.kind === 'pool-exceeded' && problem.poolId === pool.poolId && !problem.withRelease);
        expect(reported, `seed ${seed} ${pool.poolId}`).toBe(pool.used > pool.amount);
        expect(pool.left).toBe(pool.amount - pool.used);
      }
      expect(result.problems.some((problem) => problem.kind === 'total-exceeded')).toBe(total > scheme.budget.total);
    }
  });
});
