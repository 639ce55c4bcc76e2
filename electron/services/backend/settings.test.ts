// The settings channels and request validation, on a real settings file in a temp folder.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from './backend';
import { createFileSettingsStore } from './file-settings';
import { createIpcHandlers, dispatch } from './handlers';
import type { WorkspaceServices } from './ports';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vurder-settings-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Services are not reached by these tests; reaching them is a failure of the test. */
const unreachable = (): never => {
  throw new Error('the workspace services must not be reached here');
};
const noServices: WorkspaceServices = {
  createWorkspace: unreachable,
  openWorkspace: unreachable,
  createDemo: unreachable,
  createPanel: unreachable,
  createDemoPanel: unreachable,
  directoryExists: unreachable,
};

function setup(settingsPath = join(dir, 'settings.json')) {
  const backend = createBackend({
    settings: createFileSettingsStore(settingsPath),
    dialogs: { chooseDirectory: async () => null, choosePackages: async () => [], chooseFiles: async () => [], chooseSavePath: async () => null, confirm: async () => false },
    events: { emit: () => undefined },
    services: noServices,
    app: { name: 'Vurder', version: '0.1.0', transport: 'browser-bridge', platform: 'linux', versions: {} },
  });
  return createIpcHandlers(backend);
}

describe('settings over the IPC handlers', () => {
  it('starts with defaults and persists a change to the file', async () => {
    const handlers = setup();
    expect(await handlers['settings:get'](undefined)).toEqual({
      ok: true,
      value: { language: 'nb', assessor: null, firstRunDone: false },
    });
    const assessor = { id: 'kari-nordmann', name: 'Kari Nordmann' };
    const set = await handlers['settings:set']({ language: 'en', assessor });
    expect(set).toEqual({ ok: true, value: { language: 'en', assessor, firstRunDone: false } });
    const stored = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8')) as Record<string, unknown>;
    expect(stored).toMatchObject({ language: 'en', assessor, recentWorkspaces: [] });
    // A second backend on the same file sees the change.
    expect(await setup()['settings:get'](undefined)).toMatchObject({ ok: true, value: { language: 'en', assessor } });
  });

  it('does not lose one of two quick changes', async () => {
    const handlers = setup();
    await Promise.all([handlers['settings:set']({ language: 'en' }), handlers['settings:set']({ firstRunDone: true })]);
    expect(await handlers['settings:get'](undefined)).toMatchObject({ ok: true, value: { language: 'en', firstRunDone: true } });
  });

  it('falls back to defaults field by field for a damaged value', async () => {
    const path = join(dir, 'settings.json');
    await writeFile(path, JSON.stringify({ language: 'de', assessor: { id: 'Bad Id', name: '' }, firstRunDone: true }));
    expect(await setup(path)['settings:get'](undefined)).toEqual({
      ok: true,
      value: { language: 'nb', assessor: null, firstRunDone: true },
    });
  });

  it('names the settings file when it is not JSON', async () => {
    const path = join(dir, 'settings.json');
    await writeFile(path, '{not json');
    const result = await setup(path)['settings:get'](undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'settings.unreadable', subject: path } });
  });

  it.each([
    ['settings:set', { language: 'de' }, 'language'],
    ['settings:set', { theme: 'dark' }, '(root)'],
    ['workspace:open', { dir: 'relative/path' }, 'dir'],
    ['workspace:open', undefined, '(root)'],
    ['applications:get', { applicationId: '../../etc' }, 'applicationId'],
    ['app:info', { unexpected: true }, '(root)'],
  ] as const)('refuses %s %j naming the field %s', async (channel, request, field) => {
    const result = await dispatch(setup(), channel, request);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('ipc.invalid-request');
    expect(result.error.message).toContain(channel);
    expect(result.error.localized?.en).toContain(`${field}`);
    expect(result.error.message).not.toContain('\n');
  });

  it.each(['no:such', '__proto__', 'toString', 42, null])('refuses the unknown channel %j', async (channel) => {
    const result = await dispatch(setup(), channel, undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.unknown-channel' } });
  });

  it('says a workspace must be open before listing applications', async () => {
    const result = await setup()['applications:list'](undefined);
    expect(result).toMatchObject({ ok: false, error: { code: 'workspace.none-open' } });
    expect(await setup()['workspace:current'](undefined)).toEqual({ ok: true, value: null });
  });

  it('answers app:info with the injected identity', async () => {
    expect(await setup()['app:info'](undefined)).toMatchObject({ ok: true, value: { name: 'Vurder', transport: 'browser-bridge' } });
  });
});

describe('events leaving main', () => {
  it('are stripped to the contract shape, and a wrong shape fails loudly instead of reaching the page', () => {
    const sent: unknown[] = [];
    const backend = createBackend({
      settings: createFileSettingsStore(join(dir, 'settings.json')),
      dialogs: { chooseDirectory: async () => null, choosePackages: async () => [], chooseFiles: async () => [], chooseSavePath: async () => null, confirm: async () => false },
      events: { emit: (_event, payload) => sent.push(payload) },
      services: noServices,
      app: { name: 'Vurder', version: '0.1.0', transport: 'browser-bridge', platform: 'linux', versions: {} },
    });
    const step = { importId: 'i', index: 0, total: 1, source: '/a.zip', phase: 'started' as const };
    backend.events.emit('import:progress', { ...step, secret: '/home/x/.ssh/id_rsa' } as typeof step);
    expect(sent).toEqual([step]);
    expect(() => backend.events.emit('menu:command', 'format-disk' as 'about')).toThrow(expect.objectContaining({ code: 'ipc.invalid-response' }) as Error);
    expect(sent).toHaveLength(1);
  });
});
