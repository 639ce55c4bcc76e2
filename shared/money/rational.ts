// Exact fractions on bigint, so a stipend summed over 36 months of thirds and pro-rata days never drifts.
// Values are always normalised: denominator > 0 and gcd(numerator, denominator) = 1.

export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function rational(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = BigInt(num);
  let d = BigInt(den);
  if (d === 0n) throw new RangeError('Denominator is zero');
  if (d < 0n) [n, d] = [-n, -d];
  const divisor = gcd(n, d);
  return divisor > 1n ? { num: n / divisor, den: d / divisor } : { num: n, den: d };
}

export const ZERO: Rational = rational(0n);

/** An exact rational from a finite JS number, read through its decimal text (0.5 → 1/2, 2 → 2/1). */
export function fromNumber(value: number): Rational {
  if (!Number.isFinite(value)) throw new RangeError(`Not a finite number: ${value}`);
  if (Number.isInteger(value)) return rational(BigInt(value));
  const match = /^(-?)(\d+)\.(\d+)$/.exec(String(value));
  if (!match) throw new RangeError(`Cannot read ${value} as a decimal fraction`);
  const [, sign = '', whole = '0', fraction = ''] = match;
  return rational(BigInt(`${sign}${whole}${fraction}`), 10n ** BigInt(fraction.length));
}

export function add(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function sub(a: Rational, b: Rational): Rational {
  return rational(a.num * b.den - b.num * a.den, a.den * b.den);
}

export function mul(a: Rational, b: Rational): Rational {
  return rational(a.num * b.num, a.den * b.den);
}

export function compare(a: Rational, b: Rational): number {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function min(a: Rational, b: Rational): Rational {
  return compare(a, b) <= 0 ? a : b;
}

export function sum(values: readonly Rational[]): Rational {
  return values.reduce(add, ZERO);
}

/**
 * Whole kroner, half up: x.5 goes to x+1 (and −x.5 to −x, i.e. towards +∞), as floor(x + 1/2).
 * Used once per total, never per month.
 */
export function roundHalfUp(value: Rational): number {
  const twice = 2n * value.num + value.den;
  const denominator = 2n * value.den;
  // floor division for bigint (which truncates towards zero)
  const quotient = twice / denominator;
  const floored = twice % denominator !== 0n && twice < 0n ? quotient - 1n : quotient;
  return Number(floored);
}

export function toNumber(value: Rational): number {
  return Number(value.num) / Number(value.den);
}
