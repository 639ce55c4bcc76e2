// One rounding rule for amounts that are shown both as a total and as parts (docs/money.md § One number
// everywhere): the total is the exact sum rounded once, half up; the parts are that total shared out by the
// largest-remainder method, so the parts always add up to the total shown beside them, to the krone.
import { add, roundHalfUp, sub, rational, ZERO, type Rational } from './rational';

function floorOf(value: Rational): bigint {
  const quotient = value.num / value.den;
  return value.num % value.den !== 0n && value.num < 0n ? quotient - 1n : quotient;
}

/**
 * Whole kroner for each exact part, summing to roundHalfUp(Σ parts). Each part is floored, and the kroner
 * left over go one each to the parts with the largest fractional remainders (ties: the earlier part), so no
 * part is more than one krone from its exact value. Parts must be ≥ 0.
 */
export function allocateLargestRemainder(parts: readonly Rational[]): { total: number; shares: number[] } {
  const exactTotal = parts.reduce(add, ZERO);
  const total = roundHalfUp(exactTotal);
  const floors = parts.map((part) => {
    if (part.num < 0n) throw new RangeError('allocateLargestRemainder: a part is negative');
    return floorOf(part);
  });
  const floorSum = floors.reduce((acc, value) => acc + value, 0n);
  let left = BigInt(total) - floorSum;
  const byRemainder = parts
    .map((part, index) => ({ index, remainder: sub(part, rational(floors[index] ?? 0n)) }))
    .sort((a, b) => {
      const left = a.remainder.num * b.remainder.den;
      const right = b.remainder.num * a.remainder.den;
      return left > right ? -1 : left < right ? 1 : a.index - b.index;
    });
  const shares = floors.map((value) => Number(value));
  for (const { index } of byRemainder) {
    if (left <= 0n) break;
    shares[index] = (shares[index] ?? 0) + 1;
    left -= 1n;
  }
  return { total, shares };
}
