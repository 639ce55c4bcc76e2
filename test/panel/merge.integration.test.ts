// Merge on real workspaces with exchange files made by the real export service and real identities:
// acceptance, idempotence, supersession, version conflicts, untrusted input and every kind of bad file.
import { copyFile, cp, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAuditLog } from '../../electron/services/audit/audit-log';
import { mergeExchangeFiles } from '../../electron/services/panel/merge';
import { readPanelSnapshot } from '../../electron/services/panel/snapshot';
import { trustAnchorsForWorkspace } from '../../electron/services/trust/trust-list';
import type { Workspace } from '../../electron/services/workspace/workspace';
import { randomInt, seededRandom } from '../../shared/panel/prng';
import { testScheme } from '../integration/helpers/scheme';
import { fixturePackage } from '../integration/helpers/workspace';
import type { TestAssessor } from './helpers';
import { ASKER, assessorWorkspace, exportExchange, finalise, GOOD, hashTree, KINN, makeIdentity, makePanel, SKIEN, tempDir, trustIdentity } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
let kari: TestAssessor;
let ola: TestAssessor;
let stranger: TestAssessor;
const files: Record<string, string> = {};

async function merge(ws: Workspace, paths: string[], allowUntrusted = false) {
  return mergeExchangeFiles(ws, paths.map((path) => ({ path, shown: path })), { trustAnchors: await trustAnchorsForWorkspace(ws.dir), allowUntrusted });
}

async function freshPanel(name: string): Promise<Workspace> {
  const ws = await makePanel(join(dir, name));
  await trustIdentity(ws, kari, dir);
  await trustIdentity(ws, ola, dir);
  return ws;
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('panel-merge'));
  [kari, ola, stranger] = await Promise.all([makeIdentity('Kari Nordmann'), makeIdentity('Ola Åsen'), makeIdentity('Per Ukjent')]);
  // Kari: version 1 of three applications, then a newer version of Asker.
  const kariWs = await assessorWorkspace(join(dir, 'kari'));
  for (const id of [ASKER, KINN, SKIEN]) await finalise(kariWs, kari, id, GOOD);
  files.kari1 = await exportExchange(kariWs, kari, join(dir, 'out-kari-1'));
  await finalise(kariWs, kari, ASKER, { ...GOOD, feasibility: 3, transferValue: 3 });
  files.kari2 = await exportExchange(kariWs, kari, join(dir, 'out-kari-2'));
  // Ola in two workspaces: the same version 1 of Asker with different scores → a version conflict.
  const olaA = await assessorWorkspace(join(dir, 'ola-a'));
  await finalise(olaA, ola, ASKER, { ...GOOD, feasibility: 6 });
  files.olaA = await exportExchange(olaA, ola, join(dir, 'out-ola-a'));
  const olaB = await assessorWorkspace(join(dir, 'ola-b'));
  await finalise(olaB, ola, ASKER, { ...GOOD, feasibility: 2, decision: 'reject', amount: 0 });
  files.olaB = await exportExchange(olaB, ola, join(dir, 'out-ola-b'));
  // A stranger not on the trust list.
  const strangerWs = await assessorWorkspace(join(dir, 'stranger'), ['so6-skien-eligible']);
  await finalise(strangerWs, stranger, SKIEN, GOOD);
  files.stranger = await exportExchange(strangerWs, stranger, join(dir, 'out-stranger'));
}, 120_000);
afterAll(() => cleanup());

describe('mergeExchangeFiles', () => {
  it('takes trusted files whole, stores them content-addressed and logs each merge', async () => {
    const ws = await freshPanel('p-accept');
    const result = await merge(ws, [files.kari1 ?? '']);
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['merged']);
    expect(result.outcomes[0]?.applicationIds).toEqual([ASKER, KINN, SKIEN]);
    const stored = await readdir(join(ws.dir, 'panel', 'exchange'));
    expect(stored).toEqual([`${result.outcomes[0]?.sha256 ?? ''}.vurder.json`]);
    expect(await readFile(join(ws.dir, 'panel', 'exchange', stored[0] ?? ''))).toEqual(await readFile(files.kari1 ?? ''));
    const merges = (await readAuditLog(ws.dir)).filter((entry) => entry.action === 'panel.merge');
    expect(merges).toHaveLength(1);
    expect(merges[0]?.data).toMatchObject({ assessorId: 'kari-nordmann', trusted: true });
    const snapshot = await readPanelSnapshot(ws.dir, { agreementResamples: 50 });
    expect(snapshot.applications.find((a) => a.applicationId === ASKER)?.assessments.map((a) => [a.assessorId, a.status, a.trusted])).toEqual([['kari-nordmann', 'included', true]]);
  });

  it('is idempotent: the same file again changes nothing on disk', async () => {
    const ws = await freshPanel('p-idem');
    await merge(ws, [files.kari1 ?? '']);
    const before = await hashTree(ws.dir);
    const again = await merge(ws, [files.kari1 ?? '', files.kari1 ?? '']);
    expect(again.outcomes.map((outcome) => outcome.status)).toEqual(['already-merged', 'already-merged']);
    expect(await hashTree(ws.dir)).toBe(before);
  });

  it('lets a newer version supersede the older one (both kept) and flags two files with the same version', async () => {
    const ws = await freshPanel('p-versions');
    await merge(ws, [files.kari2 ?? '', files.kari1 ?? '', files.olaA ?? '', files.olaB ?? '']);
    const snapshot = await readPanelSnapshot(ws.dir, { agreementResamples: 50 });
    const asker = snapshot.applications.find((a) => a.applicationId === ASKER);
    expect(asker?.assessments.map((a) => [a.assessorId, a.version, a.status])).toEqual([
      ['kari-nordmann', 3, 'included'],
      ['ola-asen', 1, 'version-conflict'],
      ['ola-asen', 1, 'version-conflict'],
    ]);
    expect(asker?.superseded.map((a) => [a.assessorId, a.version])).toEqual([['kari-nordmann', 1]]);
    expect(asker?.statistics.find((s) => s.criterionId === 'feasibility')?.scores).toEqual([{ assessorId: 'kari-nordmann', score: 3 }]);
    const conflict = asker?.flags.find((flag) => flag.kind === 'version-conflict');
    expect(conflict?.assessorIds).toEqual(['ola-asen']);
    expect(conflict?.reason.nb).toMatch(/samme versjon 1/);
    expect(conflict?.reason.en).toMatch(/same version 1/);
  });

  it('refuses an untrusted signer unless --allow-untrusted, and then marks it', async () => {
    const ws = await freshPanel('p-untrusted');
    const before = await hashTree(ws.dir);
    const refused = await merge(ws, [files.stranger ?? '']);
    expect(refused.outcomes[0]).toMatchObject({ status: 'refused', code: 'merge.untrusted' });
    expect(refused.outcomes[0]?.message.en).toMatch(/Per Ukjent .* not on the trust list/);
    expect(await hashTree(ws.dir)).toBe(before);
    const taken = await merge(ws, [files.stranger ?? ''], true);
    expect(taken.outcomes[0]).toMatchObject({ status: 'merged', trusted: false });
    expect(await readdir(join(ws.dir, 'panel', 'untrusted'))).toHaveLength(1);
    const snapshot = await readPanelSnapshot(ws.dir, { agreementResamples: 50 });
    const skien = snapshot.applications.find((a) => a.applicationId === SKIEN);
    expect(skien?.assessments[0]?.trusted).toBe(false);
    expect(skien?.flags.find((flag) => flag.kind === 'untrusted-input')?.reason.nb).toMatch(/Per Ukjent/);
    expect(snapshot.exchangeFiles[0]?.trusted).toBe(false);

    // Once the signer is on the trust list, the same file merged again moves to the trusted store.
    await trustIdentity(ws, stranger, dir);
    const upgraded = await merge(ws, [files.stranger ?? '']);
    expect(upgraded.outcomes[0]).toMatchObject({ status: 'merged', trusted: true });
    expect(await readdir(join(ws.dir, 'panel', 'untrusted'))).toEqual([]);
    const after = await readPanelSnapshot(ws.dir, { agreementResamples: 50 });
    expect(after.applications.find((a) => a.applicationId === SKIEN)?.flags.map((flag) => flag.kind)).not.toContain('untrusted-input');
    expect((await readAuditLog(ws.dir)).filter((entry) => entry.action === 'panel.merge').map((entry) => entry.data.trusted)).toEqual([false, true]);
  });
});

describe('order independence and idempotence (property test on real files)', () => {
  /** Everything merge writes: the stores, merged.json (and settings, the same in every panel). */
  async function panelState(ws: Workspace): Promise<{ tree: string; merged: string }> {
    return { tree: await hashTree(join(ws.dir, 'panel')), merged: await readFile(join(ws.dir, 'panel', 'merged.json'), 'utf8') };
  }

  it('random orders and batchings of the same files give byte-identical panel state; merging again changes nothing', async () => {
    const all = [files.kari1, files.kari2, files.olaA, files.olaB, files.stranger].map((file) => file ?? '');
    const random = seededRandom(20210209);
    const states: { tree: string; merged: string }[] = [];
    for (let round = 0; round < 5; round += 1) {
      const ws = await freshPanel(`p-order-${round}`);
      const order = [...all];
      for (let i = order.length - 1; i > 0; i -= 1) {
        const j = randomInt(random, 0, i);
        [order[i], order[j]] = [order[j] ?? '', order[i] ?? ''];
      }
      // Random batches, some files given twice: one merge call per batch.
      let rest = [...order, ...order.slice(0, randomInt(random, 0, 2))];
      while (rest.length > 0) {
        const size = randomInt(random, 1, rest.length);
        await merge(ws, rest.slice(0, size), true);
        rest = rest.slice(size);
      }
      const state = await panelState(ws);
      states.push(state);
      await merge(ws, order, true);
      expect(await panelState(ws)).toEqual(state);
    }
    for (const state of states) expect(state).toEqual(states[0]);
    // The derived state holds what the files say: superseded, conflicting, untrusted.
    const merged = JSON.parse(states[0]?.merged ?? '{}') as { files: unknown[]; assessments: { assessorId: string; applicationId: string; version: number; status: string; trusted: boolean }[] };
    expect(merged.files).toHaveLength(5);
    expect(merged.assessments.filter((a) => a.applicationId === ASKER).map((a) => `${a.assessorId} v${a.version} ${a.status}`)).toEqual([
      'kari-nordmann v3 included',
      'kari-nordmann v1 superseded',
      'ola-asen v1 version-conflict',
      'ola-asen v1 version-conflict',
    ]);
    expect(merged.assessments.filter((a) => !a.trusted).map((a) => a.assessorId)).toEqual(['per-ukjent']);
  }, 120_000);
});

describe('bad exchange files: one reason each, panel state byte-identical', () => {
  let ws: Workspace;
  const bad: Record<string, string> = {};

  beforeAll(async () => {
    ws = await freshPanel('p-bad');
    await merge(ws, [files.kari1 ?? '']);
    const badDir = join(dir, 'bad');
    await mkdir(badDir, { recursive: true });
    const text = await readFile(files.kari1 ?? '', 'utf8');
    bad.tampered = join(badDir, 'tampered.vurder.json');
    await writeFile(bad.tampered, text.replace('"score": 5', '"score": 7'));
    bad.truncated = join(badDir, 'truncated.vurder.json');
    await writeFile(bad.truncated, text.slice(0, Math.floor(text.length / 2)));
    bad.pdf = join(badDir, 'not-exchange.vurder.json');
    const pdfs = (await readdir(join(dir, 'out-kari-1'))).filter((name) => name.endsWith('.pdf'));
    await copyFile(join(dir, 'out-kari-1', pdfs[0] ?? ''), bad.pdf);
    bad.otherJson = join(badDir, 'other.json');
    await writeFile(bad.otherJson, '{"hello": "world"}\n');

    // Another scheme (same text under another id), with a package that says so.
    const schemeFile = join(badDir, 'annen-ordning.json');
    await writeFile(schemeFile, JSON.stringify(testScheme('annen-ordning'), null, 2));
    const otherPackage = join(badDir, 'pkg-other-scheme');
    await cp(fixturePackage('so6-skien-eligible'), otherPackage, { recursive: true });
    const manifest = JSON.parse(await readFile(join(otherPackage, 'soknad.json'), 'utf8')) as { schemeId: string };
    await writeFile(join(otherPackage, 'soknad.json'), JSON.stringify({ ...manifest, schemeId: 'annen-ordning' }, null, 2));
    const otherWs = await assessorWorkspace(join(dir, 'kari-other-scheme'), [otherPackage], { schemeFile });
    await finalise(otherWs, kari, SKIEN, GOOD);
    bad.otherScheme = await exportExchange(otherWs, kari, join(dir, 'out-other-scheme'));

    // The same application id on a changed package (another title): its hash differs from the panel's copy.
    const changed = join(badDir, 'pkg-changed');
    await cp(fixturePackage('so6-skien-eligible'), changed, { recursive: true });
    const soknad = JSON.parse(await readFile(join(changed, 'soknad.json'), 'utf8')) as { project: { title: string } };
    soknad.project.title = `${soknad.project.title} (endret)`;
    await writeFile(join(changed, 'soknad.json'), JSON.stringify(soknad, null, 2));
    const changedWs = await assessorWorkspace(join(dir, 'kari-changed'), [changed]);
    await finalise(changedWs, kari, SKIEN, GOOD);
    bad.packageMismatch = await exportExchange(changedWs, kari, join(dir, 'out-changed'));

    // An application the panel does not have.
    const unknownWs = await assessorWorkspace(join(dir, 'kari-unknown'), ['so4-gloppen-eligible']);
    await finalise(unknownWs, kari, 'GLO-2021-005', GOOD);
    bad.unknownApplication = await exportExchange(unknownWs, kari, join(dir, 'out-unknown'));
  }, 120_000);

  const cases: [string, string, RegExp][] = [
    ['tampered', 'merge.invalid-signature', /modified after signing/],
    // Cut in half: the cut falls inside a string or between tokens, depending on the generated file's lengths.
    ["truncated", "merge.not-exchange", /not valid, unambiguous JSON: (unterminated string|unexpected end of the text \(truncated\?\))/],
    ["pdf", "merge.not-exchange", /not valid UTF-8/],
    ['otherJson', 'merge.not-exchange', /wrong shape/],
    ['otherScheme', 'merge.wrong-scheme', /is for scheme "annen-ordning"/],
    ['packageMismatch', 'merge.package-mismatch', /SKI-2021-008 was assessed on another package.*soknad\.json/],
    ['unknownApplication', 'merge.unknown-application', /GLO-2021-005, which the panel has not imported/],
  ];
  it.each(cases)('%s', async (name, code, message) => {
    const before = await hashTree(ws.dir);
    const result = await merge(ws, [bad[name] ?? '']);
    expect(result.outcomes).toHaveLength(1);
    expect(result.outcomes[0]).toMatchObject({ status: 'refused', code });
    expect(result.outcomes[0]?.message.en).toMatch(message);
    expect(result.outcomes[0]?.message.nb.length).toBeGreaterThan(5);
    expect(await hashTree(ws.dir)).toBe(before);
  });

  it('refuses the bad ones and goes on with the rest', async () => {
    const result = await merge(ws, [bad.tampered ?? '', files.olaA ?? '', bad.truncated ?? '']);
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['refused', 'merged', 'refused']);
  });
});
