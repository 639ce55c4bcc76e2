// One number everywhere (docs/money.md): the parts shown beside a total add up to it, to the krone.
import { describe, expect, it } from 'vitest';
import type { ApplicationPackage, Participant } from '../package/schema';
import { getBuiltInScheme } from '../scheme/load';
import type { SchemeDefinition } from '../scheme/schema';
import { allocateLargestRemainder } from './allocate';
import { add, compare, rational, roundHalfUp, sub, ZERO, type Rational } from './rational';
import { computeStipend } from './stipend';
import { seededRandom as random } from '../panel/prng';

const scheme = getBuiltInScheme('imdi-kommunale-integreringstiltak-2021') as SchemeDefinition;

describe('allocateLargestRemainder', () => {
  it('rounds the total once and gives the kroner left over to the largest remainders', () => {
    // 1.5 + 1.5 + 1.5 = 4.5 → 5; floors 1+1+1 = 3; two kroner to the first two (equal remainders: earlier first).
    const half = rational(3n, 2n);
    expect(allocateLargestRemainder([half, half, half])).toEqual({ total: 5, shares: [2, 2, 1] });
    // 0.4 + 0.7 = 1.1 → 1; the krone goes to 0.7.
    expect(allocateLargestRemainder([rational(2n, 5n), rational(7n, 10n)])).toEqual({ total: 1, shares: [0, 1] });
    expect(allocateLargestRemainder([])).toEqual({ total: 0, shares: [] });
  });

  it('keeps every share within one krone of its exact value and the sum equal to the total (random parts)', () => {
    const next = random(20210209);
    for (let run = 0; run < 300; run += 1) {
      const parts: Rational[] = Array.from({ length: 1 + Math.floor(next() * 12) }, () =>
        rational(BigInt(Math.floor(next() * 5_000_000)), BigInt(1 + Math.floor(next() * 372))),
      );
      const { total, shares } = allocateLargestRemainder(parts);
      expect(total).toBe(roundHalfUp(parts.reduce(add, ZERO)));
      expect(shares.reduce((acc, share) => acc + share, 0)).toBe(total);
      parts.forEach((part, index) => {
        const difference = sub(rational(BigInt(shares[index] ?? 0)), part);
        expect(compare(difference, rational(1n)) < 0 && compare(difference, rational(-1n)) > 0).toBe(true);
      });
    }
  });
});

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

describe('computeStipend: per-year and per-participant shares sum to the totals (property)', () => {
  it('holds for 200 random participant lists in SO1 and SO2', () => {
    const next = random(4242);
    for (let run = 0; run < 200; run += 1) {
      const focusArea = next() < 0.5 ? 1 : 2;
      const list: Participant[] = Array.from({ length: 1 + Math.floor(next() * 15) }, (_, index) => {
        const startYear = 2021 + Math.floor(next() * 2);
        const start = isoDate(startYear, 1 + Math.floor(next() * 12), 1 + Math.floor(next() * 28));
        const end = isoDate(startYear + 1 + Math.floor(next() * 2), 1 + Math.floor(next() * 12), 1 + Math.floor(next() * 28));
        return {
          id: `p${index}`,
          // Born 1960–2003: some turn 25 during the period (SO1 changes rate that month).
          birthDate: isoDate(1960 + Math.floor(next() * 44), 1 + Math.floor(next() * 12), 1 + Math.floor(next() * 28)),
          otherStipend: next() < 0.2,
          gender: next() < 0.5 ? 'female' : 'male',
          completedIntroYear3: true,
          stipendStart: start,
          stipendEnd: end,
        };
      });
      const application = {
        focusArea,
        project: { startDate: '2021-01-01', endDate: '2024-12-31' },
        participants: { count: list.length, list },
      } as unknown as ApplicationPackage;
      const summary = computeStipend(application, scheme);
      if (!summary) throw new Error('expected a summary');
      const sum = (values: readonly number[]) => values.reduce((acc, value) => acc + value, 0);
      const seed = `run ${run}`;
      expect(sum(Object.values(summary.grantShareByYear)), seed).toBe(summary.totalGrantShare);
      expect(sum(Object.values(summary.municipalityShareByYear)), seed).toBe(summary.totalMunicipalityShare);
      expect(sum(summary.participants.map((p) => p.grantShare)), seed).toBe(summary.totalGrantShare);
      expect(sum(summary.participants.map((p) => p.totalStipend)), seed).toBe(summary.totalStipend);
      expect(summary.totalGrantShare + summary.totalMunicipalityShare, seed).toBe(summary.totalStipend);
      for (const participant of summary.participants) expect(participant.municipalityShare, seed).toBeGreaterThanOrEqual(0);
      for (const value of Object.values(summary.municipalityShareByYear)) expect(value, seed).toBeGreaterThanOrEqual(0);
    }
  });
});
