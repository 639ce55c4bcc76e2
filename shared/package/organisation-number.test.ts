import { describe, expect, it } from 'vitest';
import { isValidOrganisationNumber } from './organisation-number';

describe('isValidOrganisationNumber', () => {
  it.each([
    ['991825827', true],
    ['958935420', true],
    ['988077918', false],
    ['99182582', false],
    ['9918258270', false],
    ['99182582x', false],
  ])('%s → %s', (value, expected) => {
    expect(isValidOrganisationNumber(value)).toBe(expected);
  });
});
