// Types of the rule catalogue (DESIGN.md §3). Rule ids R01–R41 are stable and cited everywhere.
import type { LocalizedText } from '../i18n/localized';
import type { ApplicationPackage, FocusAreaNumber } from '../package/schema';
import type { SchemeDefinition } from '../scheme/schema';

export type RuleId = `R${number}`;

/** From the scheme's wording: "forutsetning / skal / må" → reject; "prioriteres / bør / fordel / oppfordres" → priority. */
export type RuleSeverity = 'reject' | 'priority' | 'info';

/** auto: decided from package data; manual: the assessor confirms; auto-override: auto, overridable with a reason. */
export type RuleKind = 'auto' | 'manual' | 'auto-override';

export type RuleStatus = 'pass' | 'fail' | 'review' | 'not-applicable';

export type Verdict = 'eligible' | 'ineligible' | 'needs-review';

/** Top-level package fields; a case-system export provides only some of them. */
export type PackageField = keyof ApplicationPackage;

export interface RuleContext {
  application: ApplicationPackage;
  scheme: SchemeDefinition;
  /**
   * The package fields that carry real data. Undefined means all (a full package v1).
   * A case-system export (CSV/XLSX row) lists only what it had; rules needing other fields return review.
   */
  providedFields?: ReadonlySet<PackageField>;
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
  kind: RuleKind;
  evaluate(context: RuleContext): RuleOutcome;
}

export interface RuleResult extends RuleOutcome {
  id: RuleId;
  title: LocalizedText;
  severity: RuleSeverity;
  kind: RuleKind;
  schemeText: string;
}
