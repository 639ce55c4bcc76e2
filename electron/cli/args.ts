// A small, strict argument parser for the CLI commands. Its failures are catalogue errors (nb/en), so a
// wrong option gives one clear line instead of a library's English message.
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import type { CatalogueError } from '../../shared/errors/format';
import { appError } from '../../shared/errors/format';

export type OptionType = 'boolean' | 'string';

export interface ParsedArgs {
  positionals: string[];
  /** Boolean options that were given. */
  booleans: Set<string>;
  /** String options by name (without "--"); a repeated option keeps every value in order. */
  strings: Map<string, string[]>;
}

/** `spec` maps option names without "--" (e.g. `json`) to their type. "--" ends the options. */
export function parseCliArgs(args: readonly string[], spec: Readonly<Record<string, OptionType>>): Result<ParsedArgs, CatalogueError> {
  const parsed: ParsedArgs = { positionals: [], booleans: new Set(), strings: new Map() };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      parsed.positionals.push(...args.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      parsed.positionals.push(arg);
      continue;
    }
    const [flag = '', inline] = splitOnce(arg);
    const name = flag.replace(/^--?/, '');
    const type = flag.startsWith('--') && Object.hasOwn(spec, name) ? spec[name] : undefined;
    switch (type) {
      case undefined:
        return err(appError('cli.unknown-option', undefined, { option: flag }));
      case 'boolean':
        if (inline !== undefined) return err(appError('cli.bad-value', undefined, { option: flag, value: inline, allowed: flag }));
        parsed.booleans.add(name);
        break;
      case 'string': {
        const value = inline ?? args[i + 1];
        if (value === undefined || (inline === undefined && value.startsWith('--'))) {
          return err(appError('cli.missing-value', undefined, { option: flag }));
        }
        if (inline === undefined) i += 1;
        parsed.strings.set(name, [...(parsed.strings.get(name) ?? []), value]);
        break;
      }
    }
  }
  return ok(parsed);
}

function splitOnce(arg: string): [string, string | undefined] {
  const at = arg.indexOf('=');
  return at < 0 ? [arg, undefined] : [arg.slice(0, at), arg.slice(at + 1)];
}

/** The last value of a string option, checked against the allowed values. */
export function choiceOption<T extends string>(
  parsed: ParsedArgs,
  name: string,
  allowed: readonly T[],
  fallback: T,
): Result<T, CatalogueError> {
  const value = parsed.strings.get(name)?.at(-1);
  if (value === undefined) return ok(fallback);
  const match = allowed.find((candidate) => candidate === value);
  if (match === undefined) return err(appError('cli.bad-value', undefined, { option: `--${name}`, value, allowed: allowed.join(' | ') }));
  return ok(match);
}
