// Two processes saving one assessment at once (issue 8 point 4). On the code before the assessment lock,
// 2 × 100 saves lost 65 (versions reported by both processes, the main file going back a version); the store
// now serialises saves across processes with a lock file, so every reported save is in history.
// bench:race runs 2 × 200 and prints the figures.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkReportedSaves, runRace } from '../../bench/crash/race';
import { importPackages } from '../../electron/services/import/import-packages';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import type { Workspace } from '../../electron/services/workspace/workspace';
import { verifyAuditLog } from '../../electron/services/audit/verify';
import { fixturePackage, tempDir } from './helpers/workspace';

let root: { dir: string; cleanup: () => Promise<void> };
let ws: Workspace;
beforeAll(async () => {
  root = await tempDir('race');
  ws = await createWorkspace(join(root.dir, 'ws'));
  await importPackages(ws, [fixturePackage('so1-asker-eligible')]);
});
afterAll(async () => {
  await root.cleanup();
});

describe('concurrent saves from two processes', () => {
  it('2 × 25 saves: every save reported as saved is in history, the main file is the newest', async () => {
    const stats = await runRace(ws.dir, 25);
    expect(stats.details).toEqual([]);
    expect(stats).toMatchObject({ reported: 50, lost: 0, duplicateVersions: 0, unchecked: 0, finalVersion: 50 });
    expect((await verifyAuditLog(ws.dir)).ok).toBe(true);
  }, 60_000);

  it('the checker counts an overwritten version and a main file that went back as lost (so the test above can fail)', async () => {
    // What the unlocked store did: both processes reported version 3, only one survives; the main file is older.
    const stats = await checkReportedSaves(ws.dir, [{ version: 3, marker: 'a 2' }, { version: 3, marker: 'b 1' }, { version: 60, marker: 'a 9' }], 0);
    expect(stats.duplicateVersions).toBe(1);
    expect(stats.lost).toBeGreaterThanOrEqual(2);
    expect(stats.details.join('\n')).toMatch(/version 3 reported by a 2 and b 1/);
    expect(stats.details.join('\n')).toMatch(/main file holds version 50/);
  });
});
