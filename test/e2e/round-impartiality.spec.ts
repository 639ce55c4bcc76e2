// Issue 12.3 in the browser: the application list offers the round-level impartiality declaration with every
// applicant listed; declared, it says so, and an application then opens past the impartiality step with the
// declaration shown there. Axe on the list with the form and with the confirmation.
import { join } from 'node:path';
import { expect, test } from './bridge';
import { ASSESSOR, expectNoSeriousA11yViolations, fixture } from './support';

test.use({ bridgeOptions: { settings: { language: 'nb', assessor: ASSESSOR, firstRunDone: true } } });

test('declare impartiality once for the whole round', async ({ page, bridge }) => {
  bridge.backend.paths.grant(join(bridge.root, 'runde'));
  expect((await bridge.handlers['workspace:create']({ dir: join(bridge.root, 'runde') })).ok).toBe(true);
  expect((await bridge.handlers['import:packages']({ paths: [fixture('so6-skien-eligible'), fixture('so5-moss-eligible')] })).ok).toBe(true);

  await page.goto('./#/applications');
  const section = page.getByTestId('round-impartiality');
  await expect(section).toBeVisible();
  await section.getByText('Vis alle 2 søkerne').click();
  await expect(section.locator('li')).toHaveCount(2);
  const declare = section.getByRole('button', { name: 'Erklær for alle 2 søknadene' });
  await expect(declare).toBeDisabled();
  await expectNoSeriousA11yViolations(page, 'round impartiality form');
  await section.getByRole('checkbox').check();
  await declare.click();
  await expect(page.getByTestId('round-impartiality-declared')).toContainText('Habilitet er erklært for hele runden (2 søknader');
  await expectNoSeriousA11yViolations(page, 'round impartiality declared');

  // An application opens on its first unfinished step, which is no longer impartiality.
  await page.getByRole('link', { name: 'SKI-2021-008' }).click();
  await expect(page).toHaveURL(/SKI-2021-008\/formal$/);
  await page.getByRole('tab', { name: /Habilitet/ }).click();
  await expect(page.getByTestId('impartiality-status')).toContainText(/ikke inhabil|Du har erklært/i);
});
