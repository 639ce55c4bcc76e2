// The assessment store on a real workspace with a real imported package.
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { assessmentSchema } from '../../shared/assessment/schema';
import type { Assessment } from '../../shared/assessment/schema';
import { readAuditLog } from '../../electron/services/audit/audit-log';
import { verifyAuditLog } from '../../electron/services/audit/verify';
import { importPackages } from '../../electron/services/import/import-packages';
import { listApplications } from '../../electron/services/workspace/applications';
import { loadAssessment, newAssessment, saveAssessment } from '../../electron/services/store/assessment-store';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import type { Workspace } from '../../electron/services/workspace/workspace';
import { exampleAssessment } from './helpers/assessment';
import { fixturePackage, tempDir } from './helpers/workspace';

const ASSESSOR = { id: 'kari-nordmann', name: 'Kari Nordmann' };
const ID = 'ASK-2021-001';

let root: { dir: string; cleanup: () => Promise<void> };
let ws: Workspace;
let file: string;
beforeEach(async () => {
  root = await tempDir('store');
  ws = await createWorkspace(join(root.dir, 'ws'));
  await importPackages(ws, [fixturePackage('so1-asker-eligible')]);
  file = join(ws.dir, 'assessments', ASSESSOR.id, `${ID}.json`);
});
afterEach(async () => {
  await root.cleanup();
});

async function actions(): Promise<string[]> {
  return (await readAuditLog(ws.dir)).map((entry) => entry.action).filter((action) => action.startsWith('assessment.'));
}

describe('docs/examples/assessment.json', () => {
  it('is a valid assessment for the Asker fixture that can be stored as final', async () => {
    const example = exampleAssessment();
    expect(assessmentSchema.safeParse(example).success).toBe(true);
    const saved = await saveAssessment(ws, example);
    expect(saved).toMatchObject({ status: 'final', version: 1 });
    expect(saved.finalisedAt).toMatch(/[+-]\d{2}:\d{2}$/);
  });
});

describe('saveAssessment', () => {
  it('counts versions, keeps history and coalesces draft audit entries', async () => {
    let current: Assessment = newAssessment(ws, ID, ASSESSOR);
    for (let i = 0; i < 5; i += 1) current = await saveAssessment(ws, { ...current, recommendation: { ...current.recommendation, comment: `utkast ${i}` } });
    expect(current.version).toBe(5);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(current);
    expect((await readdir(join(ws.dir, 'assessments', ASSESSOR.id, 'history', ID))).sort()).toEqual([1, 2, 3, 4, 5].map((v) => `0000000${v}.json`));
    // Five drafts in well under a minute: one audit entry.
    expect(await actions()).toEqual(['assessment.save']);
  });

  it('refuses a save from a stale version', async () => {
    const first = await saveAssessment(ws, newAssessment(ws, ID, ASSESSOR));
    await saveAssessment(ws, first);
    await expect(saveAssessment(ws, first)).rejects.toMatchObject({ code: 'assessment.stale-version', message: expect.stringContaining('stored version 2, yours 1') as string });
  });

  it('refuses input that fails the schema, and an application that is not imported', async () => {
    await expect(saveAssessment(ws, { ...newAssessment(ws, ID, ASSESSOR), version: -1 })).rejects.toMatchObject({ code: 'assessment.invalid' });
    await expect(saveAssessment(ws, newAssessment(ws, 'NOPE-1', ASSESSOR))).rejects.toMatchObject({ code: 'application.not-found' });
  });

  it('always logs impartiality changes', async () => {
    const draft = await saveAssessment(ws, newAssessment(ws, ID, ASSESSOR));
    await saveAssessment(ws, { ...draft, impartiality: { declared: true, conflict: true, reason: 'Søsken i prosjektledelsen', declaredAt: '2021-03-01T10:00:00+01:00' } });
    expect(await actions()).toEqual(['assessment.save', 'assessment.impartiality']);
    expect((await listApplications(ws, ASSESSOR))[0]?.summary.myStatus).toBe('conflict');
  });

  it('refuses to finalise an incomplete assessment, naming what is missing', async () => {
    const draft = newAssessment(ws, ID, ASSESSOR);
    await expect(saveAssessment(ws, { ...draft, status: 'final' })).rejects.toMatchObject({
      code: 'assessment.incomplete',
      message: expect.stringContaining('Declare impartiality') as string,
    });
  });

  it('locks a final assessment; reopening needs a reason and is logged', async () => {
    const final = await saveAssessment(ws, exampleAssessment());
    await expect(saveAssessment(ws, { ...final, status: 'draft' })).rejects.toMatchObject({ code: 'assessment.final' });
    await expect(saveAssessment(ws, final, { reopenReason: '  ' })).rejects.toMatchObject({ code: 'assessment.final' });
    const reopened = await saveAssessment(ws, final, { reopenReason: 'Nye opplysninger om budsjettet' });
    expect(reopened).toMatchObject({ status: 'draft', version: 2, finalisedAt: null });
    expect(reopened.reopenings).toEqual([{ at: reopened.updatedAt, reason: 'Nye opplysninger om budsjettet' }]);
    expect(await actions()).toEqual(['assessment.impartiality', 'assessment.final', 'assessment.reopen']);
    expect(await verifyAuditLog(ws.dir)).toMatchObject({ ok: true });
  });
});

describe('loadAssessment', () => {
  it('recovers a damaged file from the newest valid history version and keeps the damaged file aside', async () => {
    let current = await saveAssessment(ws, newAssessment(ws, ID, ASSESSOR));
    current = await saveAssessment(ws, { ...current, recommendation: { ...current.recommendation, comment: 'versjon 2' } });
    await writeFile(file, '{"formatVersion":1,"applicationId":"ASK-20');
    const loaded = await loadAssessment(ws, ASSESSOR.id, ID);
    expect(loaded.assessment).toEqual(current);
    expect(loaded.recovered?.fromVersion).toBe(2);
    expect(loaded.recovered?.message.en).toMatch(/^was damaged and has been recovered from history version 2; the damaged file is kept as ASK-2021-001\.json\.damaged-/);
    expect(loaded.recovered?.state).toBe('damaged');
    expect(await readFile(loaded.recovered?.damagedFile ?? 'missing', 'utf8')).toBe('{"formatVersion":1,"applicationId":"ASK-20');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(current);
    expect(await actions()).toContain('assessment.recover');
  });

  it('refuses, and leaves the file untouched, when no history version is valid', async () => {
    await saveAssessment(ws, newAssessment(ws, ID, ASSESSOR));
    const historyFile = join(ws.dir, 'assessments', ASSESSOR.id, 'history', ID, '00000001.json');
    await writeFile(historyFile, 'not json');
    await writeFile(file, 'also not json');
    await expect(loadAssessment(ws, ASSESSOR.id, ID)).rejects.toMatchObject({ code: 'assessment.damaged' });
    expect(await readFile(file, 'utf8')).toBe('also not json');
  });

  it('restores a deleted file from history instead of starting blank', async () => {
    let current = await saveAssessment(ws, newAssessment(ws, ID, ASSESSOR));
    current = await saveAssessment(ws, { ...current, recommendation: { ...current.recommendation, comment: 'versjon 2' } });
    await rm(file);
    const loaded = await loadAssessment(ws, ASSESSOR.id, ID);
    expect(loaded.assessment).toEqual(current);
    expect(loaded.recovered).toMatchObject({ fromVersion: 2, state: 'missing', damagedFile: file, message: { en: 'was missing and has been restored from history version 2' } });
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual(current);
  });

  it('returns null when nothing was saved yet', async () => {
    expect(await loadAssessment(ws, ASSESSOR.id, ID)).toEqual({ assessment: null });
  });
});
