// `vurder demo <dir> [--json] [--lang nb|en]`: a new workspace with the 2021 demo round (docs/demo.md).
import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { CatalogueError } from '../../../shared/errors/format';
import { appError, formatErrorLine, unexpectedError } from '../../../shared/errors/format';
import type { Language } from '../../../shared/i18n/localized';
import { choiceOption, parseCliArgs } from '../args';
import type { CliCommand, CliIo } from '../command';
import { createDemoWorkspace } from '../../services/demo/create-workspace';
import { runDemoPanel } from './demo-panel';
import { DELIBERATE_FAILURES } from '../../services/demo/failures';
import { listApplications } from '../../services/workspace/applications';
import { ServiceError, isErrno } from '../../services/workspace/errors';

const USAGE = 'vurder demo <mappe|dir> [--panel] [--json] [--lang nb|en]';

/** Stable --json output, documented in docs/demo.md. */
export interface DemoJsonOutput {
  workspace: string;
  schemeId: string;
  packages: number;
  imported: number;
  alreadyImported: number;
  refused: number;
  verdicts: { eligible: number; 'needs-review': number; ineligible: number };
  applications: { applicationId: string; focusArea: number; applicant: string; title: string; requestedGrant: number | null; verdict: string | null }[];
  refusals: { source: string; message: string }[];
}

async function isNonEmptyFolder(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length > 0;
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return false;
    throw error;
  }
}

/** Runs the command; returns the exit code. Never throws: the last resort is one line naming the folder. */
export async function runDemo(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(args, { json: 'boolean', lang: 'string', panel: 'boolean' });
  // The language is needed for the usage error itself; fall back to nb when it cannot be read.
  const lang = parsed.ok ? choiceOption(parsed.value, 'lang', ['nb', 'en'] as const, 'nb') : undefined;
  const language: Language = lang?.ok === true ? lang.value : 'nb';
  const fail = (error: CatalogueError): number => {
    io.stderr(`vurder demo: ${formatErrorLine(error, language)}\n`);
    return 2;
  };
  if (!parsed.ok) return fail(parsed.error);
  if (lang !== undefined && !lang.ok) return fail(lang.error);
  const [target, ...extra] = parsed.value.positionals;
  if (target === undefined || extra.length > 0) return fail(appError('cli.wrong-arguments', undefined, { usage: USAGE }));
  const dir = resolve(io.cwd, target);
  try {
    // Checked here too (createWorkspace refuses as well) so the answer comes before any work is done.
    if (await isNonEmptyFolder(dir)) return fail(appError('workspace.not-empty', dir));
    if (parsed.value.booleans.has('panel')) return await runDemoPanel(dir, parsed.value.booleans.has('json'), language, io);
    const { workspace, results } = await createDemoWorkspace(dir);
    const records = await listApplications(workspace);
    const verdicts = { eligible: 0, 'needs-review': 0, ineligible: 0 };
    for (const record of records) if (record.summary.verdict) verdicts[record.summary.verdict] += 1;
    const refusals = results.filter((r) => r.status === 'refused');
    const output: DemoJsonOutput = {
      workspace: workspace.dir,
      schemeId: workspace.meta.schemeId,
      packages: results.length,
      imported: results.filter((r) => r.status === 'imported').length,
      alreadyImported: results.filter((r) => r.status === 'already-imported').length,
      refused: refusals.length,
      verdicts,
      applications: records.map(({ summary }) => ({
        applicationId: summary.applicationId,
        focusArea: summary.focusArea,
        applicant: summary.applicantName,
        title: summary.title,
        requestedGrant: summary.requestedGrant,
        verdict: summary.verdict,
      })),
      refusals: refusals.map((r) => ({ source: r.source, message: r.localized[language] })),
    };
    io.stdout(parsed.value.booleans.has('json') ? `${JSON.stringify(output, null, 2)}\n` : renderDemoSummary(output, language));
    return output.refused > 0 ? 1 : 0;
  } catch (thrown) {
    return fail(thrown instanceof ServiceError ? thrown.appError : unexpectedError(thrown, dir));
  }
}

export const demoCommand: CliCommand = { run: (args, io) => runDemo(args, io) };

/** The human summary printed without --json. */
export function renderDemoSummary(output: DemoJsonOutput, lang: Language): string {
  const perArea = [1, 2, 3, 4, 5, 6].map((area) => `SO${area} ${output.applications.filter((a) => a.focusArea === area).length}`).join(', ');
  const failing = Object.entries(DELIBERATE_FAILURES).map(([id, info]) => `  ${id} – ${info.ruleId}: ${info.description[lang]}`);
  const { eligible, ineligible } = output.verdicts;
  const review = output.verdicts['needs-review'];
  const lines =
    lang === 'nb'
      ? [
          `Demoarbeidsområde opprettet: ${output.workspace} (ordning ${output.schemeId})`,
          `Importerte ${output.imported} av ${output.packages} demopakker (${perArea}).`,
          `Formell kontroll: ${eligible} oppfyller kravene, ${review} må vurderes, ${ineligible} oppfyller ikke kravene.`,
          'Bevisst avvist i demoen:',
        ]
      : [
          `Demo workspace created: ${output.workspace} (scheme ${output.schemeId})`,
          `Imported ${output.imported} of ${output.packages} demo packages (${perArea}).`,
          `Formal check: ${eligible} eligible, ${review} need review, ${ineligible} ineligible.`,
          'Deliberately ineligible:',
        ];
  const refused = output.refusals.map((r) => `${lang === 'nb' ? 'Avvist ved import' : 'Refused'}: ${r.message}`);
  return [...lines, ...failing, ...refused, ''].join('\n');
}
