// The demo round shows failures too: a handful of packages are made deliberately ineligible, each breaking one
// reject-level rule. The awarded projects did not break these rules in reality; this is invented demo data.
import type { LocalizedText } from '../../../shared/i18n/localized';
import type { RuleId } from '../../../shared/rules/types';

export type DeliberateFailure =
  | 'late-submission'
  | 'dividends-allowed'
  | 'too-few-participants'
  | 'no-own-contribution'
  | 'referral-based'
  | 'budget-mismatch';

export interface DeliberateFailureInfo {
  failure: DeliberateFailure;
  /** The rule the package breaks. */
  ruleId: RuleId;
  description: LocalizedText;
}

export const DELIBERATE_FAILURES: Readonly<Record<string, DeliberateFailureInfo>> = {
  'DEMO-2021-SO1-07': {
    failure: 'late-submission',
    ruleId: 'R02',
    description: { nb: 'sendt 10.02.2021, dagen etter fristen', en: 'submitted 2021-02-10, a day after the deadline' },
  },
  'DEMO-2021-SO2-02': {
    failure: 'dividends-allowed',
    ruleId: 'R23',
    description: {
      nb: 'den sosiale entreprenøren er et AS der vedtektene ikke forbyr utbytte',
      en: 'the social entrepreneur is an AS whose statutes do not forbid dividends',
    },
  },
  'DEMO-2021-SO3-05': {
    failure: 'too-few-participants',
    ruleId: 'R27',
    description: { nb: '8 deltakere; satsingsområde 3 krever minst 10', en: '8 participants; SO3 requires at least 10' },
  },
  'DEMO-2021-SO4-09': {
    failure: 'no-own-contribution',
    ruleId: 'R06',
    description: { nb: 'egenandelen er 0 kr i alle budsjettår', en: 'own contribution is 0 kr in every budget year' },
  },
  'DEMO-2021-SO5-07': {
    failure: 'referral-based',
    ruleId: 'R36',
    description: { nb: 'tilbudet gis etter henvisning fra lege', en: 'the offer is given on referral from a doctor' },
  },
  'DEMO-2021-SO6-06': {
    failure: 'budget-mismatch',
    ruleId: 'R16',
    description: {
      nb: 'totalkostnaden første budsjettår er 50 000 kr høyere enn summen av postene',
      en: 'the first budget year total is 50 000 kr more than its parts',
    },
  },
};
