// Playwright config of the Electron smoke test (test/electron/smoke.spec.ts). Separate from the e2e config:
// no web server, no browser — Playwright drives the Electron binary itself, when there is one.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: 'list',
});
