// `npm run preview:chromium`: the real UI in Debian's Chromium with the real services bridged, for people
// without Electron. Same bridge as the e2e tests (test/e2e/bridge.ts); native dialogs become terminal prompts.
// Options (environment): VURDER_PREVIEW_HOME (settings and new workspaces, default ~/.vurder-preview),
// VURDER_DROP_ROOT (folder that dropped files are taken from), CHROMIUM_PATH, PREVIEW_SMOKE=1 (headless: load
// the start screen, print what it shows, exit — for CI and machines without a display).
import { mkdir } from 'node:fs/promises';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { chromium } from '@playwright/test';
import { preview } from 'vite';
import { installBridge } from './bridge';
import { FIXTURES } from './support';

const repo = resolve(import.meta.dirname, '..', '..');
const home = process.env.VURDER_PREVIEW_HOME ?? join(homedir(), '.vurder-preview');
const smoke = process.env.PREVIEW_SMOKE === '1';

async function ask(question: string, fallback: string): Promise<string> {
  if (smoke || !process.stdin.isTTY) return fallback;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = (await rl.question(`${question}\n  [Enter = ${fallback === '' ? 'avbryt / cancel' : fallback}] > `)).trim();
    return answer === '' ? fallback : answer;
  } finally {
    rl.close();
  }
}

async function main(): Promise<number> {
  if (!smoke && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    process.stderr.write('preview:chromium: no display (DISPLAY is unset). Run it under `xvfb-run` or on a desktop, or set PREVIEW_SMOKE=1.\n');
    return 2;
  }
  await mkdir(home, { recursive: true });
  const server = await preview({
    configFile: join(repo, 'renderer', 'vite.config.ts'),
    preview: { port: 4319, strictPort: false, host: '127.0.0.1' },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (url === undefined) throw new Error('vite preview did not report a URL');
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: smoke,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ locale: 'nb-NO', timezoneId: 'Europe/Oslo', viewport: null });
  // tsx (esbuild keepNames) wraps functions in __name(); the bridge's init script is serialised into the page,
  // where that helper does not exist. Give the page a no-op one first.
  await page.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((fn) => fn);' });
  const bridge = await installBridge(page, { root: home, dropRoot: process.env.VURDER_DROP_ROOT ?? '' });
  // Native dialogs do not exist in a plain browser: ask in the terminal instead.
  let created = 0;
  bridge.dialogs.chooseDirectory = async (purpose) => {
    created += 1;
    const fallback = purpose === 'open-workspace' ? '' : join(home, `${purpose}-${Date.now()}-${created}`);
    const answer = await ask(`Vurder ber om en mappe (${purpose}) / asks for a folder:`, fallback);
    return answer === '' ? null : isAbsolute(answer) ? answer : resolve(answer);
  };
  bridge.dialogs.choosePackages = async () => {
    const answer = await ask('Pakker å importere (stier skilt med komma) / packages to import (comma-separated paths):', join(FIXTURES, 'so1-asker-eligible'));
    return answer === '' ? [] : answer.split(',').map((part) => resolve(part.trim()));
  };
  bridge.dialogs.chooseFiles = async (purpose) => {
    const answer = await ask(`Vurder ber om fil(er) (${purpose}, skilt med komma) / asks for file(s) (comma-separated):`, '');
    return answer === '' ? [] : answer.split(',').map((part) => resolve(part.trim()));
  };
  bridge.dialogs.chooseSavePath = async (purpose, defaultName) => {
    const answer = await ask(`Vurder vil lagre en fil (${purpose}) / wants to save a file:`, join(home, defaultName));
    return answer === '' ? null : resolve(answer);
  };
  bridge.dialogs.confirm = async (action) => {
    const answer = await ask(`Vurder ber deg bekrefte (${action}): ja/nei / asks you to confirm (${action}): yes/no:`, 'nei');
    return /^(ja|j|yes|y)$/i.test(answer.trim());
  };
  await page.goto(url);
  if (smoke) {
    const heading = await page.getByRole('heading', { level: 1 }).first().textContent({ timeout: 15_000 });
    const transport = await page.evaluate(async () => {
      const api = (window as unknown as { api?: { invoke(channel: string): Promise<{ ok: boolean; value?: { transport: string }; error?: { message: string } }> } }).api;
      const info = await api?.invoke('app:info');
      return info === undefined ? 'window.api missing' : info.ok ? (info.value?.transport ?? '') : `error: ${info.error?.message ?? ''}`;
    });
    process.stdout.write(`preview:chromium smoke: ${url} shows "${heading ?? ''}", window.api transport ${transport}\n`);
    await browser.close();
    await server.close();
    return heading ? 0 : 1;
  }
  process.stdout.write(`Vurder kjører i Chromium (${url}). Lukk nettleservinduet for å avslutte. Data: ${home}\n`);
  await new Promise<void>((done) => browser.on('disconnected', () => done()));
  await server.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`preview:chromium: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
    process.exit(1);
  },
);
