// The package limits as CLI options (`vurder check`, `vurder import`): a site that receives larger
// packages can raise them, a cautious one lower them. Defaults are DEFAULT_PACKAGE_LIMITS (docs/package-format.md).
import type { CatalogueError } from '../../shared/errors/format';
import { appError } from '../../shared/errors/format';
import type { Result } from '../../shared/result';
import { err, ok } from '../../shared/result';
import type { PackageLimits } from '../services/package-source/index';
import type { OptionType, ParsedArgs } from './args';

const MIB = 1024 * 1024;

/** Option name (without "--") → the limit it sets and the unit a person types it in. */
const LIMIT_OPTIONS = {
  'max-entries': { limit: 'maxEntries', factor: 1 },
  'max-total-mb': { limit: 'maxTotalBytes', factor: MIB },
  'max-file-mb': { limit: 'maxFileBytes', factor: MIB },
  'max-ratio': { limit: 'maxCompressionRatio', factor: 1 },
} as const satisfies Record<string, { limit: keyof PackageLimits; factor: number }>;

export const LIMIT_USAGE = '[--max-entries N] [--max-total-mb N] [--max-file-mb N] [--max-ratio N]';

/** The parser spec for the limit options, to spread into a command's own spec. */
export const LIMIT_OPTION_SPEC: Readonly<Record<keyof typeof LIMIT_OPTIONS, OptionType>> = {
  'max-entries': 'string',
  'max-total-mb': 'string',
  'max-file-mb': 'string',
  'max-ratio': 'string',
};

/** The limits the options ask for (only those given); a value that is not a positive whole number is refused. */
export function limitsFromArgs(parsed: ParsedArgs): Result<Partial<PackageLimits>, CatalogueError> {
  const limits: Partial<PackageLimits> = {};
  for (const [name, { limit, factor }] of Object.entries(LIMIT_OPTIONS)) {
    const value = parsed.strings.get(name)?.at(-1);
    if (value === undefined) continue;
    // Digits only: "1e3", "0x10", "2.5" and " 7" are typos more often than intent.
    const number = /^[0-9]+$/.test(value) ? Number(value) : Number.NaN;
    if (!Number.isSafeInteger(number) || number < 1 || !Number.isSafeInteger(number * factor)) {
      return err(appError('cli.bad-value', undefined, { option: `--${name}`, value, allowed: '1 | 2 | 3 …' }));
    }
    limits[limit] = number * factor;
  }
  // The .zip itself is never larger than what it unpacks to, so its own cap follows the total.
  if (limits.maxTotalBytes !== undefined) limits.maxArchiveBytes = limits.maxTotalBytes;
  return ok(limits);
}
