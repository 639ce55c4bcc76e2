// createDemoWorkspace on a real temp folder, through the real workspace and import services.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../electron/services/audit/verify';
import { defaultResourcesDir, loadDemoAwards } from '../../electron/services/demo/awards';
import type { DemoProgress, DemoWorkspaceResult } from '../../electron/services/demo/create-workspace';
import { createDemoWorkspace } from '../../electron/services/demo/create-workspace';
import { DELIBERATE_FAILURES } from '../../electron/services/demo/failures';
import type { ApplicationRecord } from '../../electron/services/workspace/applications';
import { listApplications } from '../../electron/services/workspace/applications';
import { ServiceError } from '../../electron/services/workspace/errors';
import { openWorkspace } from '../../electron/services/workspace/workspace';

let root = '';
let dir = '';
let created: DemoWorkspaceResult;
const progress: DemoProgress[] = [];
let records: ApplicationRecord[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'vurder-demo-ws-'));
  dir = join(root, 'demo-round');
  created = await createDemoWorkspace(dir, (p) => progress.push(p));
  records = await listApplications(await openWorkspace(dir));
  // Generous: a hang guard for a busy machine, not a speed check (speed belongs in npm run bench).
}, 180_000);

afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('createDemoWorkspace', () => {
  it('creates a workspace with the 2021 scheme and imports every demo package', async () => {
    const { awards } = await loadDemoAwards();
    expect(created.workspace.meta.schemeId).toBe('imdi-kommunale-integreringstiltak-2021');
    expect(created.results.map((r) => [r.status, r.applicationId])).toEqual(awards.map((a) => ['imported', a.id]));
    expect(records.map((r) => r.summary.applicationId)).toEqual(awards.map((a) => a.id).sort());
  });

  it('stores each package with its application PDF, unflagged', () => {
    for (const record of records) {
      expect(record.lock.files.map((f) => f.path)).toEqual(['soknad.json', 'vedlegg/soknad.pdf']);
      expect(record.flags, record.summary.applicationId).toEqual([]);
    }
  });

  it('shows the listed packages as ineligible, on the listed rule, and no others', () => {
    for (const record of records) {
      const id = record.summary.applicationId;
      const failure = DELIBERATE_FAILURES[id];
      if (failure) {
        expect(record.summary.verdict, id).toBe('ineligible');
        expect(record.evaluation?.rules.find((rule) => rule.id === failure.ruleId)?.status, id).toBe('fail');
        const failedRejects = record.evaluation?.rules.filter((rule) => rule.severity === 'reject' && rule.status === 'fail').map((rule) => rule.id);
        expect(failedRejects, id).toEqual([failure.ruleId]);
      } else {
        expect(['eligible', 'needs-review'], id).toContain(record.summary.verdict);
      }
    }
  });

  it('asks the assessor to confirm municipal units (R01) and accepts municipalities themselves', () => {
    for (const record of records) {
      const r01 = record.evaluation?.rules.find((rule) => rule.id === 'R01');
      expect(r01?.status, record.summary.applicationId).toBe(record.application.applicant.unitName ? 'review' : 'pass');
    }
  });

  it('reports progress for generation and import up to the total', () => {
    const last = (phase: DemoProgress['phase']): DemoProgress | undefined => progress.filter((p) => p.phase === phase).at(-1);
    expect(last('generate')).toEqual({ phase: 'generate', done: records.length, total: records.length });
    expect(last('import')).toEqual({ phase: 'import', done: records.length, total: records.length });
    expect(progress.findIndex((p) => p.phase === 'import')).toBeGreaterThan(progress.findIndex((p) => p.phase === 'generate'));
  });

  it('leaves an audit log whose hash chain verifies', async () => {
    const audit = await verifyAuditLog(dir);
    expect(audit.problems).toEqual([]);
    expect(audit.ok).toBe(true);
    expect(audit.entries).toBeGreaterThan(records.length);
    expect(await readFile(join(dir, 'audit.log'), 'utf8')).toContain('DEMO-2021-SO6-09');
  });

  it('leaves the folder as it found it when generation fails (here: no fonts in the resources folder)', async () => {
    const resourcesDir = join(root, 'resources-without-fonts');
    await mkdir(join(resourcesDir, 'demo'), { recursive: true });
    await cp(join(defaultResourcesDir(), 'demo', 'awards-2021.json'), join(resourcesDir, 'demo', 'awards-2021.json'));
    const absent = join(root, 'absent');
    await expect(createDemoWorkspace(absent, undefined, { resourcesDir })).rejects.toThrow(/DejaVuSans/);
    await expect(stat(absent)).rejects.toThrow(/ENOENT/);
    const empty = join(root, 'empty');
    await mkdir(empty);
    await expect(createDemoWorkspace(empty, undefined, { resourcesDir })).rejects.toThrow(/DejaVuSans/);
    expect(await readdir(empty)).toEqual([]);
  });

  it('refuses a folder that is not empty, before generating anything', async () => {
    const busy = join(root, 'busy');
    await mkdir(busy);
    await writeFile(join(busy, 'notes.txt'), 'mine');
    const seen: DemoProgress[] = [];
    const error: unknown = await createDemoWorkspace(busy, (p) => seen.push(p)).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).code).toBe('workspace.not-empty');
    expect(seen).toEqual([]);
    expect(await readFile(join(busy, 'notes.txt'), 'utf8')).toBe('mine');
  });
});
