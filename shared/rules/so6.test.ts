import { describe, expect, it } from 'vitest';
import { r40, r41 } from './so6';
import { baseApplication, run } from './test-support';

describe('R40 at least 10 participants', () => {
  it('passes with exactly 10', () => {
    expect(run(r40, baseApplication(6)).status).toBe('pass');
  });

  it('fails with 9', () => {
    const application = baseApplication(6);
    application.participants.count = 9;
    expect(run(r40, application).reason.en).toBe('9 participants, the minimum is 10.');
  });
});

describe('R41 newly arrived prioritised (manual)', () => {
  it('quotes the target group', () => {
    const outcome = run(r41, baseApplication(6));
    expect(outcome.status).toBe('review');
    expect(outcome.reason.nb).toContain('introduksjonsloven');
  });

  it('says when the export lacks it', () => {
    expect(run(r41, baseApplication(6), []).reason.nb).toContain('project');
  });
});
