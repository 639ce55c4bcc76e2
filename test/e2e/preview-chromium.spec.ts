// `npm run preview:chromium` for real: scripts/preview-chromium.ts with PREVIEW_SMOKE=1 starts vite preview of the
// renderer that test:e2e has just built, opens it in headless Chromium with the bridge, prints the start
// screen's heading and exits. Nothing else runs the preview, so without this a broken one would reach users.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from '@playwright/test';

const repo = resolve(import.meta.dirname, '..', '..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function runPreview(home: string): Promise<Run> {
  // The runner's NODE_OPTIONS already imports tsx; the script is started exactly as a person would, so drop it.
  const env: NodeJS.ProcessEnv = { ...process.env, PREVIEW_SMOKE: '1', VURDER_PREVIEW_HOME: home };
  delete env.NODE_OPTIONS;
  return new Promise((done) => {
    execFile(process.execPath, ['--import', 'tsx', join(repo, 'scripts', 'preview-chromium.ts')], { cwd: repo, env, timeout: 60_000 }, (error, stdout, stderr) => {
      done({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : null, stdout, stderr });
    });
  });
}

test('preview:chromium starts, shows the start screen with the bridge, and exits 0', async () => {
  const home = await mkdtemp(join(tmpdir(), 'vurder-preview-smoke-'));
  try {
    const run = await runPreview(home);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^preview:chromium smoke: http:\/\/127\.0\.0\.1:\d+\/ shows "[^"]+", window\.api transport browser-bridge\n$/);
    // It used the home it was given (the bridge keeps its settings there), not the user's ~/.vurder-preview.
    expect((await readdir(home)).length).toBeGreaterThan(0);
  } finally {
    await rm(home, { recursive: true, force: true });
  }
});
