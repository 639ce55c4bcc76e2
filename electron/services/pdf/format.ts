// Norwegian formatting for the documents: money in whole kroner, instants in Europe/Oslo with their offset.
import { OSLO_TIME_ZONE, osloClock } from '../../../shared/time/oslo';

const money = new Intl.NumberFormat('nb-NO', { style: 'currency', currency: 'NOK', maximumFractionDigits: 0, minimumFractionDigits: 0 });

export function formatKroner(amount: number): string {
  return money.format(amount);
}

/** "2026-11-29 16:36:59 +01:00 (Europe/Oslo)". */
export function formatOsloInstant(value: Date | string): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  if (Number.isNaN(date.getTime())) return String(value);
  const clock = osloClock(date);
  return `${clock.date} ${clock.time} ${clock.offset} (${OSLO_TIME_ZONE})`;
}
