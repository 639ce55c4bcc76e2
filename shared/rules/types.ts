// Types of the rule catalogue (DESIGN.md §3). Rule ids R01–R41 are stable and cited everywhere.
import type { LocalizedText } from '../i18n/localized';
import type { ApplicationPackage, BudgetYear, FocusAreaNumber } from '../package/schema';
import type { SchemeDefinition } from '../scheme/schema';
import type { StipendSummary } from '../money/stipend';

export type RuleId = `R${number}`;

/** From the scheme's wording: "forutsetning / skal / må" → reject; "prioriteres / bør / fordel / oppfordres" → priority. */
export type RuleSeverity = 'reject' | 'priority' | 'info';

/** auto: decided from package data; manual: the assessor confirms; auto-override: auto, overridable with a reason. */
export type RuleKind = 'auto' | 'manual' | 'auto-override';

export type RuleStatus = 'pass' | 'fail' | 'review' | 'not-applicable';

export type Verdict = 'eligible' | 'ineligible' | 'needs-review';

/** Top-level package fields; a case-system export provides only some of them. */
export type PackageField = keyof ApplicationPackage;

/**
 * A top-level field or one field inside project, budget years or participants. An export that lists a
 * top-level field ("project") provides all of its sub-fields; one that lists "project.startDate" provides only that.
 */
export type PackageFieldPath =
  | PackageField
  | `project.${keyof ApplicationPackage['project']}`
  | `budget.${keyof BudgetYear}`
  | `participants.${keyof ApplicationPackage['participants']}`;

export interface RuleContext {
  application: ApplicationPackage;
  scheme: SchemeDefinition;
  /**
   * The package fields that carry real data. Undefined means all (a full package v1).
   * A case-system export (CSV/XLSX row) lists only what it had; rules needing other fields return review.
   * Sub-field paths ("project.startDate") let an export say it has some of a section's fields but not all.
   */
  providedFields?: ReadonlySet<PackageFieldPath>;
}

export interface RuleOutcome {
  status: RuleStatus;
  reason: LocalizedText;
}

export interface RuleDefinition {
  id: RuleId;
  /** 'all' for the general rules R01–R16; otherwise the focus areas the rule applies to. */
  focusAreas: 'all' | readonly FocusAreaNumber[];
  title: LocalizedText;
  /** The sentence of the scheme text this rule comes from, quoted verbatim (Norwegian). */
  schemeText: string;
  severity: RuleSeverity;
  /**
   * Why the severity departs from the keyword reading of `schemeText` ("forutsetning/skal/må" → reject,
   * "prioriteres/bør/fordel/oppfordres" → priority, else info). Required exactly when it departs; a test checks.
   */
  severityNote?: LocalizedText;
  kind: RuleKind;
  /** What the evaluator decides from which package fields, in English (for docs/rules.md). */
  check: string;
  evaluate(context: RuleContext): RuleOutcome;
}

export interface RuleResult extends RuleOutcome {
  id: RuleId;
  title: LocalizedText;
  severity: RuleSeverity;
  kind: RuleKind;
  schemeText: string;
  /**
   * The status the catalogue decided before any assessor review. Equal to `status` until
   * `applyReviews` applies a confirmation or override; kept for the audit trail.
   */
  autoStatus: RuleStatus;
  /** The reason the catalogue gave; `reason` becomes the assessor's comment after a review. */
  autoReason: LocalizedText;
  /** The assessor's review that decided `status`, when there is one. */
  review?: AppliedReview;
}

/** The review that decided a rule's effective status. */
export interface AppliedReview {
  action: 'confirm' | 'override';
  /** The status the assessor gave (also the rule's effective `status`). */
  status: Exclude<RuleStatus, 'review'>;
  comment: string;
  /** ISO 8601 instant with offset, as stored in the assessment. */
  at: string;
}

/** A review `applyReviews` did not apply, and why (a person reads this). */
export interface IgnoredReview {
  ruleId: string;
  at: string;
  reason: LocalizedText;
}

export interface Evaluation {
  applicationId: string;
  schemeId: string;
  focusArea: FocusAreaNumber;
  verdict: Verdict;
  /** All rules of the catalogue, in id order; rules outside the focus area are `not-applicable`. */
  rules: RuleResult[];
  /** SO1/SO2: the stipend computed from the participant list (R20, R24). */
  stipend?: StipendSummary;
  /** Only after `applyReviews`: reviews that were refused (wrong rule kind, no comment, unknown rule …). */
  ignoredReviews?: IgnoredReview[];
}
