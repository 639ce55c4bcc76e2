// Issue 12.10: a large import from the UI. A case list of 250 rows (two with an invalid organisation number)
// is imported through the dialog: the progress counts packages, the end shows "248 importert, 2 avvist", the
// results are collapsed, "Vis de 2 avviste" shows just those, and "Vis alle" renders only the rows in view
// of a scrollable list (virtualised) whose last row is reachable by scrolling.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './bridge';
import { ASSESSOR, expectNoSeriousA11yViolations } from './support';
import { tinyPdf } from '../fixtures/zip-tools';

test.use({ bridgeOptions: { settings: { language: 'nb', assessor: ASSESSOR, firstRunDone: true } } });

const ROWS = 250;
const BAD_ROWS = new Set([17, 200]);

async function writeCaseList(dir: string): Promise<string> {
  await mkdir(join(dir, 'pdf'), { recursive: true });
  const lines = ['Søknadsnummer;Innsendt;Søker;Organisasjonsnummer;Kommunenummer;Satsingsområde;Prosjekttittel;Vedlegg'];
  for (let index = 1; index <= ROWS; index += 1) {
    const id = `STOR-${String(index).padStart(4, '0')}`;
    await writeFile(join(dir, 'pdf', `${id}.pdf`), tinyPdf());
    // 988077918 fails the MOD11 check (KNOWHOW): that row is refused, the others are not stopped.
    const org = BAD_ROWS.has(index) ? '988077918' : '920125298';
    lines.push([id, '08.02.2021 12:00', 'Asker kommune', org, '3025', String((index % 6) + 1), `Prosjekt ${index}`, `pdf/${id}.pdf`].join(';'));
  }
  const path = join(dir, 'saksliste.csv');
  await writeFile(path, `\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
  return path;
}

test('a large import: count, summary, refused on demand, virtualised results', async ({ page, bridge }) => {
  test.setTimeout(180_000);
  const list = await writeCaseList(join(bridge.root, 'eksport'));
  await page.goto('./');
  bridge.dialogs.answerDirectory(join(bridge.root, 'stor-import'));
  await page.getByRole('button', { name: 'Nytt arbeidsområde' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Søknader' })).toBeVisible();
  bridge.dialogs.answerPackages([list]);
  await page.getByRole('button', { name: 'Importer' }).click();
  await page.getByRole('button', { name: 'Velg pakker …' }).click();
  await expect(page.getByTestId('import-summary')).toHaveText(`${ROWS - 2} importert, 2 avvist`, { timeout: 150_000 });

  // Collapsed: no result rows until asked for.
  await expect(page.getByRole('list', { name: 'Resultat per pakke' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Vis de 2 avviste' }).click();
  const results = page.getByRole('list', { name: 'Resultat per pakke' });
  await expect(results.getByRole('listitem')).toHaveCount(2);
  await expect(results.locator('li[data-status="refused"]').first()).toContainText('rad');
  await expectNoSeriousA11yViolations(page, 'import summary with the refused packages');

  await page.getByRole('button', { name: `Vis alle resultater (${ROWS})` }).click();
  const viewport = page.getByTestId('import-results-viewport');
  await expect(viewport).toBeVisible();
  // Only the rows in view (plus a margin) are in the page, each saying where it stands in the whole list.
  const rendered = await results.getByRole('listitem').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(40);
  await expect(results.getByRole('listitem').first()).toHaveAttribute('aria-setsize', String(ROWS));
  await viewport.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
  await expect(results.getByRole('listitem').last()).toHaveAttribute('aria-posinset', String(ROWS));
  await expect(results.getByRole('listitem').last()).toContainText(`STOR-0${ROWS}`);
  await expectNoSeriousA11yViolations(page, 'virtualised import results');
  await page.getByRole('button', { name: 'Skjul resultatene' }).click();
  await expect(page.getByRole('list', { name: 'Resultat per pakke' })).toHaveCount(0);
});
