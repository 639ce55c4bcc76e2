// The workspace index on a real workspace: reused when the files are unchanged, rebuilt when it is stale,
// damaged, deleted, or when a file was edited behind its back; concurrent saves leave it consistent.
import { chmod, readFile, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Assessment } from '../../shared/assessment/schema';
import { importPackages } from '../../electron/services/import/import-packages';
import { newAssessment, saveAssessment } from '../../electron/services/store/assessment-store';
import { listApplications } from '../../electron/services/workspace/applications';
import { flushIndex, INDEX_DIR, listSummaries, refreshSummary } from '../../electron/services/workspace/summary-index';
import { createWorkspace, openWorkspace } from '../../electron/services/workspace/workspace';
import type { Workspace } from '../../electron/services/workspace/workspace';
import { fixturePackage, tempDir } from './helpers/workspace';

const ASSESSOR = { id: 'kari-nordmann', name: 'Kari Nordmann' };
const FIXTURES = ['so1-asker-eligible', 'so2-molde-eligible', 'so3-kinn-eligible', 'so6-melhus-late'];

let root: { dir: string; cleanup: () => Promise<void> };
let ws: Workspace;
let indexPath: string;
beforeEach(async () => {
  root = await tempDir('index');
  ws = await createWorkspace(join(root.dir, 'ws'));
  await importPackages(ws, FIXTURES.map(fixturePackage));
  indexPath = join(ws.dir, INDEX_DIR, `${ASSESSOR.id}.json`);
});
afterEach(async () => {
  await root.cleanup();
});

/** What the list must show: every package read and evaluated from scratch. */
async function truth(): Promise<unknown[]> {
  return (await listApplications(await openWorkspace(ws.dir), ASSESSOR)).map((record) => record.summary);
}

/** A fresh open (a new process would do the same): the index is read from disk and checked. */
async function reopened() {
  return listSummaries(await openWorkspace(ws.dir), ASSESSOR);
}

describe('workspace index', () => {
  it('is built once, then reused on the next open with the same rows', async () => {
    const first = await listSummaries(ws, ASSESSOR);
    expect(first.stats).toEqual({ reused: 0, rebuilt: FIXTURES.length, fileProblem: 'missing' });
    expect(first.summaries).toEqual(await truth());
    const second = await reopened();
    expect(second.stats).toEqual({ reused: FIXTURES.length, rebuilt: 0, fileProblem: null });
    expect(second.summaries).toEqual(first.summaries);
  });

  it('rebuilds only the application whose assessment was saved by someone else (stale entry)', async () => {
    await listSummaries(ws, ASSESSOR);
    const id = (await truth())[1] as { applicationId: string };
    // Another process: its own Workspace object, no index update.
    await saveAssessment(await openWorkspace(ws.dir), newAssessment(ws, id.applicationId, ASSESSOR));
    const after = await reopened();
    expect(after.stats).toEqual({ reused: FIXTURES.length - 1, rebuilt: 1, fileProblem: null });
    expect(after.summaries.find((row) => row.applicationId === id.applicationId)?.myStatus).toBe('draft');
    expect(after.summaries).toEqual(await truth());
  });

  it('sees a soknad.json edited behind its back even with the old size and mtime put back', async () => {
    await listSummaries(ws, ASSESSOR);
    const manifest = join(ws.dir, 'packages', (await listSummaries(ws, ASSESSOR)).summaries[0]?.applicationId ?? '', 'soknad.json');
    const before = await stat(manifest);
    const text = await readFile(manifest, 'utf8');
    const json = JSON.parse(text) as { applicant: { name: string } };
    // Same length: only the letters change, so size and (restored) mtime match the fingerprint.
    const edited = text.replace(json.applicant.name, json.applicant.name.toUpperCase());
    expect(edited.length).toBe(text.length);
    expect(edited).not.toBe(text);
    await chmod(manifest, 0o644);
    await writeFile(manifest, edited);
    await chmod(manifest, before.mode);
    await utimes(manifest, before.atime, before.mtime);
    const after = await reopened();
    expect(after.stats.rebuilt).toBe(1);
    expect(after.summaries[0]?.applicantName).toBe(json.applicant.name.toUpperCase());
    expect(after.summaries).toEqual(await truth());
  });

  it('rebuilds everything from a damaged, a tampered or a deleted index file', async () => {
    const built = (await listSummaries(ws, ASSESSOR)).summaries;
    const good = await readFile(indexPath, 'utf8');

    await writeFile(indexPath, good.slice(0, good.length / 2));
    expect((await reopened()).stats).toEqual({ reused: 0, rebuilt: FIXTURES.length, fileProblem: 'damaged' });

    // Valid JSON, right key, one summary changed: the checksum no longer matches.
    const first = built[0];
    if (first === undefined) throw new Error('no rows');
    await writeFile(indexPath, good.replace(JSON.stringify(first.applicantName), JSON.stringify('Falsk Kommune')));
    const tampered = await reopened();
    expect(tampered.stats.fileProblem).toBe('damaged');
    expect(tampered.summaries).toEqual(built);

    await rm(indexPath);
    const deleted = await reopened();
    expect(deleted.stats).toEqual({ reused: 0, rebuilt: FIXTURES.length, fileProblem: 'missing' });
    expect(deleted.summaries).toEqual(built);
  });

  it('drops an application whose package folder is gone and counts by the directory', async () => {
    const built = (await listSummaries(ws, ASSESSOR)).summaries;
    const gone = built[2]?.applicationId ?? '';
    await chmod(join(ws.dir, 'packages', gone), 0o755);
    await rm(join(ws.dir, 'packages', gone), { recursive: true, force: true });
    const after = await reopened();
    expect(after.summaries.map((row) => row.applicationId)).toEqual(built.map((row) => row.applicationId).filter((id) => id !== gone));
    expect(after.stats.rebuilt).toBe(0);
  });

  it('stays consistent when saves and row refreshes run concurrently', async () => {
    await listSummaries(ws, ASSESSOR);
    const ids = (await listSummaries(ws, ASSESSOR)).summaries.map((row) => row.applicationId);
    // Every application saved three times in a row, all applications at once, each save followed by a refresh.
    await Promise.all(
      ids.map(async (id) => {
        let current: Assessment = newAssessment(ws, id, ASSESSOR);
        for (let round = 0; round < 3; round += 1) {
          current = await saveAssessment(ws, { ...current, recommendation: { ...current.recommendation, comment: `runde ${round}` } });
          void refreshSummary(ws, id, ASSESSOR);
        }
        if (id === ids[0]) await saveAssessment(ws, { ...current, impartiality: { declared: true, conflict: true, reason: 'inhabil', declaredAt: current.updatedAt } });
        await refreshSummary(ws, id, ASSESSOR);
      }),
    );
    const inProcess = await listSummaries(ws, ASSESSOR);
    expect(inProcess.summaries).toEqual(await truth());
    expect(inProcess.summaries[0]?.myStatus).toBe('conflict');
    await flushIndex(ws);
    const after = await reopened();
    expect(after.stats.rebuilt).toBe(0);
    expect(after.summaries).toEqual(await truth());
  });
});
