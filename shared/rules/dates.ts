// Calendar-date arithmetic on "YYYY-MM-DD" strings. Project and stipend dates carry no time of day, so they
// are handled as UTC midnights: no time zone can shift them by a day.
const DAY_MS = 86_400_000;

function toUtc(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/**
 * The date `years` calendar years after `date`. 29 February moves to 28 February in a common year,
 * so a period that starts on a leap day still ends inside the right month.
 */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, d));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/** The day after `date`. */
export function nextDay(date: string): string {
  return new Date(toUtc(date) + DAY_MS).toISOString().slice(0, 10);
}

/** Formats "2021-02-09" as "09.02.2021", the Norwegian way of writing a date. */
export function norwegianDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${d ?? ''}.${m ?? ''}.${y ?? ''}`;
}
