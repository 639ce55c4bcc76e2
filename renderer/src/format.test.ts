import { describe, expect, it } from 'vitest';
import { formatDate, formatInstant } from './format';

describe('dates in the UI', () => {
  it('shows calendar dates without shifting the day', () => {
    expect(formatDate('2021-08-01', 'nb')).toBe('1. august 2021');
    expect(formatDate('2021-12-31', 'en')).toBe('31 December 2021');
    expect(formatDate('not a date', 'nb')).toBe('not a date');
  });

  it('shows instants in Europe/Oslo whatever the offset they were written with', () => {
    // 23:30 UTC on 9 Feb is 00:30 on 10 Feb in Oslo (CET, +01:00).
    expect(formatInstant('2021-02-09T23:30:00Z', 'nb')).toBe('10. februar 2021 kl. 00.30');
    expect(formatInstant('2021-02-10T00:30:00+01:00', 'nb')).toBe('10. februar 2021 kl. 00.30');
    expect(formatInstant('2021-02-09T22:59:00Z', 'en')).toBe('9 February 2021, 23:59');
  });
});
