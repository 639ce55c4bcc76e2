// Scheme definitions for tests: the real built-in 2021 scheme, optionally under another id, written to a file.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SchemeDefinition } from '../../../shared/scheme/schema';

export const BUILT_IN_SCHEME_ID = 'imdi-kommunale-integreringstiltak-2021';

const builtInPath = fileURLToPath(new URL(`../../../resources/schemes/${BUILT_IN_SCHEME_ID}.json`, import.meta.url));

export function testScheme(id = BUILT_IN_SCHEME_ID): SchemeDefinition {
  const scheme = JSON.parse(readFileSync(builtInPath, 'utf8')) as SchemeDefinition;
  return { ...scheme, id };
}
