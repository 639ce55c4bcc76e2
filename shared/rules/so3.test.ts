import { describe, expect, it } from 'vitest';
import { r26, r27, r28, r29, r30, r31 } from './so3';
import { baseApplication, run } from './test-support';

function so3() {
  const application = baseApplication(3);
  if (!application.delivery || !application.supervisor) throw new Error('SO3 fixture has delivery and supervisor');
  return { application, delivery: application.delivery, supervisor: application.supervisor };
}

describe('R26 blended learning', () => {
  it('passes with classroom and online teaching', () => {
    expect(run(r26, baseApplication(3)).status).toBe('pass');
  });

  it('fails with classroom teaching only', () => {
    const { application, delivery } = so3();
    delivery.online = false;
    const outcome = run(r26, application);
    expect(outcome.status).toBe('fail');
    expect(outcome.reason.en).toContain('only in the classroom');
  });

  it('fails when delivery is not described', () => {
    const { application } = so3();
    delete application.delivery;
    expect(run(r26, application).status).toBe('fail');
  });
});

describe('R27 at least 10 participants', () => {
  it('passes with 12', () => {
    expect(run(r27, baseApplication(3)).reason.nb).toBe('12 deltakere, minimum er 10.');
  });

  it('fails with 9 and states the numbers', () => {
    const application = baseApplication(3);
    application.participants.count = 9;
    const outcome = run(r27, application);
    expect(outcome.status).toBe('fail');
    expect(outcome.reason.nb).toBe('9 deltakere, minimum er 10.');
    expect(outcome.reason.en).toBe('9 participants, the minimum is 10.');
  });
});

describe('R28 supervisor', () => {
  it('passes with a university supervisor financed in the budget', () => {
    const outcome = run(r28, baseApplication(3));
    expect(outcome.status).toBe('pass');
    expect(outcome.reason.nb).not.toContain('merk');
  });

  it('passes but notes a supervisor outside university/college who did not help write the application', () => {
    const { application, supervisor } = so3();
    supervisor.institutionKind = 'other';
    supervisor.involvedInApplication = false;
    const outcome = run(r28, application);
    expect(outcome.status).toBe('pass');
    expect(outcome.reason.en).toContain('not from a university or college');
    expect(outcome.reason.en).toContain('did not take part');
  });

  it('fails without a supervisor', () => {
    const { application } = so3();
    delete application.supervisor;
    expect(run(r28, application).status).toBe('fail');
  });

  it('fails when supervision is not financed', () => {
    const { application, supervisor } = so3();
    supervisor.financedInBudget = false;
    expect(run(r28, application).status).toBe('fail');
  });
});

describe('R29 digital tools and learning outcome', () => {
  it('passes when stated', () => {
    expect(run(r29, baseApplication(3)).status).toBe('pass');
  });

  it('fails when denied', () => {
    const { application, delivery } = so3();
    delivery.digitalToolsLearningOutcome = false;
    expect(run(r29, application).status).toBe('fail');
  });

  it('asks for review when not stated', () => {
    const { application, delivery } = so3();
    delete delivery.digitalToolsLearningOutcome;
    expect(run(r29, application).status).toBe('review');
  });
});

describe('R30 results published for teachers', () => {
  it('passes with teacher guidance', () => {
    expect(run(r30, baseApplication(3)).status).toBe('pass');
  });

  it('fails without it', () => {
    const { application, delivery } = so3();
    delivery.teacherGuidance = false;
    expect(run(r30, application).status).toBe('fail');
  });
});

describe('R31 priority themes', () => {
  it('recognises multilingualism', () => {
    const outcome = run(r31, baseApplication(3));
    expect(outcome.status).toBe('pass');
    expect(outcome.reason.nb).toContain('flerspråklighet som ressurs');
  });

  it('recognises digital tools in the summary', () => {
    const application = baseApplication(3);
    application.project.priorityThemes = [];
    application.project.summary = 'Vi prøver ut digitale læringsressurser.';
    expect(run(r31, application).reason.en).toContain('digital tools');
  });

  it('is not met when no theme is named', () => {
    const application = baseApplication(3);
    application.project.priorityThemes = ['Samfunnskunnskap'];
    expect(run(r31, application).status).toBe('fail');
  });
});
