// Every fixture package gets its expected verdict, failing rules and exit code from `vurder check`, as a
// folder and zipped. The expectations in expected.json are written by hand from the scheme text.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckJsonOutput } from '../../electron/cli/commands/check';
import { zipFolder } from '../fixtures/zip-tools';
import type { ExpectedFixture } from './cli-harness';
import { fixturesRoot, runInProcess, spawnVurder } from './cli-harness';

const expected = JSON.parse(await readFile(join(fixturesRoot, 'expected.json'), 'utf8')) as Record<string, ExpectedFixture>;
const names = Object.keys(expected);
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'vurder-check-'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

function exitCodeOf(verdict: ExpectedFixture['verdict']): number {
  return verdict === 'ineligible' ? 1 : 0;
}

function assertMatches(name: string, run: { code: number; stdout: string; stderr: string }): CheckJsonOutput {
  const want = expected[name] as ExpectedFixture;
  expect(run.stderr, name).toBe('');
  const output = JSON.parse(run.stdout) as CheckJsonOutput;
  expect({ verdict: output.verdict, code: run.code, applicationId: output.applicationId, focusArea: output.focusArea }, name).toEqual({
    verdict: want.verdict,
    code: exitCodeOf(want.verdict),
    applicationId: want.applicationId,
    focusArea: want.focusArea,
  });
  expect(output.rules.filter((rule) => rule.status === 'fail').map((rule) => rule.id), name).toEqual(want.failingRules);
  return output;
}

describe('vurder check on the fixture packages', () => {
  it('covers every focus area with a passing package and the failing cases of issue 2', () => {
    expect(names.length).toBeGreaterThanOrEqual(14);
    const passing = new Set(names.filter((n) => expected[n]?.verdict !== 'ineligible').map((n) => expected[n]?.focusArea));
    expect([...passing].sort()).toEqual([1, 2, 3, 4, 5, 6]);
    const failing = new Set(names.flatMap((n) => expected[n]?.failingRules ?? []));
    for (const id of ['R01', 'R02', 'R10', 'R16', 'R17', 'R23', 'R27', 'R28', 'R36']) expect(failing.has(id), id).toBe(true);
  });

  it.each(names)('%s (folder)', async (name) => {
    assertMatches(name, await runInProcess(['check', join(fixturesRoot, name), '--json']));
  });

  it.each(names)('%s (zip)', async (name) => {
    const zip = join(tmp, `${name}.zip`);
    await writeFile(zip, await zipFolder(join(fixturesRoot, name)));
    assertMatches(name, await runInProcess(['check', zip, '--json']));
  });

  it('gives the stable JSON shape', async () => {
    const output = assertMatches('so1-tonsberg-under-25', await runInProcess(['check', join(fixturesRoot, 'so1-tonsberg-under-25'), '--json']));
    expect(Object.keys(output).sort()).toEqual(['applicationId', 'flags', 'focusArea', 'rules', 'schemeId', 'stipend', 'verdict']);
    expect(output.schemeId).toBe('imdi-kommunale-integreringstiltak-2021');
    expect(output.rules).toHaveLength(41);
    for (const rule of output.rules) {
      expect(Object.keys(rule).sort()).toEqual(['id', 'kind', 'reason', 'severity', 'status']);
      expect(rule.reason.nb.length).toBeGreaterThan(0);
      expect(rule.reason.en.length).toBeGreaterThan(0);
    }
    // One participant under 25 gets 2/3 of 2G, so the total is below six full stipends; the grant share is not.
    const asker = assertMatches('so1-asker-eligible', await runInProcess(['check', join(fixturesRoot, 'so1-asker-eligible'), '--json']));
    expect(output.stipend?.totalStipend).toBeLessThan(asker.stipend?.totalStipend ?? 0);
    expect(output.stipend?.totalGrantShare).toBe(asker.stipend?.totalGrantShare);
  });

  it('prints a readable table in nb by default and in en with --lang en', async () => {
    const dir = join(fixturesRoot, 'so3-larvik-9-participants');
    const nb = await runInProcess(['check', dir]);
    expect(nb.code).toBe(1);
    expect(nb.stdout).toMatch(/^Regel +Status +Alvor +Begrunnelse$/m);
    expect(nb.stdout).toMatch(/^R27 +IKKE OPPFYLT +krav +\S/m);
    expect(nb.stdout).toContain('Resultat: oppfyller ikke de formelle kravene (ineligible)');
    const en = await runInProcess(['check', '--lang', 'en', dir]);
    expect(en.stdout).toMatch(/^R27 +FAIL +reject +\S/m);
    expect(en.stdout).toContain('Verdict: ineligible (ineligible)');
  });
});

describe('the real binary', () => {
  it('checks a folder and a zip, with exit codes 0 and 1', async () => {
    const folder = await spawnVurder(['check', join(fixturesRoot, 'so5-moss-eligible')]);
    expect(folder).toMatchObject({ code: 0, stderr: '' });
    expect(folder.stdout).toContain('Resultat: trenger manuell vurdering (needs-review)');
    const zip = join(tmp, 'late.zip');
    await writeFile(zip, await zipFolder(join(fixturesRoot, 'so6-melhus-late')));
    assertMatches('so6-melhus-late', await spawnVurder(['check', zip, '--json']));
  });
});
