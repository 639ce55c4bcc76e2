// File-name-safe slugs of people's names: the assessor id (app and CLI) and the certificate file name.

/**
 * "Øyvind Ærø Åsen" → "oyvind-aero-asen": lower case, æ/ø/å transliterated, other accents dropped, every
 * other run of characters a single "-", at most 64 characters. Empty when nothing is left; callers choose
 * their own fallback.
 */
export function nameSlug(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}
