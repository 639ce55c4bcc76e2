// `vurder report` on the demo panel (createDemoPanel, the 65-application 2021 round with every flag kind):
// refused while flags are open, listing them; as a draft it writes the innstilling, workbook, award list and
// one letter per applicant, and the award list reads back through `vurder awards check`.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/command';
import { createDemoPanel } from '../../electron/services/demo/panel';
import { createIdentity, writeIdentityP12 } from '../../electron/services/signing/identity';
import { tempDir } from '../integration/helpers/workspace';
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
});
