import { describe, expect, it } from 'vitest';
import { r35, r36, r37, r38, r39 } from './so5';
import { baseApplication, run } from './test-support';

function so5() {
  const application = baseApplication(5);
  if (!application.health) throw new Error('SO5 fixture has a health section');
  return { application, health: application.health };
}

describe('R35 target group (manual)', () => {
  it('quotes the target group for the assessor to confirm', () => {
    expect(run(r35, baseApplication(5)).status).toBe('review');
  });

  it('says when the export lacks it', () => {
    expect(run(r35, baseApplication(5), ['health']).reason.en).toContain('not in the case-system export');
  });
});

describe('R36 not on referral from a doctor', () => {
  it('passes without referral', () => {
    expect(run(r36, baseApplication(5)).status).toBe('pass');
  });

  it('fails for a referral-based offer', () => {
    const { application, health } = so5();
    health.referralBased = true;
    const outcome = run(r36, application);
    expect(outcome.status).toBe('fail');
    expect(outcome.reason.en).toContain('referral from a doctor');
  });

  it('fails without the health section', () => {
    const { application } = so5();
    delete application.health;
    expect(run(r36, application).status).toBe('fail');
  });
});

describe('R37 interdisciplinary cooperation', () => {
  it('passes when provided for', () => {
    expect(run(r37, baseApplication(5)).status).toBe('pass');
  });

  it('fails when not', () => {
    const { application, health } = so5();
    health.interdisciplinary = false;
    expect(run(r37, application).status).toBe('fail');
  });
});

describe('R38 Helsedirektoratet’s guide (priority)', () => {
  it('is met when used', () => {
    expect(run(r38, baseApplication(5)).status).toBe('pass');
  });

  it('is not met when not used', () => {
    const { application, health } = so5();
    health.usesHelsedirektoratetGuide = false;
    expect(run(r38, application).status).toBe('fail');
  });
});

describe('R39 work-oriented model', () => {
  it('names the model', () => {
    expect(run(r39, baseApplication(5)).reason.nb).toBe('Modell/metode: «Fontenehus».');
  });

  it('asks the assessor when no model is named', () => {
    const { application, health } = so5();
    delete health.workOrientedModel;
    expect(run(r39, application).status).toBe('review');
  });
});
