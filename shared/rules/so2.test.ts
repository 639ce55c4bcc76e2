import { describe, expect, it } from 'vitest';
import type { ApplicationPackage, Partner } from '../package/schema';
import { r23, r24, r25 } from './so2';
import { baseApplication, run, setStipend } from './test-support';

function withEntrepreneur(change: (partner: Partner) => void): ApplicationPackage {
  const application = baseApplication(2);
  const entrepreneur = application.partners.find((partner) => partner.kind === 'social-entrepreneur');
  if (!entrepreneur) throw new Error('fixture has a social entrepreneur');
  change(entrepreneur);
  return application;
}

describe('R23 social entrepreneur partnership', () => {
  it('passes with no-dividend statutes, a business model and a social mission', () => {
    const outcome = run(r23, baseApplication(2));
    expect(outcome.status).toBe('pass');
    expect(outcome.reason.nb).toContain('Grønn Mat AS (AS)');
  });

  it("fails when the partner carries the applicant's own organisation number", () => {
    const application = baseApplication(2);
    const outcome = run(r23, withEntrepreneur((partner) => { partner.organisationNumber = application.applicant.organisationNumber; }));
    expect(outcome.status).toBe('fail');
    expect(outcome.reason.en).toContain('cannot partner with itself');
  });

  it('asks for review for an IKS, or an AS named after the applicant municipality', () => {
    const iks = run(r23, withEntrepreneur((partner) => { partner.name = 'Vekst IKS'; }));
    expect(iks.status).toBe('review');
    expect(iks.reason.en).toContain('inter-municipal company (IKS)');
    const application = baseApplication(2);
    const home = application.applicant.name.replace(/ kommune$/, '');
    const owned = run(r23, withEntrepreneur((partner) => { partner.name = `${home} kommunale arbeidssenter AS`; }));
    expect(owned.status).toBe('review');
    expect(owned.reason.en).toContain('confirm the ownership');
  });

  it('fails when the statutes allow dividends', () => {
    const outcome = run(r23, withEntrepreneur((partner) => { partner.noDividendInStatutes = false; }));
    expect(outcome.status).toBe('fail');
    expect(outcome.reason.en).toContain('the statutes do not forbid dividends');
  });

  it('fails without a business model', () => {
    const outcome = run(r23, withEntrepreneur((partner) => { partner.businessModel = '  '; }));
    expect(outcome.status).toBe('fail');
    expect(outcome.reason.en).toContain('no business model');
  });

  it('asks for review when the statutes are not described', () => {
    const outcome = run(r23, withEntrepreneur((partner) => { delete partner.noDividendInStatutes; }));
    expect(outcome.status).toBe('review');
  });

  it('fails without any social entrepreneur', () => {
    const application = baseApplication(2);
    application.partners = application.partners.filter((partner) => partner.kind !== 'social-entrepreneur');
    expect(run(r23, application).status).toBe('fail');
  });
});

describe('R24 SO2 stipend at most 1G and only without other stipend', () => {
  it('passes within 1G per participant-year', () => {
    expect(run(r24, baseApplication(2)).status).toBe('pass');
  });

  it('fails when every participant already has another stipend', () => {
    const application = baseApplication(2);
    application.participants.list?.forEach((participant) => { participant.otherStipend = true; });
    const outcome = run(r24, application);
    expect(outcome.status).toBe('fail');
    expect(outcome.reason.en).toContain('2021: requested NOK\u00a0150,000, computed grant share NOK\u00a00');
  });

  it('fails above 1G per participant-year', () => {
    const application = baseApplication(2);
    setStipend(application, { 2021: 150_000, 2022: 900_000 });
    expect(run(r24, application).reason.nb).toContain('2022: søkt 900\u00a0000\u00a0kr');
  });
});

describe('R25 immigrant women prioritised', () => {
  it('is met when at least half are women and states the share', () => {
    const outcome = run(r25, baseApplication(2));
    expect(outcome.status).toBe('pass');
    expect(outcome.reason.nb).toContain('3 av 4 deltakere er kvinner (75 %)');
  });

  it('is not met with a minority of women', () => {
    const application = baseApplication(2);
    application.participants.list?.forEach((participant) => { participant.gender = 'male'; });
    const outcome = run(r25, application);
    expect(outcome.status).toBe('fail');
    expect(r25.severity).toBe('priority');
  });

  it('asks for review without a list', () => {
    const application = baseApplication(2);
    application.participants = { count: 4 };
    expect(run(r25, application).status).toBe('review');
  });
});
