// Issue 4 point 3: the list stays usable with 1 000 applications. A real case-system export (CSV, one row per
// application, a PDF each) is imported through the UI; the list pages, searches and sorts the whole round.
// No timings are asserted here (speed belongs in a bench); this proves the 1 000-row paths work at all.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './bridge';
import { ASSESSOR } from './support';
import { tinyPdf } from '../fixtures/zip-tools';

test.use({ bridgeOptions: { settings: { language: 'nb', assessor: ASSESSOR, firstRunDone: true } } });

const MUNICIPALITIES = [
  { name: 'Asker kommune', number: '3025', org: '920125298' },
  { name: 'Ålesund kommune', number: '1507', org: '942953119' },
  { name: 'Bærum kommune', number: '3024', org: '935478715' },
] as const;

async function writeCaseList(dir: string, rows: number): Promise<string> {
  await mkdir(join(dir, 'pdf'), { recursive: true });
  const lines = ['Søknadsnummer;Innsendt;Søker;Organisasjonsnummer;Kommunenummer;Satsingsområde;Prosjekttittel;Vedlegg;Søkt beløp'];
  for (let index = 1; index <= rows; index += 1) {
    const id = `SAK-${String(index).padStart(4, '0')}`;
    const municipality = MUNICIPALITIES[index % MUNICIPALITIES.length] ?? MUNICIPALITIES[0];
    await writeFile(join(dir, 'pdf', `${id}.pdf`), tinyPdf());
    lines.push(
      [id, '08.02.2021 12:00', municipality.name, municipality.org, municipality.number, String((index % 6) + 1), `Prosjekt ${index}`, `pdf/${id}.pdf`, String(100_000 + index)].join(';'),
    );
  }
  const path = join(dir, 'saksliste.csv');
  await writeFile(path, `\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
  return path;
}

test('1 000 applications: import a case list, page, search and sort', async ({ page, bridge }) => {
  test.setTimeout(240_000);
  const list = await writeCaseList(join(bridge.root, 'eksport'), 1000);
  await page.goto('./');
  bridge.dialogs.answerDirectory(join(bridge.root, 'stor-runde'));
  await page.getByRole('button', { name: 'Nytt arbeidsområde' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Søknader' })).toBeVisible();
  bridge.dialogs.answerPackages([list]);
  await page.getByRole('button', { name: 'Importer' }).click();
  await page.getByRole('button', { name: 'Velg pakker …' }).click();
  await expect(page.getByTestId('list-count')).toHaveText('Viser 1000 av 1000 søknader', { timeout: 180_000 });

  // Paginated: a page holds 100 rows, and the last page is reachable.
  await expect(page.getByTestId('application-row')).toHaveCount(100);
  await expect(page.getByText('Side 1 av 10')).toBeVisible();
  await page.getByRole('button', { name: 'Neste side' }).click();
  await expect(page.getByTestId('application-row').first()).toContainText('SAK-0101');

  // Search narrows the whole round, not just the page.
  await page.getByLabel('Søk (id, kommune, tittel)').fill('Prosjekt 999');
  await expect(page.getByTestId('list-count')).toHaveText('Viser 1 av 1000 søknader');
  await page.getByLabel('Søk (id, kommune, tittel)').fill('');

  // Sorting by municipality uses Norwegian collation: Ålesund comes last.
  await page.getByRole('button', { name: 'Kommune' }).click();
  await expect(page.getByTestId('application-row').first()).toContainText('Asker kommune');
  await page.getByRole('button', { name: 'Kommune' }).click();
  await expect(page.getByTestId('application-row').first()).toContainText('Ålesund kommune');

  // Keyboard: arrow down moves between rows.
  await page.getByTestId('application-row').first().getByRole('link').focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('application-row').nth(1).getByRole('link')).toBeFocused();
});
