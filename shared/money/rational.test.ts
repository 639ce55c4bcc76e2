import { describe, expect, it } from 'vitest';
import { add, compare, fromNumber, min, mul, rational, roundHalfUp, sub, sum } from './rational';

describe('rational', () => {
  it('normalises sign and common factors', () => {
    expect(rational(6n, -4n)).toEqual({ num: -3n, den: 2n });
    expect(() => rational(1n, 0n)).toThrow(RangeError);
  });
  it('does exact arithmetic where floats drift', () => {
    const tenth = rational(1n, 10n);
    expect(sum(Array<typeof tenth>(10).fill(tenth))).toEqual(rational(1n));
    expect(add(rational(1n, 3n), rational(1n, 6n))).toEqual(rational(1n, 2n));
    expect(sub(rational(1n, 3n), rational(1n, 2n))).toEqual(rational(-1n, 6n));
    expect(mul(rational(2n, 3n), rational(3n, 4n))).toEqual(rational(1n, 2n));
    expect(compare(rational(2n, 3n), rational(3n, 4n))).toBe(-1);
    expect(min(rational(2n, 3n), rational(3n, 4n))).toEqual(rational(2n, 3n));
  });
  it('reads decimals exactly', () => {
    expect(fromNumber(1.5)).toEqual(rational(3n, 2n));
    expect(fromNumber(2)).toEqual(rational(2n));
    expect(fromNumber(0.1)).toEqual(rational(1n, 10n));
  });
  it('rounds half up', () => {
    expect(roundHalfUp(rational(1n, 2n))).toBe(1);
    expect(roundHalfUp(rational(5n, 2n))).toBe(3);
    expect(roundHalfUp(rational(7n, 3n))).toBe(2);
    expect(roundHalfUp(rational(-1n, 2n))).toBe(0);
    expect(roundHalfUp(rational(-7n, 3n))).toBe(-2);
    expect(roundHalfUp(rational(-5n, 3n))).toBe(-2);
  });
});
