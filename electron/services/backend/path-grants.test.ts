// Paths from the renderer: granted by a dialog (or the recent list), normalised lexically, refused otherwise
// with ipc.path-not-granted naming the path. Table tests on the registry, then the same through the handlers.
import { mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Channel } from '../../../shared/ipc/contract';
import { createBackend } from './backend';
import { createIpcHandlers } from './handlers';
import { createPathGrants, pathKey } from './path-grants';
import type { StoredSettings, WorkspaceServices } from './ports';

describe('createPathGrants', () => {
  const grants = createPathGrants({ platform: 'linux' });
  grants.grant('/home/kari/Vurder/runde-2021');
  grants.grant(['/home/kari/pakker/so1.zip', '/home/kari/pakker/so6.zip']);
  grants.grant(null);
  grants.grant([]);

  it.each([
    ['the exact path a dialog returned', '/home/kari/Vurder/runde-2021', true],
    ['with a trailing slash', '/home/kari/Vurder/runde-2021/', true],
    ['with . and repeated separators', '/home/kari/./Vurder//runde-2021', true],
    ['with a .. that resolves to it', '/home/kari/pakker/../Vurder/runde-2021', true],
    ['one of several chosen files', '/home/kari/pakker/so6.zip', true],
    ['a file inside a granted folder (grants are exact)', '/home/kari/Vurder/runde-2021/audit.log', false],
    ['the parent of a granted folder', '/home/kari/Vurder', false],
    ['a .. that climbs out of a granted folder', '/home/kari/Vurder/runde-2021/../../.ssh', false],
    ['a sibling with a common prefix', '/home/kari/Vurder/runde-2021-kopi', false],
    ['a different case on Linux (case-sensitive)', '/home/kari/vurder/runde-2021', false],
    ['a path never chosen', '/etc/passwd', false],
  ])('%s: %s → %s', (_what, path, expected) => {
    expect(grants.isGranted(path)).toBe(expected);
  });

  it('compares without case on Windows and macOS', () => {
    expect(pathKey('/Users/Kari/Vurder', 'darwin')).toBe(pathKey('/users/kari/vurder/', 'darwin'));
    expect(pathKey('/home/Kari', 'linux')).not.toBe(pathKey('/home/kari', 'linux'));
  });

  it('counts the extra paths it is given (the recent workspaces) as granted', () => {
    expect(grants.isGranted('/data/ws/', ['/data/ws'])).toBe(true);
    expect(grants.isGranted('/data/other', ['/data/ws'])).toBe(false);
  });

  it('refuses an ungranted path for a granted-only channel, naming the path in both languages', () => {
    let thrown: unknown;
    try {
      grants.require('export:run', '/tmp/evil', 'granted-only');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'ipc.path-not-granted', subject: '/tmp/evil' });
    const { localized } = thrown as { localized: { nb: string; en: string } };
    expect(localized.nb).toContain('«/tmp/evil»');
    expect(localized.en).toContain('"/tmp/evil"');
    expect(localized.en).toContain('export:run');
  });

  it('accepts an ungranted path where drops are allowed, and reports it', () => {
    const reported: [Channel, string][] = [];
    const withLog = createPathGrants({ platform: 'linux', onUngranted: (channel, path) => reported.push([channel, path]) });
    withLog.grant('/home/kari/valgt.zip');
    expect(withLog.require('import:packages', '/home/kari/sluppet.zip', 'dropped-allowed')).toBe('/home/kari/sluppet.zip');
    expect(withLog.require('import:packages', '/home/kari/valgt.zip', 'dropped-allowed')).toBe('/home/kari/valgt.zip');
    expect(reported).toEqual([['import:packages', '/home/kari/sluppet.zip']]);
  });
});

describe('symlinks are compared as paths, not followed', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'vurder-grants-'));
    await mkdir(join(root, 'real'));
    await symlink(join(root, 'real'), join(root, 'link'));
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('a link to a granted folder is not granted, and a granted link does not grant its target', () => {
    const grants = createPathGrants({ platform: 'linux' });
    grants.grant(join(root, 'real'));
    expect(grants.isGranted(join(root, 'link'))).toBe(false);
    const viaLink = createPathGrants({ platform: 'linux' });
    viaLink.grant(join(root, 'link'));
    expect(viaLink.isGranted(join(root, 'link'))).toBe(true);
    expect(viaLink.isGranted(join(root, 'real'))).toBe(false);
  });
});

describe('path-taking channels', () => {
  /** Records what reached the services; a refused path must never get this far. */
  const reached: string[] = [];
  const services: WorkspaceServices = {
    createWorkspace: async (dir) => {
      reached.push(`create ${dir}`);
      throw new Error('stop here');
    },
    openWorkspace: async (dir) => {
      reached.push(`open ${dir}`);
      throw new Error('stop here');
    },
    createDemo: async (dir) => {
      reached.push(`demo ${dir}`);
      throw new Error('stop here');
    },
    createPanel: async (dir) => {
      reached.push(`panel ${dir}`);
      throw new Error('stop here');
    },
    createDemoPanel: async (dir) => {
      reached.push(`demo panel ${dir}`);
      throw new Error('stop here');
    },
    directoryExists: async () => true,
  };
  let stored: StoredSettings = {
    language: 'nb',
    assessor: null,
    firstRunDone: true,
    recentWorkspaces: [{ dir: '/data/siste-runde', openedAt: '2021-03-01T10:00:00+01:00' }],
  };
  const ungranted: string[] = [];
  const directories: (string | null)[] = [];
  const handlers = createIpcHandlers(
    createBackend({
      settings: { read: async () => stored, write: async (next) => void (stored = next) },
      dialogs: {
        chooseDirectory: async () => directories.shift() ?? null,
        choosePackages: async () => [],
        chooseFiles: async () => ['/home/kari/valgt.p12'],
        chooseSavePath: async () => '/home/kari/kari.pem',
        confirm: async () => false,
      },
      events: { emit: () => undefined },
      services,
      app: { name: 'Vurder', version: '0.1.0', transport: 'browser-bridge', platform: 'linux', versions: {} },
      onUngrantedPath: (channel, path) => ungranted.push(`${channel} ${path}`),
    }),
  );

  it.each([
    ['workspace:create', { dir: '/tmp/fremmed' }, '/tmp/fremmed'],
    ['workspace:open', { dir: '/home/kari/.ssh' }, '/home/kari/.ssh'],
    ['demo:create', { dir: '/tmp/fremmed' }, '/tmp/fremmed'],
    ['panel:create', { dir: '/tmp/fremmed' }, '/tmp/fremmed'],
    ['panel:demo-create', { dir: '/tmp/fremmed' }, '/tmp/fremmed'],
    ['trust:add', { path: '/tmp/falsk.pem' }, '/tmp/falsk.pem'],
    ['export:run', { outDir: '/home/kari/.config/autostart' }, '/home/kari/.config/autostart'],
    ['identity:import', { path: '/tmp/annen.p12', passphrase: 'x' }, '/tmp/annen.p12'],
    ['identity:export-certificate', { path: '/home/kari/.bashrc' }, '/home/kari/.bashrc'],
    ['verify:file', { path: '/tmp/fil.pdf', trust: ['/tmp/falsk-ca.pem'] }, '/tmp/falsk-ca.pem'],
  ] as const)('%s refuses a path no dialog returned', async (channel, request, path) => {
    const result = await handlers[channel](request);
    expect(result).toMatchObject({ ok: false, error: { code: 'ipc.path-not-granted', subject: path } });
    expect(reached).toEqual([]);
  });

  it('lets a dialog-chosen folder through to the services (normalised), and a recent workspace', async () => {
    directories.push('/home/kari/Vurder/ny');
    expect(await handlers['dialog:choose-directory']({ purpose: 'create-workspace' })).toEqual({ ok: true, value: '/home/kari/Vurder/ny' });
    await handlers['workspace:create']({ dir: '/home/kari/Vurder/ny/' });
    await handlers['workspace:open']({ dir: '/data/siste-runde' });
    expect(reached).toEqual(['create /home/kari/Vurder/ny/', 'open /data/siste-runde']);
  });

  it('a cancelled dialog grants nothing', async () => {
    reached.length = 0;
    expect(await handlers['dialog:choose-directory']({ purpose: 'demo' })).toEqual({ ok: true, value: null });
    expect(await handlers['demo:create']({ dir: '/tmp/fremmed' })).toMatchObject({ ok: false, error: { code: 'ipc.path-not-granted' } });
    expect(reached).toEqual([]);
  });

  it('takes a dropped file to verify (reported), but not an ungranted trust anchor', async () => {
    const result = await handlers['verify:file']({ path: '/tmp/finnes-ikke/sluppet.pdf' });
    // Past the grant check: the file itself is missing, which the verifier reports in its own words.
    expect(result.ok ? 'ok' : result.error.code).not.toBe('ipc.path-not-granted');
    expect(ungranted).toContain('verify:file /tmp/finnes-ikke/sluppet.pdf');
  });
});
