// The panel CLI end to end on real files: identities and exchange files made by `vurder identity create`,
// `vurder assess` and `vurder export`, then panel init, import, trust add, merge, panel status, consensus set,
// rank and allocate, each with its exit code and stable --json.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/command';
import { EXAMPLE_ASSESSMENT_PATH } from '../integration/helpers/assessment';
import { fixturePackage } from '../integration/helpers/workspace';
import { hashTree, tempDir } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
const env = { VURDER_PASS: 'hemmelig passord' };

async function vurder(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (text) => void (out += text), stderr: (text) => void (err += text), env, cwd: dir };
  const code = await runCli(args, io);
  return { code, out, err };
}

async function assessorRound(name: string, slug: string, scores: [number, number], amount: number): Promise<string> {
  expect((await vurder('identity', 'create', '--name', name, '--out', `${slug}.p12`, '--passphrase-env', 'VURDER_PASS', '--cert-out', `${slug}.pem`)).code).toBe(0);
  expect((await vurder('workspace', 'init', `ws-${slug}`)).code).toBe(0);
  expect((await vurder('import', `ws-${slug}`, fixturePackage('so1-asker-eligible'))).code).toBe(0);
  const example = JSON.parse(await readFile(EXAMPLE_ASSESSMENT_PATH, 'utf8')) as { scores: { score: number }[]; recommendation: { amount: number } };
  example.scores.forEach((entry, index) => (entry.score = scores[index] ?? 4));
  example.recommendation.amount = amount;
  await writeFile(join(dir, `${slug}.json`), JSON.stringify(example));
  const assessed = await vurder('assess', `ws-${slug}`, 'ASK-2021-001', '--from', `${slug}.json`, '--identity', `${slug}.p12`, '--passphrase-env', 'VURDER_PASS');
  expect(assessed.code, assessed.err).toBe(0);
  expect((await vurder('export', `ws-${slug}`, '--identity', `${slug}.p12`, '--passphrase-env', 'VURDER_PASS', '--out', `out-${slug}`)).code).toBe(0);
  return `out-${slug}/vurderinger-${slug}.vurder.json`;
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('panel-cli'));
}, 60_000);
afterAll(() => cleanup());

describe('vurder panel / merge / consensus / rank / allocate', () => {
  it('runs a panel round on files made by vurder export', async () => {
    const kariFile = await assessorRound('Kari Nordmann', 'kari-nordmann', [5, 6], 900_000);
    const olaFile = await assessorRound('Ola Berg', 'ola-berg', [2, 6], 500_000);

    const init = await vurder('panel', 'init', 'panel', '--assessors-per-application', '3', '--lang', 'en');
    expect(init.code, init.err).toBe(0);
    expect(init.out).toMatch(/^Panel workspace created: .*panel .*3 assessments per application/);
    expect((await vurder('panel', 'init', 'panel2', '--assessors-per-application', 'x')).code).toBe(2);
    expect((await vurder('import', 'panel', fixturePackage('so1-asker-eligible'))).code).toBe(0);

    // Nobody trusted yet: both refused, one line each naming the file, nothing changed.
    const before = await hashTree(join(dir, 'panel'));
    const refused = await vurder('merge', 'panel', kariFile, olaFile, '--lang', 'en');
    expect(refused.code).toBe(1);
    expect(refused.err.trim().split('\n')).toEqual([
      expect.stringMatching(new RegExp(`^REFUSED: ${kariFile}: signed by Kari Nordmann .* not on the trust list`)),
      expect.stringMatching(new RegExp(`^REFUSED: ${olaFile}: signed by Ola Berg`)),
    ]);
    expect(await hashTree(join(dir, 'panel'))).toBe(before);

    expect((await vurder('trust', 'add', 'panel', 'kari-nordmann.pem')).code).toBe(0);
    expect((await vurder('trust', 'add', 'panel', 'ola-berg.pem')).code).toBe(0);
    const merged = await vurder('merge', 'panel', 'out-kari-nordmann', olaFile, '--json');
    expect(merged.code, merged.err).toBe(0);
    const mergeJson = JSON.parse(merged.out) as { merged: number; refused: number; files: { file: string; status: string; trusted: boolean }[] };
    // The folder stands for its *.json: the exchange file (the PDF beside it is not taken).
    expect(mergeJson).toMatchObject({ merged: 2, refused: 0 });
    expect(mergeJson.files.map((file) => [file.file, file.status, file.trusted])).toEqual([
      [join('out-kari-nordmann', 'vurderinger-kari-nordmann.vurder.json'), 'merged', true],
      [olaFile, 'merged', true],
    ]);

    const status = await vurder('panel', 'status', 'panel', '--json');
    expect(status.code).toBe(0);
    const snapshot = JSON.parse(status.out) as { applications: { applicationId: string; flags: { kind: string; criterionId: string | null }[]; statistics: { criterionId: string; median: number; spread: number }[] }[] };
    const asker = snapshot.applications[0];
    expect(asker?.statistics.map((s) => [s.criterionId, s.median, s.spread])).toEqual([
      ['feasibility', 3.5, 3],
      ['transferValue', 6, 0],
    ]);
    expect(asker?.flags.map((flag) => `${flag.kind}:${flag.criterionId ?? ''}`).sort()).toEqual(['amount-difference:', 'spread:feasibility', 'threshold-split:feasibility', 'too-few-assessments:']);
    const text = await vurder('panel', 'status', 'panel', '--lang', 'en');
    expect(text.out).toMatch(/A1 = Kari Nordmann/);
    expect(text.out).toMatch(/ASK-2021-001 +1 +5\/6G +2\/6G +4 \(4\)/);

    // Consensus: bad input refused with nothing saved, then a lead's score and an amount.
    const panelBefore = await hashTree(join(dir, 'panel'));
    const noReason = await vurder('consensus', 'set', 'panel', 'ASK-2021-001', '--criterion', 'feasibility', '--score', '4', '--lang', 'en');
    expect(noReason.code).toBe(1);
    expect(noReason.err).toMatch(/feasibility: the justification must have at least 40 characters/);
    const offScale = await vurder('consensus', 'set', 'panel', 'ASK-2021-001', '--criterion', 'feasibility', '--score', '9', '--justification', 'x'.repeat(50), '--lang', 'en');
    expect(offScale.err).toMatch(/the score 9 is outside the scale 1–7/);
    const unknown = await vurder('consensus', 'set', 'panel', 'NOPE-1', '--amount', '5', '--justification', 'x'.repeat(50), '--lang', 'en');
    expect(unknown.code).toBe(1);
    expect(unknown.err).toMatch(/application NOPE-1 is not imported/);
    expect(await hashTree(join(dir, 'panel'))).toBe(panelBefore);

    const reason = 'Panelet vekter den konkrete gjennomføringsplanen høyere enn den strenge vurderingen.';
    const noPass = await vurder('consensus', 'set', 'panel', 'ASK-2021-001', '--criterion', 'feasibility', '--score', '4', '--justification', reason, '--identity', 'kari-nordmann.p12', '--lang', 'en');
    expect(noPass.code).toBe(2);
    expect(noPass.err).toMatch(/kari-nordmann\.p12: give the passphrase in an environment variable with --passphrase-env/);
    // With the lead's identity the audit entry is authenticated (docs/security.md § Audit log authentication).
    const signed = await vurder('consensus', 'set', 'panel', 'ASK-2021-001', '--criterion', 'feasibility', '--score', '4', '--justification', reason, '--identity', 'kari-nordmann.p12', '--passphrase-env', 'VURDER_PASS');
    expect(signed.code, signed.err).toBe(0);
    await writeFile(join(dir, 'batch.json'), JSON.stringify([{ applicationId: 'ASK-2021-001', amount: { firstYearAmount: 300000, justification: reason } }]));
    expect((await vurder('consensus', 'set', 'panel', '--from', 'batch.json', '--by', 'leder')).code).toBe(0);
    // Too few assessments: no value answers it; the lead goes on with a justified decision (docs/panel.md § Flags).
    const badKind = await vurder('consensus', 'set', 'panel', 'ASK-2021-001', '--acknowledge', 'spread', '--justification', reason, '--lang', 'en');
    expect(badKind.code).toBe(2);
    expect(badKind.err).toMatch(/--acknowledge cannot be "spread"/);
    const goOn = await vurder('consensus', 'set', 'panel', 'ASK-2021-001', '--acknowledge', 'too-few-assessments', '--justification', reason, '--by', 'leder');
    expect(goOn.code, goOn.err).toBe(0);
    const settled = JSON.parse((await vurder('panel', 'status', 'panel', '--json')).out) as { applications: { applicationId: string; flags: { kind: string; settlement: { state: string } }[] }[] };
    const tooFew = settled.applications.find((application) => application.applicationId === 'ASK-2021-001')?.flags.find((flag) => flag.kind === 'too-few-assessments');
    expect(tooFew?.settlement.state).toBe('settled');

    const ranked = await vurder('rank', 'panel', '--json');
    const ranking = JSON.parse(ranked.out) as { focusAreas: { focusArea: number; ranked: { applicationId: string; total: number }[] }[] };
    expect(ranking.focusAreas).toEqual([{ focusArea: 1, ranked: [expect.objectContaining({ applicationId: 'ASK-2021-001', total: 10 })] }]);

    const allocated = await vurder('allocate', 'panel', '--json', '--release-reserve', 'SO5');
    expect(allocated.code, allocated.err).toBe(0);
    const allocation = JSON.parse(allocated.out) as { lines: { applicationId: string; granted: number }[]; pools: { poolId: string; left: number; allocated: number; amount: number; releasedIn: number; releasedOut: number }[] };
    expect(allocation.lines).toEqual([expect.objectContaining({ applicationId: 'ASK-2021-001', granted: 300000 })]);
    for (const pool of allocation.pools) expect(pool.allocated + pool.left).toBe(pool.amount + pool.releasedIn - pool.releasedOut);
    // The text output says the outcome in the language asked for (it printed the English code before).
    const allocatedNb = await vurder('allocate', 'panel', '--release-reserve', 'SO5');
    expect(allocatedNb.out).toMatch(/ASK-2021-001 SO1: tildelt 300\s000\skr/);
    expect(allocatedNb.out).not.toMatch(/granted/);
    expect((await vurder('allocate', 'panel', '--release-reserve', 'SO5', '--lang', 'en')).out).toMatch(/ASK-2021-001 SO1: allocated NOK\s300,000/);
    const badPool = await vurder('allocate', 'panel', '--release-reserve', 'SO9', '--lang', 'en');
    expect(badPool.code).toBe(2);
    expect(badPool.err).toMatch(/the pool "SO9" is not a reserved pool of the scheme; use SO1, SO2, SO5/);

    const notPanel = await vurder('panel', 'status', 'ws-kari-nordmann', '--lang', 'en');
    expect(notPanel.code).toBe(2);
    expect(notPanel.err).toMatch(/is not a panel workspace/);
  }, 120_000);
});
