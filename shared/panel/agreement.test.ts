import { describe, expect, it } from 'vitest';
import type { ReliabilityMatrix } from './agreement';
import { assessorOffsets, bootstrapAlpha, coincidences, criterionAgreement, krippendorffAlpha, prepare } from './agreement';
import type { Random } from './prng';
import { randomInt, seededRandom } from './prng';

// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the example with missing data:
// observers A–D (columns) × units 1–12 (rows); null = the observer did not code the unit.
const _ = null;
const KRIPPENDORFF_EXAMPLE: ReliabilityMatrix = [
  [1, 1, _, 1],
  [2, 2, 3, 2],
  [3, 3, 3, 3],
  [3, 3, 3, 3],
  [2, 2, 2, 2],
  [1, 2, 3, 4],
  [4, 4, 4, 4],
  [1, 1, 2, 1],
  [2, 2, 2, 2],
  [_, 5, 5, 5],
  [_, _, 1, 1],
  [_, 3, _, _],
];

function alphaOf(matrix: ReliabilityMatrix, level: Parameters<typeof krippendorffAlpha>[1]): number {
  const result = krippendorffAlpha(matrix, level);
  if (!result.computable) throw new Error(`not computable: ${result.reason}`);
  return result.alpha;
}

describe("Krippendorff's worked example", () => {
  it('has the published coincidence matrix (n = 40 pairable values)', () => {
    const data = prepare(KRIPPENDORFF_EXAMPLE);
    expect(data.values).toEqual([1, 2, 3, 4, 5]);
    const o = coincidences(data).map((row) => row.map((cell) => Math.round(cell * 1000) / 1000));
    expect(o).toEqual([
      [7, 4 / 3, 1 / 3, 1 / 3, 0].map((cell) => Math.round(cell * 1000) / 1000),
      [4 / 3, 10, 4 / 3, 1 / 3, 0].map((cell) => Math.round(cell * 1000) / 1000),
      [1 / 3, 4 / 3, 8, 1 / 3, 0].map((cell) => Math.round(cell * 1000) / 1000),
      [1 / 3, 1 / 3, 1 / 3, 4, 0].map((cell) => Math.round(cell * 1000) / 1000),
      [0, 0, 0, 0, 3],
    ]);
    expect(krippendorffAlpha(KRIPPENDORFF_EXAMPLE, 'interval')).toMatchObject({ pairableValues: 40, units: 11 });
  });

  it('reproduces the published α to three decimals: ordinal .815, interval .849 (and nominal .743, ratio .797)', () => {
    expect(alphaOf(KRIPPENDORFF_EXAMPLE, 'ordinal').toFixed(3)).toBe('0.815');
    expect(alphaOf(KRIPPENDORFF_EXAMPLE, 'interval').toFixed(3)).toBe('0.849');
    expect(alphaOf(KRIPPENDORFF_EXAMPLE, 'nominal').toFixed(3)).toBe('0.743');
    expect(alphaOf(KRIPPENDORFF_EXAMPLE, 'ratio').toFixed(3)).toBe('0.797');
  });
});

// A second, independent check: the three-coder example of Wikipedia's "Krippendorff's alpha" article, whose
// values the `krippendorff` Python package tests to six decimals (nominal 0.691358, interval 0.810845).
const WIKIPEDIA_EXAMPLE: ReliabilityMatrix = [
  [_, 1, _], [_, _, _], [_, 2, 2], [_, 1, 1], [_, 3, 3], [3, 3, 4], [4, 4, 4], [1, 3, _],
  [2, _, 2], [1, _, 1], [1, _, 1], [3, _, 3], [3, _, 3], [_, _, _], [3, _, 4],
];

describe('the Wikipedia example', () => {
  it('gives nominal 0.691358 and interval 0.810845', () => {
    expect(alphaOf(WIKIPEDIA_EXAMPLE, 'nominal').toFixed(6)).toBe('0.691358');
    expect(alphaOf(WIKIPEDIA_EXAMPLE, 'interval').toFixed(6)).toBe('0.810845');
  });
});

describe('not computable, never NaN', () => {
  it.each([
    ['no values at all', [], 'no-pairable-values'],
    ['only single values per unit', [[1, null], [null, 2]], 'no-pairable-values'],
    ['one unit', [[1, 2, 3]], 'one-unit'],
    ['all values identical', [[4, 4], [4, 4, 4], [4, null]], 'no-variation'],
  ] as const)('%s', (_label, matrix, reason) => {
    for (const level of ['ordinal', 'interval'] as const) {
      const result = krippendorffAlpha(matrix, level);
      expect(result).toMatchObject({ computable: false, reason });
      expect(JSON.stringify(result)).not.toContain('NaN');
      expect(bootstrapAlpha(matrix, level, { resamples: 50 })).toMatchObject({ computable: false, reason });
    }
  });
  it('refuses a non-finite score instead of computing NaN', () => {
    expect(() => krippendorffAlpha([[1, Number.NaN], [2, 2]], 'interval')).toThrow(RangeError);
  });
});

// Property tests with a seeded generator (no property-testing library is installed).
function randomMatrix(random: Random): (number | null)[][] {
  const units = randomInt(random, 2, 12);
  const coders = randomInt(random, 2, 5);
  return Array.from({ length: units }, () => Array.from({ length: coders }, () => (random() < 0.2 ? null : randomInt(random, 1, 7))));
}

function shuffle<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = randomInt(random, 0, i);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

describe('α properties', () => {
  it('is 1 for perfect agreement (whenever the units differ)', () => {
    for (let seed = 1; seed <= 100; seed += 1) {
      const random = seededRandom(seed);
      const coders = randomInt(random, 2, 5);
      const truth = Array.from({ length: randomInt(random, 2, 10) }, (_unused, index) => (index === 0 ? 1 : index === 1 ? 7 : randomInt(random, 1, 7)));
      const matrix = truth.map((value) => Array.from({ length: coders }, (_unused, coder) => (coder > 1 && random() < 0.3 ? null : value)));
      for (const level of ['ordinal', 'interval'] as const) expect(alphaOf(matrix, level), `seed ${seed}`).toBeCloseTo(1, 12);
    }
  });

  it('is invariant to relabelling (permuting) assessors and units', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const random = seededRandom(seed);
      const matrix = randomMatrix(random);
      const columns = shuffle(random, matrix[0]?.map((_unused, index) => index) ?? []);
      const permuted = shuffle(random, matrix).map((row) => columns.map((column) => row[column] ?? null));
      for (const level of ['ordinal', 'interval'] as const) {
        const original = krippendorffAlpha(matrix, level);
        const relabelled = krippendorffAlpha(permuted, level);
        expect(relabelled.computable, `seed ${seed}`).toBe(original.computable);
        if (original.computable && relabelled.computable) expect(relabelled.alpha, `seed ${seed}`).toBeCloseTo(original.alpha, 10);
      }
    }
  });

  it('never exceeds 1 and is never NaN', () => {
    for (let seed = 1; seed <= 200; seed += 1) {
      const result = krippendorffAlpha(randomMatrix(seededRandom(seed)), 'ordinal');
      if (result.computable) {
        expect(result.alpha, `seed ${seed}`).toBeLessThanOrEqual(1 + 1e-12);
        expect(Number.isNaN(result.alpha)).toBe(false);
      }
    }
  });
});

describe('bootstrap interval', () => {
  it('is reproducible for a seed, contains α for the worked example, and moves with another seed', () => {
    const first = bootstrapAlpha(KRIPPENDORFF_EXAMPLE, 'interval', { seed: 7, resamples: 500 });
    const again = bootstrapAlpha(KRIPPENDORFF_EXAMPLE, 'interval', { seed: 7, resamples: 500 });
    const other = bootstrapAlpha(KRIPPENDORFF_EXAMPLE, 'interval', { seed: 8, resamples: 500 });
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    if (!first.computable) throw new Error('interval not computable');
    expect(first.lower).toBeLessThan(0.849);
    expect(first.upper).toBeGreaterThan(0.849);
    expect(first.upper).toBeLessThanOrEqual(1);
    expect(first).toMatchObject({ confidence: 0.95, resamples: 500, seed: 7 });
    expect(first.usedResamples).toBeGreaterThan(250);
  });
});

describe('assessor offsets', () => {
  it('gives each assessor’s mean offset from consensus and how many applications it rests on', () => {
    const matrix: ReliabilityMatrix = [
      [5, 3, null],
      [6, 4, 5],
      [null, 2, 4],
    ];
    expect(assessorOffsets(matrix, [4, 5, null], ['lenient', 'strict', 'partial'])).toEqual([
      { assessorId: 'lenient', meanOffset: 1, applications: 2 },
      { assessorId: 'strict', meanOffset: -1, applications: 2 },
      { assessorId: 'partial', meanOffset: 0, applications: 1 },
    ]);
    expect(assessorOffsets([[null]], [3], ['none'])).toEqual([{ assessorId: 'none', meanOffset: null, applications: 0 }]);
  });

  it('criterionAgreement bundles both levels and the offsets', () => {
    const summary = criterionAgreement(KRIPPENDORFF_EXAMPLE, KRIPPENDORFF_EXAMPLE.map(() => null), ['A', 'B', 'C', 'D'], { resamples: 100 });
    expect(summary.ordinal.alpha).toMatchObject({ computable: true });
    expect(summary.interval.interval).toMatchObject({ computable: true, resamples: 100 });
    expect(summary.offsets.map((offset) => offset.applications)).toEqual([0, 0, 0, 0]);
    // Shared resamples give each level the interval of its own call.
    expect(summary.ordinal.interval).toEqual(bootstrapAlpha(KRIPPENDORFF_EXAMPLE, 'ordinal', { resamples: 100 }));
    expect(summary.interval.interval).toEqual(bootstrapAlpha(KRIPPENDORFF_EXAMPLE, 'interval', { resamples: 100 }));
  });
});
