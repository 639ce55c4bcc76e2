// Runs the CLI in-process with captured output (fast), or spawns the real `bin/vurder.mjs` (what users run).
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { runCli } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/command';

export const repoRoot = join(import.meta.dirname, '..', '..');
export const fixturesRoot = join(repoRoot, 'test', 'fixtures', 'packages');

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function runInProcess(args: readonly string[], cwd = repoRoot): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), env: {}, cwd };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

export function spawnVurder(args: readonly string[], cwd = repoRoot): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [join(repoRoot, 'bin', 'vurder.mjs'), ...args], { cwd, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') {
        reject(error);
        return;
      }
      resolve({ code: typeof error?.code === 'number' ? error.code : 0, stdout, stderr });
    });
  });
}

export interface ExpectedFixture {
  purpose: string;
  applicationId: string;
  focusArea: number;
  verdict: 'eligible' | 'needs-review' | 'ineligible';
  failingRules: string[];
}
