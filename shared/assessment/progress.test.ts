import { describe, expect, it } from 'vitest';
import { getBuiltInScheme } from '../scheme/load';
import type { SchemeDefinition } from '../scheme/schema';
import { firstUnfinishedStep, nextUnfinished, roundProgress, stepStates, type StepInput } from './progress';
import type { Assessment } from './schema';

const scheme = getBuiltInScheme('imdi-kommunale-integreringstiltak-2021') as SchemeDefinition;

describe('roundProgress', () => {
  it('counts final and conflict as done, drafts and not started apart', () => {
    expect(roundProgress(['final', 'draft', 'not-started', 'conflict', 'not-started'])).toEqual({
      total: 5,
      done: 2,
      final: 1,
      conflict: 1,
      draft: 1,
      notStarted: 2,
    });
    expect(roundProgress([])).toMatchObject({ total: 0, done: 0 });
  });
});

describe('nextUnfinished', () => {
  const rows = [
    { applicationId: 'A', myStatus: 'final' as const },
    { applicationId: 'B', myStatus: 'draft' as const },
    { applicationId: 'C', myStatus: 'conflict' as const },
    { applicationId: 'D', myStatus: 'not-started' as const },
  ];
  it('finds the next draft or not-started row after the current one, wrapping round', () => {
    expect(nextUnfinished(rows, 'B')?.applicationId).toBe('D');
    expect(nextUnfinished(rows, 'D')?.applicationId).toBe('B');
    expect(nextUnfinished(rows)?.applicationId).toBe('B');
  });
  it('gives nothing when the current one is the only unfinished one', () => {
    expect(nextUnfinished(rows.filter((row) => row.applicationId !== 'D'), 'B')).toBeUndefined();
  });
});

function input(assessment: Partial<StepInput['assessment']>, openChecks = 0, verdict: StepInput['verdict'] = 'eligible'): StepInput {
  return {
    assessment: {
      impartiality: null,
      scores: [],
      recommendation: { decision: 'undecided', amount: 0, comment: '' },
      status: 'draft',
      ...assessment,
    },
    scheme,
    verdict,
    openChecks,
    requestedTotal: 500_000,
  };
}

const declared: Assessment['impartiality'] = { declared: true, conflict: false, reason: '', declaredAt: '2021-03-01T10:00:00+01:00' };
const justification = 'Godt begrunnet: tydelig plan, realistisk budsjett, erfaren prosjektgruppe og forankring i ledelsen.';

describe('stepStates and firstUnfinishedStep', () => {
  it('locks the formal check and the scores until impartiality is declared', () => {
    expect(stepStates(input({}, 3))).toEqual({ impartiality: 'open', formal: 'locked', scoring: 'locked', finalise: 'locked' });
    expect(firstUnfinishedStep(input({}, 3))).toBe('impartiality');
  });

  it('opens on the formal check while rules are open, then on the scores', () => {
    expect(firstUnfinishedStep(input({ impartiality: declared }, 2, 'needs-review'))).toBe('formal');
    expect(stepStates(input({ impartiality: declared }, 0))).toMatchObject({ impartiality: 'done', formal: 'done', scoring: 'open' });
    expect(firstUnfinishedStep(input({ impartiality: declared }, 0))).toBe('scoring');
  });

  it('goes to finalise when every step is done', () => {
    const scores = scheme.criteria.map((criterion) => ({ criterionId: criterion.id, score: 5, justification }));
    const ready = input({ impartiality: declared, scores, recommendation: { decision: 'grant', amount: 400_000, comment: '' } });
    expect(stepStates(ready)).toEqual({ impartiality: 'done', formal: 'done', scoring: 'done', finalise: 'open' });
    expect(firstUnfinishedStep(ready)).toBe('finalise');
  });

  it('keeps the formal check and the scores locked after a conflict of interest', () => {
    const conflict = input({ impartiality: { ...declared, conflict: true, reason: 'Nær familie i prosjektgruppen' } }, 4);
    expect(stepStates(conflict)).toMatchObject({ formal: 'locked', scoring: 'locked', finalise: 'open' });
    expect(firstUnfinishedStep(conflict)).toBe('finalise');
  });
});
