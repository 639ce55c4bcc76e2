// Flags, statistics and consensus of one application on hand-made merged assessments.
import { describe, expect, it } from 'vitest';
import schemeJson from '../../resources/schemes/imdi-kommunale-integreringstiltak-2021.json';
import type { SchemeDefinition } from '../scheme/schema';
import { buildPanelApplication } from './application';
import type { ApplicationFacts } from './application';
import { applyConsensusChange } from './consensus';
import { firstYearShare, median } from './statistics';
import { DEFAULT_ROUND_SETTINGS } from './types';
import type { ConsensusRecord, MergedAssessment } from './types';

const scheme = schemeJson as SchemeDefinition;
const sha = (n: number) => n.toString(16).padStart(64, '0');

function merged(assessorId: string, feasibility: number | null, transferValue: number | null, extra: Partial<MergedAssessment> = {}): MergedAssessment {
  return {
    applicationId: 'APP-1',
    assessorId,
    assessorName: assessorId.toUpperCase(),
    version: 1,
    status: 'included',
    assessmentSha256: sha(assessorId.length + (feasibility ?? 0) * 10),
    exchangeFileSha256s: [sha(1)],
    signerFingerprint: 'AA',
    trusted: true,
    finalisedAt: null,
    conflictOfInterest: null,
    scores: [
      { criterionId: 'feasibility', score: feasibility, justification: '' },
      { criterionId: 'transferValue', score: transferValue, justification: '' },
    ],
    eligibility: 'eligible',
    recommendation: { decision: 'grant', amount: 100_000, firstYearAmount: 50_000, comment: '' },
    ...extra,
  };
}

const facts: ApplicationFacts = {
  applicationId: 'APP-1',
  applicantName: 'Asker kommune',
  municipalityNumber: '3025',
  title: 'Prosjekt',
  focusArea: 1,
  poolId: 'so1',
  packageSha256: sha(9),
  packageFiles: [],
  requested: { total: 200_000, firstYear: 100_000, firstYearYear: 2021 },
  panelVerdict: 'needs-review',
};

function build(assessments: MergedAssessment[], record: ConsensusRecord | null = null) {
  return buildPanelApplication(facts, assessments, scheme, DEFAULT_ROUND_SETTINGS, record);
}

const kinds = (application: ReturnType<typeof build>) => application.flags.map((flag) => `${flag.kind}${flag.criterionId ? `:${flag.criterionId}` : ''}`).sort();

describe('statistics', () => {
  it('median of an even count is the mean of the middle two; first-year share is exact and rounded down', () => {
    expect(median([5, 2, 4, 3])).toBe(3.5);
    expect(median([])).toBeNull();
    expect(firstYearShare(100_000, 100_000, 300_000)).toBe(33_333);
    expect(firstYearShare(400_000, 100_000, 300_000)).toBe(100_000);
    expect(firstYearShare(9_000_000_000, 7_000_000_000, 9_000_000_001)).toBe(6_999_999_999);
  });
});

describe('flags', () => {
  it('agreeing assessors give no flags; the computed consensus is the median', () => {
    const application = build([merged('a', 5, 5), merged('b', 5, 6)]);
    expect(application.flags).toEqual([]);
    expect(application.consensus.criteria.map((entry) => [entry.value, entry.source])).toEqual([
      [5, 'computed'],
      [5.5, 'computed'],
    ]);
    expect(application.consensus).toMatchObject({ weightedTotal: 10.5, meetsEveryThreshold: true, eligibility: { verdict: 'eligible' }, amount: { firstYearAmount: 50_000 } });
  });

  it('a conflict of interest is flagged, automatic, and left out of every figure', () => {
    const application = build([merged('a', 5, 5), merged('b', 6, 6), merged('c', null, null, { status: 'conflict-of-interest', conflictOfInterest: { reason: 'søster' }, recommendation: { decision: 'reject', amount: 0, firstYearAmount: 0, comment: '' } })]);
    expect(kinds(application)).toEqual(['conflict-of-interest']);
    expect(application.flags[0]?.settlement.state).toBe('automatic');
    expect(application.flags[0]?.reason.nb).toMatch(/C har meldt seg inhabil \(søster\)/);
    expect(application.statistics[0]?.count).toBe(2);
  });

  it('spread, threshold split, grant vs reject, amounts apart, eligibility disagreement, too few, untrusted', () => {
    const application = build([
      merged('a', 6, 5, { recommendation: { decision: 'grant', amount: 100_000, firstYearAmount: 50_000, comment: '' } }),
      merged('b', 3, 5, { trusted: false, eligibility: 'ineligible', recommendation: { decision: 'reject', amount: 0, firstYearAmount: 0, comment: '' } }),
      merged('c', 5, 5, { recommendation: { decision: 'grant', amount: 126_000, firstYearAmount: 63_000, comment: '' } }),
    ]);
    expect(kinds(application)).toEqual(['amount-difference', 'eligibility-disagreement', 'grant-vs-reject', 'spread:feasibility', 'threshold-split:feasibility', 'untrusted-input']);
    const eligibility = application.flags.find((flag) => flag.kind === 'eligibility-disagreement');
    expect(eligibility?.blocksRanking).toBe(true);
    expect(application.consensus.eligibility.verdict).toBe('unsettled');
    // 25 % of 100 000 is 25 000: 126 000 is more than 25 % above; 125 000 would not be.
    const exactly = build([merged('a', 5, 5), merged('c', 5, 5, { recommendation: { decision: 'grant', amount: 125_000, firstYearAmount: 1, comment: '' } })]);
    expect(kinds(exactly)).toEqual([]);
    expect(kinds(build([merged('a', 5, 5)]))).toEqual(['too-few-assessments']);
  });

  it('a version conflict leaves both out of the figures and says so in both languages', () => {
    const application = build([merged('a', 5, 5), merged('b', 2, 2, { status: 'version-conflict' }), merged('b', 6, 6, { status: 'version-conflict' })]);
    expect(kinds(application)).toEqual(['too-few-assessments', 'version-conflict']);
    expect(application.statistics[0]?.scores).toEqual([{ assessorId: 'a', score: 5 }]);
  });
});

describe('consensus', () => {
  const context = { scheme, settings: DEFAULT_ROUND_SETTINGS, firstYearRequested: 100_000, by: 'leder', at: '2021-04-01T10:00:00+02:00' };
  const reason = 'Panelet har drøftet saken og legger vekt på den konkrete planen.';

  it('flags no value answers (too few, version conflict, untrusted) are settled only by a justified decision to go on', () => {
    const assessments = [merged('a', 5, 5, { trusted: false }), merged('b', 2, 2, { status: 'version-conflict' }), merged('b', 6, 6, { status: 'version-conflict' })];
    const open = build(assessments);
    const state = (application: ReturnType<typeof build>) =>
      Object.fromEntries(application.flags.map((flag) => [flag.kind, flag.settlement.state]));
    expect(state(open)).toEqual({ 'too-few-assessments': 'open', 'version-conflict': 'open', 'untrusted-input': 'open' });
    // A short justification is refused and changes nothing.
    const short = applyConsensusChange(null, { applicationId: 'APP-1', acknowledge: { kind: 'too-few-assessments', justification: 'Ok.' } }, context);
    expect(short.ok).toBe(false);
    let record: ConsensusRecord | null = null;
    for (const kind of ['too-few-assessments', 'version-conflict', 'untrusted-input'] as const) {
      const applied = applyConsensusChange(record, { applicationId: 'APP-1', acknowledge: { kind, justification: reason } }, context);
      if (!applied.ok) throw new Error(applied.error.en);
      record = applied.value;
    }
    const settled = build(assessments, record);
    expect(state(settled)).toEqual({ 'too-few-assessments': 'settled', 'version-conflict': 'settled', 'untrusted-input': 'settled' });
    expect(settled.flags.every((flag) => flag.settlement.justification === reason)).toBe(true);
    // Going on does not change the figures: the clashing versions stay out, the untrusted one stays marked.
    expect(settled.statistics[0]?.scores).toEqual([{ assessorId: 'a', score: 5 }]);
    expect(settled.assessments.find((assessment) => assessment.assessorId === 'a')?.trusted).toBe(false);
  });

  it('the lead settles the flags: own score, eligibility, amount; the computed value can be accepted', () => {
    const assessments = [merged('a', 6, 5, { eligibility: 'ineligible' }), merged('b', 3, 5)];
    const before = build(assessments);
    expect(before.flags.filter((flag) => flag.settlement.state === 'open').map((flag) => flag.kind).sort()).toEqual(['eligibility-disagreement', 'spread', 'threshold-split']);
    const applied = applyConsensusChange(null, { applicationId: 'APP-1', criteria: [{ criterionId: 'feasibility', score: 4, justification: reason }], eligibility: { verdict: 'eligible', justification: reason }, amount: { firstYearAmount: 40_000, justification: reason } }, context);
    if (!applied.ok) throw new Error(applied.error.en);
    const after = build(assessments, applied.value);
    expect(after.flags.every((flag) => flag.settlement.state === 'settled')).toBe(true);
    expect(after.flags[0]?.settlement).toMatchObject({ justification: reason, by: 'leder' });
    expect(after.consensus).toMatchObject({ eligibility: { verdict: 'eligible', source: 'lead' }, amount: { firstYearAmount: 40_000, source: 'lead' }, weightedTotal: 9 });
    const computed = applyConsensusChange(applied.value, { applicationId: 'APP-1', criteria: [{ criterionId: 'feasibility', score: 'computed', justification: reason }] }, context);
    expect(computed.ok && build(assessments, computed.value).consensus.criteria[0]).toMatchObject({ value: 4.5, source: 'computed', justification: reason });
  });

  it('refuses a short justification, a score off the scale, an amount above the first-year request, an empty change', () => {
    const refuse = (change: Parameters<typeof applyConsensusChange>[1]) => {
      const result = applyConsensusChange(null, change, context);
      return result.ok ? 'accepted' : result.error.en;
    };
    expect(refuse({ applicationId: 'APP-1', criteria: [{ criterionId: 'feasibility', score: 4, justification: 'for kort' }] })).toBe('feasibility: the justification must have at least 40 characters');
    expect(refuse({ applicationId: 'APP-1', criteria: [{ criterionId: 'feasibility', score: 8, justification: reason }] })).toMatch(/outside the scale 1–7/);
    expect(refuse({ applicationId: 'APP-1', amount: { firstYearAmount: 100_001, justification: reason } })).toMatch(/above the first year's request/);
    expect(refuse({ applicationId: 'APP-1' })).toMatch(/does not say what to set/);
  });
});
