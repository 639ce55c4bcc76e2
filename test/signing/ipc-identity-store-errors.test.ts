// What the settings screen shows when the OS cannot protect the key or the stored identity cannot be
// unlocked: a signing error in both languages naming the identity folder — not "unexpected error".
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/services/backend/backend';
import { createFileSettingsStore } from '../../electron/services/backend/file-settings';
import { createIpcHandlers } from '../../electron/services/backend/handlers';
import type { IpcHandlers } from '../../electron/services/backend/handlers';
import { createNodeServices } from '../../electron/services/backend/node-services';
import type { SecretProtector } from '../../electron/services/signing/identity-store';
import { tempDir } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('ipc-store-errors'));
});
afterEach(() => cleanup());

function handlersWith(protector: SecretProtector): IpcHandlers {
  return createIpcHandlers(
    createBackend({
      settings: createFileSettingsStore(join(dir, 'settings.json')),
      dialogs: { chooseDirectory: async () => null, choosePackages: async () => [], chooseFiles: async () => [], chooseSavePath: async () => null, confirm: async () => true },
      events: { emit: () => undefined },
      services: createNodeServices(),
      app: { name: 'Vurder', version: '0.1.0', transport: 'browser-bridge', platform: process.platform, versions: {} },
      signing: { identityDir: join(dir, 'identity'), protector },
    }),
  );
}

/** Reversible but real enough for the store: the point here is what happens when it refuses. */
const reversible: SecretProtector = {
  isAvailable: async () => true,
  encrypt: async (plain) => new TextEncoder().encode([...plain].reverse().join('')),
  decrypt: async (cipher) => [...new TextDecoder().decode(cipher)].reverse().join(''),
};

describe('identity store refusals over IPC', () => {
  it('no OS protection: create is refused in nb and en, naming the folder', async () => {
    const handlers = handlersWith({ ...reversible, isAvailable: async () => false });
    const result = await handlers['identity:create']({ name: 'Øyvind Ærø Åsen' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('signing.identity-store');
    expect(result.error.localized?.nb).toBe(`${join(dir, 'identity')}: operativsystemet kan ikke beskytte nøkkelen; bruk en passordbeskyttet PKCS#12-fil i stedet`);
    expect(result.error.localized?.en).toContain('the operating system cannot protect the key');
  });

  it('a stored identity that cannot be unlocked: identity:get says so instead of failing unexpectedly', async () => {
    expect((await handlersWith(reversible)['identity:create']({ name: 'Kari Nordmann' })).ok).toBe(true);
    const locked = handlersWith({
      ...reversible,
      decrypt: () => {
        throw new Error('key not available');
      },
    });
    const result = await locked['identity:get'](undefined);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('signing.identity-store');
    expect(result.error.message).toContain('den lagrede identiteten kan ikke låses opp');
    // Removing it is still possible, so the person can start again.
    expect(await locked['identity:remove'](undefined)).toEqual({ ok: true, value: null });
    expect(await locked['identity:get'](undefined)).toEqual({ ok: true, value: null });
  });
});
