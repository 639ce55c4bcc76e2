#!/usr/bin/env node
// Entry point for `vurder`. Runs the esbuild bundle of the CLI (dist/electron/cli/vurder.mjs, built by
// `npm ci` through the `prepare` script, or `npm run build:cli`) when it is there and no source file it was
// built from has changed since; otherwise registers tsx and runs the TypeScript directly (slower start, same
// code). VURDER_CLI_FROM_SOURCE=1 forces the TypeScript path.
import module from 'node:module';
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// V8's compile cache for the bundle (Node ≥ 22.1; Node 20 has no enableCompileCache and simply compiles each
// time): a cold `vurder check` otherwise spends ~12 ms CPU compiling the same ~0.6 MB of JavaScript every run.
// The cache lives in a per-user folder, never in Node's default under os.tmpdir(): /tmp is shared and
// world-writable, so another local user could plant cache entries there, and a code cache is code that V8
// runs (docs/security.md, "CLI compile cache"). NODE_COMPILE_CACHE, when set, wins; NODE_DISABLE_COMPILE_CACHE=1
// turns it off. A cache that cannot be written (read-only home) only costs speed: Node reports it in the
// returned status and runs on, so the status is not checked.
function compileCacheDir() {
  // The XDG spec says a relative XDG_CACHE_HOME is to be ignored.
  if (process.env.XDG_CACHE_HOME && isAbsolute(process.env.XDG_CACHE_HOME)) return join(process.env.XDG_CACHE_HOME, 'vurder', 'compile-cache');
  if (process.platform === 'win32' && process.env.LOCALAPPDATA) return join(process.env.LOCALAPPDATA, 'vurder', 'compile-cache');
  return join(homedir(), '.cache', 'vurder', 'compile-cache');
}
// Never under /proc or /sys: there mkdir of a missing folder answers ENOENT although its parent exists, and
// the recursive mkdir inside Node 22.23's enableCompileCache retries that for ever (measured: with
// XDG_CACHE_HOME=/proc/x every `vurder` command hung at 100 % CPU). No cache there; the CLI just compiles.
const cacheDir = compileCacheDir();
if (typeof module.enableCompileCache === 'function' && !/^\/(proc|sys)(\/|$)/.test(cacheDir)) module.enableCompileCache(cacheDir);

const bundle = new URL('../dist/electron/cli/vurder.mjs', import.meta.url);
const root = fileURLToPath(new URL('../', import.meta.url));

function bundleIsCurrent() {
  if (process.env.VURDER_CLI_FROM_SOURCE === '1') return false;
  let inputs;
  try {
    inputs = JSON.parse(readFileSync(new URL('../dist/electron/cli/vurder.inputs.json', import.meta.url), 'utf8'));
    statSync(bundle);
  } catch {
    // No bundle (a checkout without `npm ci`, or deleted): the TypeScript path below.
    return false;
  }
  // Plain string paths (forward slashes work on Windows too): ~180 URL parses per start cost more than the stats.
  for (const path of inputs.builtFrom) {
    const stats = statSync(root + path, { throwIfNoEntry: false });
    if (stats === undefined || stats.mtimeMs > inputs.newestMtimeMs) return false;
  }
  return true;
}

let runCli;
if (bundleIsCurrent()) {
  ({ runCli } = await import(bundle.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ runCli } = await import('../electron/cli/main.ts'));
}
process.exitCode = await runCli(process.argv.slice(2));
