// `vurder merge <panel-ws> <exchange file|folder>... [--allow-untrusted] [--json]` (docs/panel.md § Merge rules).
// One line per file; a refused file names the file and the reason. Exit 0 all merged (or already merged) ·
// 1 any refused · 2 bad usage or the workspace cannot be opened / its trust list cannot be used.
import { resolve } from 'node:path';
import { formatErrorLine } from '../../../shared/errors/format';
import type { MergeOutcome } from '../../services/panel/merge';
import { expandMergeInputs, mergeExchangeFiles } from '../../services/panel/merge';
import { trustAnchorsForWorkspace } from '../../services/trust/trust-list';
import type { CliCommand, CliIo } from '../command';
import { IDENTITY_OPTIONS, openPanelForCli } from './panel-options';
import { errorLine, parseWithLang, usageError } from './workspace';

const USAGE = 'vurder merge <panelmappe|panel-dir> <utvekslingsfil|mappe>... [--allow-untrusted] [--json] [--lang nb|en]';

/** Stable --json output (docs/cli.md § merge). */
export interface MergeJsonOutput {
  workspace: string;
  merged: number;
  alreadyMerged: number;
  refused: number;
  files: MergeOutcome[];
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const options = parseWithLang(args, { ...IDENTITY_OPTIONS, 'allow-untrusted': 'boolean', json: 'boolean' }, io);
  if (!options) return 2;
  const { parsed, lang } = options;
  const [dir, ...inputs] = parsed.positionals;
  if (dir === undefined || inputs.length === 0) {
    io.stderr(`vurder merge: ${formatErrorLine(usageError(USAGE), lang)}\n`);
    return 2;
  }
  const opened = await openPanelForCli(dir, io, lang, 'merge', parsed);
  if (!opened.ok) return opened.error;
  const ws = opened.value;
  let trustAnchors: Uint8Array[];
  try {
    trustAnchors = await trustAnchorsForWorkspace(ws.dir);
  } catch (thrown) {
    io.stderr(`vurder merge: ${errorLine(thrown, lang, dir)}\n`);
    return 2;
  }
  const files = await expandMergeInputs(
    inputs.map((input) => resolve(io.cwd, input)),
    (path) => inputs.find((input) => resolve(io.cwd, input) === path) ?? path,
  );
  try {
    const result = await mergeExchangeFiles(ws, files, { trustAnchors, allowUntrusted: parsed.booleans.has('allow-untrusted'), actor: 'cli' });
    const count = (status: MergeOutcome['status']) => result.outcomes.filter((outcome) => outcome.status === status).length;
    if (parsed.booleans.has('json')) {
      const output: MergeJsonOutput = { workspace: ws.dir, merged: count('merged'), alreadyMerged: count('already-merged'), refused: count('refused'), files: result.outcomes };
      io.stdout(`${JSON.stringify(output, null, 2)}\n`);
    }
    for (const outcome of result.outcomes) {
      if (outcome.status === 'refused') io.stderr(`${lang === 'nb' ? 'AVVIST' : 'REFUSED'}: ${outcome.file}: ${outcome.message[lang]}\n`);
      else if (!parsed.booleans.has('json')) io.stdout(`${outcome.file}: ${outcome.message[lang]}\n`);
    }
    if (!parsed.booleans.has('json')) {
      io.stdout(
        lang === 'nb'
          ? `${count('merged')} flettet inn, ${count('already-merged')} fantes fra før, ${count('refused')} avvist\n`
          : `${count('merged')} merged, ${count('already-merged')} already merged, ${count('refused')} refused\n`,
      );
    }
    if (files.length === 0) {
      io.stderr(lang === 'nb' ? `vurder merge: fant ingen utvekslingsfiler (*.json) i ${inputs.join(', ')}\n` : `vurder merge: no exchange files (*.json) in ${inputs.join(', ')}\n`);
      return 1;
    }
    return count('refused') > 0 ? 1 : 0;
  } catch (thrown) {
    io.stderr(`vurder merge: ${errorLine(thrown, lang, dir)}\n`);
    return 2;
  }
}

export const mergeCommand: CliCommand = { run };
