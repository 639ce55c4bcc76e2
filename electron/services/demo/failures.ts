// The demo round shows failures too: a handful of packages are made deliberately ineligible, each breaking one
// reject-level rule. The awarded projects did not break these rules in reality; this is invented demo data.
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
  description: string;
}

export const DELIBERATE_FAILURES: Readonly<Record<string, DeliberateFailureInfo>> = {
  'DEMO-2021-SO1-07': { failure: 'late-submission', ruleId: 'R02', description: 'submitted 2021-02-10, a day after the deadline' },
  'DEMO-2021-SO2-02': {
    failure: 'dividends-allowed',
    ruleId: 'R23',
    description: "the social entrepreneur is an AS whose statutes do not forbid dividends",
  },
  'DEMO-2021-SO3-05': { failure: 'too-few-participants', ruleId: 'R27', description: '8 participants; SO3 requires at least 10' },
  'DEMO-2021-SO4-09': { failure: 'no-own-contribution', ruleId: 'R06', description: 'own contribution is 0 kr in every budget year' },
  'DEMO-2021-SO5-07': { failure: 'referral-based', ruleId: 'R36', description: 'the offer is given on referral from a doctor' },
  'DEMO-2021-SO6-06': {
    failure: 'budget-mismatch',
    ruleId: 'R16',
    description: 'the first budget year total is 50 000 kr more than its parts',
  },
};
