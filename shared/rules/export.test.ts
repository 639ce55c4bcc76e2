// A case-system export (one CSV/XLSX row) has real data only for some fields; the import fills the rest with
// placeholders. These tests make sure no rule decides on a placeholder.
import { describe, expect, it } from 'vitest';
import { evaluateApplication } from './evaluate';
import { r01 } from './general-applicant';
import { r08 } from './general-project';
import { baseApplication, contextFor, run } from './test-support';
import type { PackageFieldPath } from './types';

/** What a row with dates, a summary, the budget sums and a participant count provides. */
const ROW_FIELDS: PackageFieldPath[] = [
  'formatVersion',
  'schemeId',
  'applicationId',
  'submittedAt',
  'applicant',
  'focusArea',
  'attachments',
  'project.title',
  'project.summary',
  'project.startDate',
  'project.endDate',
  'budget.year',
  'budget.totalCost',
  'budget.ownContribution',
  'budget.requestedGrant',
  'budget.otherFunding',
  'participants.count',
];

describe('fields provided by a case-system export', () => {
  it('a listed section provides all its sub-fields', () => {
    expect(run(r08, baseApplication(4), ['project']).status).toBe('pass');
  });

  it('a listed sub-field provides only itself', () => {
    const outcome = run(r08, baseApplication(4), ['project.startDate', 'project.endDate']);
    expect(outcome.status).toBe('review');
    expect(outcome.reason.en).toContain('project.outsideIntroductionAct, project.exemptionRequested');
  });

  it('R01 still fails a non-municipal applicant when partner data is missing', () => {
    const application = baseApplication(4);
    application.applicant = { ...application.applicant, name: 'Integreringshjelpen AS', organisationNumber: '991825827' };
    expect(run(r01, application, ['applicant']).status).toBe('fail');
  });

  it('R01 asks for review of a municipality when partner data is missing, naming the missing field', () => {
    const outcome = run(r01, baseApplication(4), ['applicant']);
    expect(outcome.status).toBe('review');
    expect(outcome.reason.nb).toContain('964965226');
    expect(outcome.reason.en).toContain('partnerMunicipalities');
  });

  it('decides what the row carries and leaves the rest to the assessor (SO1)', () => {
    const evaluation = evaluateApplication(contextFor(baseApplication(1), ROW_FIELDS));
    const status = Object.fromEntries(evaluation.rules.map((rule) => [rule.id, rule.status]));
    expect(status).toMatchObject({ R02: 'pass', R06: 'pass', R10: 'pass', R16: 'pass' });
    expect(status).toMatchObject({ R08: 'review', R17: 'review', R18: 'review', R20: 'review', R22: 'review' });
    expect(evaluation.stipend).toBeUndefined();
    expect(evaluation.verdict).toBe('needs-review');
  });

  it('still rejects on what the row does show (SO3 with 9 participants)', () => {
    const application = baseApplication(3);
    application.participants.count = 9;
    const evaluation = evaluateApplication(contextFor(application, ROW_FIELDS));
    expect(evaluation.rules.find((rule) => rule.id === 'R27')?.status).toBe('fail');
    expect(evaluation.rules.find((rule) => rule.id === 'R28')?.status).toBe('review');
    expect(evaluation.verdict).toBe('ineligible');
  });
});
