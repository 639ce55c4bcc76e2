// Krippendorff's α (issue #9.5, DESIGN.md §7) over a units × coders matrix (applications × assessors) with
// missing values, computed from the coincidence matrix as in Krippendorff, "Computing Krippendorff's
// Alpha-Reliability" (2011). α = 1 − (n − 1) · Σ o_ck δ²_ck / Σ n_c n_k δ²_ck. The formulas and the worked
// example are in docs/panel.md § Agreement.
import { seededRandom } from './prng';

/** Nominal and ratio are here to check the implementation against the published example; the panel uses
 *  ordinal (scores are ranks on a rubric) and interval (scores treated as equally spaced). */
export type AlphaLevel = 'nominal' | 'ordinal' | 'interval' | 'ratio';

/** One row per unit (application), one column per coder (assessor); null where that assessor gave no score. */
export type ReliabilityMatrix = readonly (readonly (number | null)[])[];

export type NotComputableReason =
  /** No unit has two or more values, so no pair can be compared. */
  | 'no-pairable-values'
  /** Only one unit has pairable values: agreement beyond chance needs more than one unit. */
  | 'one-unit'
  /** Every pairable value is the same: expected disagreement is 0 and α = 0/0. */
  | 'no-variation';

export type AlphaResult =
  | { computable: true; alpha: number; pairableValues: number; units: number; observedDisagreement: number; expectedDisagreement: number }
  | { computable: false; reason: NotComputableReason; pairableValues: number; units: number };

/** Per pairable unit: its contribution to the coincidence matrix, as cells of the flattened V × V matrix
 *  (c·V + k) and the amounts added there (pairs / (m_u − 1)). Flat arrays keep the bootstrap fast. */
export interface UnitContribution {
  cells: number[];
  amounts: number[];
}

export interface PreparedData {
  /** Distinct values in ascending order. */
  values: number[];
  units: UnitContribution[];
}

/** Throws RangeError for a non-finite value: a programming error upstream, never a reason to return NaN. */
export function prepare(matrix: ReliabilityMatrix): PreparedData {
  const distinct = new Set<number>();
  for (const row of matrix) {
    for (const value of row) {
      if (value === null) continue;
      if (!Number.isFinite(value)) throw new RangeError(`Not a finite score: ${value}`);
      distinct.add(value);
    }
  }
  const values = [...distinct].sort((a, b) => a - b);
  const size = values.length;
  const index = new Map(values.map((value, position) => [value, position]));
  const units: UnitContribution[] = [];
  for (const row of matrix) {
    const counts = new Map<number, number>();
    let m = 0;
    for (const value of row) {
      if (value === null) continue;
      const position = index.get(value) ?? 0;
      counts.set(position, (counts.get(position) ?? 0) + 1);
      m += 1;
    }
    // A unit with one value has nobody to agree with: Krippendorff leaves it out of n.
    if (m < 2) continue;
    const unit: UnitContribution = { cells: [], amounts: [] };
    for (const [c, countC] of counts) {
      for (const [k, countK] of counts) {
        const pairs = c === k ? countC * (countC - 1) : countC * countK;
        if (pairs === 0) continue;
        unit.cells.push(c * size + k);
        unit.amounts.push(pairs / (m - 1));
      }
    }
    units.push(unit);
  }
  return { values, units };
}

/** The flattened coincidence matrix, summed over units with the given multiplicities (1 each by default). */
function flatCoincidences(data: PreparedData, weights?: ArrayLike<number>): Float64Array {
  const flat = new Float64Array(data.values.length * data.values.length);
  data.units.forEach((unit, position) => {
    const weight = weights ? (weights[position] ?? 0) : 1;
    if (weight === 0) return;
    for (let j = 0; j < unit.cells.length; j += 1) {
      const cell = unit.cells[j] ?? 0;
      flat[cell] = (flat[cell] ?? 0) + weight * (unit.amounts[j] ?? 0);
    }
  });
  return flat;
}

/** The coincidence matrix o_ck, summed over units with the given multiplicities (1 each by default). */
export function coincidences(data: PreparedData, weights?: ArrayLike<number>): number[][] {
  const size = data.values.length;
  const flat = flatCoincidences(data, weights);
  return Array.from({ length: size }, (_, c) => Array.from(flat.subarray(c * size, (c + 1) * size)));
}

/** δ²_ck for the level; `marginals` are n_c (needed by the ordinal metric). */
export function squaredDifference(level: AlphaLevel, values: readonly number[], marginals: readonly number[], c: number, k: number): number {
  const valueC = values[c] ?? 0;
  const valueK = values[k] ?? 0;
  switch (level) {
    case 'nominal':
      return c === k ? 0 : 1;
    case 'ordinal': {
      // (Σ_{g=c..k} n_g − (n_c + n_k)/2)²: the distance is how many values lie between, by their frequencies.
      const [low, high] = c <= k ? [c, k] : [k, c];
      let between = 0;
      for (let g = low; g <= high; g += 1) between += marginals[g] ?? 0;
      return (between - ((marginals[c] ?? 0) + (marginals[k] ?? 0)) / 2) ** 2;
    }
    case 'interval':
      return (valueC - valueK) ** 2;
    case 'ratio':
      return valueC + valueK === 0 ? 0 : ((valueC - valueK) / (valueC + valueK)) ** 2;
  }
}

/** α from a coincidence matrix; `units` is the number of pairable units behind it (with multiplicity). */
export function alphaFromCoincidences(level: AlphaLevel, values: readonly number[], o: readonly (readonly number[])[], units: number): AlphaResult {
  const marginals = o.map((row) => row.reduce((sum, cell) => sum + cell, 0));
  const n = marginals.reduce((sum, count) => sum + count, 0);
  // Coincidences are fractions (pairs / (m_u − 1)) summed in float; round away float dust before the test for 0.
  const pairableValues = Math.round(n * 1e9) / 1e9;
  if (pairableValues === 0) return { computable: false, reason: 'no-pairable-values', pairableValues: 0, units };
  if (units < 2) return { computable: false, reason: 'one-unit', pairableValues, units };
  let observed = 0;
  let expected = 0;
  for (let c = 0; c < values.length; c += 1) {
    for (let k = 0; k < values.length; k += 1) {
      if (c === k) continue;
      const delta = squaredDifference(level, values, marginals, c, k);
      observed += (o[c]?.[k] ?? 0) * delta;
      expected += (marginals[c] ?? 0) * (marginals[k] ?? 0) * delta;
    }
  }
  if (expected <= 0) return { computable: false, reason: 'no-variation', pairableValues, units };
  const observedDisagreement = observed / n;
  const expectedDisagreement = expected / (n * (n - 1));
  return { computable: true, alpha: 1 - observedDisagreement / expectedDisagreement, pairableValues, units, observedDisagreement, expectedDisagreement };
}

export function krippendorffAlpha(matrix: ReliabilityMatrix, level: AlphaLevel): AlphaResult {
  const data = prepare(matrix);
  return alphaFromCoincidences(level, data.values, coincidences(data), data.units.length);
}

export interface BootstrapOptions {
  /** Number of resamples; 1000 by default. */
  resamples?: number;
  /** Seed of the PRNG, so the same data gives the same interval on every run; 1 by default. */
  seed?: number;
  /** 0.95 by default. */
  confidence?: number;
}

export type AlphaInterval =
  | { computable: true; lower: number; upper: number; confidence: number; resamples: number; usedResamples: number; seed: number }
  | { computable: false; reason: NotComputableReason | 'too-few-resamples'; confidence: number; resamples: number; usedResamples: number; seed: number };

/** Linear interpolation between order statistics (Hyndman–Fan type 7, the R and NumPy default). */
function quantile(sorted: readonly number[], p: number): number {
  const position = (sorted.length - 1) * p;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  const low = sorted[below] ?? 0;
  const high = sorted[above] ?? low;
  return low + (high - low) * (position - below);
}

/**
 * Percentile bootstrap interval for α: resample the pairable units with replacement (an application is the
 * sampling unit, its assessors' scores stay together), compute α for each resample, take the quantiles.
 * Resamples where α is not computable (e.g. every drawn unit has the same single value) are left out and
 * counted; with fewer than half usable the interval is reported as not computable.
 */
export function bootstrapAlpha(matrix: ReliabilityMatrix, level: AlphaLevel, options: BootstrapOptions = {}): AlphaInterval {
  return bootstrapLevels(prepare(matrix), [level], options)[0] ?? notComputable('no-pairable-values', options);
}

function notComputable(reason: NotComputableReason | 'too-few-resamples', options: BootstrapOptions, usedResamples = 0): AlphaInterval {
  return { computable: false, reason, confidence: options.confidence ?? 0.95, resamples: options.resamples ?? 1000, usedResamples, seed: options.seed ?? 1 };
}

/** One set of resamples serves every level: the draws depend only on the seed, so each level's interval is the
 *  same as from its own bootstrapAlpha call, for half the work when the panel wants ordinal and interval. */
function bootstrapLevels(data: PreparedData, levels: readonly AlphaLevel[], options: BootstrapOptions): AlphaInterval[] {
  const resamples = options.resamples ?? 1000;
  const seed = options.seed ?? 1;
  const confidence = options.confidence ?? 0.95;
  const unitCount = data.units.length;
  const base = levels.map((level) => alphaFromCoincidences(level, data.values, coincidences(data), unitCount));
  const alphas = levels.map((): number[] => []);
  if (base.some((result) => result.computable)) {
    const random = seededRandom(seed);
    for (let round = 0; round < resamples; round += 1) {
      const weights = new Int32Array(unitCount);
      for (let draw = 0; draw < unitCount; draw += 1) {
        const picked = Math.floor(random() * unitCount);
        weights[picked] = (weights[picked] ?? 0) + 1;
      }
      const o = coincidences(data, weights);
      levels.forEach((level, index) => {
        const result = alphaFromCoincidences(level, data.values, o, unitCount);
        if (result.computable) alphas[index]?.push(result.alpha);
      });
    }
  }
  return levels.map((_level, index) => {
    const first = base[index];
    const sample = alphas[index] ?? [];
    if (first && !first.computable) return notComputable(first.reason, options);
    if (sample.length * 2 < resamples) return notComputable('too-few-resamples', options, sample.length);
    sample.sort((a, b) => a - b);
    const tail = (1 - confidence) / 2;
    return { computable: true, lower: quantile(sample, tail), upper: quantile(sample, 1 - tail), confidence, resamples, usedResamples: sample.length, seed };
  });
}

export interface AssessorOffset {
  assessorId: string;
  /** Mean of (assessor's score − consensus) over the applications where both exist; null when there are none. */
  meanOffset: number | null;
  /** How many applications that mean rests on. */
  applications: number;
}

/** Each assessor's (column's) mean offset from consensus: advisory, never used to change a score. */
export function assessorOffsets(matrix: ReliabilityMatrix, consensus: readonly (number | null)[], assessorIds: readonly string[]): AssessorOffset[] {
  return assessorIds.map((assessorId, column) => {
    let sum = 0;
    let applications = 0;
    matrix.forEach((row, unit) => {
      const score = row[column];
      const agreed = consensus[unit];
      if (score === null || score === undefined || agreed === null || agreed === undefined) return;
      sum += score - agreed;
      applications += 1;
    });
    return { assessorId, meanOffset: applications === 0 ? null : sum / applications, applications };
  });
}

export interface LevelAgreement {
  alpha: AlphaResult;
  interval: AlphaInterval;
}

export interface CriterionAgreement {
  ordinal: LevelAgreement;
  interval: LevelAgreement;
  offsets: AssessorOffset[];
}

/** Everything the panel shows per criterion: α ordinal and interval with their intervals, and the offsets. */
export function criterionAgreement(
  matrix: ReliabilityMatrix,
  consensus: readonly (number | null)[],
  assessorIds: readonly string[],
  options: BootstrapOptions = {},
): CriterionAgreement {
  const data = prepare(matrix);
  const [ordinal, interval] = bootstrapLevels(data, ['ordinal', 'interval'], options);
  const level = (which: AlphaLevel, bootstrap: AlphaInterval | undefined): LevelAgreement => ({
    alpha: alphaFromCoincidences(which, data.values, coincidences(data), data.units.length),
    interval: bootstrap ?? notComputable('no-pairable-values', options),
  });
  return { ordinal: level('ordinal', ordinal), interval: level('interval', interval), offsets: assessorOffsets(matrix, consensus, assessorIds) };
}
