import { describe, expect, it } from 'vitest';
import { r15, r16 } from './general-budget';
import { baseApplication, run } from './test-support';

describe('R15 cooperation with voluntary organisations (priority)', () => {
  it('passes with a voluntary-organisation partner and names it', () => {
    const outcome = run(r15, baseApplication(4));
    expect(outcome.status).toBe('pass');
    expect(outcome.reason.nb).toContain('Røde Kors Stavanger');
  });

  it('passes on the project flag alone', () => {
    const application = baseApplication(4);
    application.partners = [];
    expect(run(r15, application).status).toBe('pass');
  });

  it('is not met without any cooperation', () => {
    const application = baseApplication(4);
    application.partners = [];
    application.project.volunteerCooperation = false;
    expect(run(r15, application).status).toBe('fail');
  });
});

describe('R16 the budget adds up per year', () => {
  it('passes when total = own + requested + other every year', () => {
    expect(run(r16, baseApplication(3)).status).toBe('pass');
  });

  it('fails and names the year and the difference in kroner', () => {
    const application = baseApplication(3);
    const year2022 = application.budget[1];
    if (!year2022) throw new Error('fixture has two budget years');
    year2022.totalCost += 25_000;
    const outcome = run(r16, application);
    expect(outcome.status).toBe('fail');
    expect(outcome.reason.nb).toContain('2022: egenandel + søkt tilskudd + annen finansiering = 1\u00a0200\u00a0000\u00a0kr, 25\u00a0000\u00a0kr mindre enn totalkostnaden 1\u00a0225\u00a0000\u00a0kr');
    expect(outcome.reason.en).toContain('NOK\u00a025,000 less than the total cost');
    expect(outcome.reason.nb).not.toContain('2021:');
  });

  it('fails when the parts exceed the total', () => {
    const application = baseApplication(3);
    const year2021 = application.budget[0];
    if (!year2021) throw new Error('fixture has two budget years');
    year2021.otherFunding = 1;
    expect(run(r16, application).reason.en).toContain('NOK\u00a01 more than');
  });

  it('fails when the stipend is larger than the requested grant', () => {
    const application = baseApplication(1);
    const year2021 = application.budget[0];
    if (!year2021) throw new Error('fixture has two budget years');
    year2021.stipendRequested = year2021.requestedGrant + 1;
    expect(run(r16, application).reason.en).toContain('requested stipend');
  });

  it('fails when a year appears twice', () => {
    const application = baseApplication(3);
    const year2021 = application.budget[0];
    if (!year2021) throw new Error('fixture has two budget years');
    application.budget.push({ ...year2021 });
    expect(run(r16, application).reason.en).toContain('2021 appears more than once');
  });
});
