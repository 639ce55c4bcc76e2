// Shared by the panel commands: opening a panel workspace with one clear line, and the round-settings options
// (docs/cli.md § Panel round).
import { resolve } from 'node:path';
import type { Language } from '../../../shared/i18n/localized';
import type { AllocationShortfall, ConsensusMethod } from '../../../shared/panel/types';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import { openPanelWorkspace } from '../../services/panel/panel-workspace';
import type { RoundSettingsChange } from '../../services/panel/settings';
import { reservedPoolId } from '../../services/panel/settings';
import type { Workspace } from '../../services/workspace/workspace';
import type { OptionType, ParsedArgs } from '../args';
import type { CliIo } from '../command';
import { errorLine, IDENTITY_OPTION_SPEC, identityFromArgs } from './workspace';
import { auditKeyFromIdentity } from '../../services/audit/audit-key';

export const SETTINGS_OPTIONS: Readonly<Record<string, OptionType>> = {
  'assessors-per-application': 'string',
  'consensus-method': 'string',
  'spread-flag': 'string',
  'amount-flag-percent': 'string',
  'justification-min': 'string',
  shortfall: 'string',
};


/** A bad option or input file, said in both languages; the command prints it as one line and exits 2. */
export class OptionProblem extends Error {
  constructor(
    readonly nb: string,
    readonly en: string,
  ) {
    super(en);
  }
}

function last(parsed: ParsedArgs, name: string): string | undefined {
  return parsed.strings.get(name)?.at(-1);
}

function whole(parsed: ParsedArgs, name: string, min: number, max: number): number | undefined {
  const text = last(parsed, name);
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new OptionProblem(`--${name} må være et helt tall fra ${min} til ${max}, ikke «${text}»`, `--${name} must be a whole number from ${min} to ${max}, not "${text}"`);
  }
  return Number(text);
}

function choice<T extends string>(parsed: ParsedArgs, name: string, allowed: readonly T[]): T | undefined {
  const text = last(parsed, name);
  if (text === undefined) return undefined;
  const match = allowed.find((candidate) => candidate === text);
  if (match === undefined) throw new OptionProblem(`--${name} kan ikke være «${text}»; bruk ${allowed.join(' | ')}`, `--${name} cannot be "${text}"; use ${allowed.join(' | ')}`);
  return match;
}

/** The settings given as options (only those given). Throws OptionProblem for a bad value. */
export function settingsFromOptions(parsed: ParsedArgs): RoundSettingsChange {
  const change: RoundSettingsChange = {};
  const perApplication = whole(parsed, 'assessors-per-application', 1, 50);
  if (perApplication !== undefined) change.assessorsPerApplication = perApplication;
  const method = choice<ConsensusMethod>(parsed, 'consensus-method', ['median', 'mean']);
  if (method) change.consensusMethod = method;
  const shortfall = choice<AllocationShortfall>(parsed, 'shortfall', ['skip', 'offer-remainder']);
  if (shortfall) change.allocationShortfall = shortfall;
  const minimum = whole(parsed, 'justification-min', 1, 2000);
  if (minimum !== undefined) change.consensusJustificationMinLength = minimum;
  const spread = whole(parsed, 'spread-flag', 1, 100);
  const percent = whole(parsed, 'amount-flag-percent', 0, 1000);
  if (spread !== undefined || percent !== undefined) {
    change.flagThresholds = { ...(spread === undefined ? {} : { spread }), ...(percent === undefined ? {} : { amountDifferencePercent: percent }) };
  }
  return change;
}

/** `--release-reserve SO1,SO2` → the scheme's pool ids; "none" → []. Unknown pools are a clear error. */
export function releasedPools(ws: Workspace, value: string): string[] {
  if (value.trim().toLowerCase() === 'none') return [];
  return [...new Set(value.split(',').filter((name) => name.trim() !== '').map((name) => reservedPoolId(ws, name, '--release-reserve')))].sort();
}

/** Options every panel command takes: the lead's identity authenticates the audit entries it writes. */
export const IDENTITY_OPTIONS: Readonly<Record<string, OptionType>> = IDENTITY_OPTION_SPEC;

/**
 * Opens the panel workspace; with `--identity id.p12 --passphrase-env VAR` (docs/security.md § Audit log
 * authentication) the audit key is registered first, as `vurder trust … --identity` does.
 */
export async function openPanelForCli(dir: string, io: CliIo, lang: Language, command: string, parsed?: ParsedArgs): Promise<Result<Workspace, number>> {
  const opened = parsed ? await identityFromArgs(parsed, io, lang) : ok(undefined);
  if (!opened.ok) {
    io.stderr(`vurder ${command}: ${opened.error}\n`);
    return err(2);
  }
  const identity = opened.value;
  try {
    const key = identity;
    return ok(await openPanelWorkspace(resolve(io.cwd, dir), key ? { auditKey: async (meta) => auditKeyFromIdentity(key, meta.id) } : {}));
  } catch (thrown) {
    io.stderr(`vurder ${command}: ${errorLine(thrown, lang, dir)}\n`);
    return err(2);
  }
}
