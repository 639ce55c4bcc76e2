// The CLI bundle trusts the built-in schemes at start because scripts/build-cli.mjs checked them first
// (scripts/check-built-in-schemes.mjs, shared/scheme/load.ts). That check must pass the shipped scheme and stop
// the build for a broken one or one that parsing would change.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './cli-harness';

type Check = (root: string, extraPlugins?: Plugin[]) => Promise<string[]>;
// Plain JavaScript run by build-cli.mjs (a string specifier: it has no type declarations).
const checkModule: string = '../../scripts/check-built-in-schemes.mjs';
const { checkBuiltInSchemes } = (await import(checkModule)) as { checkBuiltInSchemes: Check };

const SCHEME = 'imdi-kommunale-integreringstiltak-2021.json';
const shipped = JSON.parse(await readFile(join(repoRoot, 'resources', 'schemes', SCHEME), 'utf8')) as Record<string, unknown>;

/** Replaces the scheme file's contents in the probe bundle only; the file on disk is not touched. */
function schemeReplacedBy(json: unknown): Plugin {
  return {
    name: 'scheme-replaced',
    setup(build) {
      build.onLoad({ filter: new RegExp(`${SCHEME.replaceAll('.', '\\.')}$`) }, () => ({ contents: JSON.stringify(json), loader: 'json' }));
    },
  };
}

describe('the build-time check of the built-in schemes', () => {
  it('passes the shipped scheme', async () => {
    expect(await checkBuiltInSchemes(repoRoot)).toEqual([SCHEME]);
  });

  it('stops the build for an invalid scheme, naming the file and the field', async () => {
    const broken = { ...shipped, budget: { ...(shipped.budget as object), total: 'lots' } };
    await expect(checkBuiltInSchemes(repoRoot, [schemeReplacedBy(broken)])).rejects.toThrow(/Built-in scheme imdi-kommunale-integreringstiltak-2021\.json is invalid: budget\.total/);
  });

  it('stops the build for a scheme whose pools do not add up (cross-field check)', async () => {
    const budget = shipped.budget as { total: number };
    const broken = { ...shipped, budget: { ...budget, total: budget.total + 1 } };
    await expect(checkBuiltInSchemes(repoRoot, [schemeReplacedBy(broken)])).rejects.toThrow(/imdi-kommunale-integreringstiltak-2021\.json .*budget\.pools/);
  });

  it('stops the build for a scheme with an unknown key (the schema is strict; were it not, parsing would drop the key and the equality check would stop the build)', async () => {
    await expect(checkBuiltInSchemes(repoRoot, [schemeReplacedBy({ ...shipped, extra: 1 })])).rejects.toThrow(/imdi-kommunale-integreringstiltak-2021\.json/);
  });
});
