// Closing the window must not lose the last edit (docs/ipc.md § Closing): main sends `app:flush-request`
// while an edit still waits for the autosave debounce; the real renderer saves it and answers `app:flushed`
// only afterwards, so by the time main's request resolves the edit is on disk.
import { join } from 'node:path';
import { expect, test } from './bridge';
import { ASSESSOR, fixture } from './support';

test.use({ bridgeOptions: { settings: { language: 'nb', assessor: ASSESSOR, firstRunDone: true } } });

test('a flush request saves the edit still waiting for the autosave, then is answered', async ({ page, bridge }) => {
  const workspaceDir = join(bridge.root, 'arbeidsomrade');
  bridge.dialogs.answerDirectory(workspaceDir);
  await bridge.handlers['dialog:choose-directory']({ purpose: 'create-workspace' });
  expect((await bridge.handlers['workspace:create']({ dir: workspaceDir })).ok).toBe(true);
  expect((await bridge.handlers['import:packages']({ paths: [fixture('so1-asker-eligible')] })).ok).toBe(true);

  await page.goto('./#/applications/ASK-2021-001/impartiality');
  await page.getByRole('radio', { name: 'Nei, jeg er habil' }).check();
  await page.getByRole('button', { name: 'Lagre erklæring' }).click();
  await page.getByRole('tab', { name: 'Poeng' }).click();
  await page.getByRole('radio', { name: 'Innvilge' }).check();
  // The edit waits for the autosave debounce when main asks (as when the window is closed right after typing).
  await page.getByLabel('Kommentar til anbefalingen').fill('Siste ord før vinduet lukkes.');
  await expect(page.getByTestId('save-status')).toHaveText('Ulagrede endringer …');

  // What the shell does on the window's `close` (electron/shell/close.ts), with the bridge as transport.
  const acknowledged = await bridge.backend.flush.request((requestId) => bridge.backend.events.emit('app:flush-request', { requestId }), 5000);
  expect(acknowledged).toBe(true);
  const stored = await bridge.handlers['assessment:get']({ applicationId: 'ASK-2021-001' });
  expect(stored.ok && stored.value.recommendation).toMatchObject({ decision: 'grant', comment: 'Siste ord før vinduet lukkes.' });
  await expect(page.getByTestId('save-status')).toHaveText('Lagret');
  // (import:progress before the page loaded had no page to reach; only the flush request matters here.)
  expect(bridge.eventErrors.filter((line) => line.startsWith('app:'))).toEqual([]);
});
