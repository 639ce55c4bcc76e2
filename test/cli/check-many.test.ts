// `vurder check` on many packages: several arguments, a folder of packages, JSON Lines with --json, the exit
// status the worst of all, an unreadable package reported on stderr without stopping the others; and the
// esbuild bundle run by bin/vurder.mjs gives the same output as the TypeScript.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckJsonOutput } from '../../electron/cli/commands/check';
import { zipFolder } from '../fixtures/zip-tools';
import type { ExpectedFixture } from './cli-harness';
import { fixturesRoot, repoRoot, runInProcess, spawnVurder } from './cli-harness';

const expected = JSON.parse(await readFile(join(fixturesRoot, 'expected.json'), 'utf8')) as Record<string, ExpectedFixture>;
const names = (await readdir(fixturesRoot, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'vurder-check-many-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function lines(stdout: string): CheckJsonOutput[] {
  expect(stdout.endsWith('\n')).toBe(true);
  return stdout.trimEnd().split('\n').map((line) => JSON.parse(line) as CheckJsonOutput);
}

describe('vurder check with many packages', () => {
  it('checks a folder of packages in name order, one JSON line each, exit 1 as the worst', async () => {
    const run = await runInProcess(['check', fixturesRoot, '--json']);
    expect(run.stderr).toBe('');
    const objects = lines(run.stdout);
    expect(objects.map((object) => object.applicationId)).toEqual(names.map((name) => expected[name]?.applicationId));
    expect(objects.map((object) => object.verdict)).toEqual(names.map((name) => expected[name]?.verdict));
    expect(run.code).toBe(1);
  });

  it('goes on after an unreadable package, reports it in one line and exits 2', async () => {
    const [first, second] = names.filter((name) => expected[name]?.verdict !== 'ineligible');
    if (first === undefined || second === undefined) throw new Error('fixtures changed: fewer than two packages pass');
    await writeFile(join(tmp, 'skadet.zip'), 'ikke en zip');
    const run = await runInProcess(['check', join(fixturesRoot, first), 'skadet.zip', join(fixturesRoot, second), '--json'], tmp);
    expect(lines(run.stdout).map((object) => object.applicationId)).toEqual([expected[first]?.applicationId, expected[second]?.applicationId]);
    expect(run.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^vurder check: skadet\.zip: /)]);
    expect(run.code).toBe(2);
  });

  it('keeps exit 0 when every package is eligible or needs review, and separates tables by a blank line', async () => {
    const fine = names.filter((name) => expected[name]?.verdict !== 'ineligible').slice(0, 2);
    const run = await runInProcess(['check', ...fine.map((name) => join(fixturesRoot, name))]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n\n').length).toBeGreaterThan(2);
    expect(run.stdout).toContain(`${expected[fine[1] ?? '']?.applicationId} · `);
  });

  it('the bundle (npm run build:cli) prints what the TypeScript prints, for folders and a zip', async () => {
    await promisify(execFile)(process.execPath, [join(repoRoot, 'scripts', 'build-cli.mjs')], { cwd: repoRoot });
    // The bundle loads yauzl with require() (scripts/node-bundle.mjs), so a zip goes through that path.
    const zip = join(tmp, 'bundle.zip');
    await writeFile(zip, await zipFolder(join(fixturesRoot, 'so1-asker-eligible')));
    const bundled = await spawnVurder(['check', fixturesRoot, zip, '--json']);
    const source = await runInProcess(['check', fixturesRoot, zip, '--json']);
    expect(bundled.stdout.trimEnd().split('\n')).toHaveLength(names.length + 1);
    expect(bundled).toEqual(source);
  });
});
