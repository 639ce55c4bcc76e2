import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, fillTemplate, isErrorCode } from './catalogue';
import { appError, formatErrorLine, unexpectedError } from './format';

describe('error catalogue', () => {
  it('uses the same placeholders in nb and en for every code', () => {
    // A param may exist per language ({problemsNb} / {problemsEn}); compare names without that suffix.
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+?)(?:Nb|En)?\}/g)].map((m) => m[1]).sort();
    for (const [code, template] of Object.entries(ERROR_CATALOGUE)) {
      expect(placeholders(template.nb), code).toEqual(placeholders(template.en));
      expect(code).toMatch(/^[a-z]+\.[a-z0-9-]+$/);
    }
  });

  it('fills placeholders and keeps unknown ones visible', () => {
    expect(fillTemplate('{a} og {b}', { a: 1 })).toBe('1 og {b}');
  });

  it('knows its own codes only', () => {
    expect(isErrorCode('package.zip-slip')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
  });
});

describe('formatErrorLine', () => {
  it('names the file and the problem in the chosen language', () => {
    const error = appError('package.zip-slip', 'søknad.zip', { entry: '../evil.sh' });
    expect(formatErrorLine(error, 'nb')).toBe('søknad.zip: filstien «../evil.sh» peker ut av pakken (..)');
    expect(formatErrorLine(error, 'en')).toBe('søknad.zip: the path "../evil.sh" points outside the package (..)');
    expect(error.message).toBe(error.localized.nb);
  });

  it('keeps a multi-line thrown message on one line without a stack', () => {
    const thrown = Object.assign(new Error('first line\nsecond line'), { code: 'EIO' });
    const line = formatErrorLine(unexpectedError(thrown, 'a.zip'), 'en');
    expect(line).toBe('a.zip: unexpected error: EIO: first line');
    expect(line).not.toContain('\n');
  });

  it('works without a subject', () => {
    expect(formatErrorLine(appError('cli.usage', undefined, { detail: 'bruk: vurder check <pakke>' }), 'nb')).toBe(
      'bruk: vurder check <pakke>',
    );
  });
});
