// Loading a scheme definition: zod for shape, then the checks zod cannot express (pools add up, every
// focus area in exactly one pool, rubric covers the scale, G table in date order). A broken scheme is
// refused with the path of the first bad field, so whoever edits the JSON can find it.
import type { z } from 'zod';
import { err, ok, type Result } from '../result';
import { endOfDayOslo } from '../time/oslo';
import { schemeDefinitionSchema, type SchemeDefinition } from './schema';
import imdi2021 from '../../resources/schemes/imdi-kommunale-integreringstiltak-2021.json';

export interface SchemeProblem {
  /** Field path in the JSON, e.g. "focusAreas[2].title.en". */
  path: string;
  message: string;
}

/** "focusAreas[2].title.en" from zod's ['focusAreas', 2, 'title', 'en']. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(root)' : out;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  // zod 4 says "Invalid input: expected string, received undefined" for a missing key; "Required" is what a person expects.
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return 'Required';
  return issue.message;
}

/** Checks across fields. Returns every problem found, first one first. */
export function semanticProblems(scheme: SchemeDefinition): SchemeProblem[] {
  const problems: SchemeProblem[] = [];
  const { pools, total } = scheme.budget;

  const poolSum = pools.reduce((sum, pool) => sum + pool.amount, 0);
  if (poolSum !== total) {
    problems.push({ path: 'budget.pools', message: `pools add up to ${poolSum} kroner, budget.total is ${total}` });
  }
  const poolIds = new Set<string>();
  pools.forEach((pool, index) => {
    if (poolIds.has(pool.id)) problems.push({ path: `budget.pools[${index}].id`, message: `duplicate pool id "${pool.id}"` });
    poolIds.add(pool.id);
  });

  const seenIds = new Set<number>();
  scheme.focusAreas.forEach((area, index) => {
    if (seenIds.has(area.id)) problems.push({ path: `focusAreas[${index}].id`, message: `duplicate focus area ${area.id}` });
    seenIds.add(area.id);
    if (area.code !== `SO${area.id}`) {
      problems.push({ path: `focusAreas[${index}].code`, message: `code "${area.code}" does not match id ${area.id}` });
    }
    const holders = pools.filter((pool) => pool.focusAreas.includes(area.id));
    if (holders.length !== 1) {
      problems.push({
        path: `focusAreas[${index}]`,
        message: `focus area ${area.id} is in ${holders.length} budget pools; it must be in exactly one`,
      });
    } else if (holders[0]?.id !== area.poolId) {
      problems.push({
        path: `focusAreas[${index}].poolId`,
        message: `poolId "${area.poolId}" but focus area ${area.id} is listed in pool "${holders[0]?.id ?? ''}"`,
      });
    }
  });

  const expectedEnd = endOfDayOslo(scheme.deadline.date);
  if (Date.parse(scheme.deadline.endsAt) !== Date.parse(expectedEnd)) {
    problems.push({ path: 'deadline.endsAt', message: `must be the end of ${scheme.deadline.date} in Oslo: ${expectedEnd}` });
  }

  for (let index = 1; index < scheme.grunnbelop.length; index += 1) {
    const previous = scheme.grunnbelop[index - 1];
    const current = scheme.grunnbelop[index];
    if (previous && current && previous.from >= current.from) {
      problems.push({ path: `grunnbelop[${index}].from`, message: `must be after ${previous.from} (the table is sorted by date)` });
    }
  }

  const { min, max } = scheme.scoring.scale;
  if (min >= max) problems.push({ path: 'scoring.scale', message: `min ${min} must be below max ${max}` });
  scheme.criteria.forEach((criterion, index) => {
    const scores = criterion.levels.map((level) => level.score).sort((a, b) => a - b);
    const expected = Array.from({ length: Math.max(0, max - min + 1) }, (_, i) => min + i);
    if (scores.join(',') !== expected.join(',')) {
      problems.push({
        path: `criteria[${index}].levels`,
        message: `must have exactly one level per score ${min}–${max}; has ${scores.join(', ')}`,
      });
    }
    if (criterion.threshold < min || criterion.threshold > max) {
      problems.push({ path: `criteria[${index}].threshold`, message: `must be on the scale ${min}–${max}` });
    }
  });
  if (scheme.criteria[0]?.id === scheme.criteria[1]?.id) {
    problems.push({ path: 'criteria[1].id', message: 'the two criteria must be different' });
  }
  return problems;
}

/** Validates a parsed JSON value as a scheme definition. The error names the path of the bad field. */
export function parseSchemeDefinition(json: unknown): Result<SchemeDefinition> {
  const parsed = schemeDefinitionSchema.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const path = first ? formatIssuePath(first.path) : '(root)';
    const message = first ? `${path}: ${issueMessage(first)}` : 'not a scheme definition';
    return err({
      code: 'scheme-invalid',
      message,
      localized: { nb: `Ugyldig ordningsdefinisjon – ${message}`, en: `Invalid scheme definition – ${message}` },
      subject: path,
    });
  }
  const problems = semanticProblems(parsed.data);
  const first = problems[0];
  if (first) {
    const message = `${first.path}: ${first.message}`;
    return err({
      code: 'scheme-inconsistent',
      message,
      localized: { nb: `Ordningsdefinisjonen henger ikke sammen – ${message}`, en: `Inconsistent scheme definition – ${message}` },
      subject: first.path,
    });
  }
  return ok(parsed.data);
}

declare global {
  interface ImportMeta {
    /**
     * `true` only in the CLI bundle, defined by scripts/build-cli.mjs after it ran `loadBuiltIn` on these same
     * schemes and found each one valid and returned unchanged by parsing. Undefined everywhere else.
     */
    readonly vurderBuiltInSchemesChecked?: boolean;
  }
}

/** The JSON of the schemes shipped with Vurder, as written (scripts/build-cli.mjs checks them at build time). */
export const builtInSchemeSources: readonly { name: string; json: unknown }[] = [
  { name: 'imdi-kommunale-integreringstiltak-2021.json', json: imdi2021 },
];

function loadBuiltIn(json: unknown, name: string): SchemeDefinition {
  // The CLI bundle's build has already done this on the same bytes and checked that parsing returns the JSON
  // unchanged, so a cold `vurder check` does not spend ~3 ms on it again (issue 13.3). The app, the tests and
  // the CLI run from source check here. Schemes given by the user (`--scheme`) always go through
  // parseSchemeDefinition.
  if (import.meta.vurderBuiltInSchemesChecked === true) return json as SchemeDefinition;
  const result = parseSchemeDefinition(json);
  // A broken built-in scheme is a build defect, not user input: fail loudly at start-up.
  if (!result.ok) throw new Error(`Built-in scheme ${name} is invalid: ${result.error.message}`);
  return result.value;
}

/** The schemes shipped with Vurder, validated once at import (or, in the CLI bundle, when it was built). */
export const builtInSchemes: readonly SchemeDefinition[] = builtInSchemeSources.map((source) => loadBuiltIn(source.json, source.name));

export function getBuiltInScheme(id: string): SchemeDefinition | undefined {
  return builtInSchemes.find((scheme) => scheme.id === id);
}
