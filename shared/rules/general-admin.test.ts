import { describe, expect, it } from 'vitest';
import { r07, r11, r12, r13, r14 } from './general-admin';
import { baseApplication, run } from './test-support';

describe('information rules R07, R11–R14', () => {
  it('R07 names both criteria', () => {
    const outcome = run(r07, baseApplication(1));
    expect(outcome.status).toBe('pass');
    expect(outcome.reason.nb.toLowerCase()).toContain('gjennomføringsevne');
  });

  it('R11 names the reserved SO1 pool of 20 million', () => {
    const outcome = run(r11, baseApplication(1));
    expect(outcome.status).toBe('pass');
    expect(outcome.reason.nb).toContain('20\u00a0000\u00a0000\u00a0kr');
    expect(outcome.reason.nb).toContain('forbeholdt');
  });

  it('R11 flags a yearly request larger than the whole pool', () => {
    const application = baseApplication(5);
    const year2021 = application.budget[0];
    if (!year2021) throw new Error('fixture has two budget years');
    year2021.requestedGrant = 5_000_001;
    const outcome = run(r11, application);
    expect(outcome.status).toBe('fail');
    expect(r11.severity).toBe('info');
  });

  it('R12 lists the budget years', () => {
    expect(run(r12, baseApplication(2)).reason.nb).toContain('2021, 2022');
  });

  it('R12 says when the export lacks the budget', () => {
    expect(run(r12, baseApplication(2), ['applicant']).status).toBe('review');
  });

  it('R13 lists both reporting deadlines in Norwegian date form', () => {
    const outcome = run(r13, baseApplication(2));
    expect(outcome.reason.nb).toContain('01.09.2021');
    expect(outcome.reason.nb).toContain('01.02.2022');
  });

  it('R14 cites the Public Administration Act', () => {
    expect(run(r14, baseApplication(2)).reason.nb).toContain('§§ 3');
  });
});
