#!/usr/bin/env node
// Entry point for `vurder`. Runs the esbuild bundle of the CLI (dist/electron/cli/vurder.mjs, built by
// `npm ci` through the `prepare` script, or `npm run build:cli`) when it is there and no source file it was
// built from has changed since; otherwise registers tsx and runs the TypeScript directly (slower start, same
// code). VURDER_CLI_FROM_SOURCE=1 forces the TypeScript path.
import { readFileSync, statSync } from 'node:fs';

const bundle = new URL('../dist/electron/cli/vurder.mjs', import.meta.url);
const root = new URL('../', import.meta.url);

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
  for (const path of inputs.builtFrom) {
    try {
      if (statSync(new URL(path, root)).mtimeMs > inputs.newestMtimeMs) return false;
    } catch {
      return false;
    }
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
