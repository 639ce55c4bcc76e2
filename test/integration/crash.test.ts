// Crash safety of the assessment store: 20 SIGKILLs at random moments of a save loop (bench:crash does ≥ 200).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPackages } from '../../electron/services/import/import-packages';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import type { Workspace } from '../../electron/services/workspace/workspace';
import { checkAfterKill, runCrashRounds } from '../../bench/crash/harness';
import { fixturePackage, tempDir } from './helpers/workspace';

let root: { dir: string; cleanup: () => Promise<void> };
let ws: Workspace;
beforeAll(async () => {
  root = await tempDir('crash');
  ws = await createWorkspace(join(root.dir, 'ws'));
  await importPackages(ws, [fixturePackage('so1-asker-eligible')]);
});
afterAll(async () => {
  await root.cleanup();
});

describe('crash test', () => {
  it('survives 20 SIGKILLs during saves: every file parses and equals a written version', async () => {
    const stats = await runCrashRounds(ws.dir, 20);
    expect(stats.rounds).toBe(20);
    // The children did save (otherwise the test proves nothing).
    expect(stats.finalVersion).toBeGreaterThan(0);
    expect(stats.reportedSaves).toBeGreaterThan(0);
  }, 120_000);

  it('the checker itself catches a torn file (so the test above can fail)', async () => {
    const file = join(ws.dir, 'assessments', 'krasj-test', 'ASK-2021-001.json');
    await writeFile(file, '{"formatVersion":1,');
    await expect(checkAfterKill(ws.dir, 0)).rejects.toThrow(/ASK-2021-001\.json: not valid JSON/);
  });
});
