// effectiveEvaluation on a real fixture package evaluated by the real rules engine.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applicationPackageSchema } from '../../shared/package/schema';
import { applyReviews, evaluateApplication } from '../../shared/rules/evaluate';
import type { RuleReview } from '../../shared/assessment/schema';
import { getBuiltInScheme } from '../../shared/scheme/load';
import { effectiveEvaluation } from './domain';
import type { EvaluationView } from './domain';

const scheme = getBuiltInScheme('imdi-kommunale-integreringstiltak-2021');
const manifest = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'packages', 'so1-asker-eligible', 'soknad.json');
const application = applicationPackageSchema.parse(JSON.parse(readFileSync(manifest, 'utf8')));

function evaluation(): EvaluationView {
  if (!scheme) throw new Error('the 2021 scheme is not built in');
  return evaluateApplication({ application, scheme }) as unknown as EvaluationView;
}

function confirmAll(view: EvaluationView): RuleReview[] {
  return view.rules
    .filter((rule) => rule.status === 'review')
    .map((rule) => ({ ruleId: rule.id, action: 'confirm', status: 'pass', comment: 'Kontrollert.', at: '2021-03-01T10:00:00+01:00' }));
}

describe('effectiveEvaluation', () => {
  it('applies the current reviews: confirming every open rule makes the fixture eligible', () => {
    const base = evaluation();
    expect(base.verdict).toBe('needs-review');
    const reviews = confirmAll(base);
    expect(reviews.length).toBeGreaterThan(0);
    const effective = effectiveEvaluation(base, reviews);
    expect(effective.verdict).toBe('eligible');
    expect(effective.rules.find((rule) => rule.id === reviews[0]?.ruleId)?.autoStatus).toBe('review');
  });

  it('starts from the automatic results, so a review removed in the UI no longer counts', () => {
    const base = evaluation();
    // What the backend may send: an evaluation with the stored reviews already applied.
    const withStoredReviews = applyReviews(base as never, confirmAll(base)) as unknown as EvaluationView;
    expect(withStoredReviews.verdict).toBe('eligible');
    expect(effectiveEvaluation(withStoredReviews, []).verdict).toBe('needs-review');
  });

  it('reports a review it cannot apply (a manual rule overridden instead of confirmed)', () => {
    const base = evaluation();
    const manual = base.rules.find((rule) => rule.kind === 'manual' && rule.status !== 'not-applicable');
    if (!manual) throw new Error('the fixture has no manual rule');
    const effective = effectiveEvaluation(base, [
      { ruleId: manual.id, action: 'override', status: 'pass', comment: 'Feil handling.', at: '2021-03-01T10:00:00+01:00' },
    ]);
    expect(effective.ignoredReviews?.map((ignored) => ignored.ruleId)).toEqual([manual.id]);
  });
});
