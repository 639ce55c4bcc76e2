import { describe, expect, it } from 'vitest';
import { getBuiltInScheme } from '../scheme/load';
import type { SchemeDefinition } from '../scheme/schema';
import type { AllocationRequest, AllocationResult, NoFitPolicy } from './allocation';
import { allocate, describeAllocationError, STORTING_RESERVATION } from './allocation';
import type { Random } from './prng';
import { randomInt, seededRandom } from './prng';

const scheme = getBuiltInScheme('imdi-kommunale-integreringstiltak-2021');
if (!scheme) throw new Error('built-in 2021 scheme missing');

let order = 0;
function request(applicationId: string, focusArea: number, firstYear: number, laterYears: number[] = []): AllocationRequest {
  order += 1;
  return { applicationId, focusArea, meritOrder: order, firstYear, laterYears };
}

function allocated(result: AllocationResult): Record<string, [number, string]> {
  return Object.fromEntries(result.lines.map((line) => [line.applicationId, [line.granted, line.outcome]]));
}

function unwrap<T>(result: { ok: true; value: T } | { ok: false; error: unknown }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('allocate (2021 pools)', () => {
  it('has the scheme text’s pools: SO1 20 M, SO2 10 M, SO5 5 M reserved, 23.4 M shared by SO3/SO4/SO6, 58.4 M in all', () => {
    expect(scheme.budget.total).toBe(58_400_000);
    expect(scheme.budget.pools.map((pool) => [pool.id, pool.amount, pool.reserved, pool.focusAreas])).toEqual([
      ['so1', 20_000_000, true, [1]],
      ['so2', 10_000_000, true, [2]],
      ['so5', 5_000_000, true, [5]],
      ['shared', 23_400_000, false, [3, 4, 6]],
    ]);
  });

  it('grants the first year in rank order; later years are commitments under the Storting’s reservation', () => {
    const result = unwrap(allocate([request('A', 5, 3_000_000, [2_000_000, 1_000_000]), request('B', 5, 1_500_000)], scheme, { noFit: 'skip', releaseReserve: [] }));
    expect(allocated(result)).toEqual({ A: [3_000_000, 'granted'], B: [1_500_000, 'granted'] });
    expect(result.lines[0]?.commitments).toEqual([
      { year: 2022, amount: 2_000_000, reservation: STORTING_RESERVATION },
      { year: 2023, amount: 1_000_000, reservation: STORTING_RESERVATION },
    ]);
    expect(result.pools.find((pool) => pool.poolId === 'so5')).toMatchObject({ allocated: 4_500_000, left: 500_000 });
  });

  it('skip passes over what does not fit and goes on; offer-remainder offers what is left', () => {
    const requests = [request('A', 5, 4_000_000), request('B', 5, 2_000_000), request('C', 5, 600_000), request('D', 5, 100_000)];
    const skip = unwrap(allocate(requests, scheme, { noFit: 'skip', releaseReserve: [] }));
    expect(allocated(skip)).toEqual({ A: [4_000_000, 'granted'], B: [0, 'skipped'], C: [600_000, 'granted'], D: [100_000, 'granted'] });
    expect(skip.noFit).toBe('skip');
    const offer = unwrap(allocate(requests, scheme, { noFit: 'offer-remainder', releaseReserve: [] }));
    expect(allocated(offer)).toEqual({ A: [4_000_000, 'granted'], B: [1_000_000, 'partial'], C: [0, 'pool-empty'], D: [0, 'pool-empty'] });
    expect(offer.lines[1]?.availableBefore).toBe(1_000_000);
  });

  it('fills a pool shared by several focus areas in global rank order', () => {
    order = 0;
    const requests = [request('SO4-best', 4, 20_000_000), request('SO3-next', 3, 3_000_000), request('SO6-last', 6, 1_000_000)];
    const result = unwrap(allocate(requests, scheme, { noFit: 'skip', releaseReserve: [] }));
    expect(allocated(result)).toEqual({ 'SO4-best': [20_000_000, 'granted'], 'SO3-next': [3_000_000, 'granted'], 'SO6-last': [0, 'skipped'] });
  });

  it('releases unused reserves to the shared pool only for the named pools, and shows the effect', () => {
    const requests = [request('S1', 1, 15_000_000), request('S2', 2, 9_000_000), request('shared-big', 3, 23_000_000), request('shared-more', 4, 5_000_000)];
    const none = unwrap(allocate(requests, scheme, { noFit: 'skip', releaseReserve: [] }));
    expect(none.releases).toEqual([]);
    expect(allocated(none)['shared-more']).toEqual([0, 'skipped']);
    const released = unwrap(allocate(requests, scheme, { noFit: 'skip', releaseReserve: ['so1'] }));
    expect(released.releases).toEqual([{ fromPoolId: 'so1', toPoolId: 'shared', amount: 5_000_000 }]);
    expect(released.pools.find((pool) => pool.poolId === 'so1')).toMatchObject({ allocated: 15_000_000, releasedOut: 5_000_000, left: 0 });
    expect(released.pools.find((pool) => pool.poolId === 'shared')).toMatchObject({ amount: 23_400_000, releasedIn: 5_000_000, allocated: 28_000_000, left: 400_000 });
    // so2's 1 M stays reserved: only named pools are released.
    expect(released.pools.find((pool) => pool.poolId === 'so2')).toMatchObject({ left: 1_000_000, releasedOut: 0 });
    expect(released.releaseEffect).toEqual([{ applicationId: 'shared-more', withoutRelease: 0, withRelease: 5_000_000 }]);
  });

  it('refuses to release a pool that does not exist or is not reserved, with a typed error', () => {
    expect(allocate([], scheme, { noFit: 'skip', releaseReserve: ['so9'] })).toEqual({ ok: false, error: { code: 'unknown-pool', poolId: 'so9' } });
    const notReserved = allocate([], scheme, { noFit: 'skip', releaseReserve: ['shared'] });
    expect(notReserved).toEqual({ ok: false, error: { code: 'pool-not-reserved', poolId: 'shared' } });
    if (!notReserved.ok) expect(describeAllocationError(notReserved.error).nb).toContain('ikke reservert');
    expect(allocate([request('X', 3, 1.5)], scheme, { noFit: 'skip', releaseReserve: [] })).toMatchObject({ ok: false, error: { code: 'bad-amount' } });
  });
});

// Property tests with a seeded generator (no property-testing library is installed): random schemes, requests,
// policies and releases; the seed is in the failure message so a failing case can be replayed.
function randomScheme(random: Random): Pick<SchemeDefinition, 'budget' | 'year'> {
  const reservedCount = randomInt(random, 0, 3);
  const pools = Array.from({ length: reservedCount }, (_, index) => ({
    id: `r${index + 1}`,
    title: { nb: 'r', en: 'r' },
    focusAreas: [index + 1],
    amount: randomInt(random, 0, 5_000),
    reserved: true,
  }));
  pools.push({ id: 'shared', title: { nb: 's', en: 's' }, focusAreas: [4, 5, 6], amount: randomInt(random, 0, 8_000), reserved: false });
  const sum = pools.reduce((total, pool) => total + pool.amount, 0);
  // Sometimes a total below the sum of the pools, to check the total cap as well.
  const total = random() < 0.3 ? randomInt(random, 0, sum) : sum;
  return { year: 2021, budget: { total, pools } };
}

function randomRequests(random: Random, reservedCount: number): AllocationRequest[] {
  const areas = [...Array.from({ length: reservedCount }, (_, index) => index + 1), 4, 5, 6];
  return Array.from({ length: randomInt(random, 0, 25) }, (_, index) => ({
    applicationId: `A${index}`,
    focusArea: areas[randomInt(random, 0, areas.length - 1)] ?? 4,
    meritOrder: randomInt(random, 1, 30),
    firstYear: random() < 0.1 ? 0 : randomInt(random, 1, 3_000),
    laterYears: [randomInt(random, 0, 3_000)],
  }));
}

describe('allocate properties', () => {
  it('for every pool allocated + left + released out = amount + released in; total ≤ budget; nobody gets more than asked', () => {
    for (let seed = 1; seed <= 400; seed += 1) {
      const random = seededRandom(seed);
      const randomSchemeValue = randomScheme(random);
      const reserved = randomSchemeValue.budget.pools.filter((pool) => pool.reserved);
      const requests = randomRequests(random, reserved.length);
      const noFit: NoFitPolicy = random() < 0.5 ? 'skip' : 'offer-remainder';
      const releaseReserve = reserved.filter(() => random() < 0.5).map((pool) => pool.id);
      const result = unwrap(allocate(requests, randomSchemeValue, { noFit, releaseReserve }));
      const context = `seed ${seed}`;
      for (const pool of result.pools) {
        expect(pool.allocated + pool.left + pool.releasedOut, context).toBe(pool.amount + pool.releasedIn);
        expect(pool.left, context).toBeGreaterThanOrEqual(0);
        expect(result.lines.filter((line) => line.poolId === pool.poolId).reduce((sum, line) => sum + line.granted, 0), context).toBe(pool.allocated);
      }
      const granted = result.lines.reduce((sum, line) => sum + line.granted, 0);
      expect(granted, context).toBe(result.totalAllocated);
      expect(granted, context).toBeLessThanOrEqual(randomSchemeValue.budget.total);
      expect(result.releases.reduce((sum, moved) => sum + moved.amount, 0), context).toBe(result.pools.reduce((sum, pool) => sum + pool.releasedIn, 0));
      for (const line of result.lines) {
        expect(Number.isInteger(line.granted), context).toBe(true);
        expect(line.granted, context).toBeLessThanOrEqual(line.requested);
        expect(line.granted, context).toBeGreaterThanOrEqual(0);
      }
      expect(result.lines.length, context).toBe(requests.length);
    }
  });
});
