// Issue 12.6: one application assessed from the keyboard alone, in Debian Chromium with the real services
// bridged. The workspace and the package are set up through the services; in the page only keys are pressed
// (no click, no mouse event: a listener fails the test if one arrives), focus moves sensibly after each confirm,
// the shortcuts and the help dialog (`?`) work, and the PDF toolbar is not between the header and the form.
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './bridge';
import { ASSESSOR, expectNoSeriousA11yViolations, fixture } from './support';

test.use({ bridgeOptions: { settings: { language: 'nb', assessor: ASSESSOR, firstRunDone: true } } });

/** Presses Tab until the target has focus (at most `limit` times); fails naming the target otherwise. */
async function tabTo(page: Page, target: Locator, limit = 60, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<number> {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return presses;
    await page.keyboard.press(key);
  }
  throw new Error(`focus never reached ${String(target)} in ${limit} presses of ${key}`);
}

test('one application from the keyboard alone: declare, confirm the rules, score, finalise', async ({ page, bridge }) => {
  bridge.dialogs.answerDirectory(join(bridge.root, 'tastatur'));
  const dir = await bridge.handlers['dialog:choose-directory']({ purpose: 'create-workspace' });
  expect(dir.ok).toBe(true);
  if (!dir.ok || dir.value === null) return;
  expect((await bridge.handlers['workspace:create']({ dir: dir.value })).ok).toBe(true);
  expect((await bridge.handlers['import:packages']({ paths: [fixture('so6-skien-eligible'), fixture('so5-moss-eligible')] })).ok).toBe(true);

  const mouse: string[] = [];
  await page.exposeFunction('__vurderMouse', (type: string) => mouse.push(type));
  await page.addInitScript(() => {
    for (const type of ['mousedown', 'mouseup', 'click', 'pointerdown'] as const) {
      window.addEventListener(
        type,
        (event) => {
          // A keyboard "click" (Enter/Space on a button) has detail 0 and no pointer; a mouse one has a position.
          if (event instanceof MouseEvent && (event.detail > 0 || event.type !== 'click')) {
            void (window as unknown as { __vurderMouse(type: string): Promise<void> }).__vurderMouse(type);
          }
        },
        true,
      );
    }
  });

  await page.goto('./#/applications');
  await expect(page.getByTestId('queue-progress')).toContainText('0 av 2 ferdige');

  // `?` opens the shortcut list; Escape closes it.
  await page.keyboard.press('?');
  const help = page.getByTestId('shortcut-help');
  await expect(help).toBeVisible();
  await expect(help).toContainText('Neste uferdige søknad');
  await expectNoSeriousA11yViolations(page, 'shortcut help');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // Alt+U opens the next unfinished application (MOS-2021-007, first by id) on its first unfinished step.
  await page.keyboard.press('Alt+U');
  await expect(page).toHaveURL(/#\/applications\/MOS-2021-007\/impartiality$/);
  await expect(page.getByRole('img', { name: /side 1/ })).toBeVisible();

  // From the header, the form comes before the PDF toolbar in tab order.
  const selectedStep = page.getByRole('tab', { name: /Habilitet/, selected: true });
  await tabTo(page, selectedStep);
  const pdfPrevious = page.getByRole('button', { name: 'Forrige side' });
  expect(
    await selectedStep.evaluate(
      (tab, toolbarButton) => Boolean(tab.compareDocumentPosition(toolbarButton as Node) & Node.DOCUMENT_POSITION_FOLLOWING),
      await pdfPrevious.elementHandle(),
    ),
  ).toBe(true);

  // Impartiality: Tab into the question, choose with the arrow keys, save with Enter.
  const impartial = page.getByRole('radio', { name: 'Nei, jeg er habil' });
  await tabTo(page, impartial);
  await page.keyboard.press('Space');
  await expect(impartial).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Lagre erklæring' }));
  await page.keyboard.press('Enter');
  // Focus moves on to the next step's button; Enter opens the formal check.
  await expect(page.getByTestId('impartiality-continue')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: /Formell kontroll/, selected: true })).toBeVisible();

  // Each open rule: after a confirm, focus lands on the next open rule's first answer.
  const open = page.getByRole('tabpanel').locator('li.rule[data-status="review"]');
  const count = await open.count();
  expect(count).toBeGreaterThan(0);
  await tabTo(page, open.first().getByRole('radio').first());
  for (let index = 0; index < count; index += 1) {
    const rule = open.first();
    await expect(rule.getByRole('radio').first()).toBeFocused();
    await page.keyboard.press('Space'); // "Oppfylt", the first answer
    await page.keyboard.press('Tab'); // out of the radio group to the comment
    await page.keyboard.type('Kontrollert mot søknaden.');
    await page.keyboard.press('Tab');
    await expect(rule.getByRole('button', { name: 'Bekreft' })).toBeFocused();
    await page.keyboard.press('Enter');
  }
  await expect(open).toHaveCount(0);
  // With none left, focus is on the way on to the scores.
  await expect(page.getByRole('button', { name: 'Videre til poeng' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: /Poeng/, selected: true })).toBeVisible();

  // Scores: Tab to each level group, a digit sets the score; the justification is typed.
  for (const [id, digit] of [['feasibility', '5'], ['transferValue', '4']] as const) {
    const criterion = page.getByTestId(`criterion-${id}`);
    await tabTo(page, criterion.getByRole('radio').first());
    await page.keyboard.press(digit);
    await expect(criterion.getByRole('radio', { checked: true })).toHaveValue(digit);
    await tabTo(page, criterion.getByRole('textbox'));
    await page.keyboard.type('Planen er realistisk, og kommunen viser til tidligere prosjekter av god kvalitet med målbare resultater.');
  }
  const reject = page.getByRole('radio', { name: 'Avslå' });
  await tabTo(page, page.getByRole('radio', { name: 'Ikke bestemt' }));
  await page.keyboard.press('ArrowDown'); // Innvilge
  await page.keyboard.press('ArrowDown'); // Avslå
  await expect(reject).toBeChecked();

  // Alt+4 goes to the finalise step; Tab to "Marker som endelig", Enter.
  await page.keyboard.press('Alt+4');
  await expect(page.getByRole('tab', { name: /Ferdigstill/, selected: true })).toBeFocused();
  await tabTo(page, page.getByRole('button', { name: 'Marker som endelig' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('final-status')).toBeVisible();
  await expect(page.getByTestId('final-next')).toBeFocused();
  await expect(page.getByTestId('queue-progress-compact')).toContainText('1 av 2 ferdig');

  // Alt+L back to the list: the progress counts it.
  await page.keyboard.press('Alt+L');
  await expect(page.getByTestId('queue-progress')).toContainText('1 av 2 ferdig');
  const stored = await bridge.handlers['assessment:get']({ applicationId: 'MOS-2021-007' });
  expect(stored.ok && stored.value.status).toBe('final');
  expect(mouse).toEqual([]);
});
