import { describe, expect, it } from 'vitest';
import { r32, r33, r34 } from './so4';
import { baseApplication, run } from './test-support';

describe('R32 at least 10 participants', () => {
  it('passes with 15', () => {
    expect(run(r32, baseApplication(4)).status).toBe('pass');
  });

  it('fails with 1 and uses the singular', () => {
    const application = baseApplication(4);
    application.participants.count = 1;
    expect(run(r32, application).reason.nb).toBe('1 deltaker, minimum er 10.');
  });

  it('asks for review when the export has no participant count', () => {
    expect(run(r32, baseApplication(4), ['applicant', 'budget']).status).toBe('review');
  });
});

describe('R33 priority content elements', () => {
  it('recognises livsmestring', () => {
    expect(run(r33, baseApplication(4)).reason.nb).toContain('livsmestring i et nytt land');
  });

  it('recognises several elements', () => {
    const application = baseApplication(4);
    application.project.priorityThemes = ['Korte bransjekurs', 'Arbeid på deltid', 'Samarbeid med NAV'];
    const outcome = run(r33, application);
    expect(outcome.reason.en).toContain('"short industry courses", "part-time work" and "cooperation models');
  });

  it('is not met when none is named', () => {
    const application = baseApplication(4);
    application.project.priorityThemes = ['Norskopplæring'];
    expect(run(r33, application).status).toBe('fail');
  });

  it('does not take "navn" or "Hovedtidsplan" for NAV or deltid', () => {
    const application = baseApplication(4);
    application.project.priorityThemes = [];
    application.project.summary = 'Deltakerne velger navn på gruppene; se hovedtidsplanen.';
    application.project.goals = ['Fast deltakelse'];
    expect(run(r33, application).status).toBe('fail');
  });
});

describe('R34 extra deliverables (information)', () => {
  it('informs', () => {
    expect(run(r34, baseApplication(4)).reason.nb).toContain('tilskuddsbrevet');
  });
});
