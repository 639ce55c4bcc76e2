// Instants seen from Europe/Oslo. The scheme's deadline is a calendar day in Oslo, and every stored
// timestamp carries its offset (+01:00 in winter, +02:00 in summer), so these helpers use Intl's tz data
// instead of the machine's local zone.
import type { SchemeDefinition } from '../scheme/schema';
import { formatCalendarDate, pad2, parseCalendarDate } from './calendar';

export { ageOn } from './calendar';

export const OSLO_TIME_ZONE = 'Europe/Oslo';

const osloFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: OSLO_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function osloWallClock(instant: Date): WallClock {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of osloFormatter.formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const read = (type: Intl.DateTimeFormatPartTypes): number => {
    const value = parts[type];
    if (value === undefined || Number.isNaN(value)) throw new RangeError(`Intl gave no ${type} for ${instant.toISOString()}`);
    return value;
  };
  return { year: read('year'), month: read('month'), day: read('day'), hour: read('hour'), minute: read('minute'), second: read('second') };
}

function toInstant(instantIso: string): Date {
  const instant = new Date(instantIso);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not a date-time: ${instantIso}`);
  return instant;
}

/** Minutes Oslo is ahead of UTC at this instant: 60 in winter, 120 in summer. */
export function osloOffsetMinutes(instant: Date): number {
  const wall = osloWallClock(instant);
  const wallAsUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const instantToSecond = Math.floor(instant.getTime() / 1000) * 1000;
  return Math.round((wallAsUtc - instantToSecond) / 60_000);
}

/** The calendar day in Oslo on which this instant falls. */
export function osloDateOf(instantIso: string): string {
  const wall = osloWallClock(toInstant(instantIso));
  return formatCalendarDate(wall);
}

/** An instant read off an Oslo clock: the day "YYYY-MM-DD", the time "HH:MM:SS" and the offset "+01:00". */
export interface OsloClock {
  date: string;
  time: string;
  offset: string;
}

/** The Oslo clock at this instant (to the second). An invalid Date throws Intl's RangeError. */
export function osloClock(instant: Date): OsloClock {
  const wall = osloWallClock(instant);
  const offset = osloOffsetMinutes(instant);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return {
    date: formatCalendarDate(wall),
    time: `${pad2(wall.hour)}:${pad2(wall.minute)}:${pad2(wall.second)}`,
    offset: `${sign}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`,
  };
}

/** The instant as ISO 8601 with Oslo's offset, e.g. 2021-02-09T23:59:59.999+01:00. */
export function toOsloIso(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Not a valid Date');
  const clock = osloClock(instant);
  const millis = String(instant.getTime() - Math.floor(instant.getTime() / 1000) * 1000).padStart(3, '0');
  return `${clock.date}T${clock.time}.${millis}${clock.offset}`;
}

/** The instant as ISO 8601 to the second with Oslo's offset, e.g. 2021-03-15T10:30:00+01:00 (signing times). */
export function toOsloIsoSeconds(instant: Date): string {
  const clock = osloClock(instant);
  return `${clock.date}T${clock.time}${clock.offset}`;
}

/** "Now" for stored timestamps; the clock is passed in so callers and tests control it. */
export function nowIsoOslo(now: Date): string {
  return toOsloIso(now);
}

/** The last millisecond of a calendar day in Oslo, with the offset in force then. */
export function endOfDayOslo(date: string): string {
  const day = parseCalendarDate(date);
  const wallEnd = Date.UTC(day.year, day.month - 1, day.day, 23, 59, 59, 999);
  // Oslo's offset never changes near midnight (DST switches at 01:00 UTC), so one correction is exact.
  const guess = new Date(wallEnd - osloOffsetMinutes(new Date(wallEnd)) * 60_000);
  const instant = new Date(wallEnd - osloOffsetMinutes(guess) * 60_000);
  return toOsloIso(instant);
}

type Deadline = SchemeDefinition['deadline'];

/**
 * Submitted on or before the scheme's deadline day, judged by the Oslo calendar day of the instant.
 * Takes the scheme or its `deadline` object (both are used by callers).
 */
export function isOnOrBeforeDeadline(instantIso: string, schemeOrDeadline: Pick<SchemeDefinition, 'deadline'> | Deadline): boolean {
  const deadline = 'deadline' in schemeOrDeadline ? schemeOrDeadline.deadline : schemeOrDeadline;
  return osloDateOf(instantIso) <= deadline.date;
}
