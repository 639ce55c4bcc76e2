// Turns a generated application into its deliberately ineligible variant (see failures.ts), if it has one.
import type { ApplicationPackage } from '../../../shared/package/schema';
import { DELIBERATE_FAILURES } from './failures';

export function applyDeliberateFailure(application: ApplicationPackage): ApplicationPackage {
  const info = DELIBERATE_FAILURES[application.applicationId];
  if (!info) return application;
  switch (info.failure) {
    case 'late-submission':
      return { ...application, submittedAt: '2021-02-10T09:14:00+01:00' };
    case 'dividends-allowed':
      return {
        ...application,
        partners: application.partners.map((p) =>
          p.kind === 'social-entrepreneur' ? { ...p, name: p.name.endsWith(' AS') ? p.name : `${p.name} AS`, orgForm: 'AS', noDividendInStatutes: false } : p,
        ),
      };
    case 'too-few-participants':
      return { ...application, participants: { count: 8 } };
    case 'no-own-contribution':
      return {
        ...application,
        budget: application.budget.map((y) => ({ ...y, ownContribution: 0, totalCost: y.requestedGrant + y.otherFunding })),
      };
    case 'referral-based':
      return application.health ? { ...application, health: { ...application.health, referralBased: true } } : application;
    case 'budget-mismatch':
      return { ...application, budget: application.budget.map((y, i) => (i === 0 ? { ...y, totalCost: y.totalCost + 50_000 } : y)) };
  }
}
