// bin/vurder.mjs keeps V8's compile cache in a per-user folder, never in Node's default under os.tmpdir()
// (docs/security.md, "CLI compile cache"). Node 20 has no module.enableCompileCache: there, no cache at all.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './cli-harness';

const hasCompileCache = Number(process.versions.node.split('.')[0]) >= 23 || (process.versions.node.startsWith('22.') && Number(process.versions.node.split('.')[1]) >= 1);

let home: string;
beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'vurder-compile-cache-'));
});
afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

async function runHelp(env: NodeJS.ProcessEnv): Promise<string> {
  const clean = { ...process.env };
  delete clean.NODE_COMPILE_CACHE;
  delete clean.NODE_DISABLE_COMPILE_CACHE;
  // The timeout turns a hang (Node's enableCompileCache under /proc) into a failure instead of a stuck run.
  const { stdout } = await promisify(execFile)(process.execPath, [join(repoRoot, 'bin', 'vurder.mjs'), '--help'], { cwd: repoRoot, env: { ...clean, ...env }, timeout: 30_000 });
  return stdout;
}

/** Every file under a folder, relative paths. */
async function filesUnder(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
}

describe('the CLI compile cache', () => {
  it('is written under $XDG_CACHE_HOME/vurder/compile-cache, not under the temp folder', async () => {
    const cacheHome = join(home, 'xdg');
    const sharedTmp = join(home, 'tmp');
    expect(await runHelp({ XDG_CACHE_HOME: cacheHome, TMPDIR: sharedTmp })).toContain('Usage: vurder');
    const cached = await filesUnder(join(cacheHome, 'vurder', 'compile-cache'));
    if (hasCompileCache) expect(cached.length).toBeGreaterThan(0);
    else expect(cached).toEqual([]);
    expect(await filesUnder(sharedTmp)).toEqual([]);
  });

  it('is written under ~/.cache/vurder/compile-cache without XDG_CACHE_HOME', async () => {
    const userHome = join(home, 'user');
    const clean: NodeJS.ProcessEnv = { HOME: userHome, USERPROFILE: userHome, XDG_CACHE_HOME: '' };
    expect(await runHelp(clean)).toContain('Usage: vurder');
    const cached = await filesUnder(join(userHome, '.cache', 'vurder', 'compile-cache'));
    if (hasCompileCache) expect(cached.length).toBeGreaterThan(0);
    else expect(cached).toEqual([]);
  });

  it('is off with NODE_DISABLE_COMPILE_CACHE=1', async () => {
    const cacheHome = join(home, 'disabled');
    await runHelp({ XDG_CACHE_HOME: cacheHome, NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(await filesUnder(cacheHome)).toEqual([]);
  });

  it('runs without a cache when the cache folder would be under /proc, where Node would hang creating it', async () => {
    expect(await runHelp({ XDG_CACHE_HOME: '/proc/vurder-compile-cache-test' })).toContain('Usage: vurder');
  });

  it('ignores a relative XDG_CACHE_HOME, as the XDG spec says, and uses ~/.cache', async () => {
    const userHome = join(home, 'relative');
    expect(await runHelp({ HOME: userHome, USERPROFILE: userHome, XDG_CACHE_HOME: 'relativ/cache' })).toContain('Usage: vurder');
    expect(existsSync(join(repoRoot, 'relativ'))).toBe(false);
    if (hasCompileCache) expect((await filesUnder(join(userHome, '.cache', 'vurder', 'compile-cache'))).length).toBeGreaterThan(0);
  });
});
