// Every expected amount below is computed by hand from the figures in the test, not by the code under test.
import { describe, expect, it } from 'vitest';
import type { ApplicationPackage, BudgetYear } from '../package/schema';
import { computeStipend } from '../money/stipend';
import { baseApplication, scheme2021 } from '../rules/test-support';
import { recommendationWarnings, type RecommendationWarningInput } from './recommendation';

const scheme = scheme2021();
const NBSP = '\u00a0';

function year(year: number, requestedGrant: number, stipendRequested = 0): BudgetYear {
  return { year, totalCost: requestedGrant + 100_000, ownContribution: 100_000, requestedGrant, otherFunding: 0, stipendRequested };
}

function withBudget(application: ApplicationPackage, budget: BudgetYear[]): ApplicationPackage {
  return { ...application, budget };
}

function grant(amount: number): RecommendationWarningInput['recommendation'] {
  return { decision: 'grant', amount };
}

function codes(input: RecommendationWarningInput): string[] {
  return recommendationWarnings(input).map((warning) => warning.code);
}

describe('recommendationWarnings', () => {
  it('says nothing for a one-year grant well inside the pool', () => {
    const application = withBudget(baseApplication(4), [year(2021, 600_000)]);
    expect(recommendationWarnings({ application, scheme, recommendation: grant(600_000) })).toEqual([]);
  });

  it('says nothing for a rejection or an undecided recommendation, whatever the amount', () => {
    const application = withBudget(baseApplication(5), [year(2021, 6_000_000), year(2022, 1_000_000)]);
    expect(codes({ application, scheme, recommendation: { decision: 'reject', amount: 0 } })).toEqual([]);
    expect(codes({ application, scheme, recommendation: { decision: 'undecided', amount: 6_000_000 } })).toEqual([]);
  });

  it('warns when the first year is above the whole pool, naming the pool and the panel (R11)', () => {
    // SO5's pool is 5 000 000 kr; one year of 6 000 000 kr is above it.
    const application = withBudget(baseApplication(5), [year(2021, 6_000_000)]);
    const [warning] = recommendationWarnings({ application, scheme, recommendation: grant(6_000_000) });
    expect(warning).toMatchObject({ code: 'above-pool', ruleId: 'R11', severity: 'warning' });
    expect(warning?.message.nb).toBe(
      `Innstilt beløp for 2021 (6${NBSP}000${NBSP}000${NBSP}kr) er høyere enn hele potten «Forbeholdt satsingsområde 5» på 5${NBSP}000${NBSP}000${NBSP}kr. ` +
        'Panelet fordeler potten på alle søknadene i satsingsområde 5.',
    );
    expect(warning?.message.en).toContain(`above the whole pool “Reserved for focus area 5” of NOK${NBSP}5,000,000`);
    expect(warning?.message.en).toContain('The panel allocates the pool across all applications');
  });

  it('does not warn at exactly the pool amount', () => {
    const application = withBudget(baseApplication(5), [year(2021, 5_000_000)]);
    expect(codes({ application, scheme, recommendation: grant(5_000_000) })).toEqual([]);
  });

  it('compares only the first year with the pool: three years of 4 000 000 kr fit the SO2 pool of 10 000 000 kr', () => {
    // The whole amount, 12 000 000 kr, is above the pool, but only 2021's 4 000 000 kr draws on it (R12).
    const application = withBudget(baseApplication(2), [year(2022, 4_000_000), year(2021, 4_000_000), year(2023, 4_000_000)]);
    expect(codes({ application, scheme, recommendation: grant(12_000_000) })).toEqual(['one-year-at-a-time']);
  });

  it('notes that a multi-year project is granted one year at a time, with the first year and its share (R12)', () => {
    // Budget 2021: 600 000, 2022: 700 000 (total 1 300 000). A reduced amount of 500 000 is below 2021's request,
    // so up to 500 000 of it falls in 2021.
    const application = baseApplication(4);
    const [note] = recommendationWarnings({ application, scheme, recommendation: grant(500_000) });
    expect(note).toMatchObject({ code: 'one-year-at-a-time', ruleId: 'R12', severity: 'info' });
    expect(note?.message.nb).toContain(`over 2 budsjettår; for 2021 er det søkt om 600${NBSP}000${NBSP}kr`);
    expect(note?.message.nb).toContain(`inntil 500${NBSP}000${NBSP}kr av det faller på 2021`);
    expect(note?.message.en).toContain(`for 2021 it requests NOK${NBSP}600,000`);
    // The full 1 300 000 kr: at most 2021's 600 000 kr falls in 2021.
    const [full] = recommendationWarnings({ application, scheme, recommendation: grant(1_300_000) });
    expect(full?.message.en).toContain(`up to NOK${NBSP}600,000 of it falls in 2021`);
  });

  it('counts budget years, not budget rows, for the multi-year note', () => {
    const application = withBudget(baseApplication(4), [year(2021, 300_000), year(2021, 300_000)]);
    expect(codes({ application, scheme, recommendation: grant(600_000) })).toEqual([]);
  });

  describe('stipend (R20 for SO1, R24 for SO2)', () => {
    // Stipend requested 150 000 (2021) + 200 000 (2022) = 350 000 kr, part of a requested grant of
    // 600 000 + 700 000 = 1 300 000 kr. With a grant share of 300 000 kr the excess is 50 000 kr, so at most
    // 1 300 000 − 50 000 = 1 250 000 kr can be granted.
    const stipend = { totalGrantShare: 300_000 };
    const so = (focusArea: 1 | 2): ApplicationPackage =>
      withBudget(baseApplication(focusArea), [year(2021, 600_000, 150_000), year(2022, 700_000, 200_000)]);

    it('warns when the amount includes stipend above the grant share, citing R20 for SO1', () => {
      const warnings = recommendationWarnings({ application: so(1), scheme, recommendation: grant(1_300_000), stipend });
      const warning = warnings.find((candidate) => candidate.code === 'stipend-above-grant-share');
      expect(warning).toMatchObject({ ruleId: 'R20', severity: 'warning' });
      expect(warning?.message.nb).toBe(
        `Søkt deltakerstønad 350${NBSP}000${NBSP}kr er 50${NBSP}000${NBSP}kr høyere enn tilskuddsandelen 300${NBSP}000${NBSP}kr ` +
          `(inntil 1G per deltaker og år). Det overskytende kan ikke innvilges, så beløpet bør være høyst 1${NBSP}250${NBSP}000${NBSP}kr.`,
      );
      expect(warning?.message.en).toContain(`the amount should be at most NOK${NBSP}1,250,000`);
    });

    it('cites R24 for SO2', () => {
      const warnings = recommendationWarnings({ application: so(2), scheme, recommendation: grant(1_250_001), stipend });
      expect(warnings.find((candidate) => candidate.code === 'stipend-above-grant-share')?.ruleId).toBe('R24');
    });

    it('is satisfied once the assessor has cut the excess from the amount', () => {
      expect(codes({ application: so(1), scheme, recommendation: grant(1_250_000), stipend })).toEqual(['one-year-at-a-time']);
    });

    it('says nothing when the stipend requested is within the computed grant share', () => {
      // The real computation: 4 participants at 1G per year from August 2021 give a share well above 350 000 kr.
      const application = so(1);
      const computed = computeStipend(application, scheme);
      expect(computed?.totalGrantShare).toBeGreaterThan(350_000);
      expect(codes({ application, scheme, recommendation: grant(1_300_000), stipend: computed })).toEqual(['one-year-at-a-time']);
    });

    it('ignores a stipend for focus areas without one', () => {
      const application = withBudget(baseApplication(4), [year(2021, 600_000, 200_000)]);
      expect(codes({ application, scheme, recommendation: grant(600_000), stipend: { totalGrantShare: 0 } })).toEqual([]);
    });
  });
});
