import { describe, expect, it } from 'vitest';
import { getBuiltInScheme } from '../scheme/load';
import type { SchemeDefinition } from '../scheme/schema';
import { formatKroner, gInForce, isKroner, sumKroner } from './kroner';

const scheme = getBuiltInScheme('imdi-kommunale-integreringstiltak-2021') as SchemeDefinition;
const NBSP = '\u00A0';
const MINUS = '\u2212';

describe('formatKroner', () => {
  it('formats Norwegian with a no-break space as group separator', () => {
    expect(formatKroner(1_234_567)).toBe(`1${NBSP}234${NBSP}567${NBSP}kr`);
    expect(formatKroner(58_400_000, 'nb')).toBe(`58${NBSP}400${NBSP}000${NBSP}kr`);
  });
  it('uses the Unicode minus sign for a negative amount', () => {
    expect(formatKroner(-1_500, 'nb')).toBe(`${MINUS}1${NBSP}500${NBSP}kr`);
  });
  it('formats English with NOK and commas', () => {
    expect(formatKroner(1_234_567, 'en')).toBe(`NOK${NBSP}1,234,567`);
  });
  it('refuses øre and floats', () => {
    expect(() => formatKroner(10.5)).toThrow(RangeError);
  });
});

describe('sumKroner and isKroner', () => {
  it('adds whole kroner and refuses anything else', () => {
    expect(sumKroner([20_000_000, 10_000_000, 5_000_000, 23_400_000])).toBe(58_400_000);
    expect(() => sumKroner([1, 0.5])).toThrow(RangeError);
    expect(isKroner(Number.MAX_SAFE_INTEGER + 1)).toBe(false);
  });
});

describe('gInForce', () => {
  it('changes on 1 May', () => {
    expect(gInForce(scheme, '2021-04-30')).toBe(101_351);
    expect(gInForce(scheme, '2021-05-01')).toBe(106_399);
    expect(gInForce(scheme, '2025-05-01')).toBe(130_160);
  });
  it('keeps the last known G after the table and knows none before it', () => {
    expect(gInForce(scheme, '2030-01-01')).toBe(130_160);
    expect(gInForce(scheme, '2019-04-30')).toBeUndefined();
  });
});
