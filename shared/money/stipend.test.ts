// Every expected amount below is worked out by hand in the comment above it, from the G table:
// 2020-05-01 101 351 · 2021-05-01 106 399 · 2022-05-01 111 477.
import { describe, expect, it } from 'vitest';
import { applicationPackageSchema, type ApplicationPackage, type Participant } from '../package/schema';
import { getBuiltInScheme } from '../scheme/load';
import type { SchemeDefinition } from '../scheme/schema';
import { computeStipend, MissingGrunnbelopError } from './stipend';

const scheme = getBuiltInScheme('imdi-kommunale-integreringstiltak-2021') as SchemeDefinition;

function participant(overrides: Partial<Participant> & { id: string }): Participant {
  return { birthDate: '1985-03-10', otherStipend: false, gender: 'female', completedIntroYear3: true, ...overrides };
}

/** A complete, schema-valid package; the schema parse guards the fixture itself. */
function application(focusArea: number, participants: Participant[] | undefined, start = '2021-01-01', end = '2021-12-31'): ApplicationPackage {
  return applicationPackageSchema.parse({
    formatVersion: 1,
    schemeId: scheme.id,
    applicationId: `stipend-so${focusArea}`,
    submittedAt: '2021-02-08T12:00:00+01:00',
    applicant: {
      name: 'Oslo kommune',
      organisationNumber: '958935420',
      municipalityNumber: '0301',
      contact: { name: 'Kari Nordmann', email: 'kari@example.no' },
    },
    partnerMunicipalities: [],
    focusArea,
    project: {
      title: 'År 4',
      summary: 'Forlenget kvalifiseringsløp',
      goals: ['Utdanning'],
      targetGroup: 'Deltakere etter år 3',
      priorityThemes: [],
      startDate: start,
      endDate: end,
      outsideIntroductionAct: false,
      exemptionRequested: false,
    },
    participants: { count: participants?.length ?? 12, ...(participants ? { list: participants } : {}) },
    budget: [{ year: 2021, totalCost: 1_000_000, ownContribution: 200_000, requestedGrant: 800_000, otherFunding: 0, stipendRequested: 0 }],
    previousProjects: [],
    partners: [],
    evaluationPlan: 'Evaluering',
    attachments: [],
  });
}

function summaryOf(app: ApplicationPackage, withScheme: SchemeDefinition = scheme) {
  const summary = computeStipend(app, withScheme);
  if (!summary) throw new Error('expected a stipend summary');
  return summary;
}

describe('computeStipend SO1', () => {
  it('computes 12 months from 2021-01-01 across the G change on 1 May, rounding once', () => {
    const summary = summaryOf(application(1, [participant({ id: 'p1' })]));
    const [p] = summary.participants;
    // Full stipend 2G a year = 2G/12 a month. Jan–Apr G = 101 351, May–Dec G = 106 399:
    // (4·2·101 351 + 8·2·106 399) / 12 = (810 808 + 1 702 384) / 12 = 2 513 192 / 12 = 209 432.67 → 209 433.
    expect(p?.totalStipend).toBe(209_433);
    // Grant share capped at 1G a year: (4·101 351 + 8·106 399) / 12 = 1 256 596 / 12 = 104 716.33 → 104 716.
    expect(p?.grantShare).toBe(104_716);
    // The municipality pays the rest: 209 433 − 104 716.
    expect(p?.municipalityShare).toBe(104_717);
    // Rounding each month first would give 4·16 892 + 8·17 733 = 209 432: one krone less. We round once.
    const monthlyRounded = p?.months.reduce((acc, m) => acc + m.fullStipend, 0);
    expect(monthlyRounded).toBe(209_432);
    expect(p?.months.map((m) => m.g)).toEqual([101_351, 101_351, 101_351, 101_351, ...Array<number>(8).fill(106_399)]);
    expect(p?.months[0]).toMatchObject({ month: '2021-01', age: 35, days: 31, daysInMonth: 31, fullStipend: 16_892, grantShare: 8_446 });
    expect(summary.grantShareByYear).toEqual({ 2021: 104_716 });
    expect(summary).toMatchObject({ focusArea: 1, totalStipend: 209_433, totalGrantShare: 104_716, totalMunicipalityShare: 104_717 });
  });

  it('gives two thirds until the month after the 25th birthday', () => {
    // Born 15 July 1996: 24 on the first of Jan–Jul (young), 25 from 1 August (full).
    const summary = summaryOf(application(1, [participant({ id: 'p1', birthDate: '1996-07-15' })]));
    const [p] = summary.participants;
    expect(p?.months.map((m) => m.age)).toEqual([24, 24, 24, 24, 24, 24, 24, 25, 25, 25, 25, 25]);
    // Young: 2/3 · 2G/12 = G/9 a month; full: 2G/12 = G/6 a month.
    // (4·101 351 + 3·106 399)/9 + 5·106 399/6 = 724 601/9 + 531 995/6 = 3 045 187/18 = 169 177.06 → 169 177.
    expect(p?.totalStipend).toBe(169_177);
    // G/9 is above the 1G cap (G/12) every month, so the grant share is as for an adult: 104 716.
    expect(p?.grantShare).toBe(104_716);
    expect(p?.municipalityShare).toBe(169_177 - 104_716);
  });

  it('counts a partial month pro rata by days', () => {
    // 16 Jan – 15 Feb 2021: 16/31 of January and 15/28 of February, G = 101 351.
    // Full: 2·101 351/12 · (16/31 + 15/28) = 101 351/6 · 913/868 = 92 533 463/5 208 = 17 767.56 → 17 768.
    // Grant: half of that, 92 533 463/10 416 = 8 883.78 → 8 884. Municipality: 17 768 − 8 884 = 8 884.
    const summary = summaryOf(application(1, [participant({ id: 'p1', stipendStart: '2021-01-16', stipendEnd: '2021-02-15' })]));
    const [p] = summary.participants;
    expect(p?.months.map((m) => [m.month, m.days, m.daysInMonth])).toEqual([
      ['2021-01', 16, 31],
      ['2021-02', 15, 28],
    ]);
    expect([p?.totalStipend, p?.grantShare, p?.municipalityShare]).toEqual([17_768, 8_884, 8_884]);
  });

  it('gives nothing for a period that ends before it starts', () => {
    const summary = summaryOf(application(1, [participant({ id: 'p1', stipendStart: '2021-05-01', stipendEnd: '2021-04-30' })]));
    expect(summary.participants[0]).toMatchObject({ months: [], totalStipend: 0, grantShare: 0, municipalityShare: 0 });
    expect(summary.grantShareByYear).toEqual({});
  });
});

describe('computeStipend SO2', () => {
  it('pays up to 1G a year whatever the age, and nothing to a participant with another stipend', () => {
    const app = application(
      2,
      [
        participant({ id: 'young', birthDate: '2001-01-01' }),
        participant({ id: 'other', otherStipend: true }),
      ],
      '2021-03-01',
      '2021-08-31',
    );
    const summary = summaryOf(app);
    const [young, other] = summary.participants;
    // (2·101 351 + 4·106 399)/12 = 628 298/12 = 52 358.17 → 52 358; all of it is grant share.
    expect([young?.totalStipend, young?.grantShare, young?.municipalityShare]).toEqual([52_358, 52_358, 0]);
    expect(other).toMatchObject({ excludedForOtherStipend: true, totalStipend: 0, grantShare: 0, municipalityShare: 0 });
    expect(other?.months).toHaveLength(6);
    expect(summary.totalGrantShare).toBe(52_358);
  });

  it('splits the grant share by calendar year so the years add up to the total (largest remainder)', () => {
    const summary = summaryOf(application(2, [participant({ id: 'p1' })], '2021-07-01', '2022-06-30'));
    // The total is rounded once from 1 286 944/12 = 107 245.33 → 107 245.
    expect(summary.totalGrantShare).toBe(107_245);
    // 2021: 6·106 399/12 = 53 199.5; 2022: (4·106 399 + 2·111 477)/12 = 54 045.83. Floors 53 199 + 54 045 = 107 244;
    // the one krone left goes to the larger remainder (.83, 2022). Rounding each year alone would give
    // 53 200 + 54 046 = 107 246, a krone more than the total shown beside it.
    expect(summary.grantShareByYear).toEqual({ 2021: 53_199, 2022: 54_046 });
    // SO2: the municipality pays nothing, in every year.
    expect(summary.municipalityShareByYear).toEqual({ 2021: 0, 2022: 0 });
  });

  it('rounds half up, once', () => {
    // With G = 3 kroner: 2 months · 3/12 = 6/12 = 0.5 → 1. Each month alone is 0.25 → 0.
    const tiny: SchemeDefinition = { ...scheme, grunnbelop: [{ from: '2020-05-01', amount: 3 }] };
    const summary = summaryOf(application(2, [participant({ id: 'p1' })], '2021-01-01', '2021-02-28'), tiny);
    expect(summary.participants[0]?.grantShare).toBe(1);
    expect(summary.participants[0]?.months.map((m) => m.grantShare)).toEqual([0, 0]);
  });
});

describe('computeStipend applies only to SO1 and SO2 with a list', () => {
  it('returns undefined for SO3 and for SO1 without a participant list', () => {
    expect(computeStipend(application(3, [participant({ id: 'p1' })]), scheme)).toBeUndefined();
    expect(computeStipend(application(1, undefined), scheme)).toBeUndefined();
  });

  it('refuses a month before the G table with a clear error', () => {
    expect(() => computeStipend(application(1, [participant({ id: 'p1' })], '2019-01-01', '2019-12-31'), scheme)).toThrow(
      MissingGrunnbelopError,
    );
    expect(() => computeStipend(application(1, [participant({ id: 'p1' })], '2019-01-01', '2019-12-31'), scheme)).toThrow(
      /No grunnbeløp in force on 2019-01-01 \(participant p1\)/,
    );
  });
});
