// The scheme file and the rule catalogue must agree on which rules belong to which focus area.
import { describe, expect, it } from 'vitest';
import { ruleCatalogue } from '../rules/catalogue';
import { getBuiltInScheme } from './load';

describe('requirementIds in the 2021 scheme', () => {
  const scheme = getBuiltInScheme('imdi-kommunale-integreringstiltak-2021');

  it('name exactly the focus-area rules of the catalogue', () => {
    if (!scheme) throw new Error('built-in scheme missing');
    for (const area of scheme.focusAreas) {
      const fromCatalogue = ruleCatalogue
        .filter((rule) => rule.focusAreas !== 'all' && (rule.focusAreas as readonly number[]).includes(area.id))
        .map((rule) => rule.id)
        .sort();
      expect([...area.requirementIds].sort(), area.code).toEqual(fromCatalogue);
    }
  });
});
