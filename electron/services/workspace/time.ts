// Timestamps with an explicit offset in Europe/Oslo: audit entries and saves must say when, unambiguously.
// The conversion itself lives in shared/time/oslo.ts; this only supplies "now" for the services.
import { toOsloIso } from '../../../shared/time/oslo';

/** ISO 8601 with milliseconds and the Oslo offset, e.g. 2021-02-09T23:59:59.000+01:00. */
export function osloTimestamp(date: Date = new Date()): string {
  return toOsloIso(date);
}
