// Timestamps with an explicit offset in Europe/Oslo: audit entries and saves must say when, unambiguously.

const OSLO = 'Europe/Oslo';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: OSLO,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** ISO 8601 with milliseconds and the Oslo offset, e.g. 2021-02-09T23:59:59.000+01:00. */
export function osloTimestamp(date: Date = new Date()): string {
  const map = new Map(parts.formatToParts(date).map((part) => [part.type, part.value]));
  const field = (name: Intl.DateTimeFormatPartTypes): string => map.get(name) ?? '00';
  const wallAsUtc = Date.UTC(
    Number(field('year')),
    Number(field('month')) - 1,
    Number(field('day')),
    Number(field('hour')),
    Number(field('minute')),
    Number(field('second')),
  );
  const offsetMinutes = Math.round((wallAsUtc - Math.floor(date.getTime() / 1000) * 1000) / 60_000);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  const ms = String(date.getMilliseconds()).padStart(3, '0');
  return `${field('year')}-${field('month')}-${field('day')}T${field('hour')}:${field('minute')}:${field('second')}.${ms}${offset}`;
}
