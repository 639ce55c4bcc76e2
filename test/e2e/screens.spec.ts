// Every screen on the demo round: an axe scan (WCAG 2.1 A/AA, zero serious or critical) of each, and with
// UPDATE_SCREENSHOTS=1 (npm run screenshots) a Norwegian screenshot of each into docs/screenshots/.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './bridge';
import { ASSESSOR, expectNoSeriousA11yViolations } from './support';

const SHOTS = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');

async function shoot(page: Page, name: string, fullPage = false): Promise<void> {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return;
  // Fonts and the PDF canvas must be ready, or the picture lies.
  await page.evaluate(() => document.fonts.ready);
  // The top of the screen (header with the round's progress), whatever an earlier step scrolled.
  if (!fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  // A full-page picture is taken with a viewport as tall as the page, where the sticky documents column would
  // sit at the bottom; show it in its place beside the top of the form instead.
  const unstick = (on: boolean) =>
    page.evaluate((value) => document.querySelector<HTMLElement>('.column-documents')?.style.setProperty('position', value ? 'static' : ''), on);
  if (fullPage) await unstick(true);
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage, animations: 'disabled', caret: 'hide' });
  if (fullPage) await unstick(false);
}

test.use({ bridgeOptions: { settings: { language: 'nb', assessor: ASSESSOR, firstRunDone: false } } });

test('every screen on the demo round passes axe; screenshots on request', async ({ page, bridge }) => {
  test.setTimeout(180_000);
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Prøv en demorunde' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'start with the demo offer');
  await shoot(page, '01-start');

  bridge.dialogs.answerDirectory(join(bridge.root, 'demorunde'));
  await page.getByRole('button', { name: 'Lag demorunde' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Søknader' })).toBeVisible({ timeout: 120_000 });
  await expect(page.getByTestId('application-row').first()).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'application list (demo round)');
  await shoot(page, '02-applications');

  // The first SO1 application opens on its first unfinished step: impartiality (the stipend shows on scoring).
  await page.getByLabel('Satsingsområde').selectOption('1');
  await page.getByTestId('application-row').first().getByRole('link').click();
  await expect(page.getByRole('tab', { name: /Habilitet/, selected: true })).toBeVisible();
  await expect(page.getByRole('img', { name: /side 1/ })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'impartiality (undeclared)');
  // Neighbours follow the list's filter (SO1) and order.
  await expect(page.getByRole('link', { name: /^Neste: DEMO-2021-SO1-02/ })).toBeVisible();
  await expect(page.getByRole('link', { name: /^← Forrige/ })).toHaveCount(0);
  await page.getByRole('radio', { name: 'Nei, jeg er habil' }).check();
  await page.getByRole('button', { name: 'Lagre erklæring' }).click();
  await expect(page.getByTestId('impartiality-status')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'impartiality');
  await shoot(page, '04-impartiality');

  await page.getByTestId('impartiality-continue').click();
  await expect(page.getByRole('tab', { name: /Formell kontroll/, selected: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'formal check');
  await shoot(page, '03-formal-check');

  // The PDF viewer: text search finds the pages and scrolls to the hit, zoom and paging work.
  const viewer = page.getByRole('region', { name: /PDF-visning/ });
  await viewer.getByLabel('Søk i dokumentet').fill('Asker kommune');
  await viewer.getByRole('button', { name: 'Søk', exact: true }).click();
  await expect(viewer.getByRole('button', { name: /^Side 1 \(\d+ treff\)$/ })).toBeVisible();
  // The hits are highlighted in pdf.js's text layer over the page, and the first is in view.
  await expect(viewer.locator('.textLayer .search-hit').first()).toBeVisible();
  await expect(viewer.locator('.textLayer .search-hit').first()).toContainText('Asker kommune');
  await expect(viewer.locator('.textLayer .search-hit').first()).toBeInViewport();
  await shoot(page, '03b-pdf-search');

  // At 1440 px the documents stay in view while the form scrolls (sticky column).
  await page.mouse.wheel(0, 1500);
  await expect(page.getByRole('img', { name: /side 1/ })).toBeInViewport();
  await page.evaluate(() => {
    window.scrollTo(0, 0);
    document.querySelector('.column-documents')?.scrollTo(0, 0);
  });

  // 1280×720: the steps are in view without scrolling past the viewer; at 200 % zoom (640×360 CSS pixels) the
  // form comes first, above the documents.
  await page.setViewportSize({ width: 1280, height: 720 });
  await expect(page.getByRole('tab', { name: /Formell kontroll/ })).toBeInViewport();
  await shoot(page, '03c-formal-check-1280x720');
  await page.setViewportSize({ width: 640, height: 360 });
  const stepsTop = await page.getByRole('tablist').evaluate((element) => element.getBoundingClientRect().top);
  const viewerTop = await viewer.evaluate((element) => element.getBoundingClientRect().top);
  expect(stepsTop).toBeLessThan(viewerTop);
  await page.setViewportSize({ width: 1440, height: 900 });

  await viewer.getByRole('button', { name: 'Zoom inn' }).click();
  await expect(viewer.locator('.pdf-toolbar').getByText('125 %')).toBeVisible();
  await viewer.getByRole('button', { name: 'Neste side' }).click();
  await expect(viewer.locator('.pdf-toolbar').getByText('Side 2 av 2')).toBeVisible();
  await viewer.getByLabel('Søk i dokumentet').fill('finnes ikke i søknaden');
  await viewer.getByRole('button', { name: 'Søk', exact: true }).click();
  await expect(viewer.getByText('Ingen treff på «finnes ikke i søknaden».')).toBeVisible();

  // Steps follow the arrow keys.
  await page.getByRole('tab', { name: /Formell kontroll/ }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: /Poeng/, selected: true })).toBeFocused();

  // The shortcut list.
  await page.getByTestId('help-button').click();
  await expect(page.getByTestId('shortcut-help')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'shortcut help');
  await shoot(page, '13-shortcuts');
  await page.keyboard.press('Escape');

  await page.getByRole('tab', { name: /Poeng/ }).click();
  const feasibility = page.getByTestId('criterion-feasibility');
  await feasibility.getByRole('radio').first().focus();
  await page.keyboard.press('5');
  await feasibility.getByRole('textbox').fill('Kommunen har erfaring fra to tidligere prosjekter og en realistisk plan, men budsjettet er stramt.');
  const transfer = page.getByTestId('criterion-transferValue');
  await transfer.getByRole('radio').first().focus();
  await page.keyboard.press('4');
  await page.getByRole('radio', { name: 'Innvilge' }).check();
  await expect(page.getByTestId('save-status')).toHaveText('Lagret');
  await expectNoSeriousA11yViolations(page, 'scoring');
  await shoot(page, '05-scoring', true);

  await page.getByRole('tab', { name: /Ferdigstill/ }).click();
  await expect(page.getByTestId('final-problems')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'finalise');
  await shoot(page, '06-finalise');
  await page.setViewportSize({ width: 1280, height: 720 });
  await shoot(page, '06b-finalise-1280x720');
  await page.getByRole('link', { name: 'Søknader' }).first().click();
  await expect(page.getByTestId('queue-progress')).toContainText('0 av 65 ferdige');
  await shoot(page, '02b-applications-1280x720');
  await page.setViewportSize({ width: 1440, height: 900 });

  await page.getByRole('link', { name: 'Innstillinger' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Innstillinger' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'settings');
  await shoot(page, '07-settings');

  // The signing screens (issue 5, test/e2e/signing.spec.ts tests what they do); here: axe and the pictures.
  await page.getByRole('link', { name: 'Eksporter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Eksporter signerte vurderinger' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'export');
  await shoot(page, '11-export-empty');
  await page.getByRole('link', { name: 'Verifiser fil' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Verifiser fil' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'verify');
  await shoot(page, '12-verify-empty');
  await page.getByRole('link', { name: 'Innstillinger' }).click();

  // English is one click away and every screen switches.
  await page.getByRole('radio', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expectNoSeriousA11yViolations(page, 'settings (en)');
  await page.getByRole('link', { name: 'Applications' }).click();
  await expect(page.getByTestId('queue-progress')).toContainText('0 of 65 done');
  await expectNoSeriousA11yViolations(page, 'application list (en)');
  // The first unfinished one is the declared SO1 application: it opens on its first unfinished step.
  await page.getByTestId('next-unfinished').click();
  await expect(page.getByRole('tab', { name: /Formal check – not done/, selected: true })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'application view (en)');
});
