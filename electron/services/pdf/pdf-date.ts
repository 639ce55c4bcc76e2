// An instant as ISO 8601 in Europe/Oslo with its offset ("2021-03-15T10:30:00+01:00").
const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Oslo',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
  timeZoneName: 'longOffset',
});

export function formatOsloOffset(date: Date): string {
  const map = Object.fromEntries(parts.formatToParts(date).map((part) => [part.type, part.value]));
  const offset = (map.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  return `${map.year}-${map.month}-${map.day}T${map.hour}:${map.minute}:${map.second}${offset}`;
}
