// The panel lead's screens (issue 10) in Debian Chromium with the real services bridged: make the demo panel
// from the start screen → the overview with counts and the next step → trust a new assessor and merge one
// more real signed exchange file (made by the real export service), and see a tampered copy refused with one
// line → settle an application's flags in its panel view (a short justification refused first) → release a
// reserve and see the pool bars change → agreement with its chart → export: the documented block, then a
// draft. Axe on every screen; with UPDATE_SCREENSHOTS=1 (npm run screenshots) screenshots into docs/screenshots/.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createDemoWorkspace } from '../../electron/services/demo/create-workspace';
import { certificateToPem } from '../../electron/services/signing/certificate';
import type { PanelSnapshot } from '../../shared/panel/types';
import { exportExchange, finalise, GOOD, makeIdentity } from '../panel/helpers';
import { expect, test } from './bridge';
import { expectNoSeriousA11yViolations } from './support';

const LEAD = { id: 'lise-leder', name: 'Lise Leder', email: 'lise.leder@example.no' };
test.use({ bridgeOptions: { settings: { language: 'nb', assessor: LEAD, firstRunDone: true } } });

const SHOTS = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');

async function shoot(page: Page, name: string): Promise<void> {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true, animations: 'disabled', caret: 'hide' });
}

const JUSTIFICATION = 'Panelet har lest begge begrunnelsene og legger vekt på den konkrete fremdriftsplanen.';

test('panel round: demo, overview, collect, settle, release a reserve, agreement, export', async ({ page, bridge }) => {
  test.setTimeout(240_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  // Start: make the demo panel round (the folder dialog is scripted).
  await page.goto('./#/');
  bridge.dialogs.answerDirectory(join(bridge.root, 'demo-panel'));
  await page.getByTestId('create-demo-panel').click();
  await expect(page.getByTestId('role-badge')).toHaveText('Panelleder', { timeout: 120_000 });
  await expect(page.getByRole('heading', { name: 'Oversikt over runden' })).toBeVisible();
  await expect(page.getByTestId('panel-counts')).toContainText('65 søknader');
  await expect(page.getByTestId('next-step')).toContainText(/avklar \d+ flagg før rangering/);
  await expectNoSeriousA11yViolations(page, 'panel overview');
  await shoot(page, 'panel-01-overview');

  // The next step filters to open flags; every row shown has one.
  await page.getByTestId('next-step').getByRole('button').click();
  const rows = page.getByTestId('panel-matrix').locator('tbody tr');
  expect(await rows.count()).toBeGreaterThan(0);
  for (const value of await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-open-flags'))))) expect(value).toBeGreaterThan(0);

  // Collect: a new assessor (not on the trust list yet) assesses the application the demo left one short.
  const snapshot = (await bridge.handlers['panel:snapshot'](undefined)) as { ok: true; value: PanelSnapshot };
  const short = snapshot.value.applications.find((application) => application.flags.some((flag) => flag.kind === 'too-few-assessments') && application.assessments.length === 2);
  expect(short).toBeDefined();
  const eva = await makeIdentity('Eva Ny');
  const { workspace: evaWs } = await createDemoWorkspace(join(bridge.root, 'eva'));
  await finalise(evaWs, eva, short?.applicationId ?? '', GOOD);
  const exchange = await exportExchange(evaWs, eva, join(bridge.root, 'eva-out'));
  const pem = join(bridge.root, 'eva-ny.pem');
  await writeFile(pem, certificateToPem(eva.identity.certificateDer));
  const tampered = join(bridge.root, 'endret.vurder.json');
  await writeFile(tampered, (await readFile(exchange, 'utf8')).replace('"score": 5', '"score": 7'));

  await page.getByRole('link', { name: 'Samle inn' }).click();
  await expect(page.getByRole('heading', { name: 'Samle inn vurderinger' })).toBeVisible();
  // Not trusted yet: refused with one line, nothing merged.
  bridge.dialogs.answerFiles([exchange]);
  await page.getByRole('button', { name: 'Velg vurderingsfiler' }).click();
  await expect(page.getByTestId('merge-summary')).toHaveText('0 slått sammen, 1 avvist');
  await expect(page.getByTestId('merge-results').locator('li')).toHaveCount(1);
  // Trust Eva, then merge her file and the tampered copy: one merged, one refused.
  bridge.dialogs.answerFiles([pem]);
  await page.getByRole('button', { name: 'Legg til sertifikat' }).click();
  await expect(page.getByTestId('trust-table')).toContainText('Eva Ny');
  bridge.dialogs.answerFiles([exchange, tampered]);
  await page.getByRole('button', { name: 'Velg vurderingsfiler' }).click();
  await expect(page.getByTestId('merge-summary')).toHaveText('1 slått sammen, 1 avvist');
  await expect(page.getByTestId('merge-results').locator('li[data-status="refused"]')).toContainText('endret.vurder.json');
  await expectNoSeriousA11yViolations(page, 'panel collect');
  await shoot(page, 'panel-02-collect');

  // Settle the flags of one application with a spread flag in its panel view.
  const after = ((await bridge.handlers['panel:snapshot'](undefined)) as { ok: true; value: PanelSnapshot }).value;
  const spread = after.applications.find((application) => application.flags.some((flag) => flag.kind === 'spread' && flag.settlement.state === 'open'));
  expect(spread).toBeDefined();
  await page.goto(`./#/panel/applications/${encodeURIComponent(spread?.applicationId ?? '')}`);
  await expect(page.getByTestId('assessor-table')).toBeVisible();
  await expect(page.getByTestId('flag-list')).toContainText('Stor spredning');
  const feasibility = page.getByTestId('consensus-feasibility');
  await feasibility.getByLabel('Begrunnelse').fill('For kort.');
  await feasibility.getByRole('button', { name: 'Bruk beregnet verdi' }).click();
  await expect(feasibility).toContainText('det trengs minst 40');
  // Keyboard 1–7 like the assessor's scoring: focus the score group and press 4.
  await feasibility.locator('input[type="radio"]').first().focus();
  await page.keyboard.press('4');
  await expect(feasibility.locator('input[value="4"]')).toBeChecked();
  await feasibility.getByLabel('Begrunnelse').fill(JUSTIFICATION);
  await feasibility.getByRole('button', { name: 'Lagre eget poeng' }).click();
  await expect(page.getByTestId('consensus-feasibility-current')).toContainText('Nå: 4 (panelleders)');
  const transfer = page.getByTestId('consensus-transferValue');
  await transfer.getByLabel('Begrunnelse').fill(JUSTIFICATION);
  await transfer.getByRole('button', { name: 'Bruk beregnet verdi' }).click();
  await expect(page.getByTestId('consensus-transferValue-current')).toContainText('(beregnet)');
  await expect(page.getByTestId('flag-list').locator('li[data-state="settled"]').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'panel application');
  await shoot(page, 'panel-03-application');

  // Ranking and allocation: releasing SO1's reserve moves its unused funds to the shared pool, live.
  await page.getByRole('link', { name: 'Rangering og tildeling' }).click();
  const shared = page.getByTestId('pool-bars').locator('li[data-pool="shared"]');
  const before = Number(await shared.getAttribute('data-released-in'));
  expect(before).toBe(0);
  // The box follows the stored settings, so it turns checked once main has saved the release.
  await page.getByRole('checkbox', { name: 'Forbeholdt satsingsområde 1' }).click();
  await expect(page.getByRole('checkbox', { name: 'Forbeholdt satsingsområde 1' })).toBeChecked();
  await expect.poll(async () => Number(await shared.getAttribute('data-released-in'))).toBeGreaterThan(0);
  await expect(page.getByTestId('ranking-so1')).toBeVisible();
  await expect(page.getByTestId('excluded-list').locator('li').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'panel ranking');
  await shoot(page, 'panel-04-ranking');

  // Agreement: α per criterion and the offsets chart with its table.
  await page.getByRole('link', { name: 'Samsvar' }).click();
  await expect(page.getByTestId('alpha-table')).toContainText('α =');
  await expect(page.getByTestId('offset-table-feasibility').locator('tbody tr')).not.toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'panel agreement');
  await shoot(page, 'panel-05-agreement');

  // Export: open flags block the signed recommendation (the screen says why); a draft can be made.
  await page.getByRole('link', { name: 'Eksport' }).click();
  await expect(page.getByTestId('panel-export-blocked')).toContainText('flagg er ikke avklart');
  await expect(page.getByTestId('panel-export-signed')).toBeDisabled();
  await expectNoSeriousA11yViolations(page, 'panel export');
  // Letters need every applicant's consensus settled (the report service says so); the draft here is without them.
  await page.getByRole('checkbox', { name: /Vedtaksbrev/ }).uncheck();
  bridge.dialogs.answerDirectory(join(bridge.root, 'innstilling'));
  await page.getByTestId('panel-export-draft').click();
  await expect(page.getByTestId('panel-export-result')).toContainText('Utkast', { timeout: 120_000 });
  await expect(page.getByTestId('panel-export-result')).toContainText('.pdf');
  await shoot(page, 'panel-06-export');

  expect(pageErrors).toEqual([]);
  expect(bridge.eventErrors).toEqual([]);
});
