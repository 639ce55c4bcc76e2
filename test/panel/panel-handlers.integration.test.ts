// The panel lead's IPC channels on the real services: a panel workspace made through 'panel:create', packages
// imported through 'import:packages', a certificate added through 'trust:add', exchange files made by the real
// export service merged through 'panel:merge', consensus and settings through their channels. Only the
// transport is absent.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/services/backend/backend';
import { createFileSettingsStore } from '../../electron/services/backend/file-settings';
import type { IpcHandlers } from '../../electron/services/backend/handlers';
import { createIpcHandlers } from '../../electron/services/backend/handlers';
import { createNodeServices } from '../../electron/services/backend/node-services';
import { certificateToPem } from '../../electron/services/signing/certificate';
import { fixturePackage } from '../integration/helpers/workspace';
import type { TestAssessor } from './helpers';
import { ASKER, assessorWorkspace, exportExchange, finalise, GOOD, hashTree, KINN, makeIdentity, PANEL_FIXTURES, SKIEN, tempDir } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
let handlers: IpcHandlers;
let kari: TestAssessor;
let ola: TestAssessor;
const files: Record<string, string> = {};
/** What the next dialog answers (the handlers then take those paths as the person's choice). */
let nextDirectory: string | null = null;
let nextFiles: string[] = [];

function value<T>(result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } }): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('panel-ipc'));
  [kari, ola] = await Promise.all([makeIdentity('Kari Nordmann'), makeIdentity('Ola Åsen')]);
  for (const who of [kari, ola]) {
    const ws = await assessorWorkspace(join(dir, who.assessor.id));
    for (const id of [ASKER, KINN, SKIEN]) await finalise(ws, who, id, who === kari ? GOOD : { ...GOOD, feasibility: 2, transferValue: 3 });
    files[who.assessor.id] = await exportExchange(ws, who, join(dir, `out-${who.assessor.id}`));
    const pem = join(dir, `${who.assessor.id}.pem`);
    await writeFile(pem, certificateToPem(who.identity.certificateDer));
    files[`${who.assessor.id}.pem`] = pem;
  }
  handlers = createIpcHandlers(
    createBackend({
      settings: createFileSettingsStore(join(dir, 'settings.json')),
      dialogs: {
        chooseDirectory: async () => nextDirectory,
        choosePackages: async () => PANEL_FIXTURES.map((name) => fixturePackage(name)),
        chooseFiles: async () => nextFiles,
        chooseSavePath: async () => null,
        confirm: async () => false,
      },
      events: { emit: () => undefined },
      services: createNodeServices(),
      app: { name: 'Vurder', version: '0.1.0', transport: 'browser-bridge', platform: process.platform, versions: {} },
    }),
  );
}, 120_000);
afterAll(() => cleanup());

describe('panel IPC channels on a real panel round', () => {
  const panelDir = () => join(dir, 'panel');

  it('creates a panel workspace whose summary says its role', async () => {
    nextDirectory = panelDir();
    value(await handlers['dialog:choose-directory']({ purpose: 'create-panel' }));
    const summary = value(await handlers['panel:create']({ dir: panelDir() }));
    expect(summary.role).toBe('panel');
    const paths = value(await handlers['dialog:choose-packages'](undefined));
    const imported = value(await handlers['import:packages']({ paths }));
    expect(imported.results.map((result) => result.status)).toEqual(['imported', 'imported', 'imported']);
  });

  it('refuses a file signed by someone not on the trust list, and changes nothing on disk', async () => {
    const before = await hashTree(panelDir());
    const result = value(await handlers['panel:merge']({ paths: [files['kari-nordmann'] ?? ''] }));
    expect(result.outcomes).toHaveLength(1);
    expect(result.outcomes[0]).toMatchObject({ status: 'refused', applicationIds: [] });
    expect(result.outcomes[0]?.message.nb).toMatch(/klarer|tillit|trust/i);
    expect(await hashTree(panelDir())).toBe(before);
  });

  it('adds both assessors to the trust list and merges their files; the same file twice changes nothing', async () => {
    nextFiles = [files['kari-nordmann.pem'] ?? '', files['ola-asen.pem'] ?? ''];
    const chosen = value(await handlers['dialog:choose-files']({ purpose: 'trust' }));
    for (const path of chosen) value(await handlers['trust:add']({ path }));
    expect(value(await handlers['trust:list'](undefined)).entries).toHaveLength(2);

    const merged = value(await handlers['panel:merge']({ paths: [files['kari-nordmann'] ?? '', files['ola-asen'] ?? ''] }));
    expect(merged.outcomes.map((outcome) => outcome.status)).toEqual(['merged', 'merged']);
    // Only the file's name reaches the screen, never the folder it came from.
    expect(merged.outcomes[0]?.file).not.toContain('/');
    const again = value(await handlers['panel:merge']({ paths: [files['kari-nordmann'] ?? ''] }));
    expect(again.outcomes.map((outcome) => outcome.status)).toEqual(['already-merged']);

    const snapshot = value(await handlers['panel:snapshot'](undefined));
    expect(snapshot.applications.map((application) => application.applicationId)).toEqual([ASKER, KINN, SKIEN]);
    expect(snapshot.assessors.map((assessor) => assessor.assessorId)).toEqual(['kari-nordmann', 'ola-asen']);
    // Kari 5 and Ola 2 on feasibility: a spread of 3 is flagged everywhere.
    expect(snapshot.applications.every((application) => application.flags.some((flag) => flag.kind === 'spread'))).toBe(true);
  });

  it('a tampered file is refused with one line and merges nothing', async () => {
    const text = await readFile(files['ola-asen'] ?? '', 'utf8');
    const tampered = join(dir, 'tampered.vurder.json');
    await writeFile(tampered, text.replace('"score": 2', '"score": 7'));
    const before = await hashTree(panelDir());
    const result = value(await handlers['panel:merge']({ paths: [tampered] }));
    expect(result.outcomes.map((outcome) => outcome.status)).toEqual(['refused']);
    expect(await hashTree(panelDir())).toBe(before);
  });

  it('refuses a consensus override with a short justification and saves nothing; a full one is stored', async () => {
    const before = await hashTree(panelDir());
    const short = await handlers['panel:consensus-set']({ change: { applicationId: ASKER, criteria: [{ criterionId: 'feasibility', score: 4, justification: 'For kort.' }] } });
    expect(short).toMatchObject({ ok: false, error: { code: 'consensus.invalid' } });
    expect(await hashTree(panelDir())).toBe(before);

    const justification = 'Panelet legger vekt på den detaljerte fremdriftsplanen og setter 4 etter samtale med begge.';
    const snapshot = value(await handlers['panel:consensus-set']({ change: { applicationId: ASKER, criteria: [{ criterionId: 'feasibility', score: 4, justification }] } }));
    const asker = snapshot.applications.find((application) => application.applicationId === ASKER);
    const feasibility = asker?.consensus.criteria.find((criterion) => criterion.criterionId === 'feasibility');
    expect(feasibility).toMatchObject({ value: 4, source: 'lead', justification });
  });

  it('releases a reserve through the settings and refuses a pool that does not exist', async () => {
    const released = value(await handlers['panel:settings-set']({ releasedReserves: ['so1'] }));
    expect(released.settings.releasedReserves).toEqual(['so1']);
    expect(await handlers['panel:settings-set']({ releasedReserves: ['so9'] })).toMatchObject({ ok: false });
    expect(value(await handlers['panel:snapshot'](undefined)).settings.releasedReserves).toEqual(['so1']);
  });

  it('an assessor workspace has no panel: the panel channels say so', async () => {
    nextDirectory = join(dir, 'assessor');
    value(await handlers['dialog:choose-directory']({ purpose: 'create-workspace' }));
    const summary = value(await handlers['workspace:create']({ dir: join(dir, 'assessor') }));
    expect(summary.role).toBe('assessor');
    expect(await handlers['panel:snapshot'](undefined)).toMatchObject({ ok: false, error: { code: 'panel.not-panel' } });
  });
});
