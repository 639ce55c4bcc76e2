// The real preload bundle (built by scripts/build-shell.mjs), run in a VM context the way Electron's sandbox
// runs it: only `require('electron')` is available. Electron itself cannot start here, so contextBridge,
// ipcRenderer and webUtils are recorders; what is under test is the preload's own code.
import { execFileSync } from 'node:child_process';
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, EVENTS } from '../../shared/ipc/contract';

let outdir: string;
let source: string;

beforeAll(async () => {
  outdir = await mkdtemp(join(tmpdir(), 'vurder-shell-'));
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-shell.mjs', '--outdir', outdir], { stdio: 'pipe' });
  source = await readFile(join(outdir, 'preload.cjs'), 'utf8');
}, 120_000);

afterAll(async () => {
  await rm(outdir, { recursive: true, force: true });
});

interface Recorded {
  exposed: Map<string, Record<string, (...args: unknown[]) => unknown>>;
  invoked: unknown[][];
  listeners: Map<string, Set<(...args: unknown[]) => void>>;
  required: string[];
}

function runPreload(): Recorded {
  const recorded: Recorded = { exposed: new Map(), invoked: [], listeners: new Map(), required: [] };
  const electron = {
    contextBridge: { exposeInMainWorld: (key: string, value: Record<string, (...args: unknown[]) => unknown>) => recorded.exposed.set(key, value) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        recorded.invoked.push(args);
        return Promise.resolve({ ok: true, value: 'from main' });
      },
      on: (event: string, listener: (...args: unknown[]) => void) => {
        const set = recorded.listeners.get(event) ?? new Set();
        set.add(listener);
        recorded.listeners.set(event, set);
      },
      removeListener: (event: string, listener: (...args: unknown[]) => void) => recorded.listeners.get(event)?.delete(listener),
    },
    webUtils: { getPathForFile: (file: { name: string }) => `/dropped/${file.name}` },
  };
  const module = { exports: {} };
  runInNewContext(source, {
    module,
    exports: module.exports,
    require: (name: string) => {
      recorded.required.push(name);
      if (name === 'electron') return electron;
      throw new Error(`a sandboxed preload cannot require "${name}"`);
    },
  });
  return recorded;
}

describe('preload bundle', () => {
  it('requires nothing but electron and stays small (no zod, no schemas)', () => {
    expect(runPreload().required).toEqual(['electron']);
    expect(source.length).toBeLessThan(20_000);
    expect(source).not.toContain('ZodObject');
  });

  it('exposes exactly window.api with invoke, on and getPathForFile', () => {
    const { exposed } = runPreload();
    expect([...exposed.keys()]).toEqual(['api']);
    expect(Object.keys(exposed.get('api') ?? {}).sort()).toEqual(['getPathForFile', 'invoke', 'on']);
  });

  it('forwards every contract channel and refuses any other before it reaches ipcRenderer', async () => {
    const recorded = runPreload();
    const api = recorded.exposed.get('api') ?? {};
    for (const channel of CHANNELS) {
      await expect(api.invoke?.(channel, { probe: channel })).resolves.toEqual({ ok: true, value: 'from main' });
    }
    expect(recorded.invoked).toEqual(CHANNELS.map((channel) => [channel, { probe: channel }]));
    for (const channel of ['fs:write', 'toString', '__proto__', 'import:progress', 'ELECTRON_BROWSER_REQUIRE']) {
      await expect(api.invoke?.(channel)).resolves.toMatchObject({ ok: false, error: { code: 'ipc.unknown-channel' } });
    }
    expect(recorded.invoked).toHaveLength(CHANNELS.length);
  });

  it('delivers only the payload of contract events, and unsubscribes', () => {
    const recorded = runPreload();
    const api = recorded.exposed.get('api') ?? {};
    const received: unknown[] = [];
    const off = api.on?.('import:progress', (payload: unknown) => received.push(payload)) as () => void;
    expect(api.on?.('workspace:open', () => undefined)).toBeTypeOf('function');
    expect(recorded.listeners.has('workspace:open')).toBe(false);
    for (const listener of recorded.listeners.get('import:progress') ?? []) listener({ sender: 'secret' }, { phase: 'started' });
    expect(received).toEqual([{ phase: 'started' }]);
    off();
    expect(recorded.listeners.get('import:progress')?.size).toBe(0);
    expect(EVENTS).toContain('import:progress');
  });

  it('gets the path of a dropped file from webUtils', () => {
    const api = runPreload().exposed.get('api') ?? {};
    expect(api.getPathForFile?.({ name: 'pakke.zip', size: 1 })).toBe('/dropped/pakke.zip');
  });
});

describe('main bundle', () => {
  it('imports only Node built-ins, electron and production dependencies (what electron-builder packs)', async () => {
    const main = await readFile(join(outdir, 'main.mjs'), 'utf8');
    const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
    const specifiers = new Set([...main.matchAll(/^import\s[^;]*?from\s*"([^"]+)";/gm)].map((match) => match[1] ?? ''));
    expect(specifiers.size).toBeGreaterThan(3);
    const builtins = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));
    for (const specifier of specifiers) {
      const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : (specifier.split('/')[0] ?? '');
      if (builtins.has(specifier) || name === 'electron') continue;
      expect(Object.keys(pkg.dependencies), specifier).toContain(name);
    }
  });

  it('sits where the services\' ../../../resources/ still finds the scheme and demo data', async () => {
    const mainUrl = pathToFileURL(join(process.cwd(), 'dist', 'electron', 'shell', 'main.mjs'));
    const schemes = new URL('../../../resources/schemes/imdi-kommunale-integreringstiltak-2021.json', mainUrl);
    await expect(access(schemes)).resolves.toBeUndefined();
    const source = await readFile(new URL('../../scripts/build-shell.mjs', import.meta.url), 'utf8');
    expect(source).toContain('dist/electron/shell');
  });
});
