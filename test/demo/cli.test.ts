// `vurder demo` through the real CLI dispatcher, on real temp folders.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../electron/cli/command';
import type { DemoJsonOutput } from '../../electron/cli/commands/demo';
import { renderDemoSummary } from '../../electron/cli/commands/demo';
import { runCli } from '../../electron/cli/main';
import { DELIBERATE_FAILURES } from '../../electron/services/demo/failures';

interface Captured {
  code: number;
  stdout: string;
  stderr: string;
}

let root = '';

async function vurder(...args: string[]): Promise<Captured> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), env: {}, cwd: root };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'vurder-demo-cli-'));
});

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('vurder demo', () => {
  it('exits 2 with one line when the folder is missing or an option is unknown', async () => {
    for (const args of [['demo'], ['demo', 'a', 'b'], ['demo', '--lang', 'en']]) {
      const result = await vurder(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/^vurder demo: .*vurder demo <mappe\|dir> \[--panel\] \[--json\] \[--lang nb\|en\]\n$/);
      expect(result.stdout).toBe('');
    }
    // The options could not be read, so the line is in the default language (nb).
    const unknown = await vurder('demo', '--fast', 'x', '--lang', 'en');
    expect(unknown).toEqual({ code: 2, stdout: '', stderr: 'vurder demo: ukjent valg --fast\n' });
  });

  it('exits 2 with one line naming the folder when it is not empty, in nb by default', async () => {
    const busy = join(root, 'busy');
    await mkdir(busy);
    await writeFile(join(busy, 'x.txt'), 'x');
    expect(await vurder('demo', 'busy', '--lang', 'en')).toEqual({
      code: 2,
      stdout: '',
      stderr: `vurder demo: ${busy}: the folder is not empty; choose a new or empty folder\n`,
    });
    expect(await vurder('demo', 'busy')).toEqual({
      code: 2,
      stdout: '',
      stderr: `vurder demo: ${busy}: mappen er ikke tom; velg en ny eller tom mappe\n`,
    });
  });

  it('creates the demo workspace and prints the documented --json summary', async () => {
    const result = await vurder('demo', 'round', '--json');
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const output = JSON.parse(result.stdout) as DemoJsonOutput;
    expect(Object.keys(output)).toEqual(['workspace', 'schemeId', 'packages', 'imported', 'alreadyImported', 'refused', 'verdicts', 'applications', 'refusals']);
    expect(output.workspace).toBe(join(root, 'round'));
    expect(output.schemeId).toBe('imdi-kommunale-integreringstiltak-2021');
    expect(output).toMatchObject({ packages: 65, imported: 65, alreadyImported: 0, refused: 0, refusals: [] });
    expect(output.verdicts.ineligible).toBe(Object.keys(DELIBERATE_FAILURES).length);
    expect(output.verdicts.eligible + output.verdicts['needs-review'] + output.verdicts.ineligible).toBe(65);
    const asker = output.applications.find((a) => a.applicationId === 'DEMO-2021-SO1-01');
    expect(asker).toMatchObject({ focusArea: 1, applicant: 'Asker kommune', title: '4. år intro - Asker', verdict: 'needs-review' });
    expect(asker?.requestedGrant).toBeGreaterThan(1_500_000);

    // The human summary (without --json) is rendered from the same data, in both languages.
    const nb = renderDemoSummary(output, 'nb');
    expect(nb).toContain(`Demoarbeidsområde opprettet: ${join(root, 'round')}`);
    expect(nb).toContain('Importerte 65 av 65 demopakker (SO1 9, SO2 10, SO3 8, SO4 20, SO5 9, SO6 9).');
    expect(nb).toContain('  DEMO-2021-SO1-07 – R02: sendt 10.02.2021, dagen etter fristen');
    const en = renderDemoSummary(output, 'en');
    expect(en).toContain(`Formal check: ${output.verdicts.eligible} eligible, ${output.verdicts['needs-review']} need review, 6 ineligible.`);
    expect(en.split('\n')).toHaveLength(4 + Object.keys(DELIBERATE_FAILURES).length + 1);
    // Generous: generating 65 PDFs on a busy 2-core CI machine; this is a hang guard, not a speed check.
  }, 180_000);
});
