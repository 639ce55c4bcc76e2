// `vurder demo <dir> [--json]`: a new workspace with the 2021 demo round (docs/demo.md).
import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { appError, formatErrorLine, unexpectedError } from '../../../shared/errors/format';
import type { CliCommand, CliIo } from '../command';
import { createDemoWorkspace } from '../../services/demo/create-workspace';
import { DELIBERATE_FAILURES } from '../../services/demo/failures';
import { listApplications } from '../../services/workspace/applications';
import { ServiceError, isErrno } from '../../services/workspace/errors';

const USAGE = 'Usage: vurder demo <dir> [--json]';

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

export const demoCommand: CliCommand = {
  async run(args: readonly string[], io: CliIo): Promise<number> {
    const json = args.includes('--json');
    const rest = args.filter((arg) => arg !== '--json');
    const [target, ...extra] = rest;
    if (target === undefined || extra.length > 0 || target.startsWith('-')) {
      io.stderr(`vurder demo: ${target?.startsWith('-') ? `unknown option ${target}` : 'give exactly one folder'}\n${USAGE}\n`);
      return 2;
    }
    const dir = resolve(io.cwd, target);
    try {
      // Checked here too (createWorkspace refuses as well) so the answer comes before any work is done.
      if (await isNonEmptyFolder(dir)) {
        io.stderr(`vurder demo: ${formatErrorLine(appError('workspace.not-empty', dir), 'en')}\n`);
        return 2;
      }
      const { workspace, results } = await createDemoWorkspace(dir);
      const records = await listApplications(workspace);
      const verdicts = { eligible: 0, 'needs-review': 0, ineligible: 0 };
      for (const record of records) if (record.summary.verdict) verdicts[record.summary.verdict] += 1;
      const output: DemoJsonOutput = {
        workspace: workspace.dir,
        schemeId: workspace.meta.schemeId,
        packages: results.length,
        imported: results.filter((r) => r.status === 'imported').length,
        alreadyImported: results.filter((r) => r.status === 'already-imported').length,
        refused: results.filter((r) => r.status === 'refused').length,
        verdicts,
        applications: records.map(({ summary }) => ({
          applicationId: summary.applicationId,
          focusArea: summary.focusArea,
          applicant: summary.applicantName,
          title: summary.title,
          requestedGrant: summary.requestedGrant,
          verdict: summary.verdict,
        })),
        refusals: results.filter((r) => r.status === 'refused').map((r) => ({ source: r.source, message: r.localized.en })),
      };
      io.stdout(json ? `${JSON.stringify(output, null, 2)}\n` : humanSummary(output));
      return output.refused > 0 ? 1 : 0;
    } catch (thrown) {
      const line = thrown instanceof ServiceError ? thrown.toLine('en') : formatErrorLine(unexpectedError(thrown, dir), 'en');
      io.stderr(`vurder demo: ${line}\n`);
      return 2;
    }
  },
};

function humanSummary(output: DemoJsonOutput): string {
  const perArea = [1, 2, 3, 4, 5, 6].map((area) => `SO${area} ${output.applications.filter((a) => a.focusArea === area).length}`);
  const failing = Object.entries(DELIBERATE_FAILURES).map(([id, info]) => `  ${id} – ${info.ruleId}: ${info.description}`);
  return [
    `Demo workspace created: ${output.workspace} (scheme ${output.schemeId})`,
    `Imported ${output.imported} of ${output.packages} demo packages (${perArea.join(', ')}).`,
    `Formal check: ${output.verdicts.eligible} eligible, ${output.verdicts['needs-review']} need review, ${output.verdicts.ineligible} ineligible.`,
    'Deliberately ineligible:',
    ...failing,
    ...output.refusals.map((r) => `Refused: ${r.message}`),
    '',
  ].join('\n');
}
