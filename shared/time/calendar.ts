// Calendar dates ('YYYY-MM-DD', no time, no zone) as plain numbers, so date arithmetic never meets a time zone.

export interface CalendarDate {
  year: number;
  /** 1–12 */
  month: number;
  /** 1–31 */
  day: number;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Parses 'YYYY-MM-DD'; throws RangeError on anything else (callers pass schema-validated dates). */
export function parseCalendarDate(value: string): CalendarDate {
  const match = DATE_PATTERN.exec(value);
  if (!match) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${value}`);
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (date.month < 1 || date.month > 12 || date.day < 1 || date.day > daysInMonth(date.year, date.month)) {
    throw new RangeError(`Not a real calendar date: ${value}`);
  }
  return date;
}

export function formatCalendarDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${pad2(date.month)}-${pad2(date.day)}`;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  switch (month) {
    case 2:
      return isLeapYear(year) ? 29 : 28;
    case 4:
    case 6:
    case 9:
    case 11:
      return 30;
    default:
      return 31;
  }
}

/** Negative when a is before b, 0 when equal, positive after. */
export function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** Completed years of age on `on` for someone born on `birth`. Born 29 February: one year older on 1 March in common years. */
export function ageOn(birthDate: string, date: string): number {
  const birth = parseCalendarDate(birthDate);
  const on = parseCalendarDate(date);
  const years = on.year - birth.year;
  const birthdayReached = on.month > birth.month || (on.month === birth.month && on.day >= birth.day);
  return birthdayReached ? years : years - 1;
}

export function pad2(value: number): string {
  return String(value).padStart(2, '0');
}
