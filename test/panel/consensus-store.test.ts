// The consensus store on a real panel workspace: versioned atomic writes with history, audit entries, a batch
// that is all-or-nothing, and recovery of a damaged file from history (as for assessments).
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAuditLog } from '../../electron/services/audit/audit-log';
import { loadConsensus, setConsensus } from '../../electron/services/panel/consensus-store';
import type { Workspace } from '../../electron/services/workspace/workspace';
import { ASKER, hashTree, KINN, makePanel, tempDir } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
let ws: Workspace;
const reason = 'Panelet har drøftet søknaden og legger vekt på den konkrete gjennomføringsplanen.';

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('panel-consensus'));
  ws = await makePanel(join(dir, 'panel'));
}, 60_000);
afterAll(() => cleanup());

describe('setConsensus / loadConsensus', () => {
  it('writes each version to history first, then the main file, with one audit entry each', async () => {
    await setConsensus(ws, [{ applicationId: ASKER, criteria: [{ criterionId: 'feasibility', score: 5, justification: reason }] }], { by: 'leder' });
    const [second] = await setConsensus(ws, [{ applicationId: ASKER, eligibility: { verdict: 'eligible', justification: reason } }], { by: 'leder' });
    expect(second).toMatchObject({ version: 2, criteria: [{ criterionId: 'feasibility', score: 5, source: 'lead', by: 'leder' }], eligibility: { verdict: 'eligible' } });
    const folder = join(ws.dir, 'panel', 'consensus');
    expect(await readdir(join(folder, 'history', ASKER))).toEqual(['00000001.json', '00000002.json']);
    expect(await readFile(join(folder, `${ASKER}.json`), 'utf8')).toBe(await readFile(join(folder, 'history', ASKER, '00000002.json'), 'utf8'));
    const entries = (await readAuditLog(ws.dir)).filter((entry) => entry.action === 'consensus.set');
    expect(entries.map((entry) => [entry.subject, entry.actor, entry.data.version])).toEqual([
      [ASKER, 'leder', 1],
      [ASKER, 'leder', 2],
    ]);
  });

  it('saves nothing of a batch when one change is bad', async () => {
    const before = await hashTree(ws.dir);
    await expect(
      setConsensus(ws, [
        { applicationId: KINN, amount: { firstYearAmount: 1000, justification: reason } },
        { applicationId: ASKER, criteria: [{ criterionId: 'transferValue', score: 0, justification: reason }] },
      ]),
    ).rejects.toThrow(/ASK-2021-001: transferValue: the score 0 is outside the scale 1–7/);
    await expect(setConsensus(ws, [{ applicationId: 'UKJENT-1', amount: { firstYearAmount: 1, justification: reason } }])).rejects.toThrow(/UKJENT-1 is not imported/);
    await expect(setConsensus(ws, [{ applicationId: KINN, eligibility: { verdict: 'eligible', justification: '' } }])).rejects.toThrow(/eligibility: the justification must have at least 40/);
    expect(await hashTree(ws.dir)).toBe(before);
  });

  it('restores a damaged file from history, keeps the damaged one and logs it', async () => {
    const main = join(ws.dir, 'panel', 'consensus', `${ASKER}.json`);
    await writeFile(main, '{"formatVersion": 1, "applicationId": "ASK');
    const restored = await loadConsensus(ws, ASKER);
    expect(restored?.version).toBe(2);
    const names = await readdir(join(ws.dir, 'panel', 'consensus'));
    expect(names.filter((name) => name.startsWith(`${ASKER}.json.damaged-`))).toHaveLength(1);
    expect((await readAuditLog(ws.dir)).at(-1)).toMatchObject({ action: 'consensus.recover', subject: ASKER, data: { fromVersion: 2 } });
  });
});
