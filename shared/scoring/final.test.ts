import { describe, expect, it } from 'vitest';
import type { Assessment } from '../assessment/schema';
import { getBuiltInScheme } from '../scheme/load';
import type { SchemeDefinition } from '../scheme/schema';
import { validateForFinal } from './final';

const scheme = getBuiltInScheme('imdi-kommunale-integreringstiltak-2021') as SchemeDefinition;
const LONG = 'Prosjektet har en gjennomarbeidet plan, forpliktende partnere og en realistisk egenandel over tre år.';
const REQUESTED = 800_000;

type Parts = Pick<Assessment, 'impartiality' | 'scores' | 'recommendation'>;

function complete(): Parts {
  return {
    impartiality: { declared: true, conflict: false, reason: '', declaredAt: '2021-03-01T09:00:00+01:00' },
    scores: [
      { criterionId: 'feasibility', score: 5, justification: LONG },
      { criterionId: 'transferValue', score: 4, justification: LONG },
    ],
    recommendation: { decision: 'grant', amount: 600_000, comment: '' },
  };
}

function codes(parts: Parts, verdict: 'eligible' | 'ineligible' | 'needs-review' = 'eligible'): string[] {
  return validateForFinal(parts, scheme, verdict, REQUESTED).map((p) => p.code);
}

describe('validateForFinal', () => {
  it('accepts a complete assessment of an eligible application', () => {
    expect(codes(complete())).toEqual([]);
  });

  it('requires the impartiality declaration first', () => {
    const problems = validateForFinal({ ...complete(), impartiality: null }, scheme, 'eligible', REQUESTED);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ code: 'impartiality-missing', field: 'impartiality' });
    expect(problems[0]?.message.nb).toContain('§ 6');
  });

  it('lets a disqualified assessor finalise only a recusal: no scores, no grant, no amount', () => {
    const conflict = { declared: true, conflict: true, reason: 'Søster er prosjektleder', declaredAt: '2021-03-01T09:00:00+01:00' } as const;
    const recusal: Parts = {
      impartiality: conflict,
      scores: [
        { criterionId: 'feasibility', score: null, justification: '' },
        { criterionId: 'transferValue', score: null, justification: '' },
      ],
      recommendation: { decision: 'undecided', amount: 0, comment: '' },
    };
    expect(codes(recusal)).toEqual([]);
    const conflicted = { ...complete(), impartiality: { ...conflict, reason: ' ' } };
    expect(codes(conflicted)).toEqual(['conflict-reason-missing', 'conflict-has-scores', 'conflict-has-scores', 'conflict-grant', 'conflict-amount']);
  });

  it('requires both scores and justifications', () => {
    const parts = complete();
    parts.scores = [{ criterionId: 'feasibility', score: 5, justification: 'Kort.' }];
    expect(codes(parts)).toEqual(['justification-too-short', 'score-missing', 'justification-missing']);
  });

  it('requires a decision', () => {
    const parts = complete();
    parts.recommendation = { decision: 'undecided', amount: 0, comment: '' };
    expect(codes(parts)).toEqual(['decision-missing']);
  });

  it('refuses a grant to an ineligible application and asks for open checks to be resolved', () => {
    expect(codes(complete(), 'ineligible')).toEqual(['grant-ineligible']);
    expect(codes(complete(), 'needs-review')).toEqual(['checks-open']);
    const rejection: Parts = { ...complete(), recommendation: { decision: 'reject', amount: 0, comment: 'Sent' } };
    expect(codes(rejection, 'ineligible')).toEqual([]);
  });

  it('keeps the amount consistent with the decision and at most the requested total', () => {
    expect(codes({ ...complete(), recommendation: { decision: 'grant', amount: 0, comment: '' } })).toEqual(['grant-without-amount']);
    expect(codes({ ...complete(), recommendation: { decision: 'reject', amount: 10, comment: '' } })).toEqual(['reject-with-amount']);
    const above = validateForFinal(
      { ...complete(), recommendation: { decision: 'grant', amount: 800_001, comment: '' } },
      scheme,
      'eligible',
      REQUESTED,
    );
    expect(above.map((p) => [p.code, p.field])).toEqual([['amount-above-requested', 'recommendation.amount']]);
    expect(above[0]?.message.nb).toBe('Foreslått beløp 800\u00A0001\u00A0kr er høyere enn omsøkt 800\u00A0000\u00A0kr.');
    expect(codes({ ...complete(), recommendation: { decision: 'grant', amount: REQUESTED, comment: '' } })).toEqual([]);
  });
});
