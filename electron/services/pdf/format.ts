// Norwegian formatting for the documents: money in whole kroner, instants in Europe/Oslo with their offset.
const money = new Intl.NumberFormat('nb-NO', { style: 'currency', currency: 'NOK', maximumFractionDigits: 0, minimumFractionDigits: 0 });

export function formatKroner(amount: number): string {
  return money.format(amount);
}

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

/** "2026-11-29 16:36:59 +01:00 (Europe/Oslo)". */
export function formatOsloInstant(value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  const map = Object.fromEntries(parts.formatToParts(date).map((part) => [part.type, part.value]));
  const offset = (map.timeZoneName ?? 'GMT').replace('GMT', '') || '+00:00';
  return `${map.year}-${map.month}-${map.day} ${map.hour}:${map.minute}:${map.second} ${offset} (Europe/Oslo)`;
}
