import { describe, expect, it } from 'vitest';
import { formatLongDate, formatMean, formatOsloDateTime } from './display';

describe('dates as people read them', () => {
  it('writes the deadline as "9. februar 2021 kl. 23.59" and "9 February 2021, 23:59"', () => {
    expect(formatOsloDateTime('2021-02-09T23:59:00+01:00', 'nb')).toBe('9. februar 2021 kl. 23.59');
    expect(formatOsloDateTime('2021-02-09T23:59:00+01:00', 'en')).toBe('9 February 2021, 23:59');
  });

  it('shows the Oslo wall clock whatever offset the instant was written with (summer time too)', () => {
    expect(formatOsloDateTime('2021-02-09T22:59:00Z', 'nb')).toBe('9. februar 2021 kl. 23.59');
    expect(formatOsloDateTime('2021-06-30T22:30:00Z', 'nb')).toBe('1. juli 2021 kl. 00.30');
    expect(formatOsloDateTime('not a date', 'nb')).toBe('not a date');
  });

  it('writes calendar dates without a time', () => {
    expect(formatLongDate('2021-08-01', 'nb')).toBe('1. august 2021');
    expect(formatLongDate('2021-12-31', 'en')).toBe('31 December 2021');
    expect(formatLongDate('31.12.2021', 'nb')).toBe('31.12.2021');
  });

  it('writes a weighted mean with two decimals in the language', () => {
    expect(formatMean(5.5, 'nb')).toBe('5,50');
    expect(formatMean(5.5, 'en')).toBe('5.50');
  });
});
