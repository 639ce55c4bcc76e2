// The browser bridge (DESIGN.md §9): `window.api` in Debian's Chromium, wired to the real services in the
// test process. One `page.exposeFunction` binding per contract channel calls the SAME createIpcHandlers the
// Electron shell uses; an init script builds `window.api` with the same shape the preload exposes.
// Only the transport differs: bytes travel as base64, events are pushed with page.evaluate.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import type { Page } from '@playwright/test';
import { CHANNELS } from '../../shared/ipc/contract';
import type { Channel, EventName, EventPayloadOf } from '../../shared/ipc/contract';
import type { Backend } from '../../electron/services/backend/backend';
import { createBackend } from '../../electron/services/backend/backend';
import { createFileSettingsStore } from '../../electron/services/backend/file-settings';
import type { IpcHandlers } from '../../electron/services/backend/handlers';
import { createIpcHandlers } from '../../electron/services/backend/handlers';
import type { ConfirmAction, Dialogs, DirectoryPurpose, FilePurpose, SavePurpose, StoredSettings, WorkspaceServices } from '../../electron/services/backend/ports';
import { createNodeServices } from '../../electron/services/backend/node-services';
import { fileKeyProtector } from './test-protector';

/** The marker a Uint8Array is replaced with on its way into the page. */
const BYTES_KEY = '__vurderBytes';

export function bindingName(channel: Channel): string {
  return `__vurder_${channel.replace(/[^a-z0-9]/g, '_')}`;
}

/** Replaces every Uint8Array (Buffer included) with {__vurderBytes: base64}; the init script reverses it. */
export function encodeForPage(value: unknown): unknown {
  if (value instanceof Uint8Array) return { [BYTES_KEY]: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  if (Array.isArray(value)) return value.map(encodeForPage);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, encodeForPage(inner)]));
  }
  return value;
}

/** Dialog answers a test queues up; a dialog with nothing queued behaves as if the user cancelled. */
export class ScriptedDialogs implements Dialogs {
  private readonly directories: (string | null)[] = [];
  private readonly packages: string[][] = [];
  private readonly files: string[][] = [];
  private readonly savePaths: (string | null)[] = [];
  private readonly confirmations: boolean[] = [];
  /** Every dialog that was opened, in order (tests assert on the purpose). */
  readonly opened: (DirectoryPurpose | 'packages' | `files:${FilePurpose}` | `save:${SavePurpose}` | `confirm:${ConfirmAction}`)[] = [];

  answerDirectory(path: string | null): this {
    this.directories.push(path);
    return this;
  }

  answerPackages(paths: string[]): this {
    this.packages.push(paths);
    return this;
  }

  answerFiles(paths: string[]): this {
    this.files.push(paths);
    return this;
  }

  /** The answer to the next confirmation main asks for (identity replace/remove); unanswered is no. */
  answerConfirm(yes: boolean): this {
    this.confirmations.push(yes);
    return this;
  }

  answerSavePath(path: string | null): this {
    this.savePaths.push(path);
    return this;
  }

  async chooseDirectory(purpose: DirectoryPurpose): Promise<string | null> {
    this.opened.push(purpose);
    return this.directories.shift() ?? null;
  }

  async choosePackages(): Promise<string[]> {
    this.opened.push('packages');
    return this.packages.shift() ?? [];
  }

  async chooseFiles(purpose: FilePurpose): Promise<string[]> {
    this.opened.push(`files:${purpose}`);
    return this.files.shift() ?? [];
  }

  async chooseSavePath(purpose: SavePurpose, _defaultName: string): Promise<string | null> {
    this.opened.push(`save:${purpose}`);
    return this.savePaths.shift() ?? null;
  }

  async confirm(action: ConfirmAction): Promise<boolean> {
    this.opened.push(`confirm:${action}`);
    return this.confirmations.shift() ?? false;
  }
}

export interface BridgeOptions {
  /** Folder for settings and anything the test makes; a fresh temp folder by default (removed by dispose). */
  root?: string;
  /** Settings to start with (written to the settings file before the page loads). */
  settings?: Partial<StoredSettings>;
  /** Where dropped files live: getPathForFile(file) answers join(dropRoot, file.name). */
  dropRoot?: string;
  /** The real Node services by default. */
  services?: WorkspaceServices;
}

export interface Bridge {
  readonly root: string;
  readonly settingsPath: string;
  readonly dialogs: ScriptedDialogs;
  readonly backend: Backend;
  readonly handlers: IpcHandlers;
  /** Events delivered to the page, in order (for assertions). */
  readonly emitted: { event: EventName; payload: unknown }[];
  /** Failures to deliver an event (the page navigated away, …); a test may assert this is empty. */
  readonly eventErrors: string[];
  dispose(): Promise<void>;
}

/** Builds window.api in the page. Serialised into the page by addInitScript: it must not close over anything. */
function pageInit(args: { channels: readonly string[]; bindings: Record<string, string>; dropRoot: string; bytesKey: string }): void {
  type Listener = (payload: unknown) => void;
  const listeners = new Map<string, Set<Listener>>();
  const host = window as unknown as Record<string, unknown>;
  const decode = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(decode);
    if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      const base64 = record[args.bytesKey];
      if (typeof base64 === 'string' && Object.keys(record).length === 1) {
        return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
      }
      return Object.fromEntries(Object.entries(record).map(([key, inner]) => [key, decode(inner)]));
    }
    return value;
  };
  const api = Object.freeze({
    invoke(channel: string, request?: unknown): Promise<unknown> {
      const binding = Object.hasOwn(args.bindings, channel) ? args.bindings[channel] : undefined;
      const call = binding === undefined ? undefined : host[binding];
      if (typeof call !== 'function') {
        return Promise.resolve({ ok: false, error: { code: 'ipc.unknown-channel', message: `unknown channel "${channel}"` } });
      }
      return (call as (request: unknown) => Promise<unknown>)(request).then(decode);
    },
    on(event: string, listener: Listener): () => void {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener);
      listeners.set(event, set);
      return () => {
        set.delete(listener);
      };
    },
    getPathForFile(file: { name: string }): string {
      return args.dropRoot === '' ? '' : `${args.dropRoot.replace(/\/$/, '')}/${file.name}`;
    },
  });
  Object.defineProperty(window, 'api', { value: api, writable: false, configurable: false, enumerable: true });
  Object.defineProperty(window, '__vurderEmit', {
    value: (event: string, payload: unknown) => {
      for (const listener of listeners.get(event) ?? []) listener(payload);
    },
    writable: false,
    configurable: false,
  });
}

/**
 * Installs window.api on `page` before its first navigation. Call it, then `page.goto(...)`.
 * Every call runs the real handlers on the real services in this (the test) process.
 */
export async function installBridge(page: Page, options: BridgeOptions = {}): Promise<Bridge> {
  const ownRoot = options.root === undefined;
  const root = options.root ?? (await mkdtemp(join(tmpdir(), 'vurder-bridge-')));
  await mkdir(root, { recursive: true });
  const settingsPath = join(root, 'settings.json');
  const settingsStore = createFileSettingsStore(settingsPath);
  if (options.settings !== undefined) {
    await settingsStore.write({ ...(await settingsStore.read()), ...options.settings });
  }
  const dialogs = new ScriptedDialogs();
  const emitted: Bridge['emitted'] = [];
  const eventErrors: string[] = [];
  const backend = createBackend({
    settings: settingsStore,
    dialogs,
    events: {
      emit<E extends EventName>(event: E, payload: EventPayloadOf<E>) {
        emitted.push({ event, payload });
        page
          .evaluate(([name, data]) => {
            (window as unknown as { __vurderEmit(event: string, payload: unknown): void }).__vurderEmit(name, data);
          }, [event, encodeForPage(payload)] as const)
          .catch((error: unknown) => {
            eventErrors.push(`${event}: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}`);
          });
      },
    },
    services: options.services ?? createNodeServices(),
    // The identity lives under root; an AES key file there stands in for safeStorage (test-protector.ts).
    signing: { identityDir: join(root, 'identity'), protector: await fileKeyProtector(join(root, 'identity-protector.key')) },
    app: {
      name: 'Vurder',
      version: process.env.npm_package_version ?? '0.1.0',
      transport: 'browser-bridge',
      platform: process.platform,
      versions: { node: process.versions.node },
    },
  });
  const handlers = createIpcHandlers(backend);
  const bindings: Record<string, string> = {};
  for (const channel of CHANNELS) {
    bindings[channel] = bindingName(channel);
    await page.exposeFunction(bindingName(channel), async (request: unknown) =>
      encodeForPage(await (handlers[channel] as (request: unknown) => Promise<unknown>)(request)),
    );
  }
  await page.addInitScript(pageInit, { channels: CHANNELS, bindings, dropRoot: options.dropRoot ?? '', bytesKey: BYTES_KEY });
  return {
    root,
    settingsPath,
    dialogs,
    backend,
    handlers,
    emitted,
    eventErrors,
    async dispose() {
      if (ownRoot) await rm(root, { recursive: true, force: true });
    },
  };
}

/**
 * A Playwright `test` with the bridge installed automatically on every page fixture (before navigation).
 * Per-file options: `test.use({ bridgeOptions: { settings: {...}, dropRoot } })`.
 */
export const test = base.extend<{ bridgeOptions: BridgeOptions; bridge: Bridge }>({
  bridgeOptions: [{}, { option: true }],
  bridge: [
    async ({ page, bridgeOptions }, use) => {
      const bridge = await installBridge(page, bridgeOptions);
      await use(bridge);
      await bridge.dispose();
    },
    { auto: true },
  ],
});

export { expect } from '@playwright/test';
