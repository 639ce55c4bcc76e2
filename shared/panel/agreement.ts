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

/** Per pairable unit: how often each distinct value occurs (indices into `values`) and m_u. */
export interface UnitCounts {
  counts: Map<number, number>;
  size: number;
}

export interface PreparedData {
  /** Distinct values in ascending order. */
  values: number[];
  units: UnitCounts[];
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
  const index = new Map(values.map((value, position) => [value, position]));
  const units: UnitCounts[] = [];
  for (const row of matrix) {
    const counts = new Map<number, number>();
    let size = 0;
    for (const value of row) {
      if (value === null) continue;
      const position = index.get(value) ?? 0;
      counts.set(position, (counts.get(position) ?? 0) + 1);
      size += 1;
    }
    // A unit with one value has nobody to agree with: Krippendorff leaves it out of n.
    if (size >= 2) units.push({ counts, size });
  }
  return { values, units };
}

/** The coincidence matrix o_ck, summed over units with the given multiplicities (1 each by default). */
export function coincidences(data: PreparedData, weights?: readonly number[]): number[][] {
  const size = data.values.length;
  const matrix = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  data.units.forEach((unit, position) => {
    const weight = weights ? (weights[position] ?? 0) : 1;
    if (weight === 0) return;
    for (const [c, countC] of unit.counts) {
      const row = matrix[c];
      if (!row) continue;
      for (const [k, countK] of unit.counts) {
        const pairs = c === k ? countC * (countC - 1) : countC * countK;
        row[k] = (row[k] ?? 0) + (weight * pairs) / (unit.size - 1);
      }
    }
  });
  return matrix;
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
  const resamples = options.resamples ?? 1000;
  const seed = options.seed ?? 1;
  const confidence = options.confidence ?? 0.95;
  const data = prepare(matrix);
  const base = alphaFromCoincidences(level, data.values, coincidences(data), data.units.length);
  if (!base.computable) return { computable: false, reason: base.reason, confidence, resamples, usedResamples: 0, seed };
  const random = seededRandom(seed);
  const unitCount = data.units.length;
  const alphas: number[] = [];
  for (let round = 0; round < resamples; round += 1) {
    const weights = new Array<number>(unitCount).fill(0);
    for (let draw = 0; draw < unitCount; draw += 1) {
      const picked = Math.floor(random() * unitCount);
      weights[picked] = (weights[picked] ?? 0) + 1;
    }
    const result = alphaFromCoincidences(level, data.values, coincidences(data, weights), unitCount);
    if (result.computable) alphas.push(result.alpha);
  }
  if (alphas.length * 2 < resamples) return { computable: false, reason: 'too-few-resamples', confidence, resamples, usedResamples: alphas.length, seed };
  alphas.sort((a, b) => a - b);
  const tail = (1 - confidence) / 2;
  return { computable: true, lower: quantile(alphas, tail), upper: quantile(alphas, 1 - tail), confidence, resamples, usedResamples: alphas.length, seed };
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
  const level = (which: AlphaLevel): LevelAgreement => ({ alpha: krippendorffAlpha(matrix, which), interval: bootstrapAlpha(matrix, which, options) });
  return { ordinal: level('ordinal'), interval: level('interval'), offsets: assessorOffsets(matrix, consensus, assessorIds) };
}
