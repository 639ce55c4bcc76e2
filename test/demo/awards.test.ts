// The demo award list must hold every row of the six award tables in the scheme text, matched to its municipality.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadDemoAwards } from '../../electron/services/demo/awards';
import { isValidOrganisationNumber } from '../../shared/package/organisation-number';

interface Row {
  focusArea: number;
  recipient: string;
  projectTitle: string;
  amount: number;
}

/** The award tables at the end of the scheme text: each starts with a "Mottaker | Prosjekt | Beløp" header, SO1 first. */
function parseAwardTables(text: string): Row[] {
  const rows: Row[] = [];
  let table = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('Mottaker |')) {
      table += 1;
      continue;
    }
    if (table === 0 || line.startsWith('---') || !line.includes('|')) continue;
    const [recipient = '', projectTitle = '', amount = ''] = line.split('|').map((cell) => cell.trim());
    rows.push({ focusArea: table, recipient, projectTitle, amount: Number(amount.replace(/\s/g, '')) });
  }
  return rows;
}

const referenceText = readFileSync(new URL('../../resources/reference/ordning-kommunale-integreringstiltak-2021.txt', import.meta.url), 'utf8');
const municipalities = (
  JSON.parse(readFileSync(new URL('../../resources/data/kommuner-2020.json', import.meta.url), 'utf8')) as {
    municipalities: { number: string; name: string; organisationNumber: string }[];
  }
).municipalities;
const tableRows = parseAwardTables(referenceText);
const key = (row: Row): string => `${row.focusArea}|${row.recipient}|${row.projectTitle}|${row.amount}`;

describe('resources/demo/awards-2021.json', async () => {
  const file = await loadDemoAwards();

  it('reads six award tables with 66 rows from the scheme text', () => {
    expect(new Set(tableRows.map((row) => row.focusArea))).toEqual(new Set([1, 2, 3, 4, 5, 6]));
    expect(tableRows).toHaveLength(66);
    expect(tableRows.every((row) => Number.isInteger(row.amount) && row.amount > 0)).toBe(true);
  });

  it('has every row of the award tables, in order, except the repeated last SO6 row', () => {
    const last = tableRows.at(-1);
    expect(last?.focusArea).toBe(6);
    // The last SO6 row repeats an earlier SO6 row word for word: one project listed twice.
    expect(tableRows.slice(0, -1).filter((row) => last && key(row) === key(last))).toHaveLength(1);
    expect(file.awards.map((a) => key(a))).toEqual(tableRows.slice(0, -1).map(key));
    expect(file.omitted.map((o) => key(o))).toEqual(last ? [key(last)] : []);
  });

  it('has unique ids that name the focus area', () => {
    expect(new Set(file.awards.map((a) => a.id)).size).toBe(file.awards.length);
    for (const award of file.awards) expect(award.id).toMatch(new RegExp(`^DEMO-2021-SO${award.focusArea}-\\d{2}$`));
  });

  it('matches each recipient to its 2020 municipality', () => {
    for (const award of file.awards) {
      const municipality = municipalities.find((m) => m.number === award.municipality.number);
      expect(municipality, award.recipient).toBeDefined();
      expect(award.municipality).toEqual({ number: municipality?.number, name: municipality?.name, organisationNumber: municipality?.organisationNumber });
      expect(award.recipient.toLowerCase(), award.id).toContain(award.municipality.name.toLowerCase());
    }
  });

  it('gives municipal units their own valid organisation number, the same for the same unit', () => {
    const units = file.awards.filter((a) => a.unit !== null);
    expect(units.map((a) => a.recipient)).toEqual(
      expect.arrayContaining(['Oslo kommune - bydel Grorud', 'Lillestrøm voksenopplæring', 'Kinn kommune Utdannings-og ressurssenter KF']),
    );
    const numberByUnit = new Map<string, string>();
    for (const award of units) {
      const unit = award.unit;
      if (!unit) continue;
      expect(isValidOrganisationNumber(unit.organisationNumber)).toBe(true);
      expect(unit.organisationNumber).not.toBe(award.municipality.organisationNumber);
      expect(municipalities.some((m) => m.organisationNumber === unit.organisationNumber)).toBe(false);
      const unitKey = `${award.municipality.number}|${unit.name}`;
      expect(numberByUnit.get(unitKey) ?? unit.organisationNumber).toBe(unit.organisationNumber);
      numberByUnit.set(unitKey, unit.organisationNumber);
    }
    // "Oslo kommune - bydel St. Hanshaugen" and "Oslo kommune bydel St. Hanshaugen" are one unit.
    expect(numberByUnit.size).toBeLessThan(units.length);
  });

  it('treats plain "<name> kommune" recipients as the municipality itself', () => {
    for (const award of file.awards.filter((a) => /^\S+ (kommune|Kommune|herad)$/.test(a.recipient))) {
      expect(award.unit, award.recipient).toBeNull();
    }
  });
});
