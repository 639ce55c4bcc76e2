import { describe, expect, it } from 'vitest';
import type { Participant } from '../package/schema';
import { r17, r18, r19, r20, r21, r22 } from './so1';
import { computeStipend } from '../money/stipend';
import { baseApplication, run, scheme2021, setStipend } from './test-support';

function so1With(change: (participant: Participant, index: number) => void) {
  const application = baseApplication(1);
  application.participants.list?.forEach(change);
  return application;
}

describe('R17 participants have completed year 3', () => {
  it('passes when all have completed year 3 and start the day after', () => {
    const outcome = run(r17, baseApplication(1));
    expect(outcome.status).toBe('pass');
    expect(outcome.reason.nb).toContain('Alle 4 deltakere');
  });

  it('fails and names a participant who has not completed year 3', () => {
    const outcome = run(r17, so1With((participant, index) => { if (index === 1) participant.completedIntroYear3 = false; }));
    expect(outcome.status).toBe('fail');
    expect(outcome.reason.nb).toContain('1 av 4');
    expect(outcome.reason.nb).toContain('P02');
  });

  it('asks for review when completion is not stated', () => {
    const outcome = run(r17, so1With((participant, index) => { if (index === 0) delete participant.completedIntroYear3; }));
    expect(outcome.status).toBe('review');
    expect(outcome.reason.en).toContain('P01');
  });

  it('asks for review when there is a gap before year 4 and states the days', () => {
    const outcome = run(r17, so1With((participant) => { participant.introYear3CompletedOn = '2021-06-30'; }));
    expect(outcome.status).toBe('review');
    expect(outcome.reason.nb).toContain('P01: 31 dager');
  });

  it('fails when the offer starts before year 3 is completed', () => {
    const outcome = run(r17, so1With((participant) => { participant.introYear3CompletedOn = '2021-08-15'; }));
    expect(outcome.status).toBe('fail');
    expect(outcome.reason.en).toContain('before year 3 is completed');
  });

  it('fails an offer longer than one year', () => {
    const outcome = run(r17, so1With((participant, index) => { if (index === 3) participant.stipendEnd = '2022-08-01'; }));
    expect(outcome.status).toBe('fail');
    expect(outcome.reason.nb).toContain('P04');
  });

  it('asks for review without a participant list', () => {
    const application = baseApplication(1);
    application.participants = { count: 4 };
    expect(run(r17, application).status).toBe('review');
  });
});

describe('R18 education-oriented measures', () => {
  it('passes when education-oriented', () => {
    expect(run(r18, baseApplication(1)).status).toBe('pass');
  });

  it('fails when not education-oriented', () => {
    const application = baseApplication(1);
    application.project.educationOriented = false;
    expect(run(r18, application).status).toBe('fail');
  });

  it('asks for review when not stated', () => {
    const application = baseApplication(1);
    delete application.project.educationOriented;
    expect(run(r18, application).status).toBe('review');
  });
});

describe('R19 anchored in the individual plan', () => {
  it('passes when every participant’s plan anchors the offer', () => {
    expect(run(r19, baseApplication(1)).status).toBe('pass');
  });

  it('fails and names the participant without it', () => {
    const outcome = run(r19, so1With((participant, index) => { if (index === 2) participant.anchoredInIndividualPlan = false; }));
    expect(outcome.status).toBe('fail');
    expect(outcome.reason.nb).toContain('P03');
  });

  it('asks for review when not stated', () => {
    const outcome = run(r19, so1With((participant) => { delete participant.anchoredInIndividualPlan; }));
    expect(outcome.status).toBe('review');
  });
});

describe('R20 SO1 stipend within the grant share', () => {
  it('passes and cites requested and computed amounts per year', () => {
    const outcome = run(r20, baseApplication(1));
    expect(outcome.status).toBe('pass');
    expect(outcome.reason.nb).toContain('2021: 150\u00a0000\u00a0kr av ');
  });

  it('fails when the request exceeds 1G per participant-year, naming the year and amounts', () => {
    const application = baseApplication(1);
    setStipend(application, { 2021: 500_000, 2022: 200_000 });
    const outcome = run(r20, application);
    expect(outcome.status).toBe('fail');
    expect(outcome.reason.nb).toContain('2021: søkt 500\u00a0000\u00a0kr, beregnet tilskuddsandel');
    expect(outcome.reason.nb).not.toContain('2022: søkt');
  });

  it('passes when no stipend is requested and the municipality’s own funds cover the whole 2G', () => {
    const application = baseApplication(1);
    setStipend(application, {});
    application.budget.forEach((year) => {
      year.ownContribution += 200_000;
      year.totalCost += 200_000;
    });
    expect(run(r20, application).reason.en).toBe('No participant stipend is requested.');
  });

  it('asks for review when own contribution cannot pay the rest of the 2G stipend', () => {
    const application = baseApplication(1);
    setStipend(application, {});
    const outcome = run(r20, application);
    expect(outcome.status).toBe('review');
    // 2022: 4 participants × 2G for Jan–Jul (4 months at 106 399, 3 at 111 477) = 4 · 1 520 054/12 = 506 684.67;
    // own + other = 500 000. The reason quotes the allocated figure the calculator shows, not an estimate.
    const summary = computeStipend(application, scheme2021());
    const full2022 = (summary?.grantShareByYear[2022] ?? 0) + (summary?.municipalityShareByYear[2022] ?? 0);
    expect(full2022).toBe(506_685);
    expect(outcome.reason.nb).toContain('2022: deltakerstønad 506\u00a0685\u00a0kr');
    expect(outcome.reason.nb).not.toContain('ca.');
    expect(outcome.reason.nb).toContain('egenandel og annen finansiering er 500\u00a0000\u00a0kr');
    expect(outcome.reason.nb).not.toContain('2021:');
  });

  it('asks for review when a stipend is requested but there is no participant list', () => {
    const application = baseApplication(1);
    application.participants = { count: 4 };
    expect(run(r20, application).status).toBe('review');
  });
});

describe('R21 NIR (information)', () => {
  it('always informs', () => {
    expect(r21.severity).toBe('info');
    expect(run(r21, baseApplication(1)).reason.nb).toContain('NIR');
  });
});

describe('R22 participants informed about research use', () => {
  it('passes when informed', () => {
    expect(run(r22, baseApplication(1)).status).toBe('pass');
  });

  it('fails when not informed', () => {
    const application = baseApplication(1);
    application.project.participantsInformedOfResearch = false;
    expect(run(r22, application).status).toBe('fail');
  });

  it('asks for review when not stated', () => {
    const application = baseApplication(1);
    delete application.project.participantsInformedOfResearch;
    expect(run(r22, application).status).toBe('review');
  });
});
