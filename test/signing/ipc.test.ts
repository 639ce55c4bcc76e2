// The signing IPC channels through the real handlers, backend and services on a real workspace; only the
// transport is absent. The OS protector is a real AES-GCM encryption standing in for safeStorage.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName } from '../../shared/ipc/contract';
import { createBackend } from '../../electron/services/backend/backend';
import { createFileSettingsStore } from '../../electron/services/backend/file-settings';
import { createIpcHandlers } from '../../electron/services/backend/handlers';
import type { IpcHandlers } from '../../electron/services/backend/handlers';
import { createNodeServices } from '../../electron/services/backend/node-services';
import { importPackages } from '../../electron/services/import/import-packages';
import { saveAssessment } from '../../electron/services/store/assessment-store';
import { addTrustedCertificate } from '../../electron/services/trust/trust-list';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import { exampleAssessment } from '../integration/helpers/assessment';
import { fixturePackage } from '../integration/helpers/workspace';
import { aesGcmProtector } from '../e2e/test-protector';
import { run, tempDir } from './helpers';

const protector = aesGcmProtector(randomBytes(32));

let dir: string;
let cleanup: () => Promise<void>;
let handlers: IpcHandlers;
const chosen = { directories: [] as string[], files: [] as string[][], savePaths: [] as string[], confirms: [] as boolean[] };
const events: { event: EventName; payload: unknown }[] = [];

function value<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('ipc-signing'));
  const ws = await createWorkspace(join(dir, 'ws'));
  await importPackages(ws, [fixturePackage('so1-asker-eligible')]);
  await saveAssessment(ws, exampleAssessment());
  handlers = createIpcHandlers(
    createBackend({
      settings: createFileSettingsStore(join(dir, 'settings.json')),
      // The dialogs answer the paths the test then uses: they are granted as the person's choice.
      dialogs: {
        chooseDirectory: async () => chosen.directories.shift() ?? null,
        choosePackages: async () => [],
        chooseFiles: async () => chosen.files.shift() ?? [],
        chooseSavePath: async () => chosen.savePaths.shift() ?? null,
        confirm: async () => chosen.confirms.shift() ?? false,
      },
      events: { emit: (event, payload) => events.push({ event, payload }) },
      services: createNodeServices(),
      app: { name: 'Vurder', version: '0.1.0', transport: 'browser-bridge', platform: process.platform, versions: {} },
      signing: { identityDir: join(dir, 'identity'), protector },
    }),
  );
});
afterAll(() => cleanup());

describe('signing channels', () => {
  it('identity setup, export with progress events, verify — end to end', async () => {
    expect(value(await handlers['identity:get'](undefined))).toBeNull();
    chosen.directories.push(join(dir, 'out'), join(dir, 'ws'));
    value(await handlers['dialog:choose-directory']({ purpose: 'export' }));
    const refused = await handlers['export:run']({ outDir: join(dir, 'out') });
    expect(refused).toMatchObject({ ok: false, error: { code: 'workspace.none-open' } });

    const created = value(await handlers['identity:create']({ name: 'Kari Nordmann', email: 'kari.nordmann@imdi.no' }));
    expect(created).toMatchObject({ subjectName: 'Kari Nordmann', keyType: 'EC', selfSigned: true });
    expect(value(await handlers['identity:get'](undefined))?.fingerprint).toBe(created.fingerprint);

    value(await handlers['dialog:choose-directory']({ purpose: 'open-workspace' }));
    value(await handlers['workspace:open']({ dir: join(dir, 'ws') }));
    value(await handlers['settings:set']({ assessor: exampleAssessment().assessor }));
    const result = value(await handlers['export:run']({ outDir: join(dir, 'out') }));
    expect(result.pdfs.map((pdf) => pdf.applicationId)).toEqual(['ASK-2021-001']);
    const progress = events.filter((entry) => entry.event === 'export:progress').map((entry) => entry.payload as { done: number; total: number; exportId: string });
    expect(progress.map((entry) => `${entry.done}/${entry.total}`)).toEqual(['1/2', '2/2']);
    expect(progress.every((entry) => entry.exportId === result.exportId)).toBe(true);
    expect((await run('pdfsig', [result.pdfs[0]?.file ?? ''])).output).toContain('Signature is Valid');

    chosen.savePaths.push(join(dir, 'kari.pem'));
    value(await handlers['dialog:choose-save-path']({ purpose: 'certificate', defaultName: 'kari.pem' }));
    const certificate = value(await handlers['identity:export-certificate']({ path: join(dir, 'kari.pem') }));
    expect(certificate.fingerprint).toBe(created.fingerprint);
    chosen.files.push([join(dir, 'kari.pem')], [join(dir, 'kari.pem')]);
    value(await handlers['dialog:choose-files']({ purpose: 'trust' }));
    const report = value(await handlers['verify:file']({ path: result.exchangeFile, trust: [join(dir, 'kari.pem')] }));
    expect(report).toMatchObject({ kind: 'exchange', status: 'valid', trusted: true });
    const pdfReport = value(await handlers['verify:file']({ path: result.pdfs[0]?.file ?? '' }));
    expect(pdfReport).toMatchObject({ kind: 'pdf', status: 'unverified', trusted: null });
    // The open workspace's stored trust list is used without choosing a certificate (issue 9 point 1).
    expect(value(await handlers['trust:list'](undefined))).toEqual({ workspaceOpen: true, entries: [] });
    await addTrustedCertificate(join(dir, 'ws'), join(dir, 'kari.pem'), { actor: 'test' });
    expect(value(await handlers['trust:list'](undefined)).entries).toEqual([expect.objectContaining({ fingerprint: created.fingerprint, name: 'Kari Nordmann' })]);
    expect(value(await handlers['verify:file']({ path: result.pdfs[0]?.file ?? '' }))).toMatchObject({ kind: 'pdf', status: 'valid', trusted: true });

    value(await handlers['dialog:choose-files']({ purpose: 'identity' }));
    const wrong = await handlers['identity:import']({ path: join(dir, 'kari.pem'), passphrase: 'x' });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.message).toContain('kari.pem: kan ikke åpne identiteten');

    // Removing asks in main: no keeps the identity, yes removes it.
    chosen.confirms.push(false);
    expect(await handlers['identity:remove'](undefined)).toMatchObject({ ok: false, error: { code: 'signing.not-confirmed' } });
    expect(value(await handlers['identity:get'](undefined))?.fingerprint).toBe(created.fingerprint);
    chosen.confirms.push(true);
    expect(value(await handlers['identity:remove'](undefined))).toBeNull();
    expect(value(await handlers['identity:get'](undefined))).toBeNull();
  });
});
