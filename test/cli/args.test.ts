import { describe, expect, it } from 'vitest';
import { choiceOption, parseCliArgs } from '../../electron/cli/args';

const spec = { json: 'boolean', lang: 'string', trust: 'string' } as const;

describe('parseCliArgs', () => {
  it('separates positionals, booleans and repeated string options', () => {
    const parsed = parseCliArgs(['a', '--json', '--trust', 'x.pem', '--trust=y.pem', 'b', '--', '--not-an-option'], spec);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.positionals).toEqual(['a', 'b', '--not-an-option']);
    expect([...parsed.value.booleans]).toEqual(['json']);
    expect(parsed.value.strings.get('trust')).toEqual(['x.pem', 'y.pem']);
  });

  it('refuses unknown options, short options, a value on a boolean and a missing value', () => {
    const codes = [['--x'], ['-j'], ['--json=yes'], ['--lang'], ['--lang', '--json']].map((args) => {
      const parsed = parseCliArgs(args, spec);
      return parsed.ok ? 'ok' : parsed.error.code;
    });
    expect(codes).toEqual(['cli.unknown-option', 'cli.unknown-option', 'cli.bad-value', 'cli.missing-value', 'cli.missing-value']);
  });

  it('checks a choice and falls back to the default', () => {
    const parsed = parseCliArgs(['--lang', 'en'], spec);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(choiceOption(parsed.value, 'lang', ['nb', 'en'], 'nb')).toEqual({ ok: true, value: 'en' });
    expect(choiceOption(parsed.value, 'missing', ['a'], 'a')).toEqual({ ok: true, value: 'a' });
    const bad = parseCliArgs(['--lang', 'sv'], spec);
    expect(bad.ok && choiceOption(bad.value, 'lang', ['nb', 'en'], 'nb').ok).toBe(false);
  });
});
