import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { endOfDayOslo } from '../time/oslo';
import { builtInSchemeSources, builtInSchemes, getBuiltInScheme, parseSchemeDefinition } from './load';

const SCHEME_FILE = fileURLToPath(new URL('../../resources/schemes/imdi-kommunale-integreringstiltak-2021.json', import.meta.url));
const ID = 'imdi-kommunale-integreringstiltak-2021';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests break the raw JSON in many different places
type RawJson = any;

/** A fresh, mutable copy of the real scheme file, read from disk. */
function rawScheme(): RawJson {
  return JSON.parse(readFileSync(SCHEME_FILE, 'utf8')) as RawJson;
}

function errorOf(json: unknown): string {
  const result = parseSchemeDefinition(json);
  if (result.ok) throw new Error('expected the scheme to be refused');
  return result.error.message;
}

describe('the 2021 scheme file', () => {
  const result = parseSchemeDefinition(rawScheme());
  if (!result.ok) throw new Error(result.error.message);
  const scheme = result.value;

  it('is valid and is the built-in scheme', () => {
    expect(scheme.id).toBe(ID);
    expect(getBuiltInScheme(ID)).toEqual(scheme);
    expect(builtInSchemes.map((s) => s.id)).toEqual([ID]);
    expect(getBuiltInScheme('no-such-scheme')).toBeUndefined();
  });

  it('parses to exactly the JSON as written, which the CLI bundle uses without parsing (scripts/check-built-in-schemes.mjs)', () => {
    expect(scheme).toStrictEqual(rawScheme());
    expect(builtInSchemeSources.map((source) => source.name)).toEqual(['imdi-kommunale-integreringstiltak-2021.json']);
    expect(builtInSchemeSources[0]?.json).toStrictEqual(rawScheme());
  });

  it('ends the deadline at the end of 9 February 2021 in Oslo', () => {
    expect(scheme.deadline.date).toBe('2021-02-09');
    expect(scheme.deadline.endsAt).toBe(endOfDayOslo('2021-02-09'));
    expect(scheme.deadline.endsAt).toBe('2021-02-09T23:59:59.999+01:00');
  });

  it('has pools that add up to 58 400 000 with SO1, SO2 and SO5 reserved', () => {
    const { total, pools } = scheme.budget;
    expect(total).toBe(58_400_000);
    expect(pools.reduce((sum, pool) => sum + pool.amount, 0)).toBe(total);
    const byId = Object.fromEntries(pools.map((pool) => [pool.id, pool]));
    expect(byId.so1).toMatchObject({ amount: 20_000_000, reserved: true, focusAreas: [1] });
    expect(byId.so2).toMatchObject({ amount: 10_000_000, reserved: true, focusAreas: [2] });
    expect(byId.so5).toMatchObject({ amount: 5_000_000, reserved: true, focusAreas: [5] });
    expect(byId.shared).toMatchObject({ amount: 23_400_000, reserved: false, focusAreas: [3, 4, 6] });
  });

  it('lists the six focus areas with their rule ids and participant minimums', () => {
    const ids = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => `R${from + i}`);
    expect(scheme.focusAreas.map((area) => [area.code, area.requirementIds, area.minimumParticipants])).toEqual([
      ['SO1', ids(17, 22), undefined],
      ['SO2', ids(23, 25), undefined],
      ['SO3', ids(26, 31), 10],
      ['SO4', ids(32, 34), 10],
      ['SO5', ids(35, 39), undefined],
      ['SO6', ids(40, 41), 10],
    ]);
  });

  it('holds the G table, duration, reporting deadlines and stipend rules', () => {
    expect(scheme.grunnbelop.map((g) => [g.from, g.amount])).toEqual([
      ['2019-05-01', 99_858],
      ['2020-05-01', 101_351],
      ['2021-05-01', 106_399],
      ['2022-05-01', 111_477],
      ['2023-05-01', 118_620],
      ['2024-05-01', 124_028],
      ['2025-05-01', 130_160],
    ]);
    expect(scheme.maxDurationYears).toBe(3);
    expect(scheme.reportingDeadlines.map((d) => d.date)).toEqual(['2021-09-01', '2022-02-01']);
    expect(scheme.stipend.so1).toEqual({ annualG: 2, youngAgeLimit: 25, youngFraction: { numerator: 2, denominator: 3 }, grantCapG: 1 });
    expect(scheme.stipend.so2).toEqual({ grantCapG: 1, requiresNoOtherStipend: true });
  });

  it('scores 1–7 with equal weights, threshold 4 and a rubric level per score', () => {
    expect(scheme.scoring.scale).toEqual({ min: 1, max: 7 });
    expect(scheme.scoring.justificationMinLength).toBeGreaterThan(0);
    expect(scheme.scoring.note.en).toMatch(/silent/);
    expect(scheme.criteria.map((c) => [c.id, c.weight, c.threshold])).toEqual([
      ['feasibility', 1, 4],
      ['transferValue', 1, 4],
    ]);
    for (const criterion of scheme.criteria) {
      expect(criterion.levels.map((level) => level.score)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(criterion.subAspects.length).toBeGreaterThanOrEqual(4);
    }
    const feasibility = scheme.criteria.find((c) => c.id === 'feasibility');
    expect(feasibility?.subAspects.map((a) => a.id)).toEqual(
      expect.arrayContaining(['previousProjects', 'ownContribution', 'partners', 'planAndOrganisation', 'budgetRealism', 'supervisor']),
    );
    expect(feasibility?.subAspects.find((a) => a.id === 'supervisor')?.focusAreas).toEqual([3]);
    const transfer = scheme.criteria.find((c) => c.id === 'transferValue');
    expect(transfer?.subAspects.map((a) => a.id)).toEqual(
      expect.arrayContaining(['nationalInterest', 'transferability', 'dissemination', 'evaluationPlan']),
    );
  });
});

describe('parseSchemeDefinition refuses a broken scheme with the path of the bad field', () => {
  it('names a missing English title', () => {
    const json = rawScheme();
    delete json.focusAreas[2].title.en;
    expect(errorOf(json)).toBe('focusAreas[2].title.en: Required');
  });

  it('names a money amount that is not whole kroner', () => {
    const json = rawScheme();
    json.budget.pools[1].amount = 10_000_000.5;
    expect(errorOf(json)).toMatch(/^budget\.pools\[1\]\.amount: /);
  });

  it('refuses pools that do not add up to the total', () => {
    const json = rawScheme();
    json.budget.pools[3].amount = 23_000_000;
    expect(errorOf(json)).toBe('budget.pools: pools add up to 58000000 kroner, budget.total is 58400000');
  });

  it('refuses a focus area that sits in two pools', () => {
    const json = rawScheme();
    json.budget.pools[3].focusAreas = [1, 3, 4, 6];
    expect(errorOf(json)).toBe('focusAreas[0]: focus area 1 is in 2 budget pools; it must be in exactly one');
  });

  it('refuses a poolId that disagrees with the pool lists', () => {
    const json = rawScheme();
    json.focusAreas[4].poolId = 'shared';
    expect(errorOf(json)).toMatch(/^focusAreas\[4\]\.poolId: /);
  });

  it('refuses a rubric that misses a level on the scale', () => {
    const json = rawScheme();
    json.criteria[1].levels.splice(6, 1);
    expect(errorOf(json)).toBe('criteria[1].levels: must have exactly one level per score 1–7; has 1, 2, 3, 4, 5, 6');
  });

  it('refuses a G table out of date order', () => {
    const json = rawScheme();
    json.grunnbelop.reverse();
    expect(errorOf(json)).toMatch(/^grunnbelop\[1\]\.from: must be after/);
  });

  it('refuses an endsAt that is not the end of the deadline day in Oslo', () => {
    const json = rawScheme();
    json.deadline.endsAt = '2021-02-09T23:59:59.999Z';
    expect(errorOf(json)).toBe('deadline.endsAt: must be the end of 2021-02-09 in Oslo: 2021-02-09T23:59:59.999+01:00');
  });

  it('refuses an unknown field and says so in nb and en', () => {
    const json = rawScheme();
    json.colour = 'blue';
    const result = parseSchemeDefinition(json);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('scheme-invalid');
      expect(result.error.localized?.nb).toMatch(/^Ugyldig ordningsdefinisjon – /);
      expect(result.error.localized?.en).toMatch(/^Invalid scheme definition – /);
    }
  });

  it('refuses something that is not an object at all', () => {
    expect(errorOf('scheme')).toMatch(/^\(root\): /);
  });
});
