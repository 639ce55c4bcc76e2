import { describe, expect, it } from 'vitest';
import { rational } from '../money/rational';
import { getBuiltInScheme } from '../scheme/load';
import type { ConsensusScore, RankingCandidate } from './ranking';
import { rankApplications } from './ranking';
import { randomInt, seededRandom } from './prng';

const scheme = getBuiltInScheme('imdi-kommunale-integreringstiltak-2021');
if (!scheme) throw new Error('built-in 2021 scheme missing');
const criteria = scheme.criteria;

function candidate(applicationId: string, feasibility: ConsensusScore | null, transferValue: ConsensusScore | null, extra: Partial<RankingCandidate> = {}): RankingCandidate {
  return {
    applicationId,
    focusArea: 3,
    eligibility: { eligible: true, failedRuleIds: [] },
    scores: { feasibility, transferValue },
    firstYearRequest: 500_000,
    ...extra,
  };
}

function order(result: ReturnType<typeof rankApplications>, focusArea = 3): string[] {
  return result.focusAreas.find((area) => area.focusArea === focusArea)?.ranked.map((entry) => entry.applicationId) ?? [];
}

describe('rankApplications', () => {
  it('orders by weighted consensus total and keeps focus areas apart', () => {
    const result = rankApplications(
      [candidate('A', 5, 5), candidate('B', 7, 6), candidate('C', 6, 4, { focusArea: 4 }), candidate('D', 4, 4)],
      criteria,
    );
    expect(order(result)).toEqual(['B', 'A', 'D']);
    expect(order(result, 4)).toEqual(['C']);
    const [first] = result.focusAreas[0]?.ranked ?? [];
    expect(first).toMatchObject({ rank: 1, meritOrder: 1, total: 13, totalExact: '13', tieWithPrevious: null });
    // C and A both total 10; C's higher feasibility puts it second overall: merit order crosses focus areas.
    expect(result.focusAreas[1]?.ranked[0]?.meritOrder).toBe(2);
  });

  it('lists the rest apart with every reason', () => {
    const result = rankApplications(
      [
        candidate('ineligible', 6, 6, { eligibility: { eligible: false, failedRuleIds: ['R01', 'R05'] } }),
        candidate('low', 3, 6),
        candidate('missing', null, 6, { eligibility: null }),
        candidate('ok', 4, 4),
      ],
      criteria,
    );
    expect(order(result)).toEqual(['ok']);
    expect(result.excluded).toEqual([
      { applicationId: 'ineligible', focusArea: 3, reasons: [{ kind: 'ineligible', failedRuleIds: ['R01', 'R05'] }] },
      { applicationId: 'low', focusArea: 3, reasons: [{ kind: 'below-threshold', criterionId: 'feasibility', score: 3, threshold: 4 }] },
      { applicationId: 'missing', focusArea: 3, reasons: [{ kind: 'consensus-missing', missing: ['eligibility', 'feasibility'] }] },
    ]);
  });

  // With two criteria, equal totals and equal feasibility imply equal transfer value, so that step never decides
  // for this scheme (docs/panel.md § Ties); it stays in the order for schemes with more criteria.
  it('gives every reason at once: missing consensus, ineligible with rule ids and below a threshold', () => {
    const result = rankApplications([candidate('all', 2, null, { eligibility: { eligible: false, failedRuleIds: ['R09'] } })], criteria);
    expect(result.focusAreas).toEqual([{ focusArea: 3, ranked: [] }]);
    expect(result.excluded[0]?.reasons).toEqual([
      { kind: 'consensus-missing', missing: ['transferValue'] },
      { kind: 'ineligible', failedRuleIds: ['R09'] },
      { kind: 'below-threshold', criterionId: 'feasibility', score: 2, threshold: 4 },
    ]);
  });

  it('breaks ties by feasibility, lower first-year request, id – and says which step decided', () => {
    const result = rankApplications(
      [
        candidate('T4', 5, 5, { firstYearRequest: 400_000 }),
        candidate('T3', 5, 5, { firstYearRequest: 400_000 }),
        candidate('T1', 6, 4),
        candidate('T2', 5, 5, { firstYearRequest: 300_000 }),
        candidate('T0', 4, 6),
      ],
      criteria,
    );
    const ranked = result.focusAreas[0]?.ranked ?? [];
    expect(ranked.map((entry) => entry.applicationId)).toEqual(['T1', 'T2', 'T3', 'T4', 'T0']);
    expect(ranked.map((entry) => entry.tieWithPrevious?.decidedBy ?? null)).toEqual([null, 'feasibility', 'firstYearRequest', 'applicationId', 'feasibility']);
    expect(ranked[1]?.tieWithPrevious?.applicationId).toBe('T1');
  });

  it('compares totals exactly: thirds that floats would round apart are a tie', () => {
    // 1/3·3 + 2/3·3 = 3 exactly; with weights 0.1/0.2 float sums drift (0.1 + 0.2 ≠ 0.3).
    const weights = [
      { id: 'feasibility' as const, weight: 0.1, threshold: 0 },
      { id: 'transferValue' as const, weight: 0.2, threshold: 0 },
    ];
    const result = rankApplications(
      [
        candidate('X', 3, 3, { firstYearRequest: 2 }),
        candidate('Y', 1, 4, { firstYearRequest: 1 }),
        candidate('Z', rational(13n, 3n), 3, { firstYearRequest: 1 }),
      ],
      weights,
    );
    // Floats would rank X above Y on the total alone:
    expect(0.1 * 3 + 0.2 * 3).toBeGreaterThan(0.1 * 1 + 0.2 * 4);
    const ranked = result.focusAreas[0]?.ranked ?? [];
    // X: 0.1·3 + 0.2·3 = 0.9; Y: 0.1 + 0.8 = 0.9 exactly – a tie decided by feasibility (3 > 1).
    expect(ranked.map((entry) => [entry.applicationId, entry.totalExact])).toEqual([
      ['Z', '31/30'],
      ['X', '9/10'],
      ['Y', '9/10'],
    ]);
    expect(ranked[2]?.tieWithPrevious).toEqual({ applicationId: 'X', decidedBy: 'feasibility' });
  });

  it('is independent of input order', () => {
    const candidates = [candidate('A', 5, 5), candidate('B', 5, 5), candidate('C', 6, 4), candidate('D', 4, 6, { focusArea: 5 })];
    const reference = JSON.stringify(rankApplications(candidates, criteria).focusAreas);
    expect(JSON.stringify(rankApplications([...candidates].reverse(), criteria).focusAreas)).toBe(reference);
  });
});

describe('rankApplications properties', () => {
  it('for random candidates: order-independent, totals never increase down a list, every candidate once', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const random = seededRandom(seed);
      const candidates = Array.from({ length: randomInt(random, 0, 30) }, (_unused, index) =>
        candidate(`A${String(index).padStart(2, '0')}`, random() < 0.1 ? null : randomInt(random, 1, 7), randomInt(random, 1, 7) + (random() < 0.3 ? 0.5 : 0), {
          focusArea: randomInt(random, 1, 6),
          eligibility: random() < 0.1 ? null : { eligible: random() < 0.9, failedRuleIds: [] },
          firstYearRequest: randomInt(random, 1, 4) * 100_000,
        }),
      );
      const result = rankApplications(candidates, criteria);
      const shuffled = [...candidates].sort(() => random() - 0.5);
      expect(JSON.stringify(rankApplications(shuffled, criteria).focusAreas), `seed ${seed}`).toBe(JSON.stringify(result.focusAreas));
      const ranked = result.focusAreas.flatMap((area) => area.ranked);
      expect(ranked.length + result.excluded.length, `seed ${seed}`).toBe(candidates.length);
      expect(new Set(ranked.map((entry) => entry.meritOrder)).size).toBe(ranked.length);
      for (const area of result.focusAreas) {
        area.ranked.forEach((entry, index) => {
          const previous = area.ranked[index - 1];
          if (!previous) return;
          expect(entry.total, `seed ${seed}`).toBeLessThanOrEqual(previous.total);
          expect(entry.tieWithPrevious !== null, `seed ${seed}`).toBe(entry.totalExact === previous.totalExact);
          expect(entry.meritOrder).toBeGreaterThan(previous.meritOrder);
        });
      }
    }
  });
});
