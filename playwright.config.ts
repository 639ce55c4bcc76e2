// End-to-end tests of the built renderer in Debian's Chromium, window.api bridged to the real Node services
// (DESIGN.md §9). `npm run test:e2e` builds the renderer first; the web server only serves dist/renderer.
import { defineConfig } from '@playwright/test';

// E2E_PORT lets two runs on one machine (or a busy 4318) coexist.
const PORT = Number(process.env.E2E_PORT ?? 4318);

// The bridge runs the real services, which import JSON (the scheme, the municipality list) without an import
// attribute, as the bundler and tsx allow. Playwright's own loader refuses that, so the runner must start with
// NODE_OPTIONS='--import tsx' (npm run test:e2e does). Say so plainly instead of failing on a JSON import.
if (!(process.env.NODE_OPTIONS ?? '').includes('tsx')) {
  throw new Error("Run the e2e tests with `npm run test:e2e` (or NODE_OPTIONS='--import tsx' npx playwright test).");
}

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results/e2e',
  // One browser, one worker: CI has 2 cores and the tests share nothing but the built renderer.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    viewport: { width: 1440, height: 900 },
    trace: 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    command: `npx vite preview --config renderer/vite.config.ts --strictPort --port ${PORT} --host 127.0.0.1`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
