// Dates and times as people read them (issue 12.8): "9. februar 2021 kl. 23.59" in Norwegian and
// "9 February 2021, 23:59" in English, always the wall clock in Europe/Oslo whatever the machine's zone.
// The month names are written here, not taken from Intl, so every ICU build (Node, Chromium, Electron) gives
// the same text.
import type { Language } from '../i18n/localized';
import { OSLO_TIME_ZONE } from './oslo';

const MONTHS: Record<Language, readonly string[]> = {
  nb: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

const osloParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: OSLO_TIME_ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function dateText(year: number, month: number, day: number, language: Language): string {
  const name = MONTHS[language][month - 1] ?? String(month);
  return language === 'nb' ? `${day}. ${name} ${year}` : `${day} ${name} ${year}`;
}

/** A calendar date "YYYY-MM-DD" as "9. februar 2021" / "9 February 2021"; anything else is returned as given. */
export function formatLongDate(date: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  return dateText(Number(match[1]), Number(match[2]), Number(match[3]), language);
}

/** An instant (ISO 8601 with offset, or a Date) on Oslo's wall clock: "9. februar 2021 kl. 23.59" / "9 February 2021, 23:59". */
export function formatOsloDateTime(value: string | Date, language: Language): string {
  const instant = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(instant.getTime())) return String(value);
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of osloParts.formatToParts(instant)) parts[part.type] = part.value;
  const date = dateText(Number(parts.year), Number(parts.month), Number(parts.day), language);
  const hour = parts.hour ?? '00';
  const minute = parts.minute ?? '00';
  return language === 'nb' ? `${date} kl. ${hour}.${minute}` : `${date}, ${hour}:${minute}`;
}

/** A weighted mean score with two decimals: "5,50" / "5.50" (docs/money.md § One number everywhere). */
export function formatMean(value: number, language: Language): string {
  return new Intl.NumberFormat(language === 'nb' ? 'nb-NO' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
}
