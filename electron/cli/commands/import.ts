// `vurder import <workspace> <package>... [--lang nb|en]`: each package (folder, .zip, or a CSV/XLSX case
// list) all-or-nothing; one line per package. Exit 0 all imported or already there, 1 any refused,
// 2 the workspace cannot be opened or bad usage (docs/workspace.md § CLI).
import { resolve } from 'node:path';
import { formatErrorLine } from '../../../shared/errors/format';
import { importPackages } from '../../services/import/import-packages';
import type { CliCommand } from '../command';
import { LIMIT_OPTION_SPEC, LIMIT_USAGE, limitsFromArgs } from '../limit-options';
import { IDENTITY_OPTION_SPEC, identityFromArgs, openForCli, parseWithLang, usageError } from './workspace';

const USAGE = `vurder import <arbeidsmappe|workspace> <pakke|package>... [--identity id.p12 --passphrase-env VAR] [--lang nb|en] ${LIMIT_USAGE}`;

const STATUS_WORD = {
  imported: { nb: 'importert', en: 'imported' },
  'already-imported': { nb: 'finnes allerede', en: 'already imported' },
  refused: { nb: 'AVVIST', en: 'REFUSED' },
} as const;

export const importCommand: CliCommand = {
  async run(args, io) {
    const options = parseWithLang(args, { ...LIMIT_OPTION_SPEC, ...IDENTITY_OPTION_SPEC }, io);
    if (!options) return 2;
    const { parsed, lang } = options;
    const limits = limitsFromArgs(parsed);
    if (!limits.ok) {
      io.stderr(`vurder import: ${formatErrorLine(limits.error, lang)}\n`);
      return 2;
    }
    const [dir, ...paths] = parsed.positionals;
    if (dir === undefined || paths.length === 0) {
      io.stderr(`vurder import: ${formatErrorLine(usageError(USAGE), lang)}\n`);
      return 2;
    }
    // With --identity the package.import entries are authenticated with its audit key, as in the app.
    const identity = await identityFromArgs(parsed, io, lang);
    if (!identity.ok) {
      io.stderr(`${identity.error}\n`);
      return 2;
    }
    const opened = await openForCli(dir, io, lang, identity.value);
    if (!opened.ok) return opened.error;
    const results = await importPackages(opened.value, paths.map((path) => resolve(io.cwd, path)), { actor: 'cli', limits: limits.value });
    for (const result of results) {
      const line = `${STATUS_WORD[result.status][lang]}: ${result.localized[lang]}\n`;
      if (result.status === 'refused') io.stderr(line);
      else io.stdout(line);
    }
    return results.some((result) => result.status === 'refused') ? 1 : 0;
  },
};
