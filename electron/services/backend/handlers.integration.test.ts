// The IPC handlers on the real services: a real temp workspace, real generated packages (soknad.json + PDF),
// a real hostile folder. Only the transport is absent.
import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment } from '../../../shared/assessment/schema';
import type { EventName } from '../../../shared/ipc/contract';
import { loadDemoAwards } from '../demo/awards';
import { generateDemoPackage, loadDemoFonts, writeDemoPackage } from '../demo/generate';
import { createBackend } from './backend';
import { createFileSettingsStore } from './file-settings';
import type { IpcHandlers } from './handlers';
import { createIpcHandlers } from './handlers';
import { createNodeServices } from './node-services';

let root: string;
let workspaceDir: string;
let packages: string[];
let ids: string[];
let handlers: IpcHandlers;
const events: { event: EventName; payload: unknown }[] = [];
const assessor = { id: 'kari-nordmann', name: 'Kari Nordmann' };
/** What the directory dialog answers next (a path the handlers then accept as the person's choice). */
let chosenDirectory: string;

function newHandlers(): IpcHandlers {
  return createIpcHandlers(
    createBackend({
      settings: createFileSettingsStore(join(root, 'settings.json')),
      dialogs: {
        chooseDirectory: async () => chosenDirectory,
        choosePackages: async () => packages,
        chooseFiles: async () => [],
        chooseSavePath: async () => null,
        confirm: async () => false,
      },
      events: { emit: (event, payload) => events.push({ event, payload }) },
      services: createNodeServices(),
      app: { name: 'Vurder', version: '0.1.0', transport: 'browser-bridge', platform: process.platform, versions: {} },
    }),
  );
}

/** Unwraps {ok:true} or fails the test with the error line. */
function value<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'vurder-ipc-'));
  workspaceDir = join(root, 'ws');
  chosenDirectory = join(root, 'chosen');
  const sources = join(root, 'sources');
  const [{ awards }, fonts] = await Promise.all([loadDemoAwards(), loadDemoFonts()]);
  // One SO1 and one SO3 award: different focus areas, both with an application PDF.
  const chosen = [awards.find((award) => award.focusArea === 1), awards.find((award) => award.focusArea === 3)];
  packages = [];
  ids = [];
  for (const award of chosen) {
    if (award === undefined) throw new Error('the demo award list lacks SO1 or SO3');
    const demo = await generateDemoPackage(award, fonts);
    packages.push(await writeDemoPackage(sources, demo));
    ids.push(demo.application.applicationId);
  }
  const hostile = join(sources, 'no-manifest');
  await mkdir(hostile, { recursive: true });
  await writeFile(join(hostile, 'readme.txt'), 'not a package');
  packages.push(hostile);
  handlers = newHandlers();
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('IPC handlers on a real workspace', () => {
  it('refuses assessment work before an assessor is set, and workspace work before one is open', async () => {
    expect(await handlers['import:packages']({ paths: packages })).toMatchObject({ ok: false, error: { code: 'workspace.none-open' } });
  });

  it('creates a workspace, which becomes current and first in the recent list', async () => {
    value(await handlers['settings:set']({ assessor }));
    chosenDirectory = workspaceDir;
    expect(value(await handlers['dialog:choose-directory']({ purpose: 'create-workspace' }))).toBe(workspaceDir);
    const summary = value(await handlers['workspace:create']({ dir: workspaceDir }));
    expect(summary).toMatchObject({ dir: workspaceDir, schemeId: 'imdi-kommunale-integreringstiltak-2021', applicationCount: 0 });
    expect(summary.schemeSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(summary.scheme.id).toBe(summary.schemeId);
    expect(value(await handlers['workspace:current'](undefined))).toEqual(summary);
    const recent = value(await handlers['workspace:recent'](undefined));
    expect(recent[0]).toMatchObject({ dir: workspaceDir, exists: true });
    expect(recent[0]?.openedAt).toMatch(/[+-]\d{2}:\d{2}$/);
  });

  it('refuses to create a workspace in a folder that is not empty, naming it', async () => {
    const result = await handlers['workspace:create']({ dir: workspaceDir });
    expect(result).toMatchObject({ ok: false, error: { code: 'workspace.not-empty', subject: workspaceDir } });
  });

  it('imports per package with progress events, refusing the hostile one', async () => {
    events.length = 0;
    const { importId, results } = value(await handlers['import:packages']({ paths: packages }));
    expect(results.map((result) => result.status)).toEqual(['imported', 'imported', 'refused']);
    expect(results[2]).toMatchObject({ code: 'package.no-manifest', applicationId: null });
    expect(results[2]?.message).toContain('no-manifest');
    const progress = events.filter((entry) => entry.event === 'import:progress').map((entry) => entry.payload);
    expect(progress).toHaveLength(6);
    expect(progress[0]).toMatchObject({ importId, index: 0, total: 3, phase: 'started' });
    expect(progress[5]).toMatchObject({ importId, index: 2, phase: 'done', result: { status: 'refused' } });
    expect(results[2]?.localized?.en).toContain('soknad.json');
    const again = value(await handlers['import:packages']({ paths: [packages[0] ?? ''] }));
    expect(again.results[0]?.status).toBe('already-imported');
  });

  it('lists and shows the applications with rule results and hashed files', async () => {
    const list = value(await handlers['applications:list'](undefined));
    expect(list.map((row) => row.applicationId)).toEqual([...ids].sort());
    expect(list.every((row) => row.myStatus === 'not-started' && row.verdict !== null)).toBe(true);
    const detail = value(await handlers['applications:get']({ applicationId: ids[0] ?? '' }));
    expect(detail.package.applicationId).toBe(ids[0]);
    expect(detail.evaluation?.rules.map((rule) => rule.id)).toContain('R01');
    expect(detail.files.map((file) => file.path)).toEqual(expect.arrayContaining(['soknad.json', 'vedlegg/soknad.pdf']));
    expect(await handlers['applications:get']({ applicationId: 'NOT-THERE' })).toMatchObject({ ok: false, error: { code: 'application.not-found' } });
  });

  it('serves the bytes of a file in the package lock, and nothing else', async () => {
    const doc = value(await handlers['documents:read']({ applicationId: ids[0] ?? '', path: 'vedlegg/soknad.pdf' }));
    expect(doc.bytes).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(doc.bytes.subarray(0, 5))).toBe('%PDF-');
    expect(doc.mediaType).toBe('application/pdf');
    for (const path of ['../../workspace.json', '/etc/passwd', 'package.lock.json', 'vedlegg/../../../settings.json']) {
      const result = await handlers['documents:read']({ applicationId: ids[0] ?? '', path });
      expect(result, path).toMatchObject({ ok: false, error: { code: 'document.not-in-package' } });
    }
  });

  it('saves drafts, refuses a stale save, finalises only a complete assessment, and reopens with a reason', async () => {
    const applicationId = ids[0] ?? '';
    const blank = value(await handlers['assessment:get']({ applicationId }));
    expect(blank).toMatchObject({ version: 0, status: 'draft', assessor });
    const saved = value(await handlers['assessment:save']({ assessment: blank }));
    expect(saved.version).toBe(1);
    const stale = await handlers['assessment:save']({ assessment: blank });
    expect(stale).toMatchObject({ ok: false, error: { code: 'assessment.stale-version' } });
    const incomplete = await handlers['assessment:finalise']({ applicationId });
    expect(incomplete).toMatchObject({ ok: false, error: { code: 'assessment.incomplete' } });
    if (!incomplete.ok) expect(incomplete.error.message).toContain('habilitet');

    // A disqualified assessor records the recusal only: that is a complete assessment.
    const recusal: Assessment = {
      ...saved,
      impartiality: { declared: true, conflict: true, reason: 'Søster er prosjektleder', declaredAt: '2021-03-01T10:00:00+01:00' },
      recommendation: { decision: 'reject', amount: 0, comment: 'Inhabil' },
    };
    value(await handlers['assessment:save']({ assessment: recusal }));
    const final = value(await handlers['assessment:finalise']({ applicationId }));
    expect(final).toMatchObject({ status: 'final', version: 3 });
    expect(final.finalisedAt).toMatch(/[+-]\d{2}:\d{2}$/);
    expect(value(await handlers['applications:list'](undefined)).find((row) => row.applicationId === applicationId)?.myStatus).toBe('conflict');

    expect(await handlers['assessment:reopen']({ applicationId, reason: ' ' })).toMatchObject({ ok: false, error: { code: 'ipc.invalid-request' } });
    const reopened = value(await handlers['assessment:reopen']({ applicationId, reason: 'Feil i habilitetserklæringen' }));
    expect(reopened).toMatchObject({ status: 'draft', version: 4 });
    expect(reopened.reopenings.at(-1)?.reason).toBe('Feil i habilitetserklæringen');
  });

  it('restores a damaged assessment from history and tells the renderer', async () => {
    const applicationId = ids[0] ?? '';
    await writeFile(join(workspaceDir, 'assessments', assessor.id, `${applicationId}.json`), '{"formatVersion": 1, "trunc');
    events.length = 0;
    const restored = value(await handlers['assessment:get']({ applicationId }));
    expect(restored).toMatchObject({ status: 'draft', version: 4 });
    const notice = events.find((entry) => entry.event === 'assessment:recovered');
    expect(notice?.payload).toMatchObject({ applicationId, fromVersion: 4 });
    expect((notice?.payload as { message: { nb: string } }).message.nb).toContain('gjenopprettet');
  });

  it('refuses to save an assessment in another assessor’s name', async () => {
    const blank = value(await handlers['assessment:get']({ applicationId: ids[1] ?? '' }));
    const result = await handlers['assessment:save']({ assessment: { ...blank, assessor: { id: 'ola', name: 'Ola' } } });
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.invalid-request', subject: 'assessment.assessor' } });
  });

  it('verifies the audit log, and reports an edited one', async () => {
    const ok = value(await handlers['audit:verify'](undefined));
    expect(ok.intact).toBe(true);
    expect(ok.entries).toBeGreaterThanOrEqual(4);
    const logPath = join(workspaceDir, 'audit.log');
    const original = await readFile(logPath, 'utf8');
    await writeFile(logPath, original.replace('kari-nordmann', 'ola-nordmann'));
    const broken = value(await handlers['audit:verify'](undefined));
    expect(broken.intact).toBe(false);
    expect(broken.problem).toMatch(/^audit\.log line \d+: entry \d+ was changed after it was written/);
    // Both languages reach the renderer, which shows the user's (FinaliseTab); the line is named once, not twice.
    expect(broken.problemLocalized).toEqual({ nb: expect.stringMatching(/^audit\.log linje \d+: oppføring \d+ er endret etter at den ble skrevet/) as string, en: broken.problem });
    expect(ok.problemLocalized).toBeNull();
    await writeFile(logPath, original);
    // Records bound to the log: a package lock rewritten on disk no longer matches its package.import entry.
    const lockPath = join(workspaceDir, 'packages', ids[1] ?? '', 'package.lock.json');
    const lockText = await readFile(lockPath, 'utf8');
    await chmod(lockPath, 0o644);
    await writeFile(lockPath, lockText.replace(/"packageSha256": ?"[0-9a-f]{64}"/, `"packageSha256":"${'e'.repeat(64)}"`));
    const changed = value(await handlers['audit:verify'](undefined));
    expect(changed.intact).toBe(false);
    expect(changed.problemLocalized?.en).toBe(`${lockPath}: the package lock was changed outside Vurder (the audit log recorded package SHA-256 ${JSON.parse(lockText).packageSha256.slice(0, 16)} at import, the lock has eeeeeeeeeeeeeeee)`);
    await writeFile(lockPath, lockText);
    expect(value(await handlers['audit:verify'](undefined)).intact).toBe(true);
  });

  it('opens the workspace again in a fresh backend (app restart) with the same applications', async () => {
    // A temp file left by an autosave that was killed mid-write is removed when the workspace opens.
    const leftover = join(workspaceDir, 'assessments', assessor.id, `.${ids[0] ?? ''}.json.vurder-tmp-0123456789ab`);
    await writeFile(leftover, '{"half": ');
    const fresh = newHandlers();
    expect(value(await fresh['workspace:current'](undefined))).toBeNull();
    // Not chosen in this backend's dialogs, but in the recent list (written when it was created): granted.
    const summary = value(await fresh['workspace:open']({ dir: workspaceDir }));
    expect(summary.applicationCount).toBe(2);
    await expect(readFile(leftover)).rejects.toMatchObject({ code: 'ENOENT' });
    const sources = join(root, 'sources');
    expect(await fresh['workspace:open']({ dir: sources })).toMatchObject({ ok: false, error: { code: 'ipc.path-not-granted', subject: sources } });
    chosenDirectory = sources;
    value(await fresh['dialog:choose-directory']({ purpose: 'open-workspace' }));
    expect(await fresh['workspace:open']({ dir: sources })).toMatchObject({ ok: false, error: { code: 'workspace.not-found' } });
    chosenDirectory = join(root, 'chosen');
  });

  it('passes the dialogs through and keeps a cancelled one from being an error', async () => {
    expect(value(await handlers['dialog:choose-directory']({ purpose: 'open-workspace' }))).toBe(join(root, 'chosen'));
    expect(value(await handlers['dialog:choose-packages'](undefined))).toEqual(packages);
  });
});
