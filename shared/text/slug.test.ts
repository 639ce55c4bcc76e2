import { describe, expect, it } from 'vitest';
import { nameSlug } from './slug';

describe('nameSlug', () => {
  it('transliterates æøå, drops other accents and joins words with "-"', () => {
    expect(nameSlug('Øyvind Ærø Åsen')).toBe('oyvind-aero-asen');
    expect(nameSlug('  José  Müller-Lüdenscheidt ')).toBe('jose-muller-ludenscheidt');
  });
  it('is empty when nothing is left, so each caller picks its fallback', () => {
    expect(nameSlug('…')).toBe('');
    expect(nameSlug('')).toBe('');
  });
  it('keeps at most 64 characters', () => {
    expect(nameSlug('a'.repeat(100))).toBe('a'.repeat(64));
  });
});
