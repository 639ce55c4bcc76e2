// Destructive identity actions are confirmed in main (issue 8 point 5): creating or importing over a stored
// identity and removing it ask the Dialogs port; "no" refuses and leaves the stored identity as it was.
// Also: app:open-external goes through the shell's ExternalLinks port, and without one nothing opens.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackend } from '../../electron/services/backend/backend';
import { createFileSettingsStore } from '../../electron/services/backend/file-settings';
import { createIpcHandlers } from '../../electron/services/backend/handlers';
import type { IpcHandlers } from '../../electron/services/backend/handlers';
import { createNodeServices } from '../../electron/services/backend/node-services';
import type { ConfirmAction, ExternalLinks } from '../../electron/services/backend/ports';
import { createIdentity, writeIdentityP12 } from '../../electron/services/signing/identity';
import { aesGcmProtector } from '../e2e/test-protector';
import { tempDir } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
const protector = aesGcmProtector(Buffer.alloc(32, 7));

beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('identity-confirm'));
});
afterEach(() => cleanup());

function setUp(answers: boolean[], external?: ExternalLinks, files: string[][] = []): { handlers: IpcHandlers; asked: ConfirmAction[] } {
  const asked: ConfirmAction[] = [];
  const handlers = createIpcHandlers(
    createBackend({
      settings: createFileSettingsStore(join(dir, 'settings.json')),
      dialogs: {
        chooseDirectory: async () => null,
        choosePackages: async () => [],
        chooseFiles: async () => files.shift() ?? [],
        chooseSavePath: async () => null,
        confirm: async (action) => {
          asked.push(action);
          return answers.shift() ?? false;
        },
      },
      events: { emit: () => undefined },
      services: createNodeServices(),
      app: { name: 'Vurder', version: '0.1.0', transport: 'browser-bridge', platform: process.platform, versions: {} },
      signing: { identityDir: join(dir, 'identity'), protector },
      ...(external ? { external } : {}),
    }),
  );
  return { handlers, asked };
}

async function fingerprint(handlers: IpcHandlers): Promise<string | null> {
  const result = await handlers['identity:get'](undefined);
  if (!result.ok) throw new Error(result.error.message);
  return result.value?.fingerprint ?? null;
}

describe('identity confirmations in main', () => {
  it('the first identity is created without asking; a second one only after a yes', async () => {
    const { handlers, asked } = setUp([false, true]);
    expect((await handlers['identity:create']({ name: 'Kari Nordmann' })).ok).toBe(true);
    expect(asked).toEqual([]);
    const first = await fingerprint(handlers);

    const refused = await handlers['identity:create']({ name: 'Ola Nordmann' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'signing.not-confirmed' } });
    if (!refused.ok) expect(refused.error.localized?.en).toBe('the signing identity was not replaced (not confirmed)');
    expect(await fingerprint(handlers)).toBe(first);

    expect((await handlers['identity:create']({ name: 'Ola Nordmann' })).ok).toBe(true);
    expect(asked).toEqual(['identity-replace', 'identity-replace']);
    expect(await fingerprint(handlers)).not.toBe(first);
  });

  it('importing over a stored identity asks after the file opened; no keeps the old one', async () => {
    const p12 = join(dir, 'ola.p12');
    await writeIdentityP12(await createIdentity({ name: 'Ola Nordmann', keyType: 'P-256' }), p12, 'riktig passordfrase');
    const { handlers, asked } = setUp([false, true], undefined, [[p12]]);
    expect((await handlers['identity:create']({ name: 'Kari Nordmann' })).ok).toBe(true);
    const kari = await fingerprint(handlers);
    expect((await handlers['dialog:choose-files']({ purpose: 'identity' })).ok).toBe(true);
    // A wrong passphrase fails before anything is asked.
    expect(await handlers['identity:import']({ path: p12, passphrase: 'feil' })).toMatchObject({ ok: false, error: { code: 'signing.identity-unreadable' } });
    expect(asked).toEqual([]);
    expect(await handlers['identity:import']({ path: p12, passphrase: 'riktig passordfrase' })).toMatchObject({ ok: false, error: { code: 'signing.not-confirmed' } });
    expect(await fingerprint(handlers)).toBe(kari);
    expect(await handlers['identity:import']({ path: p12, passphrase: 'riktig passordfrase' })).toMatchObject({ ok: true, value: { subjectName: 'Ola Nordmann' } });
    expect(asked).toEqual(['identity-replace', 'identity-replace']);
  });

  it('remove asks; no keeps the identity, yes removes it; nothing stored → nothing to ask', async () => {
    const { handlers, asked } = setUp([false, true]);
    expect(await handlers['identity:remove'](undefined)).toEqual({ ok: true, value: null });
    expect(asked).toEqual([]);
    expect((await handlers['identity:create']({ name: 'Kari Nordmann' })).ok).toBe(true);
    expect(await handlers['identity:remove'](undefined)).toMatchObject({ ok: false, error: { code: 'signing.not-confirmed' } });
    expect(await fingerprint(handlers)).not.toBeNull();
    expect(await handlers['identity:remove'](undefined)).toEqual({ ok: true, value: null });
    expect(await fingerprint(handlers)).toBeNull();
    expect(asked).toEqual(['identity-remove', 'identity-remove']);
  });
});

describe('app:open-external', () => {
  it('is refused without a shell (browser bridge, CLI), naming the allowlist', async () => {
    const result = await setUp([]).handlers['app:open-external']({ url: 'https://www.imdi.no/' });
    expect(result).toMatchObject({ ok: false, error: { code: 'app.external-refused' } });
    if (!result.ok) expect(result.error.localized?.en).toContain('imdi.no, lovdata.no, regjeringen.no');
  });

  it('asks the shell’s policy, which decides', async () => {
    const asked: string[] = [];
    const external: ExternalLinks = {
      openFromRenderer: async (url) => {
        asked.push(url);
        return url.startsWith('https://www.imdi.no/');
      },
    };
    const { handlers } = setUp([], external);
    expect(await handlers['app:open-external']({ url: 'https://www.imdi.no/x' })).toEqual({ ok: true, value: null });
    expect(await handlers['app:open-external']({ url: 'https://evil.example/?q=secret' })).toMatchObject({ ok: false, error: { code: 'app.external-refused' } });
    expect(await handlers['app:open-external']({ url: 'x'.repeat(3000) })).toMatchObject({ ok: false, error: { code: 'ipc.invalid-request' } });
    expect(asked).toEqual(['https://www.imdi.no/x', 'https://evil.example/?q=secret']);
  });
});
