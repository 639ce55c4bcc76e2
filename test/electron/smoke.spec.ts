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
    // Navigation away and new windows are refused by the shell.
    const opened = await win.evaluate(() => window.open('https://www.imdi.no/') === null);
    expect(opened).toBe(true);
    await win.evaluate(() => {
      window.location.href = 'https://evil.example/';
    });
    await expect.poll(() => win.url()).toBe('app://vurder/index.html');
    expect(app.windows()).toHaveLength(1);
  } finally {
    await app.close();
  }
});
