// Small value helpers for the demo generator: dates, money rounding, fictitious organisation numbers.
import { isValidOrganisationNumber } from '../../../shared/package/organisation-number';
import type { Random } from './random';

export function calendarDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Whole months of [start, end] that fall in `year`; the demo periods start on a 1st and end on a month's last day. */
export function monthsInYear(start: string, end: string, year: number): number {
  const first = Math.max(Number(start.slice(0, 4)) * 12 + Number(start.slice(5, 7)) - 1, year * 12);
  const last = Math.min(Number(end.slice(0, 4)) * 12 + Number(end.slice(5, 7)) - 1, year * 12 + 11);
  return Math.max(0, last - first + 1);
}

export function roundTo(value: number, step: number): number {
  return Math.round(value / step) * step;
}

export function roundUpTo(value: number, step: number): number {
  return Math.ceil(value / step) * step;
}

/** A valid (MOD11) nine-digit number starting with 9, drawn from the seeded stream. Fictitious: it names no real body. */
export function organisationNumber(random: Random): string {
  for (;;) {
    const candidate = `9${String(random.int(0, 9_999_999)).padStart(7, '0')}`;
    for (let check = 0; check <= 9; check++) {
      if (isValidOrganisationNumber(`${candidate}${check}`)) return `${candidate}${check}`;
    }
    // Eight digits whose check digit would be 10 have no valid number: draw again.
  }
}

/** Lower-case ASCII for e-mail addresses: æ → ae, ø → o, å → a, spaces → "-". */
export function asciiSlug(text: string): string {
  return text
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'o')
    .replaceAll('å', 'a')
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
