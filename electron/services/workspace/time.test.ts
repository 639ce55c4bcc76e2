import { describe, expect, it } from 'vitest';
import { osloTimestamp } from './time';

describe('osloTimestamp', () => {
  it('uses +01:00 in winter and +02:00 in summer', () => {
    expect(osloTimestamp(new Date('2021-02-09T22:59:59.250Z'))).toBe('2021-02-09T23:59:59.250+01:00');
    expect(osloTimestamp(new Date('2021-06-01T10:00:00.000Z'))).toBe('2021-06-01T12:00:00.000+02:00');
  });

  it('names the same instant it was given', () => {
    const now = new Date('2026-03-29T00:59:59.999Z');
    expect(Date.parse(osloTimestamp(now))).toBe(now.getTime());
  });
});
