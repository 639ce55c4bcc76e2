// Presentation helpers for the UI language. Money formatting is shared/money's, never our own.
import i18next from 'i18next';
import type { Language } from '../../shared/i18n/localized';
import { formatKroner } from '../../shared/money/kroner';

export function uiLanguage(language: string): Language {
  return language === 'en' ? 'en' : 'nb';
}

/** Whole kroner in the current UI language; "–" when unknown (a case-system row without a budget). */
export function kroner(amount: number | null): string {
  return amount === null ? '–' : formatKroner(amount, uiLanguage(i18next.language));
}

/** An instant shown in Europe/Oslo, whatever the machine's zone. */
export function formatInstant(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nb-NO', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Oslo',
  }).format(date);
}

/** A calendar date "YYYY-MM-DD" as "01.08.2021" (nb) or "1 Aug 2021" (en); no time zone is involved. */
export function formatDate(date: string, language: Language): string {
  const parsed = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(parsed.getTime())) return date;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nb-NO', {
    ...(language === 'en' ? { dateStyle: 'medium' as const } : { day: '2-digit' as const, month: '2-digit' as const, year: 'numeric' as const }),
    timeZone: 'UTC',
  }).format(parsed);
}
