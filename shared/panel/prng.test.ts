import { describe, expect, it } from 'vitest';
import { randomInt, seededRandom } from './prng';

describe('seededRandom', () => {
  it('repeats for the same seed and differs for another', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const first = Array.from({ length: 5 }, () => a());
    expect(Array.from({ length: 5 }, () => b())).toEqual(first);
    expect(Array.from({ length: 5 }, () => c())).not.toEqual(first);
  });
  it('stays in [0, 1) and covers a range of integers evenly enough', () => {
    const random = seededRandom(7);
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 6000; i += 1) {
      const value = randomInt(random, 1, 6);
      counts[value - 1] = (counts[value - 1] ?? 0) + 1;
    }
    for (const count of counts) expect(count).toBeGreaterThan(850);
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(6000);
  });
});
