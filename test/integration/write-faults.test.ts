// Faults beyond SIGKILL (issue 8 point 6): disk full, I/O errors, a short write, a failed rename and a failed
// fsync at each write point of a save in turn (history copy, audit line, audit head, main file, and the folder
// fsyncs), injected through the store's FilePort (helpers/faulty-files.ts), never by patching node:fs.
// After each: the person gets store.write-failed in nb and en naming the file, the last saved version is intact,
// the audit log verifies, no temp file is left, and the next save works. A lying disk (a write that claims to
// be complete) tears the main file, and the next load restores it from history.
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../shared/assessment/schema';
import { verifyAuditLog } from '../../electron/services/audit/verify';
import { importPackages } from '../../electron/services/import/import-packages';
import { historyName } from '../../electron/services/store/assessment-file';
import { loadAssessment, newAssessment, saveAssessment } from '../../electron/services/store/assessment-store';
import { isAtomicTempFile } from '../../electron/services/store/atomic-write';
import { ServiceError } from '../../electron/services/workspace/errors';
import { assessmentFile, assessmentHistoryDir } from '../../electron/services/workspace/layout';
import { verifyRecords } from '../../electron/services/workspace/verify-records';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import type { Workspace } from '../../electron/services/workspace/workspace';
import { FAULTS_BY_OPERATION, faultyFiles } from './helpers/faulty-files';
import type { Fault, Operation } from './helpers/faulty-files';
import { fixturePackage, tempDir } from './helpers/workspace';

const ASSESSOR = { id: 'kari-nordmann', name: 'Kari Nordmann' };
const APPLICATION = 'ASK-2021-001';

let root: { dir: string; cleanup: () => Promise<void> };
let ws: Workspace;
let file: string;
let historyDir: string;
let step = 0;

beforeAll(async () => {
  root = await tempDir('faults');
  ws = await createWorkspace(join(root.dir, 'ws'));
  await importPackages(ws, [fixturePackage('so1-asker-eligible')]);
  file = assessmentFile(ws.dir, ASSESSOR.id, APPLICATION);
  historyDir = assessmentHistoryDir(ws.dir, ASSESSOR.id, APPLICATION);
});
afterAll(async () => {
  await root.cleanup();
});

/** The next edit: a changed impartiality reason, which is always logged, so every save appends one audit line. */
function edited(current: Assessment): Assessment {
  step += 1;
  return {
    ...current,
    impartiality: { declared: true, conflict: false, reason: `erklæring ${step}`, declaredAt: '2021-03-01T10:00:00.000+01:00' },
    recommendation: { ...current.recommendation, comment: `lagring ${step}` },
  };
}

async function current(): Promise<Assessment> {
  return (await loadAssessment(ws, ASSESSOR.id, APPLICATION)).assessment ?? newAssessment(ws, APPLICATION, ASSESSOR);
}

async function tempFiles(): Promise<string[]> {
  const dirs = [ws.dir, join(ws.dir, 'assessments', ASSESSOR.id), historyDir];
  return (await Promise.all(dirs.map(async (dir) => (await readdir(dir)).filter(isAtomicTempFile)))).flat();
}

describe('write faults in the store and the audit log', () => {
  it('at every write point in turn: a clear message, the last saved version intact, the log whole, the next save fine', async () => {
    let saved = await saveAssessment(ws, edited(await current()));
    // A dry run lists the operations of one save; each becomes a fault point.
    const dry = faultyFiles(-1, 'EIO');
    saved = await saveAssessment({ ...ws, files: dry }, edited(saved));
    const points = dry.log.map((entry, index) => ({ index, operation: entry.split(' ')[0] as Operation, target: entry.slice(entry.indexOf(' ') + 1) }));
    expect(points.map((point) => point.operation)).toEqual(expect.arrayContaining(['open', 'write', 'sync', 'rename']));
    // History copy, audit line, audit head, main file, each with its folder fsync.
    const targets = new Set(points.map((point) => point.target.replace(/\.vurder-tmp-[0-9a-f]+$/, '')));
    expect([...targets].sort()).toEqual(['.00000002.json', '.ASK-2021-001.json', '.audit.head.json', '00000002.json', 'ASK-2021-001', 'ASK-2021-001.json', 'audit.head.json', 'audit.log', 'kari-nordmann', 'ws']);
    let cases = 0;
    for (const point of points) {
      for (const fault of FAULTS_BY_OPERATION[point.operation] as readonly Fault[]) {
        const label = `${fault} at ${point.operation} ${point.target} (#${point.index})`;
        const faulty = faultyFiles(point.index, fault);
        const attempt = edited(saved);
        let error: unknown;
        let result: Assessment | undefined;
        try {
          result = await saveAssessment({ ...ws, files: faulty }, attempt);
        } catch (thrown) {
          error = thrown;
        }
        expect(faulty.fired, label).toBe(true);
        cases += 1;
        if (result) {
          saved = result; // a fault after the save was complete (only none expected here, but never lose it)
        } else {
          expect(error, label).toBeInstanceOf(ServiceError);
          const failure = error as ServiceError;
          expect(failure.code, label).toBe('store.write-failed');
          const expectedReason = fault === 'EIO' ? /\(EIO\)/ : /\(ENOSPC\)/;
          expect(failure.toLine('en'), label).toMatch(new RegExp(`^${file}: could not be saved: .*${expectedReason.source}.*; the last saved version is unchanged`));
          expect(failure.toLine('nb'), label).toMatch(new RegExp(`^${file}: kunne ikke lagres: `));
        }
        // The last version reported as saved is where it must be, and the main file is that one or the new one.
        const loaded = (await loadAssessment(ws, ASSESSOR.id, APPLICATION)).assessment;
        expect(loaded, label).not.toBeNull();
        if (loaded?.version === saved.version) expect(loaded.recommendation.comment, label).toBe(saved.recommendation.comment);
        else expect(loaded?.version, label).toBe(saved.version + 1);
        expect(JSON.parse(await readFile(join(historyDir, historyName(saved.version)), 'utf8')).recommendation.comment, label).toBe(saved.recommendation.comment);
        expect((await verifyAuditLog(ws.dir)).problems, label).toEqual([]);
        expect(await tempFiles(), label).toEqual([]);
        // The store still works: no lock left behind, no stale version.
        saved = await saveAssessment(ws, edited(loaded ?? saved));
      }
    }
    expect(cases).toBe(points.reduce((sum, point) => sum + FAULTS_BY_OPERATION[point.operation].length, 0));
    expect(cases).toBeGreaterThanOrEqual(35);
    // Every history version and the main file still match what the log recorded for them.
    expect(await verifyRecords(ws)).toEqual([]);
  }, 60_000);

  it('a write that claims to be complete but is not tears the main file: the next load restores it from history', async () => {
    const before = await current();
    const dry = faultyFiles(-1, 'EIO');
    await saveAssessment({ ...ws, files: dry }, edited(before));
    const reload = await current();
    // The last write of a save is the main file's temp file.
    const mainWrite = dry.log.map((entry, index) => ({ entry, index })).filter(({ entry }) => entry.startsWith(`write .${APPLICATION}.json`)).at(-1);
    expect(mainWrite).toBeDefined();
    const lying = faultyFiles(mainWrite?.index ?? -1, 'lost');
    const reported = await saveAssessment({ ...ws, files: lying }, edited(reload));
    expect(lying.fired).toBe(true);
    expect(() => JSON.parse(readFileSyncText(file))).toThrow();
    const loaded = await loadAssessment(ws, ASSESSOR.id, APPLICATION);
    expect(loaded.recovered?.fromVersion).toBe(reported.version);
    expect(loaded.recovered?.message.en).toMatch(/recovered from history version/);
    expect(loaded.assessment?.recommendation.comment).toBe(reported.recommendation.comment);
    expect((await readdir(join(ws.dir, 'assessments', ASSESSOR.id))).some((name) => name.includes('.damaged-'))).toBe(true);
    expect((await verifyAuditLog(ws.dir)).ok).toBe(true);
    expect(await verifyRecords(ws)).toEqual([]);
  });
});

function readFileSyncText(path: string): string {
  return readFileSync(path, 'utf8');
}
