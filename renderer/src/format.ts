// Presentation helpers for the UI language. Money formatting is shared/money's, never our own.
import i18next from 'i18next';
import type { Language } from '../../shared/i18n/localized';
import { formatKroner } from '../../shared/money/kroner';
import { formatLongDate, formatOsloDateTime } from '../../shared/time/display';

export function uiLanguage(language: string): Language {
  return language === 'en' ? 'en' : 'nb';
}

/** Whole kroner in the current UI language; "–" when unknown (a case-system row without a budget). */
export function kroner(amount: number | null): string {
  return amount === null ? '–' : formatKroner(amount, uiLanguage(i18next.language));
}

/** An instant on Oslo's wall clock, whatever the machine's zone: "9. februar 2021 kl. 23.59" / "9 February 2021, 23:59". */
export function formatInstant(iso: string, language: Language): string {
  return formatOsloDateTime(iso, language);
}

/** A calendar date "YYYY-MM-DD" as "1. august 2021" / "1 August 2021"; no time zone is involved. */
export function formatDate(date: string, language: Language): string {
  return formatLongDate(date, language);
}
