import { describe, expect, it } from 'vitest';
import { r04, r05, r06, r08, r09, r10 } from './general-project';
import { baseApplication, run } from './test-support';

describe('R04 national interest (manual)', () => {
  it('always leaves the judgement to the assessor', () => {
    expect(r04.kind).toBe('manual');
    expect(run(r04, baseApplication(2)).status).toBe('review');
  });
});

describe('R05 previous relevant projects', () => {
  it('lists the previous projects for the assessor to judge', () => {
    const outcome = run(r05, baseApplication(2));
    expect(outcome.status).toBe('review');
    expect(outcome.reason.nb).toContain('«Jobbsjansen» (2019)');
  });

  it('fails when no previous project is named', () => {
    const application = baseApplication(2);
    application.previousProjects = [];
    expect(run(r05, application).status).toBe('fail');
  });
});

describe('R06 own contribution in the project', () => {
  it('is decided automatically but may be overridden by the assessor', () => {
    expect(r06.kind).toBe('auto-override');
  });

  it('passes and states the total and the amount per year', () => {
    const outcome = run(r06, baseApplication(6));
    expect(outcome.status).toBe('pass');
    expect(outcome.reason.nb).toContain('2021: 400\u00a0000\u00a0kr');
    expect(outcome.reason.nb).toContain('samlet 800\u00a0000\u00a0kr');
    expect(outcome.reason.en).toContain('total NOK\u00a0800,000');
  });

  it('fails when the project has no own contribution in any year', () => {
    const application = baseApplication(6);
    application.budget = application.budget.map((year) => ({ ...year, ownContribution: 0, totalCost: year.requestedGrant + year.otherFunding }));
    const outcome = run(r06, application);
    expect(outcome.status).toBe('fail');
    expect(outcome.reason.nb).toContain('samlet 0\u00a0kr');
    expect(outcome.reason.en).toContain('total NOK\u00a00');
  });

  it('fails when there is no budget year at all', () => {
    const application = baseApplication(6);
    application.budget = [];
    expect(run(r06, application).status).toBe('fail');
  });

  it('asks for review and names the year when only some years have no own contribution', () => {
    const application = baseApplication(6);
    const year2022 = application.budget[1];
    if (!year2022) throw new Error('fixture has two budget years');
    year2022.totalCost -= year2022.ownContribution;
    year2022.ownContribution = 0;
    const outcome = run(r06, application);
    expect(outcome.status).toBe('review');
    expect(outcome.reason.nb).toContain('ingen egenandel i 2022');
    expect(outcome.reason.nb).toContain('Samlet egenandel 400\u00a0000\u00a0kr');
    expect(outcome.reason.en).toContain('none in 2022');
    expect(outcome.reason.en).toContain('Total own contribution NOK\u00a0400,000');
  });
});

describe('R08 exemption for measures outside introduksjonsloven', () => {
  it('passes inside the act', () => {
    expect(run(r08, baseApplication(4)).status).toBe('pass');
  });

  it('passes outside the act when an exemption is requested', () => {
    const application = baseApplication(4);
    application.project.outsideIntroductionAct = true;
    application.project.exemptionRequested = true;
    expect(run(r08, application).status).toBe('pass');
  });

  it('fails outside the act without an exemption request', () => {
    const application = baseApplication(4);
    application.project.outsideIntroductionAct = true;
    const outcome = run(r08, application);
    expect(outcome.status).toBe('fail');
    expect(outcome.reason.en).toContain('no exemption');
  });
});

describe('R09 target group (manual)', () => {
  it('quotes the stated target group for the assessor', () => {
    const outcome = run(r09, baseApplication(4));
    expect(outcome.status).toBe('review');
    expect(outcome.reason.nb).toContain('Nyankomne innvandrere omfattet av introduksjonsloven');
  });

  it('says the data is missing when the export lacks the project', () => {
    const outcome = run(r09, baseApplication(4), ['applicant']);
    expect(outcome.status).toBe('review');
    expect(outcome.reason.nb).toContain('finnes ikke i eksporten');
  });
});

describe('R10 at most three years', () => {
  it('passes exactly three years (last day before the third anniversary)', () => {
    const application = baseApplication(6);
    application.project.startDate = '2021-03-01';
    application.project.endDate = '2024-02-29';
    expect(run(r10, application).status).toBe('pass');
  });

  it('fails a four-year project and states by how much', () => {
    const application = baseApplication(6);
    application.project.startDate = '2021-08-01';
    application.project.endDate = '2025-07-31';
    const outcome = run(r10, application);
    expect(outcome.status).toBe('fail');
    expect(outcome.reason.en).toContain('365 days longer than 3 years');
  });

  it('fails one day over three years', () => {
    const application = baseApplication(6);
    application.project.startDate = '2021-03-01';
    application.project.endDate = '2024-03-01';
    expect(run(r10, application).reason.en).toContain('1 day longer');
    expect(run(r10, application).reason.nb).toContain('1 dag lenger');
  });

  it('fails an end date before the start date', () => {
    const application = baseApplication(6);
    application.project.endDate = '2021-07-01';
    expect(run(r10, application).status).toBe('fail');
  });

  it('asks for review when the budget has more years than the period can span', () => {
    const application = baseApplication(6);
    application.budget = [2021, 2022, 2023, 2024, 2025].map((year) => ({
      year,
      totalCost: 100,
      ownContribution: 50,
      requestedGrant: 50,
      otherFunding: 0,
      stipendRequested: 0,
    }));
    expect(run(r10, application).status).toBe('review');
  });
});
