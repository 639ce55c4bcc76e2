// Playwright _electron smoke test of the real app: the window opens with its title, the preload exposes the
// contract, the page has no Node, and the app answers over IPC. Runs wherever an Electron binary exists;
// elsewhere it is skipped and says why (DESIGN.md §9). `npm run test:electron` builds first.
import { fileURLToPath } from 'node:url';
import { _electron as electron, expect, test } from '@playwright/test';
import { findElectronBinary } from './electron-binary';

const root = fileURLToPath(new URL('../../', import.meta.url));
const binary = findElectronBinary(process.env, root);
if (!binary.found) console.log(`[electron smoke] skipped: ${binary.reason}`);

test('the window opens with its title and a contract-only, Node-free page', async () => {
  test.skip(!binary.found, binary.found ? '' : binary.reason);
  if (!binary.found) return;
  const app = await electron.launch({
    executablePath: binary.path,
    // Root cannot use Chromium's sandbox on Linux CI; the app's own sandbox flags are still set per window.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), root],
    env: { ...process.env, VURDER_LOG_CONSOLE: '1' },
  });
  try {
    const win = await app.firstWindow();
    await win.waitForLoadState('domcontentloaded');
    await expect.poll(() => win.title()).toBe('Vurder');
    expect(win.url()).toBe('app://vurder/index.html');
    const page = await win.evaluate(async () => {
      const api = (window as unknown as { api: { invoke(channel: string): Promise<unknown> } }).api;
      return {
        keys: Object.keys(api).sort(),
        node: typeof (globalThis as { require?: unknown }).require,
        process: typeof (globalThis as { process?: unknown }).process,
        info: await api.invoke('app:info'),
      };
    });
    expect(page.keys).toEqual(['getPathForFile', 'invoke', 'on']);
    expect(page.node).toBe('undefined');
    expect(page.process).toBe('undefined');
    expect(page.info).toMatchObject({ ok: true, value: { name: 'Vurder', transport: 'electron' } });
    // Nothing in this test may reach the real system browser: main's shell.openExternal is replaced by a
    // recorder first (the shell calls it through the `shell` object, so it sees the replacement). Should the
    // binding refuse the replacement, only a reserved .invalid host (never a real page) is tried.
    const replaced = await app.evaluate(({ shell }) => {
      const opened: string[] = [];
      (globalThis as unknown as { __opened: string[] }).__opened = opened;
      try {
        shell.openExternal = async (url: string) => {
          opened.push(url);
        };
        return true;
      } catch {
        return false;
      }
    });
    const link = replaced ? 'https://www.imdi.no/' : 'https://example.invalid/';
    // Navigation away and new windows are refused by the shell and open nothing.
    const opened = await win.evaluate((url) => window.open(url) === null, link);
    expect(opened).toBe(true);
    await win.evaluate(() => {
      window.location.href = 'https://example.invalid/';
    });
    await expect.poll(() => win.url()).toBe('app://vurder/index.html');
    expect(app.windows()).toHaveLength(1);
    // A link request without a click just before is refused (docs/security.md § External links).
    const refused = await win.evaluate(async (url) => {
      const api = (window as unknown as { api: { invoke(channel: string, request: unknown): Promise<{ ok: boolean; error?: { code: string } }> } }).api;
      return api.invoke('app:open-external', { url });
    }, link);
    expect(refused).toMatchObject({ ok: false, error: { code: 'app.external-refused' } });
    expect(await app.evaluate(() => (globalThis as unknown as { __opened: string[] }).__opened)).toEqual([]);
  } finally {
    await app.close();
  }
});
