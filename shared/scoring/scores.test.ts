import { describe, expect, it } from 'vitest';
import type { CriterionScore } from '../assessment/schema';
import { getBuiltInScheme } from '../scheme/load';
import type { SchemeDefinition } from '../scheme/schema';
import { allThresholdsMet, thresholdStatus, validateScores, weightedTotal } from './scores';

const scheme = getBuiltInScheme('imdi-kommunale-integreringstiltak-2021') as SchemeDefinition;
const LONG = 'Kommunen har gjennomført to tidligere prosjekter med gode resultater og har forpliktende partnere i NAV.';

function scores(feasibility: number | null, transferValue: number | null, justification = LONG): CriterionScore[] {
  return [
    { criterionId: 'feasibility', score: feasibility, justification },
    { criterionId: 'transferValue', score: transferValue, justification },
  ];
}

describe('validateScores', () => {
  it('accepts two scores on the scale with long enough justifications', () => {
    expect(LONG.length).toBeGreaterThanOrEqual(scheme.scoring.justificationMinLength);
    expect(validateScores(scores(5, 4), scheme)).toEqual([]);
  });

  it('reports a missing score and a missing criterion in nb and en', () => {
    const problems = validateScores([{ criterionId: 'feasibility', score: null, justification: LONG }], scheme);
    expect(problems.map((p) => [p.code, p.field, p.criterionId])).toEqual([
      ['score-missing', 'scores[0].score', 'feasibility'],
      ['score-missing', 'scores', 'transferValue'],
      ['justification-missing', 'scores', 'transferValue'],
    ]);
    expect(problems[0]?.message).toEqual({
      nb: 'Gjennomføringsevne: gi en poengsum fra 1 til 7.',
      en: 'Feasibility: give a score from 1 to 7.',
    });
    expect(problems[0]?.text).toBe(problems[0]?.message.nb);
  });

  it('refuses scores off the scale or not whole, and answers in English when asked', () => {
    const problems = validateScores(scores(0, 4.5), scheme, 'en');
    expect(problems.map((p) => p.code)).toEqual(['score-out-of-range', 'score-not-integer']);
    expect(problems[0]?.text).toBe('Feasibility: the score 0 is outside the scale 1–7.');
    expect(validateScores(scores(8, 7), scheme).map((p) => p.code)).toEqual(['score-out-of-range']);
  });

  it('requires a justification of the scheme\'s minimum length, counting characters not bytes', () => {
    const min = scheme.scoring.justificationMinLength;
    const justOver = 'æ'.repeat(min);
    expect(validateScores(scores(4, 4, justOver), scheme)).toEqual([]);
    const short = validateScores(scores(4, 4, `  ${'ø'.repeat(min - 1)}  `), scheme, 'en');
    expect(short.map((p) => p.code)).toEqual(['justification-too-short', 'justification-too-short']);
    expect(short[0]?.text).toBe(`Feasibility: the justification has ${min - 1} characters; at least ${min} are required.`);
    expect(validateScores(scores(4, 4, '   '), scheme).map((p) => p.code)).toEqual(['justification-missing', 'justification-missing']);
  });

  it('takes the minimum length from the scheme', () => {
    const lenient: SchemeDefinition = { ...scheme, scoring: { ...scheme.scoring, justificationMinLength: 3 } };
    expect(validateScores(scores(4, 4, 'Bra'), lenient)).toEqual([]);
  });

  it('refuses a duplicate criterion', () => {
    const problems = validateScores([...scores(4, 4), { criterionId: 'feasibility', score: 2, justification: LONG }], scheme);
    expect(problems.map((p) => [p.code, p.field])).toEqual([['criterion-duplicate', 'scores[2].criterionId']]);
  });
});

describe('weightedTotal', () => {
  it('is the weighted mean on the scale, equal weights by default', () => {
    expect(weightedTotal(scores(5, 4), scheme)).toBe(4.5);
    expect(weightedTotal(scores(7, 7), scheme)).toBe(7);
  });

  it('follows the weights in the scheme', () => {
    const [feasibility, transfer] = scheme.criteria;
    if (!feasibility || !transfer) throw new Error('scheme has two criteria');
    const weighted: SchemeDefinition = { ...scheme, criteria: [{ ...feasibility, weight: 0.6 }, { ...transfer, weight: 0.4 }] };
    // (0.6·6 + 0.4·3) / 1.0 = 4.8, without float noise.
    expect(weightedTotal(scores(6, 3), weighted)).toBe(4.8);
  });

  it('is undefined until both criteria are scored', () => {
    expect(weightedTotal(scores(5, null), scheme)).toBeUndefined();
    expect(weightedTotal([], scheme)).toBeUndefined();
  });
});

describe('thresholdStatus', () => {
  it('checks each criterion against threshold 4', () => {
    expect(thresholdStatus(scores(4, 3), scheme)).toEqual([
      { criterionId: 'feasibility', score: 4, threshold: 4, status: 'met' },
      { criterionId: 'transferValue', score: 3, threshold: 4, status: 'not-met' },
    ]);
    expect(thresholdStatus(scores(null, 6), scheme).map((t) => t.status)).toEqual(['missing', 'met']);
    expect(allThresholdsMet(scores(4, 3), scheme)).toBe(false);
    expect(allThresholdsMet(scores(4, 7), scheme)).toBe(true);
  });
});
