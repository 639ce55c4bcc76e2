import { describe, expect, it } from 'vitest';
import { ageOn, endOfDayOslo, isOnOrBeforeDeadline, nowIsoOslo, osloClock, osloDateOf, osloOffsetMinutes, toOsloIsoSeconds } from './oslo';

const scheme = { deadline: { date: '2021-02-09', timeZone: 'Europe/Oslo' as const, endsAt: '2021-02-09T23:59:59.999+01:00' } };

describe('osloDateOf', () => {
  it('puts a UTC evening instant on the next Oslo day', () => {
    expect(osloDateOf('2021-02-09T23:30:00Z')).toBe('2021-02-10');
    expect(osloDateOf('2021-02-09T22:59:59Z')).toBe('2021-02-09');
  });
  it('uses the summer offset in July', () => {
    expect(osloDateOf('2021-07-01T22:00:00Z')).toBe('2021-07-02');
    expect(osloDateOf('2021-07-01T21:59:59Z')).toBe('2021-07-01');
  });
  it('refuses a string that is not a date-time', () => {
    expect(() => osloDateOf('yesterday')).toThrow(RangeError);
  });
});

describe('isOnOrBeforeDeadline', () => {
  it('accepts the last minute of 9 February in Oslo and refuses the next', () => {
    expect(isOnOrBeforeDeadline('2021-02-09T23:59:59+01:00', scheme)).toBe(true);
    expect(isOnOrBeforeDeadline('2021-02-10T00:00:00+01:00', scheme)).toBe(false);
  });
  it('judges an instant given in another offset by the Oslo day', () => {
    // 23:30 UTC on 9 Feb is 00:30 on 10 Feb in Oslo: late.
    expect(isOnOrBeforeDeadline('2021-02-09T23:30:00Z', scheme)).toBe(false);
    // 07:00 on 10 Feb in Tokyo is 23:00 on 9 Feb in Oslo: in time.
    expect(isOnOrBeforeDeadline('2021-02-10T07:00:00+09:00', scheme)).toBe(true);
  });
});

describe('nowIsoOslo', () => {
  it('writes +01:00 in winter and +02:00 in summer', () => {
    expect(nowIsoOslo(new Date('2021-02-09T11:00:00.250Z'))).toBe('2021-02-09T12:00:00.250+01:00');
    expect(nowIsoOslo(new Date('2021-06-15T10:00:00Z'))).toBe('2021-06-15T12:00:00.000+02:00');
  });
  it('switches exactly at the DST changes (last Sunday of March and October, 01:00 UTC)', () => {
    expect(nowIsoOslo(new Date('2021-03-28T00:59:59Z'))).toBe('2021-03-28T01:59:59.000+01:00');
    expect(nowIsoOslo(new Date('2021-03-28T01:00:00Z'))).toBe('2021-03-28T03:00:00.000+02:00');
    expect(nowIsoOslo(new Date('2021-10-31T00:59:59Z'))).toBe('2021-10-31T02:59:59.000+02:00');
    expect(nowIsoOslo(new Date('2021-10-31T01:00:00Z'))).toBe('2021-10-31T02:00:00.000+01:00');
  });
  it('round-trips: the string parses back to the same instant', () => {
    const instant = new Date('2024-08-01T12:34:56.789Z');
    expect(new Date(nowIsoOslo(instant)).getTime()).toBe(instant.getTime());
    expect(osloOffsetMinutes(instant)).toBe(120);
  });
});

describe('endOfDayOslo', () => {
  it('derives the 2021 deadline instant stored in the scheme', () => {
    expect(endOfDayOslo('2021-02-09')).toBe('2021-02-09T23:59:59.999+01:00');
  });
  it('uses the summer offset for a summer day', () => {
    expect(endOfDayOslo('2021-09-01')).toBe('2021-09-01T23:59:59.999+02:00');
  });
});

describe('ageOn', () => {
  it('counts completed years', () => {
    expect(ageOn('1996-07-15', '2021-07-14')).toBe(24);
    expect(ageOn('1996-07-15', '2021-07-15')).toBe(25);
    expect(ageOn('1996-07-15', '2021-12-31')).toBe(25);
  });
  it('makes someone born 29 February one year older on 1 March in a common year', () => {
    expect(ageOn('2000-02-29', '2021-02-28')).toBe(20);
    expect(ageOn('2000-02-29', '2021-03-01')).toBe(21);
    expect(ageOn('2000-02-29', '2024-02-29')).toBe(24);
  });
  it('refuses an impossible date', () => {
    expect(() => ageOn('2021-02-30', '2021-03-01')).toThrow(RangeError);
  });
});

describe('isOnOrBeforeDeadline with the deadline object', () => {
  it('gives the same answer as with the scheme', () => {
    expect(isOnOrBeforeDeadline('2021-02-09T23:59:59+01:00', scheme.deadline)).toBe(true);
    expect(isOnOrBeforeDeadline('2021-02-10T00:00:00+01:00', scheme.deadline)).toBe(false);
  });
});

describe('toOsloIsoSeconds and osloClock', () => {
  it('write the instant to the second with the Oslo offset, dropping the milliseconds', () => {
    expect(toOsloIsoSeconds(new Date('2021-03-15T09:30:00.999Z'))).toBe('2021-03-15T10:30:00+01:00');
    expect(toOsloIsoSeconds(new Date('2021-03-28T01:00:00Z'))).toBe('2021-03-28T03:00:00+02:00');
    expect(osloClock(new Date('2021-10-31T00:59:59Z'))).toEqual({ date: '2021-10-31', time: '02:59:59', offset: '+02:00' });
    expect(osloClock(new Date('2021-10-31T01:00:00Z'))).toEqual({ date: '2021-10-31', time: '02:00:00', offset: '+01:00' });
  });
  it('refuse an invalid Date', () => {
    expect(() => toOsloIsoSeconds(new Date('not a date'))).toThrow(RangeError);
  });
});
