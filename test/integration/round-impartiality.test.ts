// The round-level impartiality declaration (issue 12 point 3) through the IPC handlers on a real workspace:
// it covers exactly the applications it lists, a blank assessment of a listed one starts declared (and is
// saved and signed like any per-application declaration), a conflict on one application still locks it, a
// package imported later is not covered, and the declaration is bound to the audit log.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAuditLog } from '../../electron/services/audit/audit-log';
import { createBackend } from '../../electron/services/backend/backend';
import { createFileSettingsStore } from '../../electron/services/backend/file-settings';
import type { IpcHandlers } from '../../electron/services/backend/handlers';
import { createIpcHandlers } from '../../electron/services/backend/handlers';
import { createNodeServices } from '../../electron/services/backend/node-services';
import { roundDeclarationFile } from '../../electron/services/store/round-impartiality';
import { sha256Hex } from '../../electron/services/hash/sha256';
import { fixturePackage, tempDir } from './helpers/workspace';

const ASSESSOR = { id: 'kari-nordmann', name: 'Kari Nordmann' };
let dir: string;
let cleanup: () => Promise<void>;
let handlers: IpcHandlers;

function value<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('round-impartiality'));
  const settings = createFileSettingsStore(join(dir, 'settings.json'));
  await settings.write({ ...(await settings.read()), assessor: ASSESSOR, firstRunDone: true });
  let next: string | null = join(dir, 'ws');
  handlers = createIpcHandlers(
    createBackend({
      settings,
      dialogs: { chooseDirectory: async () => next, choosePackages: async () => [], chooseFiles: async () => [], chooseSavePath: async () => null, confirm: async () => false },
      events: { emit: () => undefined },
      services: createNodeServices(),
      app: { name: 'Vurder', version: '0.1.0', transport: 'browser-bridge', platform: process.platform, versions: {} },
    }),
  );
  value(await handlers['dialog:choose-directory']({ purpose: 'create-workspace' }));
  next = null;
  value(await handlers['workspace:create']({ dir: join(dir, 'ws') }));
  value(await handlers['import:packages']({ paths: [fixturePackage('so1-asker-eligible'), fixturePackage('so3-kinn-eligible')] }));
});
afterAll(() => cleanup());

describe('round-level impartiality', () => {
  it('before a declaration a blank assessment has none', async () => {
    expect(value(await handlers['impartiality:round-get'](undefined))).toBeNull();
    expect(value(await handlers['assessment:get']({ applicationId: 'ASK-2021-001' })).impartiality).toBeNull();
  });

  it('refuses an application that is not imported, and writes nothing', async () => {
    const refused = await handlers['impartiality:round-declare']({ applicationIds: ['ASK-2021-001', 'NOPE-2021-9'] });
    expect(refused.ok).toBe(false);
    expect(value(await handlers['impartiality:round-get'](undefined))).toBeNull();
  });

  it('covers the listed applications: a blank assessment starts declared, without a conflict', async () => {
    const declared = value(await handlers['impartiality:round-declare']({ applicationIds: ['KIN-2021-003', 'ASK-2021-001'] }));
    expect(declared.applications.map((entry) => entry.applicationId)).toEqual(['ASK-2021-001', 'KIN-2021-003']);
    expect(declared.applications[0]?.applicantName).toMatch(/Asker/);
    const blank = value(await handlers['assessment:get']({ applicationId: 'KIN-2021-003' }));
    expect(blank.version).toBe(0);
    expect(blank.impartiality).toEqual({ declared: true, conflict: false, reason: '', declaredAt: declared.declaredAt });
    // Saved like any draft, the declaration is part of the assessment (and so of the signed PDF and exchange file).
    const saved = value(await handlers['assessment:save']({ assessment: blank }));
    expect(saved.impartiality?.declared).toBe(true);
  });

  it('a conflict on one application is declared there and locks it, whatever the round declaration says', async () => {
    const asker = value(await handlers['assessment:get']({ applicationId: 'ASK-2021-001' }));
    const conflict = { ...asker, impartiality: { declared: true as const, conflict: true, reason: 'Broren min leder prosjektet.', declaredAt: asker.impartiality?.declaredAt ?? '' } };
    const saved = value(await handlers['assessment:save']({ assessment: conflict }));
    expect(saved.impartiality?.conflict).toBe(true);
    expect(value(await handlers['assessment:get']({ applicationId: 'ASK-2021-001' })).impartiality?.conflict).toBe(true);
  });

  it('a package imported after the declaration is not covered', async () => {
    value(await handlers['import:packages']({ paths: [fixturePackage('so6-skien-eligible')] }));
    expect(value(await handlers['assessment:get']({ applicationId: 'SKI-2021-008' })).impartiality).toBeNull();
  });

  it('the declaration is recorded in the audit log with the file\'s SHA-256', async () => {
    const text = await readFile(roundDeclarationFile(join(dir, 'ws'), ASSESSOR.id), 'utf8');
    const entries = await readAuditLog(join(dir, 'ws'));
    const entry = entries.find((candidate) => candidate.action === 'impartiality.round');
    expect(entry?.data).toMatchObject({ sha256: sha256Hex(text), applications: ['ASK-2021-001', 'KIN-2021-003'] });
    expect(value(await handlers['audit:verify'](undefined)).intact).toBe(true);
  });
});
