// `vurder panel init <dir> [--scheme <id|file>] [settings options]`, `vurder panel settings <ws> [options]
// [--release-reserve SO1,SO2|none] [--json]`, `vurder panel status <ws> [--json]` (docs/cli.md § Panel round).
// Exit 0 done · 1 refused · 2 bad usage or unreadable workspace.
import { resolve } from 'node:path';
import { formatErrorLine } from '../../../shared/errors/format';
import type { Language } from '../../../shared/i18n/localized';
import { createPanelWorkspace } from '../../services/panel/panel-workspace';
import { readRoundSettings, updateRoundSettings } from '../../services/panel/settings';
import { readPanelSnapshotOf } from '../../services/panel/snapshot';
import type { CliCommand, CliIo } from '../command';
import { IDENTITY_OPTIONS, OptionProblem, openPanelForCli, releasedPools, SETTINGS_OPTIONS, settingsFromOptions } from './panel-options';
import { renderPanelStatus } from './panel-status-text';
import { errorLine, parseWithLang, schemeChoice, usageError } from './workspace';

const USAGE =
  'vurder panel init <mappe|dir> [--scheme <id|fil>] [--assessors-per-application N] … | vurder panel settings <mappe|dir> [valg] [--release-reserve SO1,SO2|none] [--json] | vurder panel status <mappe|dir> [--json]';

function problemLine(error: OptionProblem, lang: Language): string {
  return `vurder panel: ${lang === 'nb' ? error.nb : error.en}\n`;
}

async function init(dir: string, scheme: string | undefined, change: ReturnType<typeof settingsFromOptions>, io: CliIo, lang: Language): Promise<number> {
  try {
    const ws = await createPanelWorkspace(resolve(io.cwd, dir), schemeChoice(scheme, io.cwd), { settings: change, actor: 'cli' });
    const settings = await readRoundSettings(ws);
    io.stdout(
      lang === 'nb'
        ? `Panelarbeidsområde opprettet: ${ws.dir} (ordning ${ws.meta.schemeId}, ${settings.assessorsPerApplication} vurderinger per søknad)\nNeste: vurder import ${dir} <pakker…>, vurder trust add ${dir} <sertifikat.pem>, vurder merge ${dir} <utvekslingsfiler…>\n`
        : `Panel workspace created: ${ws.dir} (scheme ${ws.meta.schemeId}, ${settings.assessorsPerApplication} assessments per application)\nNext: vurder import ${dir} <packages…>, vurder trust add ${dir} <cert.pem>, vurder merge ${dir} <exchange files…>\n`,
    );
    return 0;
  } catch (thrown) {
    io.stderr(`vurder panel: ${errorLine(thrown, lang, dir)}\n`);
    return 1;
  }
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  const options = parseWithLang(args, { ...SETTINGS_OPTIONS, ...IDENTITY_OPTIONS, scheme: 'string', json: 'boolean', 'release-reserve': 'string' }, io);
  if (!options) return 2;
  const { parsed, lang } = options;
  const [sub, dir, ...extra] = parsed.positionals;
  const json = parsed.booleans.has('json');
  let change;
  try {
    change = settingsFromOptions(parsed);
  } catch (thrown) {
    if (thrown instanceof OptionProblem) {
      io.stderr(problemLine(thrown, lang));
      return 2;
    }
    throw thrown;
  }
  const hasSettings = Object.keys(change).length > 0 || parsed.strings.has('release-reserve');
  const valid =
    dir !== undefined &&
    extra.length === 0 &&
    ((sub === 'init' && !json && !parsed.strings.has('release-reserve') && !parsed.strings.has('identity')) || (sub === 'settings' && !parsed.strings.has('scheme')) || (sub === 'status' && !hasSettings && !parsed.strings.has('scheme')));
  if (!valid) {
    io.stderr(`vurder panel: ${formatErrorLine(usageError(USAGE), lang)}\n`);
    return 2;
  }
  if (sub === 'init') return init(dir, parsed.strings.get('scheme')?.at(-1), change, io, lang);
  const opened = await openPanelForCli(dir, io, lang, 'panel', parsed);
  if (!opened.ok) return opened.error;
  const ws = opened.value;
  try {
    if (sub === 'status') {
      // status shows no agreement, so its bootstrap is skipped.
      const snapshot = await readPanelSnapshotOf(ws, { agreementResamples: 0 });
      if (json) {
        const { workspace, settings, exchangeFiles, assessors, applications, flagCounts } = snapshot;
        io.stdout(`${JSON.stringify({ workspace, settings, exchangeFiles, assessors, applications, flagCounts }, null, 2)}\n`);
      } else {
        io.stdout(renderPanelStatus(snapshot, lang));
      }
      return 0;
    }
    const release = parsed.strings.get('release-reserve')?.at(-1);
    const settings = hasSettings
      ? await updateRoundSettings(ws, { ...change, ...(release === undefined ? {} : { releasedReserves: releasedPools(ws, release) }) }, 'cli')
      : await readRoundSettings(ws);
    io.stdout(json ? `${JSON.stringify(settings, null, 2)}\n` : `${JSON.stringify(settings, null, 2)}\n${hasSettings ? (lang === 'nb' ? 'Lagret.\n' : 'Saved.\n') : ''}`);
    return 0;
  } catch (thrown) {
    io.stderr(`vurder panel: ${errorLine(thrown, lang, dir)}\n`);
    return 1;
  }
}

export const panelCommand: CliCommand = { run };
