import { describe, expect, it } from 'vitest';
import type { RuleReview } from '../assessment/schema';
import { applicationPackageSchema, type FocusAreaNumber } from '../package/schema';
import { ruleCatalogue } from './catalogue';
import { applyReviews, evaluateApplication, verdictOf } from './evaluate';
import { baseApplication, contextFor } from './test-support';

const FOCUS_AREAS: FocusAreaNumber[] = [1, 2, 3, 4, 5, 6];

function review(ruleId: string, action: RuleReview['action'], status: RuleReview['status'], at = '2021-03-01T10:00:00+01:00'): RuleReview {
  return { ruleId, action, status, comment: `Vurdert ${ruleId}`, at };
}

/** Confirms every manual reject rule as passed: what a satisfied assessor does. */
function confirmManualRejects(focusArea: FocusAreaNumber): RuleReview[] {
  return ruleCatalogue
    .filter((rule) => rule.kind === 'manual' && rule.severity === 'reject')
    .filter((rule) => rule.focusAreas === 'all' || rule.focusAreas.includes(focusArea))
    .map((rule) => review(rule.id, 'confirm', 'pass'));
}

describe('test builders', () => {
  it.each(FOCUS_AREAS)('SO%i base application is a valid package v1', (focusArea) => {
    const parsed = applicationPackageSchema.safeParse(baseApplication(focusArea));
    expect(parsed.error?.issues ?? []).toEqual([]);
  });
});

describe('evaluateApplication', () => {
  it.each(FOCUS_AREAS)('SO%i base: every automatic reject rule passes, manual ones wait for the assessor', (focusArea) => {
    const evaluation = evaluateApplication(contextFor(baseApplication(focusArea)));
    expect(evaluation.verdict).toBe('needs-review');
    expect(evaluation.rules.map((rule) => rule.id)).toEqual(ruleCatalogue.map((rule) => rule.id));
    const blocking = evaluation.rules.filter((rule) => rule.severity === 'reject' && rule.status !== 'pass' && rule.status !== 'not-applicable');
    expect(blocking.every((rule) => rule.kind === 'manual' && rule.status === 'review')).toBe(true);
    expect(applyReviews(evaluation, confirmManualRejects(focusArea)).verdict).toBe('eligible');
  });

  it.each(FOCUS_AREAS)('SO%i: every result has a reason in both languages', (focusArea) => {
    for (const rule of evaluateApplication(contextFor(baseApplication(focusArea))).rules) {
      expect(rule.reason.nb.trim(), rule.id).not.toBe('');
      expect(rule.reason.en.trim(), rule.id).not.toBe('');
      expect(rule.reason.nb, rule.id).not.toBe(rule.reason.en);
    }
  });

  it.each(FOCUS_AREAS)('SO%i: failing results also have a reason in both languages', (focusArea) => {
    const application = baseApplication(focusArea);
    application.submittedAt = '2021-02-10T08:00:00+01:00';
    application.applicant = { ...application.applicant, name: 'Integreringshjelpen AS', organisationNumber: '991825827' };
    application.project = { ...application.project, outsideIntroductionAct: true, endDate: '2025-12-31', priorityThemes: [], summary: 'x' };
    application.project.educationOriented = false;
    application.project.participantsInformedOfResearch = false;
    application.budget.forEach((year) => { year.ownContribution = 0; year.stipendRequested = 9_000_000; });
    application.participants.count = 3;
    application.participants.list?.forEach((participant) => {
      participant.completedIntroYear3 = false;
      participant.anchoredInIndividualPlan = false;
      participant.gender = 'male';
    });
    application.partners = [{ kind: 'social-entrepreneur', name: 'Utbytte AS', noDividendInStatutes: false }];
    application.previousProjects = [];
    delete application.supervisor;
    application.delivery = { classroom: true, online: false, teacherGuidance: false, digitalToolsLearningOutcome: false };
    application.health = { interdisciplinary: false, referralBased: true, usesHelsedirektoratetGuide: false };
    const evaluation = evaluateApplication(contextFor(application));
    expect(evaluation.verdict).toBe('ineligible');
    const failed = evaluation.rules.filter((rule) => rule.status === 'fail');
    expect(failed.length).toBeGreaterThanOrEqual(8);
    for (const rule of failed) {
      expect(rule.reason.nb.trim(), rule.id).not.toBe('');
      expect(rule.reason.nb, rule.id).not.toBe(rule.reason.en);
    }
  });

  it('marks rules of other focus areas not-applicable and says why', () => {
    const evaluation = evaluateApplication(contextFor(baseApplication(3)));
    const r17 = evaluation.rules.find((rule) => rule.id === 'R17');
    expect(r17?.status).toBe('not-applicable');
    expect(r17?.reason.en).toBe('Does not apply to focus area 3.');
    const applicable = evaluation.rules.filter((rule) => rule.status !== 'not-applicable').map((rule) => rule.id);
    expect(applicable).toEqual(expect.arrayContaining(['R01', 'R16', 'R26', 'R31']));
    expect(applicable).not.toContain('R32');
  });

  it('is ineligible when one reject rule fails (9 participants in SO3)', () => {
    const application = baseApplication(3);
    application.participants.count = 9;
    const evaluation = evaluateApplication(contextFor(application));
    expect(evaluation.verdict).toBe('ineligible');
    expect(evaluation.rules.find((rule) => rule.id === 'R27')?.reason.nb).toBe('9 deltakere, minimum er 10.');
  });

  it('never rejects on a priority or info rule', () => {
    const application = baseApplication(2);
    application.participants.list?.forEach((participant) => { participant.gender = 'male'; });
    application.partners = application.partners.filter((partner) => partner.kind !== 'voluntary-organisation');
    application.project.volunteerCooperation = false;
    const evaluation = applyReviews(evaluateApplication(contextFor(application)), confirmManualRejects(2));
    expect(evaluation.rules.find((rule) => rule.id === 'R25')?.status).toBe('fail');
    expect(evaluation.rules.find((rule) => rule.id === 'R15')?.status).toBe('fail');
    expect(evaluation.verdict).toBe('eligible');
  });

  it('includes the stipend summary for SO1 and none for SO4', () => {
    const so1 = evaluateApplication(contextFor(baseApplication(1)));
    expect(so1.stipend?.participants).toHaveLength(4);
    expect(so1.stipend?.grantShareByYear[2021]).toBeGreaterThan(150_000);
    expect(evaluateApplication(contextFor(baseApplication(4))).stipend).toBeUndefined();
  });

  it('turns a rule that cannot compute into a review, not a crash (stipend before the G table)', () => {
    const application = baseApplication(1);
    application.participants.list?.forEach((participant) => { participant.stipendStart = '1990-01-01'; });
    const evaluation = evaluateApplication(contextFor(application));
    expect(evaluation.rules.find((rule) => rule.id === 'R20')?.status).toBe('review');
    expect(evaluation.stipend).toBeUndefined();
  });

  it('keeps the verdict order: fail beats review beats pass', () => {
    expect(verdictOf([{ severity: 'reject', status: 'review' }, { severity: 'reject', status: 'fail' }])).toBe('ineligible');
    expect(verdictOf([{ severity: 'reject', status: 'review' }, { severity: 'priority', status: 'fail' }])).toBe('needs-review');
    expect(verdictOf([{ severity: 'reject', status: 'not-applicable' }, { severity: 'info', status: 'review' }])).toBe('eligible');
  });
});

describe('applyReviews', () => {
  const base = () => evaluateApplication(contextFor(baseApplication(3)));

  it('overrides an auto-override rule with a comment, keeping the automatic status for the audit trail', () => {
    const application = baseApplication(3);
    application.supervisor = undefined;
    const evaluation = evaluateApplication(contextFor(application));
    const reviewed = applyReviews(evaluation, [...confirmManualRejects(3), review('R28', 'override', 'pass')]);
    const r28 = reviewed.rules.find((rule) => rule.id === 'R28');
    expect(r28?.status).toBe('pass');
    expect(r28?.autoStatus).toBe('fail');
    expect(r28?.autoReason.en).toBe('The project has no supervisor.');
    expect(r28?.reason.nb).toBe('Saksbehandler: Vurdert R28');
    expect(r28?.review).toEqual({ action: 'override', status: 'pass', comment: 'Vurdert R28', at: '2021-03-01T10:00:00+01:00' });
    expect(reviewed.verdict).toBe('eligible');
    expect(reviewed.ignoredReviews).toEqual([]);
    expect(evaluation.rules.find((rule) => rule.id === 'R28')?.status).toBe('fail');
  });

  it('refuses to override an auto rule', () => {
    const application = baseApplication(3);
    application.participants.count = 9;
    const reviewed = applyReviews(evaluateApplication(contextFor(application)), [review('R27', 'override', 'pass')]);
    expect(reviewed.rules.find((rule) => rule.id === 'R27')?.status).toBe('fail');
    expect(reviewed.verdict).toBe('ineligible');
    expect(reviewed.ignoredReviews?.[0]?.reason.en).toBe('R27 is decided automatically and cannot be overridden.');
  });

  it('refuses to override a manual rule (manual rules are confirmed)', () => {
    const reviewed = applyReviews(base(), [review('R04', 'override', 'pass')]);
    expect(reviewed.rules.find((rule) => rule.id === 'R04')?.status).toBe('review');
    expect(reviewed.ignoredReviews?.[0]?.reason.en).toContain('manual rule');
  });

  it('refuses a review without a real comment', () => {
    const reviewed = applyReviews(base(), [{ ...review('R04', 'confirm', 'pass'), comment: '   ' }]);
    expect(reviewed.rules.find((rule) => rule.id === 'R04')?.status).toBe('review');
    expect(reviewed.ignoredReviews).toHaveLength(1);
  });

  it('refuses a confirmation that changes an automatic result', () => {
    const reviewed = applyReviews(base(), [review('R28', 'confirm', 'fail'), review('R27', 'confirm', 'fail')]);
    expect(reviewed.rules.find((rule) => rule.id === 'R28')?.status).toBe('pass');
    expect(reviewed.ignoredReviews?.map((ignored) => ignored.reason.en)).toEqual([
      'The confirmation of R28 changes the automatic result; use override with a reason.',
      'R27 is decided automatically; the result "pass" cannot be changed.',
    ]);
  });

  it('lets the assessor decide an automatic rule that could not decide (data not in the export)', () => {
    const evaluation = evaluateApplication(contextFor(baseApplication(3), ['applicant', 'project']));
    expect(evaluation.rules.find((rule) => rule.id === 'R27')?.status).toBe('review');
    const reviewed = applyReviews(evaluation, [review('R27', 'confirm', 'fail')]);
    expect(reviewed.rules.find((rule) => rule.id === 'R27')?.status).toBe('fail');
    expect(reviewed.verdict).toBe('ineligible');
  });

  it('refuses reviews of unknown rules and of rules outside the focus area', () => {
    const reviewed = applyReviews(base(), [review('R99', 'confirm', 'pass'), review('R17', 'confirm', 'pass')]);
    expect(reviewed.ignoredReviews?.map((ignored) => ignored.reason.en)).toEqual([
      'Unknown rule R99.',
      'R17 does not apply to this focus area.',
    ]);
  });

  it('applies the latest review of a rule whatever the order in the list', () => {
    const reviewed = applyReviews(base(), [
      { ...review('R04', 'confirm', 'pass', '2021-03-02T09:00:00+01:00'), comment: 'senere' },
      { ...review('R04', 'confirm', 'fail', '2021-03-01T09:00:00+01:00'), comment: 'tidligere' },
    ]);
    const r04 = reviewed.rules.find((rule) => rule.id === 'R04');
    expect(r04?.status).toBe('pass');
    expect(r04?.review?.comment).toBe('senere');
  });

  it('compares review times as instants, not as text (offsets differ)', () => {
    const reviewed = applyReviews(base(), [
      { ...review('R04', 'confirm', 'fail', '2021-03-01T10:30:00+01:00'), comment: 'later (09:30Z)' },
      { ...review('R04', 'confirm', 'pass', '2021-03-01T10:00:00+02:00'), comment: 'earlier (08:00Z)' },
    ]);
    expect(reviewed.rules.find((rule) => rule.id === 'R04')?.review?.comment).toBe('later (09:30Z)');
  });
});
