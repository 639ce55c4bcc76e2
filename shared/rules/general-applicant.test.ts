import { describe, expect, it } from 'vitest';
import { r01, r02, r03 } from './general-applicant';
import { baseApplication, run, scheme2021 } from './test-support';

describe('R01 applicant is a municipality', () => {
  it('passes for the municipality’s own organisation number with a valid partner', () => {
    const outcome = run(r01, baseApplication(4));
    expect(outcome.status).toBe('pass');
    expect(outcome.reason.nb).toContain('964965226');
  });

  it('asks the assessor to confirm a municipal unit (another organisation number in the municipality)', () => {
    const application = baseApplication(4);
    application.applicant = {
      ...application.applicant,
      name: 'Oslo kommune, bydel Grorud',
      unitName: 'Bydel Grorud',
      municipalityNumber: '0301',
      organisationNumber: '974778874',
    };
    const outcome = run(r01, application);
    expect(outcome.status).toBe('review');
    expect(outcome.reason.nb).toContain('958935420');
  });

  it('fails for a non-municipal applicant', () => {
    const application = baseApplication(4);
    application.applicant = { ...application.applicant, name: 'Integreringshjelpen AS', organisationNumber: '991825827' };
    const outcome = run(r01, application);
    expect(outcome.status).toBe('fail');
    expect(outcome.reason.en).toContain('Only municipalities may apply');
  });

  it('fails for a municipality number that is not in the 2020 list', () => {
    const application = baseApplication(4);
    application.applicant = { ...application.applicant, municipalityNumber: '9999', organisationNumber: '991825827' };
    expect(run(r01, application).status).toBe('fail');
  });

  it('fails when a partner municipality does not exist', () => {
    const application = baseApplication(4);
    application.partnerMunicipalities.push({ municipalityNumber: '9998', name: 'Ukjent' });
    const outcome = run(r01, application);
    expect(outcome.status).toBe('fail');
    expect(outcome.reason.nb).toContain('9998');
  });

  it('fails when a partner’s organisation number is not that municipality’s', () => {
    const application = baseApplication(4);
    application.partnerMunicipalities = [{ municipalityNumber: '1108', name: 'Sandnes', organisationNumber: '964965226' }];
    const outcome = run(r01, application);
    expect(outcome.status).toBe('fail');
    expect(outcome.reason.en).toContain('has organisation number 964965137, not 964965226');
  });

  it('fails when the applicant names itself as a partner', () => {
    const application = baseApplication(4);
    application.partnerMunicipalities = [{ municipalityNumber: '1103', name: 'Stavanger' }];
    expect(run(r01, application).status).toBe('fail');
  });
});

describe('R02 received by the deadline (Europe/Oslo)', () => {
  it('passes at 23:59 Oslo time on the deadline day', () => {
    const application = baseApplication(1);
    application.submittedAt = '2021-02-09T23:59:00+01:00';
    const outcome = run(r02, application);
    expect(outcome.status).toBe('pass');
    expect(outcome.reason.nb).toBe('Mottatt 9. februar 2021 kl. 23.59 (norsk tid), innen fristen 9. februar 2021.');
    expect(outcome.reason.en).toBe('Received 9 February 2021, 23:59 (Oslo time), by the deadline 9 February 2021.');
  });

  it('passes for an instant given in UTC that is still 9 February in Oslo', () => {
    const application = baseApplication(1);
    application.submittedAt = '2021-02-09T22:30:00Z';
    expect(run(r02, application).status).toBe('pass');
  });

  it('fails a minute after midnight Oslo time, even though it is still 9 February in UTC', () => {
    const application = baseApplication(1);
    application.submittedAt = '2021-02-09T23:01:00Z';
    const outcome = run(r02, application);
    expect(outcome.status).toBe('fail');
    expect(outcome.reason.nb).toContain('Mottatt 10. februar 2021 kl. 00.01');
    expect(outcome.reason.en).toContain('late applications are not processed');
  });

  it('asks for review when the export has no submission time', () => {
    const outcome = run(r02, baseApplication(1), ['applicant', 'focusArea']);
    expect(outcome.status).toBe('review');
    expect(outcome.reason.en).toContain('submittedAt');
  });
});

describe('R03 one focus area of the scheme', () => {
  it('passes and names the focus area', () => {
    const outcome = run(r03, baseApplication(3));
    expect(outcome.status).toBe('pass');
    expect(outcome.reason.nb).toContain('SO3');
  });

  it('fails when the scheme has no such focus area', () => {
    const scheme = scheme2021();
    const context = { application: baseApplication(3), scheme: { ...scheme, focusAreas: scheme.focusAreas.filter((area) => area.id !== 3) } };
    expect(r03.evaluate(context).status).toBe('fail');
  });
});
