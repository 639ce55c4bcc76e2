// The assessor's whole day in one scenario (DESIGN.md §9, issues 4.6 and 12), in Debian Chromium with the real
// services bridged: create a workspace → import three fixture packages and a hostile one (refused) → filter →
// open one on its first unfinished step (impartiality first) → confirm manual rules → score both criteria with
// the keyboard → "Lagre og neste" → the second application through the queue → reload → everything is still
// there and the audit log verifies. Every screen gets an axe scan on the way.
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './bridge';
import { ASSESSOR, FIXTURES, expectNoSeriousA11yViolations, fixture, writeHostileZip } from './support';

test.use({ bridgeOptions: { settings: { language: 'nb', assessor: ASSESSOR, firstRunDone: true } } });

const FEASIBILITY =
  'Kommunen har gjennomført to tidligere prosjekter med god kvalitet, har egenandel og en realistisk plan og organisering.';
const TRANSFER =
  'Metoden for utvidet opplæring etter år tre er lett å overføre til andre kommuner og resultatene skal publiseres nasjonalt.';

/** Confirms every rule that waits for the assessor: nothing is preselected, so an answer is chosen each time. */
async function confirmOpenRules(page: Page): Promise<void> {
  const open = page.getByRole('tabpanel').locator('li.rule[data-status="review"]');
  const count = await open.count();
  expect(count).toBeGreaterThan(0);
  await expect(open.first().getByRole('radio', { checked: true })).toHaveCount(0);
  for (let index = 0; index < count; index += 1) {
    const rule = open.first();
    const id = await rule.getAttribute('data-rule');
    await rule.getByRole('radio', { name: 'Oppfylt', exact: true }).check();
    await rule.getByLabel('Kommentar').fill('Kontrollert mot søknaden og vedleggene.');
    await rule.getByRole('button', { name: 'Bekreft' }).click();
    // The comment is shown once, in the review line; the reason above stays the automatic one.
    await expect(page.getByTestId(`rule-${id}`).getByText('Kontrollert mot søknaden og vedleggene.')).toHaveCount(1);
  }
  await expect(open).toHaveCount(0);
}

async function score(criterion: Locator, page: Page, digit: string, text: string): Promise<void> {
  await criterion.getByRole('radio').first().focus();
  await page.keyboard.press(digit);
  await expect(criterion.getByRole('radio', { checked: true })).toHaveValue(digit);
  await criterion.getByRole('textbox').fill(text);
}

test('assessor scenario: two applications in a row through the queue, impartiality first, reload, reopen', async ({ page, bridge }) => {
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
  // The round's progress: nothing done yet, three not started.
  await expect(page.getByTestId('queue-progress')).toContainText('0 av 3 ferdige');
  await expect(page.getByTestId('queue-progress')).toContainText('0 påbegynt · 3 ikke startet');
  await expectNoSeriousA11yViolations(page, 'application list with import results and progress');

  // Filter by focus area 1: only Asker remains; the round's progress still counts all three.
  await page.getByLabel('Satsingsområde').selectOption('1');
  await expect(page.getByTestId('application-row')).toHaveCount(1);
  await expect(page.getByTestId('list-count')).toHaveText('Viser 1 av 3 søknader');
  await page.getByLabel('Satsingsområde').selectOption('all');

  // Open the first with the keyboard (focus the row link, Enter): it opens on its first unfinished step,
  // impartiality, and the formal check is locked until it is declared.
  await page.getByRole('link', { name: 'ASK-2021-001' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: /Habilitet/, selected: true })).toBeVisible();
  await expect(page.getByTestId('step-formal')).toHaveAttribute('data-state', 'locked');
  await expect(page.getByRole('img', { name: /side 1/ })).toBeVisible();
  await expect(page.getByTestId('queue-progress-compact')).toContainText('0 av 3 ferdige');
  await expectNoSeriousA11yViolations(page, 'application view, impartiality');
  await page.getByRole('tab', { name: /Formell kontroll/ }).click();
  await expect(page.getByTestId('step-locked')).toContainText('Erklær habilitet først');
  await page.getByRole('button', { name: 'Gå til habilitet' }).click();
  await page.getByRole('radio', { name: 'Nei, jeg er habil' }).check();
  await page.getByRole('button', { name: 'Lagre erklæring' }).click();
  await expect(page.getByTestId('impartiality-status')).toHaveText('Du har erklært at du er habil.');
  // Focus moves on to the way forward.
  await expect(page.getByTestId('impartiality-continue')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: /Formell kontroll/, selected: true })).toBeVisible();
  await expect(page.getByTestId('step-impartiality')).toHaveAttribute('data-state', 'done');
  await expectNoSeriousA11yViolations(page, 'application view, formal check');

  // "Vis bare åpne" leaves only the rules waiting for the assessor.
  await page.getByTestId('only-open').check();
  const listed = page.getByRole('tabpanel').locator('li.rule');
  await expect(listed.first()).toHaveAttribute('data-status', 'review');
  await expect(page.getByRole('tabpanel').locator('li.rule:not([data-status="review"])')).toHaveCount(0);
  await page.getByTestId('only-open').uncheck();
  await confirmOpenRules(page);
  await expect(page.getByTestId('formal-verdict')).toContainText('Oppfyller kravene');
  await expect(page.getByTestId('step-formal')).toHaveAttribute('data-state', 'done');

  // Score both criteria with the keyboard: focus the level group, press a digit.
  await page.getByRole('button', { name: 'Videre til poeng' }).click();
  await expect(page.getByRole('tab', { name: /Poeng/, selected: true })).toBeVisible();
  const feasibility = page.getByTestId('criterion-feasibility');
  await score(feasibility, page, '5', FEASIBILITY);
  // Digits typed into the justification are text, not scores.
  await feasibility.getByRole('textbox').press('End');
  await page.keyboard.type(' (2021)');
  await expect(feasibility.getByRole('radio', { checked: true })).toHaveValue('5');
  await score(page.getByTestId('criterion-transferValue'), page, '6', TRANSFER);
  await expect(page.getByTestId('score-summary')).toContainText('Vektet snitt: 5,5');
  // SO1: the participant stipend ("deltakerstønad") with one row per participant (six in this fixture); the
  // years add up to the total shown beside them.
  const stipend = page.getByTestId('stipend');
  await expect(stipend).toContainText('Deltakerstønad (SO1)');
  await stipend.getByText('Per deltaker (6)').click();
  await expect(stipend.getByRole('table', { name: 'Deltakerstønad per deltaker' }).locator('tbody tr')).toHaveCount(6);
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

  // Finalise with "Lagre og neste": the next unfinished application opens on its first unfinished step.
  await page.getByRole('tab', { name: /Ferdigstill/ }).click();
  await expectNoSeriousA11yViolations(page, 'finalise, ready');
  await page.getByRole('button', { name: 'Lagre og neste' }).click();
  await expect(page).toHaveURL(/#\/applications\/KIN-2021-003\/impartiality$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('transspråkingspedagogikk');
  await expect(page.getByTestId('queue-progress-compact')).toContainText('1 av 3 ferdig');

  // The second application: declare, then open finalise early; the error summary links to the fields.
  await page.getByRole('radio', { name: 'Nei, jeg er habil' }).check();
  await page.getByRole('button', { name: 'Lagre erklæring' }).click();
  await page.getByTestId('impartiality-continue').click();
  await confirmOpenRules(page);
  await page.getByRole('tab', { name: /Ferdigstill/ }).click();
  const summary = page.getByTestId('final-problems');
  await expect(summary).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'finalise, error summary');
  await summary.getByRole('link', { name: /^Gjennomføringsevne: gi en poengsum/ }).click();
  await expect(page.getByRole('tab', { name: /Poeng/, selected: true })).toBeVisible();
  await expect(page.getByTestId('criterion-feasibility').getByRole('radio').first()).toBeFocused();
  await page.keyboard.press('4');
  await page.getByTestId('criterion-feasibility').getByRole('textbox').fill(FEASIBILITY);
  await score(page.getByTestId('criterion-transferValue'), page, '5', TRANSFER);
  await page.getByRole('radio', { name: 'Avslå' }).check();
  await page.getByRole('tab', { name: /Ferdigstill/ }).click();
  await page.getByRole('button', { name: 'Marker som endelig' }).click();
  await expect(page.getByTestId('final-status')).toBeVisible();
  // Focus goes to the way on: the next unfinished application.
  await expect(page.getByTestId('final-next')).toBeFocused();
  await expect(page.getByTestId('final-next')).toHaveText('Neste uferdige: SKI-2021-008');

  // Back to the list: two of three done.
  await page.getByRole('link', { name: 'Søknader' }).first().click();
  await expect(page.getByTestId('queue-progress')).toContainText('2 av 3 ferdige');
  await expect(page.getByTestId('application-row').filter({ hasText: 'ASK-2021-001' })).toContainText('Endelig');
  await expect(page.getByTestId('application-row').filter({ hasText: 'KIN-2021-003' })).toContainText('Endelig');

  // Reload: the route, the final assessment and the scores come back from disk.
  await page.getByRole('link', { name: 'ASK-2021-001' }).click();
  await expect(page.getByTestId('final-status')).toBeVisible();
  await page.reload();
  await expect(page.getByTestId('final-status')).toBeVisible();
  await page.getByRole('button', { name: 'Kontroller revisjonsloggen' }).click();
  await expect(page.getByTestId('audit-status')).toContainText('Revisjonsloggen er intakt');
  await page.getByRole('tab', { name: /Poeng/ }).click();
  await expect(page.getByTestId('criterion-feasibility').getByRole('radio', { checked: true })).toHaveValue('5');
  await expect(page.getByTestId('criterion-transferValue').getByRole('radio', { checked: true })).toHaveValue('6');
  await expect(page.getByText('Vurderingen er endelig og låst.')).toBeVisible();

  // Reopening needs a reason, unlocks the assessment and is logged with it.
  await page.getByRole('tab', { name: /Ferdigstill/ }).click();
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
    await page.getByRole('radio', { name: 'Nei, jeg er habil' }).check();
    await page.getByRole('button', { name: 'Lagre erklæring' }).click();
    await page.getByTestId('impartiality-continue').click();

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

    // A conflict of interest needs its ground, is recorded, and locks the formal check and the scores.
    await page.getByRole('tab', { name: /Habilitet/ }).click();
    await page.getByRole('radio', { name: 'Ja, jeg er inhabil' }).check();
    await page.getByRole('button', { name: 'Lagre erklæring' }).click();
    await expect(page.getByText('Skriv grunnlaget for inhabiliteten.')).toBeVisible();
    await page.getByLabel('Grunnlag for inhabilitet').fill('Jeg er gift med prosjektlederen.');
    await page.getByRole('button', { name: 'Lagre erklæring' }).click();
    await expect(page.getByTestId('impartiality-status')).toContainText('Jeg er gift med prosjektlederen.');
    await page.getByRole('tab', { name: /Poeng/ }).click();
    await expect(page.getByTestId('step-locked')).toContainText('Du har erklært deg inhabil (Jeg er gift med prosjektlederen.)');
    await expect(page.getByTestId('step-formal')).toHaveAttribute('data-state', 'locked');
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
    await expect(page.getByRole('tab', { name: /Habilitet/, selected: true })).toBeVisible();
    const stored = await bridge.handlers['assessment:get']({ applicationId: 'SKI-2021-008' });
    expect(stored.ok && stored.value.assessor).toEqual({ id: 'oystein-aero', name: 'Øystein Ærø' });
  });
});
