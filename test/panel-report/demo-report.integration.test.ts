// `vurder report` on the demo panel (createDemoPanel, the 65-application 2021 round with every flag kind):
// refused while flags are open, listing them; as a draft it writes the innstilling, workbook, award list and
// one letter per applicant, and the award list reads back through `vurder awards check`; once the lead has
// settled every flag (a consensus batch, acknowledgements for the flags no value answers), the signed report.
import { readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/command';
import { createDemoPanel } from '../../electron/services/demo/panel';
import { createIdentity, writeIdentityP12 } from '../../electron/services/signing/identity';
import { tempDir } from '../integration/helpers/workspace';
import type { ConsensusChange, PanelApplication } from '../../shared/panel/types';
import { run, squash } from '../signing/helpers';

let dir: string;
let cleanup: () => Promise<void>;

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), env: { LEAD_PASS: 'lead-passphrase' }, cwd: dir };
  return { code: await runCli(args, io), stdout, stderr };
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('demo-report'));
  await createDemoPanel(join(dir, 'demo'));
  await writeIdentityP12(await createIdentity({ name: 'Øyvind Ærø Åsen', keyType: 'P-256' }), join(dir, 'lead.p12'), 'lead-passphrase');
}, 180_000);
afterAll(() => cleanup());

describe('vurder report on the demo panel', () => {
  it('refuses a final report while flags are open, listing them, and writes nothing', async () => {
    const refused = await cli(['report', 'demo', '--identity', 'lead.p12', '--passphrase-env', 'LEAD_PASS', '--out', 'final', '--letters']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^vurder report: demo: \d+ flagg er ikke avgjort: DEMO-2021-SO1-\d\d [a-z-]+.*; bruk --draft for et usignert utkast \(/);
    expect(refused.stderr.trim().split('\n')).toHaveLength(1);
    expect((await readdir(dir)).sort()).toEqual(['demo', 'lead.p12']);
  });

  it('as a draft: every document, one letter per applicant, UTKAST and the open flags as warnings', async () => {
    const result = await cli(['report', 'demo', '--out', 'utkast', '--letters', '--draft']);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(3 + 65 + 1);
    expect(result.stderr).toMatch(/^vurder report: UTKAST tross: \d+ flagg er ikke avgjort: DEMO-2021-/);
    expect(await readdir(join(dir, 'utkast', 'brev'))).toHaveLength(65);
    const text = squash((await run('pdftotext', ['-enc', 'UTF-8', join(dir, 'utkast', 'innstilling-UTKAST.pdf'), '-'])).output);
    expect(text).toContain('UTKAST TIL INNSTILLING');
    expect(text).toContain('Gjest Vurderer (IKKE KLARERT)');
    expect(text).toContain('Åpent');
    expect((await stat(join(dir, 'utkast', 'innstilling-UTKAST.xlsx'))).size).toBeGreaterThan(10_000);
  });

  it('the draft award list reads back through vurder awards check with the same rows', async () => {
    const check = await cli(['awards', 'check', join('utkast', 'tildelingsliste-UTKAST.csv'), '--scheme', 'imdi-kommunale-integreringstiltak-2021', '--json']);
    const json = JSON.parse(check.stdout) as { rows: number; cellProblems: unknown[]; problems: { kind: string }[] };
    expect(json.cellProblems).toEqual([]);
    const report = await cli(['report', 'demo', '--out', 'utkast2', '--draft']);
    expect(report.stdout).toContain(`(${json.rows} tildelinger,`);
    // The demo has one award far below its focus area's median (as the published 2021 list has): a note only.
    expect(json.problems.map((problem) => problem.kind)).toEqual(['amount-outlier']);
  });

  it('once the lead has settled every flag, the signed report: pdfsig-valid innstilling and one signed letter per applicant', async () => {
    // The lead's decisions for every open flag, in one batch (what the panel screens do one by one).
    const status = JSON.parse((await cli(['panel', 'status', 'demo', '--json'])).stdout) as { applications: PanelApplication[] };
    const reason = 'Panelet har drøftet søknaden i møte og står samlet bak denne avgjørelsen.';
    const changes: ConsensusChange[] = [];
    for (const application of status.applications) {
      const open = application.flags.filter((flag) => flag.settlement.state === 'open');
      if (open.length === 0) continue;
      const change: ConsensusChange = { applicationId: application.applicationId };
      for (const flag of open) {
        switch (flag.kind) {
          case 'spread':
          case 'threshold-split':
            if (flag.criterionId !== null && !change.criteria?.some((entry) => entry.criterionId === flag.criterionId)) {
              change.criteria = [...(change.criteria ?? []), { criterionId: flag.criterionId, score: 'computed', justification: reason }];
            }
            break;
          case 'eligibility-disagreement':
            change.eligibility = { verdict: 'eligible', justification: reason };
            break;
          case 'grant-vs-reject':
          case 'amount-difference':
            change.amount = { firstYearAmount: application.consensus.amount.firstYearAmount ?? 0, justification: reason };
            break;
          case 'too-few-assessments':
          case 'version-conflict':
          case 'untrusted-input':
            // One acknowledgement per call: the batch takes one change per application, so these go last.
            change.acknowledge = { kind: flag.kind, justification: reason };
            break;
          case 'conflict-of-interest':
            break;
        }
      }
      changes.push(change);
    }
    await writeFile(join(dir, 'settle.json'), JSON.stringify(changes));
    const settled = await cli(['consensus', 'set', 'demo', '--from', 'settle.json', '--by', 'Øyvind Ærø Åsen']);
    expect(settled.code, settled.stderr).toBe(0);
    // An application with two kinds to acknowledge needs a second decision for the second kind.
    const again = JSON.parse((await cli(['panel', 'status', 'demo', '--json'])).stdout) as { applications: PanelApplication[] };
    const rest: ConsensusChange[] = again.applications.flatMap((application) =>
      application.flags
        .filter((flag) => flag.settlement.state === 'open')
        .map((flag) => ({ applicationId: application.applicationId, acknowledge: { kind: flag.kind as 'too-few-assessments', justification: reason } })),
    );
    for (const change of rest) {
      await writeFile(join(dir, 'rest.json'), JSON.stringify([change]));
      const result = await cli(['consensus', 'set', 'demo', '--from', 'rest.json']);
      expect(result.code, result.stderr).toBe(0);
    }
    const final = JSON.parse((await cli(['panel', 'status', 'demo', '--json'])).stdout) as { flagCounts: { open: number } };
    expect(final.flagCounts.open).toBe(0);

    const report = await cli(['report', 'demo', '--identity', 'lead.p12', '--passphrase-env', 'LEAD_PASS', '--out', 'signert', '--letters']);
    expect(report.code, report.stderr).toBe(0);
    const innstilling = (await readdir(join(dir, 'signert'))).find((name) => name.endsWith('.pdf'));
    expect(innstilling).toBeDefined();
    const verdict = (await run('pdfsig', [join(dir, 'signert', innstilling ?? '')])).output;
    expect(verdict).toContain('Signature is Valid');
    expect(verdict).toContain('Total document signed');
    expect(verdict).toContain('Øyvind Ærø Åsen');
    const letters = await readdir(join(dir, 'signert', 'brev'));
    expect(letters).toHaveLength(65);
    expect((await run('pdfsig', [join(dir, 'signert', 'brev', letters[0] ?? '')])).output).toContain('Signature is Valid');
  }, 300_000);
});
