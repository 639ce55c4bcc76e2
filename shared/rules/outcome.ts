// Small builders shared by the rule files, so every reason is given in nb and en the same way.
import type { LocalizedText } from '../i18n/localized';
import { formatKroner } from '../money/kroner';
import type { PackageFieldPath, RuleContext, RuleOutcome } from './types';

export function pass(nb: string, en: string): RuleOutcome {
  return { status: 'pass', reason: { nb, en } };
}

export function fail(nb: string, en: string): RuleOutcome {
  return { status: 'fail', reason: { nb, en } };
}

export function review(nb: string, en: string): RuleOutcome {
  return { status: 'review', reason: { nb, en } };
}

export function notApplicable(nb: string, en: string): RuleOutcome {
  return { status: 'not-applicable', reason: { nb, en } };
}

export function text(nb: string, en: string): LocalizedText {
  return { nb, en };
}

/**
 * A case-system export (CSV/XLSX) carries only some fields. When a rule needs a field the export lacks,
 * the rule cannot decide and the assessor must check it by hand: this returns that `review` outcome,
 * or undefined when every field is present.
 */
export function missingData(context: RuleContext, fields: readonly PackageFieldPath[]): RuleOutcome | undefined {
  const provided = context.providedFields;
  if (provided === undefined) return undefined;
  const has = (field: PackageFieldPath): boolean => {
    if (provided.has(field)) return true;
    const [section] = field.split('.');
    return section !== field && provided.has(section as PackageFieldPath);
  };
  const missing = fields.filter((field) => !has(field));
  if (missing.length === 0) return undefined;
  const list = missing.join(', ');
  return review(
    `Opplysningene (${list}) finnes ikke i eksporten fra saksbehandlingssystemet; kontroller manuelt i søknaden.`,
    `The data (${list}) is not in the case-system export; check it by hand in the application.`,
  );
}

/** Joins names for a reason: "a, b og c" / "a, b and c". */
export function joinList(items: readonly string[], language: 'nb' | 'en'): string {
  if (items.length <= 1) return items.join('');
  const last = items[items.length - 1] ?? '';
  return `${items.slice(0, -1).join(', ')} ${language === 'nb' ? 'og' : 'and'} ${last}`;
}

/** "1 participant" / "3 participants" and the Norwegian equivalent. */
export function participantsText(count: number): LocalizedText {
  return {
    nb: `${count} ${count === 1 ? 'deltaker' : 'deltakere'}`,
    en: `${count} ${count === 1 ? 'participant' : 'participants'}`,
  };
}

/** Whole kroner for a Norwegian reason: "1 234 567 kr" (shared/money's Intl formatting). */
export function krNb(amount: number): string {
  return formatKroner(amount, 'nb');
}

/** Whole kroner for an English reason: "NOK 1,234,567". */
export function krEn(amount: number): string {
  return formatKroner(amount, 'en');
}
