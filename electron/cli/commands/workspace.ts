// `vurder workspace init <dir> [--scheme <id|file>]` and `vurder workspace verify <dir>` (docs/workspace.md § CLI).
// Also the small helpers the workspace commands (import, list, assess) share: language, error lines.
import { join, resolve } from 'node:path';
import type { CatalogueError } from '../../../shared/errors/format';
import { appError, formatErrorLine, unexpectedError } from '../../../shared/errors/format';
import type { Language } from '../../../shared/i18n/localized';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import { auditKeyFromIdentity } from '../../services/audit/audit-key';
import { verifyAuditLog } from '../../services/audit/verify';
import { openIdentity } from '../../services/signing/identity';
import type { Identity } from '../../services/signing/identity';
import { verifyRecords } from '../../services/workspace/verify-records';
import { listApplications } from '../../services/workspace/applications';
import { ServiceError } from '../../services/workspace/errors';
import { packageDir } from '../../services/workspace/layout';
import { verifyStoredPackage } from '../../services/workspace/verify-package';
import { createWorkspace, DEFAULT_SCHEME_ID, openWorkspace } from '../../services/workspace/workspace';
import type { SchemeChoice, Workspace } from '../../services/workspace/workspace';
import type { OptionType, ParsedArgs } from '../args';
import { choiceOption, parseCliArgs } from '../args';
import type { CliCommand, CliIo } from '../command';

/** Parses args with `--lang` added; a usage problem is printed and gives exit code 2. */
export function parseWithLang(args: readonly string[], spec: Readonly<Record<string, OptionType>>, io: CliIo): { parsed: ParsedArgs; lang: Language } | undefined {
  const parsed = parseCliArgs(args, { ...spec, lang: 'string' });
  const lang = parsed.ok ? choiceOption(parsed.value, 'lang', ['nb', 'en'] as const, 'nb') : parsed;
  if (!parsed.ok || !lang.ok) {
    io.stderr(`vurder: ${formatErrorLine(parsed.ok ? (lang as { ok: false; error: CatalogueError }).error : parsed.error, 'nb')}\n`);
    return undefined;
  }
  return { parsed: parsed.value, lang: lang.value };
}

export function usageError(usage: string): CatalogueError {
  return appError('cli.wrong-arguments', undefined, { usage });
}

/** A thrown service error (or anything else) as one line naming the file. */
export function errorLine(thrown: unknown, lang: Language, subject?: string): string {
  if (thrown instanceof ServiceError) return thrown.toLine(lang);
  return formatErrorLine(unexpectedError(thrown, subject), lang);
}

/** Opens the workspace; with an identity, its audit key is registered first (docs/security.md § Audit log authentication). */
export async function openForCli(dir: string, io: CliIo, lang: Language, identity?: Identity): Promise<Result<Workspace, number>> {
  try {
    return ok(await openWorkspace(resolve(io.cwd, dir), identity ? { auditKey: async (meta) => auditKeyFromIdentity(identity, meta.id) } : {}));
  } catch (thrown) {
    io.stderr(`${errorLine(thrown, lang, dir)}\n`);
    return err(2);
  }
}

const USAGE =
  'vurder workspace init <mappe|dir> [--scheme <id|fil.json>] [--lang nb|en] | vurder workspace verify <mappe|dir> [--identity id.p12 --passphrase-env VAR] [--lang nb|en]';

/** The identity for --identity with its passphrase from the variable --passphrase-env names, or one line saying why not. */
export async function openCliIdentity(path: string, variable: string | undefined, io: CliIo, lang: Language): Promise<Identity | string> {
  const passphrase = variable === undefined ? undefined : io.env[variable];
  if (passphrase === undefined) {
    return lang === 'nb'
      ? `${path}: oppgi passordfrasen i en miljøvariabel med --passphrase-env (${variable ?? 'mangler'} er ikke satt)`
      : `${path}: give the passphrase in an environment variable with --passphrase-env (${variable ?? 'missing'} is not set)`;
  }
  try {
    return await openIdentity(path, passphrase);
  } catch (thrown) {
    return `${path}: ${thrown instanceof Error ? thrown.message : String(thrown)}`;
  }
}

/** `--identity id.p12 --passphrase-env VAR`: the commands that write or check the audit log take them. */
export const IDENTITY_OPTION_SPEC = { identity: 'string', 'passphrase-env': 'string' } as const;

/** The identity named by --identity (undefined without it), or one line saying why it cannot be opened. */
export async function identityFromArgs(parsed: ParsedArgs, io: CliIo, lang: Language): Promise<Result<Identity | undefined, string>> {
  const path = parsed.strings.get('identity')?.at(-1);
  if (path === undefined) return ok(undefined);
  const opened = await openCliIdentity(resolve(io.cwd, path), parsed.strings.get('passphrase-env')?.at(-1), io, lang);
  return typeof opened === 'string' ? err(opened) : ok(opened);
}

/** "--scheme x.json" or a path is a file; a bare slug is a built-in scheme id. */
export function schemeChoice(value: string | undefined, cwd: string): SchemeChoice {
  if (value === undefined) return { schemeId: DEFAULT_SCHEME_ID };
  return /[/\\]|\.json$/i.test(value) ? { schemeFile: resolve(cwd, value) } : { schemeId: value };
}

export const workspaceCommand: CliCommand = {
  async run(args, io) {
    const options = parseWithLang(args, { scheme: 'string', ...IDENTITY_OPTION_SPEC }, io);
    if (!options) return 2;
    const { parsed, lang } = options;
    const [sub, dir, ...extra] = parsed.positionals;
    if (sub === 'verify' && dir !== undefined && extra.length === 0 && !parsed.strings.has('scheme')) {
      const identity = await identityFromArgs(parsed, io, lang);
      if (!identity.ok) {
        io.stderr(`${identity.error}\n`);
        return 2;
      }
      return verifyWorkspace(dir, io, lang, identity.value);
    }
    if (sub !== 'init' || dir === undefined || extra.length > 0 || parsed.strings.has('identity')) {
      io.stderr(`vurder workspace: ${formatErrorLine(usageError(USAGE), lang)}\n`);
      return 2;
    }
    try {
      const ws = await createWorkspace(resolve(io.cwd, dir), schemeChoice(parsed.strings.get('scheme')?.at(-1), io.cwd), 'cli');
      io.stdout(
        lang === 'nb'
          ? `Arbeidsmappe opprettet: ${ws.dir} (ordning ${ws.meta.schemeId}, SHA-256 ${ws.meta.schemeSha256})\n`
          : `Workspace created: ${ws.dir} (scheme ${ws.meta.schemeId}, SHA-256 ${ws.meta.schemeSha256})\n`,
      );
      return 0;
    } catch (thrown) {
      io.stderr(`${errorLine(thrown, lang, dir)}\n`);
      return 1;
    }
  },
};

/**
 * `vurder workspace verify <dir>`: the audit chain and every stored package against its lock.
 * Exit 0 intact, 1 a problem found (one line each on stderr), 2 the workspace cannot be opened.
 */
async function verifyWorkspace(dir: string, io: CliIo, lang: Language, identity: Identity | undefined): Promise<number> {
  const opened = await openForCli(dir, io, lang, identity);
  if (!opened.ok) return opened.error;
  const ws = opened.value;
  const problems: string[] = [];
  const keys = identity ? [auditKeyFromIdentity(identity, ws.meta.id)] : [];
  const audit = await verifyAuditLog(ws.dir, { keys });
  problems.push(...audit.problems.map((problem) => `${join(ws.dir, 'audit.log')}: ${lang === 'nb' ? problem.messageNb : problem.message}`));
  // Every assessment file and history version, and every package lock, against what the log recorded.
  for (const problem of await verifyRecords(ws, { keys })) problems.push(`${problem.file}: ${problem.message[lang]}`);
  const records = await listApplications(ws, null);
  for (const record of records) {
    const checked = await verifyStoredPackage(ws, record.summary.applicationId);
    for (const problem of checked.problems) {
      const text = lang === 'nb' ? { changed: 'er endret etter import', missing: 'mangler', extra: 'er lagt til etter import' } : { changed: 'was changed after import', missing: 'is missing', extra: 'was added after import' };
      problems.push(`${join(packageDir(ws.dir, record.summary.applicationId), problem.path)}: ${text[problem.kind]}`);
    }
  }
  for (const problem of problems) io.stderr(`${problem}\n`);
  io.stdout(
    lang === 'nb'
      ? `${ws.dir}: revisjonslogg ${audit.ok ? 'intakt' : 'IKKE intakt'} (${audit.entries} oppføringer), ${records.length} søknader kontrollert, ${problems.length} problem(er)\n`
      : `${ws.dir}: audit log ${audit.ok ? 'intact' : 'NOT intact'} (${audit.entries} entries), ${records.length} applications checked, ${problems.length} problem(s)\n`,
  );
  if (audit.authenticated) {
    const { through, holder } = audit.authenticated;
    io.stdout(
      lang === 'nb'
        ? `${ws.dir}: revisjonsloggen er autentisert med nøkkelen til ${holder} til og med oppføring ${through}\n`
        : `${ws.dir}: the audit log is authenticated with ${holder}'s key up to entry ${through}\n`,
    );
  }
  return problems.length === 0 ? 0 : 1;
}
