// `vurder demo` through the real CLI dispatcher, on real temp folders.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../electron/cli/command';
import type { DemoJsonOutput } from '../../electron/cli/commands/demo';
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
  it('exits 2 with usage when the folder is missing or an option is unknown', async () => {
    for (const args of [['demo'], ['demo', '--fast', 'x'], ['demo', 'a', 'b']]) {
      const result = await vurder(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toContain('Usage: vurder demo <dir> [--json]');
      expect(result.stdout).toBe('');
    }
  });

  it('exits 2 with one line naming the folder when it is not empty', async () => {
    const busy = join(root, 'busy');
    await mkdir(busy);
    await writeFile(join(busy, 'x.txt'), 'x');
    const result = await vurder('demo', 'busy');
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`vurder demo: ${busy}: the folder is not empty; choose a new or empty folder\n`);
    expect(result.stdout).toBe('');
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
    // Generous: generating 65 PDFs on a busy 2-core CI machine; this is a hang guard, not a speed check.
  }, 180_000);
});
