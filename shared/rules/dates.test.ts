import { describe, expect, it } from 'vitest';
import { addYears, daysBetween, nextDay, norwegianDate } from './dates';

describe('calendar-date helpers', () => {
  it('counts days across a leap day and a DST change without shifting', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2021-03-27', '2021-03-29')).toBe(2);
    expect(daysBetween('2021-08-01', '2021-07-31')).toBe(-1);
  });

  it('adds years, moving 29 February to 28 February in a common year', () => {
    expect(addYears('2021-03-01', 3)).toBe('2024-03-01');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('gives the next day over month and year ends', () => {
    expect(nextDay('2021-07-31')).toBe('2021-08-01');
    expect(nextDay('2021-12-31')).toBe('2022-01-01');
  });

  it('writes dates the Norwegian way', () => {
    expect(norwegianDate('2021-02-09')).toBe('09.02.2021');
  });
});
