// The assessor's whole day in one scenario (DESIGN.md §9, issue 4 point 6), in Debian Chromium with the real
// services bridged: create a workspace → import three fixture packages and a hostile one (refused) → filter →
// open one → confirm manual rules → declare impartiality → score both criteria with the keyboard → finalise →
// reload → everything is still there and the audit log verifies. Every screen gets an axe scan on the way.
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { expect, test } from './bridge';
import { ASSESSOR, FIXTURES, expectNoSeriousA11yViolations, fixture, writeHostileZip } from './support';

test.use({ bridgeOptions: { settings: { language: 'nb', assessor: ASSESSOR, firstRunDone: true } } });

test('assessor scenario: import, formal check, impartiality, keyboard scoring, finalise, reload', async ({ page, bridge }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });

  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1, name: 'Velkommen til Vurder' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'start (no workspace)');

  // Create a workspace through the (scripted) native folder dialog.
  const workspaceDir = join(bridge.root, 'arbeidsomrade');
  bridge.dialogs.answerDirectory(workspaceDir);
  await page.getByRole('button', { name: 'Nytt arbeidsområde' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Søknader' })).toBeVisible();
  await expect(page.getByText('Ingen søknader er importert ennå.')).toBeVisible();

  // Import three fixture packages and one hostile zip through the (scripted) file dialog.
  const hostile = await writeHostileZip(join(bridge.root, 'innkommende'));
  bridge.dialogs.answerPackages([fixture('so1-asker-eligible'), fixture('so3-kinn-eligible'), fixture('so6-skien-eligible'), hostile]);
  await page.getByRole('button', { name: 'Importer' }).click();
  await page.getByRole('button', { name: 'Velg pakker …' }).click();
  const results = page.getByRole('list', { name: 'Resultat per pakke' });
  await expect(results.getByRole('listitem')).toHaveCount(4);
  await expect(results.locator('li[data-status="imported"]')).toHaveCount(3);
  await expect(results.locator('li[data-status="refused"]')).toContainText('hostile-zip-slip.zip');
  await expect(page.getByTestId('application-row')).toHaveCount(3);
  await expectNoSeriousA11yViolations(page, 'application list with import results');

  // Filter by focus area 1: only Asker remains.
  await page.getByLabel('Satsingsområde').selectOption('1');
  await expect(page.getByTestId('application-row')).toHaveCount(1);
  await expect(page.getByTestId('list-count')).toHaveText('Viser 1 av 3 søknader');

  // Open it with the keyboard (focus the row link, Enter).
  await page.getByRole('link', { name: 'ASK-2021-001' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Formell kontroll', selected: true })).toBeVisible();
  await expect(page.getByRole('img', { name: /side 1/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'application view, formal check');

  // Confirm every rule that waits for the assessor, each with a comment.
  const formal = page.getByRole('tabpanel');
  const open = formal.locator('li.rule[data-status="review"]');
  const openCount = await open.count();
  expect(openCount).toBeGreaterThan(0);
  for (let index = 0; index < openCount; index += 1) {
    const rule = open.first();
    await rule.getByRole('radio', { name: 'Oppfylt', exact: true }).check();
    await rule.getByLabel('Kommentar').fill('Kontrollert mot søknaden og vedleggene.');
    await rule.getByRole('button', { name: 'Bekreft' }).click();
  }
  await expect(open).toHaveCount(0);
  await expect(page.getByTestId('formal-verdict')).toContainText('Oppfyller kravene');

  // Scoring is blocked until impartiality is declared.
  await page.getByRole('tab', { name: 'Poeng' }).click();
  await expect(page.getByTestId('scoring-blocked')).toBeVisible();
  await page.getByRole('tab', { name: 'Habilitet' }).click();
  await expectNoSeriousA11yViolations(page, 'impartiality');
  await page.getByRole('radio', { name: 'Nei, jeg er habil' }).check();
  await page.getByRole('button', { name: 'Lagre erklæring' }).click();
  await expect(page.getByTestId('impartiality-status')).toHaveText('Du har erklært at du er habil.');

  // Score both criteria with the keyboard: focus the level group, press a digit.
  await page.getByRole('button', { name: 'Gå til poeng' }).click();
  await expect(page.getByRole('tab', { name: 'Poeng', selected: true })).toBeVisible();
  const feasibility = page.getByTestId('criterion-feasibility');
  await feasibility.getByRole('radio').first().focus();
  await page.keyboard.press('5');
  await expect(feasibility.getByRole('radio', { checked: true })).toHaveValue('5');
  await feasibility.getByRole('textbox').fill(
    'Kommunen har gjennomført to tidligere prosjekter med god kvalitet, har egenandel og en realistisk plan og organisering.',
  );
  // Digits typed into the justification are text, not scores.
  await feasibility.getByRole('textbox').press('End');
  await page.keyboard.type(' (2021)');
  await expect(feasibility.getByRole('radio', { checked: true })).toHaveValue('5');
  const transfer = page.getByTestId('criterion-transferValue');
  await transfer.getByRole('radio').first().focus();
  await page.keyboard.press('6');
  await expect(transfer.getByRole('radio', { checked: true })).toHaveValue('6');
  await transfer.getByRole('textbox').fill(
    'Metoden for utvidet opplæring etter år tre er lett å overføre til andre kommuner og resultatene skal publiseres nasjonalt.',
  );
  await expect(page.getByTestId('score-summary')).toContainText('Vektet sum: 5,5');
  // SO1: the stipend calculator with one row per participant (six in this fixture).
  const stipend = page.getByTestId('stipend');
  await expect(stipend).toContainText('Stipendkalkulator (SO1)');
  await stipend.getByText('Per deltaker (6)').click();
  await expect(stipend.getByRole('table', { name: 'Stipend per deltaker' }).locator('tbody tr')).toHaveCount(6);
  await page.getByRole('radio', { name: 'Innvilge' }).check();
  await page.getByLabel('Anbefalt beløp (kroner)').fill('400000');
  // Two budget years: shared/scoring recommendationWarnings adds the one-year-at-a-time note (R12) with 2021's request.
  await expect(page.getByText(/^R12: Tilskuddet tildeles for ett år av gangen/)).toContainText('for 2021 er det søkt om 396\u00a0000\u00a0kr');
  await expect(page.getByTestId('save-status')).toHaveText('Lagret');
  await expectNoSeriousA11yViolations(page, 'scoring');

  // Nothing is lost when the window goes away mid-edit: type, reload at once (before the autosave delay);
  // beforeunload flushes the pending save.
  await page.getByLabel('Kommentar til anbefalingen').fill('Godt forankret; anbefales med redusert beløp.');
  await expect(page.getByTestId('save-status')).toHaveText('Ulagrede endringer …');
  await page.reload();
  await expect(page.getByLabel('Kommentar til anbefalingen')).toHaveValue('Godt forankret; anbefales med redusert beløp.');
  await expect(page.getByLabel('Anbefalt beløp (kroner)')).toHaveValue('400000');

  // Finalise.
  await page.getByRole('tab', { name: 'Ferdigstill' }).click();
  await expect(page.getByRole('button', { name: 'Marker som endelig' })).toBeEnabled();
  await expectNoSeriousA11yViolations(page, 'finalise');
  await page.getByRole('button', { name: 'Marker som endelig' }).click();
  await expect(page.getByTestId('final-status')).toBeVisible();

  // Reload: the route, the final assessment and the scores come back from disk.
  await page.reload();
  await expect(page.getByTestId('final-status')).toBeVisible();
  await page.getByRole('button', { name: 'Kontroller revisjonsloggen' }).click();
  await expect(page.getByTestId('audit-status')).toContainText('Revisjonsloggen er intakt');
  await page.getByRole('tab', { name: 'Poeng' }).click();
  await expect(page.getByTestId('criterion-feasibility').getByRole('radio', { checked: true })).toHaveValue('5');
  await expect(page.getByTestId('criterion-transferValue').getByRole('radio', { checked: true })).toHaveValue('6');
  await expect(page.getByText('Vurderingen er endelig og låst.')).toBeVisible();
  await page.getByRole('link', { name: 'Søknader' }).first().click();
  await page.getByLabel('Satsingsområde').selectOption('all');
  await expect(page.getByTestId('application-row').filter({ hasText: 'ASK-2021-001' })).toContainText('Endelig');

  // Reopening needs a reason, unlocks the assessment and is logged with it.
  await page.getByRole('link', { name: 'ASK-2021-001' }).click();
  await page.getByRole('tab', { name: 'Ferdigstill' }).click();
  await page.getByRole('button', { name: 'Gjenåpne vurderingen' }).click();
  await expect(page.getByText('Skriv en grunn. Den blir logget.')).toBeVisible();
  await page.getByLabel('Hvorfor gjenåpnes vurderingen?').fill('Ny opplysning om budsjettet fra kommunen.');
  await page.getByRole('button', { name: 'Gjenåpne vurderingen' }).click();
  await expect(page.getByRole('button', { name: 'Marker som endelig' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Gjenåpninger' })).toContainText('Ny opplysning om budsjettet fra kommunen.');

  // The audit log on disk agrees (checked by the services, not by the UI).
  const audit = await bridge.handlers['audit:verify'](undefined);
  expect(audit.ok && audit.value.intact).toBe(true);
  expect(pageErrors).toEqual([]);
  expect(bridge.eventErrors).toEqual([]);
  // The hostile zip's payload never reached the workspace.
  await expect(readFile(join(workspaceDir, '..', 'evil.txt'))).rejects.toThrow();
});

test.describe('drag and drop', () => {
  test.use({ bridgeOptions: { settings: { language: 'nb', assessor: ASSESSOR, firstRunDone: true }, dropRoot: FIXTURES } });

  test('a package dropped on the drop zone is imported; dropped again it is already imported', async ({ page, bridge }) => {
    await page.goto('./');
    bridge.dialogs.answerDirectory(join(bridge.root, 'slipp'));
    await page.getByRole('button', { name: 'Nytt arbeidsområde' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Søknader' })).toBeVisible();
    await page.getByRole('button', { name: 'Importer' }).click();
    // A real drop event with a DataTransfer holding a File; the bridge resolves its path from the drop root,
    // as webUtils.getPathForFile does in Electron.
    const drop = async () =>
      page.getByTestId('drop-zone').evaluate((zone) => {
        const data = new DataTransfer();
        data.items.add(new File(['x'], 'so5-moss-eligible'));
        zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      });
    await drop();
    const results = page.getByRole('list', { name: 'Resultat per pakke' });
    await expect(results.locator('li[data-status="imported"]')).toHaveCount(1);
    await expect(page.getByTestId('application-row')).toHaveCount(1);
    await drop();
    await expect(results.locator('li[data-status="already-imported"]')).toHaveCount(1);
    await expect(page.getByTestId('application-row')).toHaveCount(1);
  });
});

test.describe('override and conflict of interest', () => {
  test.use({ bridgeOptions: { settings: { language: 'nb', assessor: ASSESSOR, firstRunDone: true } } });

  test('an override needs a reason and changes the verdict; a conflict needs a reason and blocks scoring', async ({ page, bridge }) => {
    await page.goto('./');
    bridge.dialogs.answerDirectory(join(bridge.root, 'inhabil'));
    await page.getByRole('button', { name: 'Nytt arbeidsområde' }).click();
    bridge.dialogs.answerPackages([fixture('so6-skien-eligible')]);
    await page.getByRole('button', { name: 'Importer' }).click();
    await page.getByRole('button', { name: 'Velg pakker …' }).click();
    await page.getByRole('link', { name: 'SKI-2021-008' }).click();

    // Override R01 (auto, overridable): without a reason nothing happens; with one the verdict follows.
    const r01 = page.getByTestId('rule-R01');
    await r01.getByRole('button', { name: 'Overstyr …' }).click();
    await r01.getByRole('radio', { name: 'Ikke oppfylt' }).check();
    await r01.getByRole('button', { name: 'Overstyr', exact: true }).click();
    await expect(r01.getByText('Skriv en begrunnelse.')).toBeVisible();
    await r01.getByLabel('Begrunnelse for overstyring').fill('Søker er et kommunalt foretak, ikke kommunen selv.');
    await r01.getByRole('button', { name: 'Overstyr', exact: true }).click();
    await expect(r01).toHaveAttribute('data-status', 'fail');
    await expect(page.getByTestId('formal-verdict')).toContainText('Avvises');

    // A conflict of interest needs its ground, is recorded, and blocks scoring.
    await page.getByRole('tab', { name: 'Habilitet' }).click();
    await page.getByRole('radio', { name: 'Ja, jeg er inhabil' }).check();
    await page.getByRole('button', { name: 'Lagre erklæring' }).click();
    await expect(page.getByText('Skriv grunnlaget for inhabiliteten.')).toBeVisible();
    await page.getByLabel('Grunnlag for inhabilitet').fill('Jeg er gift med prosjektlederen.');
    await page.getByRole('button', { name: 'Lagre erklæring' }).click();
    await expect(page.getByTestId('impartiality-status')).toContainText('Jeg er gift med prosjektlederen.');
    await page.getByRole('tab', { name: 'Poeng' }).click();
    await expect(page.getByTestId('scoring-blocked')).toHaveText('Du er inhabil i denne saken og kan ikke gi poeng.');
    await expect(page.getByTestId('save-status')).toHaveText('Lagret');

    // Stored on disk, not just on screen.
    const stored = await bridge.handlers['assessment:get']({ applicationId: 'SKI-2021-008' });
    expect(stored.ok && stored.value.impartiality?.conflict).toBe(true);
    expect(stored.ok && stored.value.ruleReviews.map((review) => [review.ruleId, review.action, review.status])).toEqual([['R01', 'override', 'fail']]);

    // A menu accelerator from the shell arrives as an event and is carried out by the renderer.
    await page.evaluate(() => (window as unknown as { __vurderEmit(event: string, payload: unknown): void }).__vurderEmit('menu:command', 'settings'));
    await expect(page.getByRole('heading', { level: 1, name: 'Innstillinger' })).toBeVisible();
  });
});

test.describe('first start without a name', () => {
  test.use({ bridgeOptions: { settings: { language: 'nb', assessor: null, firstRunDone: true } } });

  test('opening an application asks who assesses first, then opens it', async ({ page, bridge }) => {
    await page.goto('./');
    bridge.dialogs.answerDirectory(join(bridge.root, 'uten-navn'));
    await page.getByRole('button', { name: 'Nytt arbeidsområde' }).click();
    bridge.dialogs.answerPackages([fixture('so6-skien-eligible')]);
    await page.getByRole('button', { name: 'Importer' }).click();
    await page.getByRole('button', { name: 'Velg pakker …' }).click();
    await page.getByRole('link', { name: 'SKI-2021-008' }).click();
    await expect(page.getByText('Skriv inn navnet ditt før du vurderer.')).toBeVisible();
    await expectNoSeriousA11yViolations(page, 'who assesses');
    await page.getByLabel('Navn', { exact: true }).fill('Øystein Ærø');
    await page.getByRole('button', { name: 'Lagre', exact: true }).click();
    await expect(page.getByRole('tab', { name: 'Formell kontroll', selected: true })).toBeVisible();
    const stored = await bridge.handlers['assessment:get']({ applicationId: 'SKI-2021-008' });
    expect(stored.ok && stored.value.assessor).toEqual({ id: 'oystein-aero', name: 'Øystein Ærø' });
  });
});
