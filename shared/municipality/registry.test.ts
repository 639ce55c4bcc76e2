import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isValidOrganisationNumber } from '../package/organisation-number';
import {
  classifyApplicant,
  COUNTIES,
  COUNTY_LIST_SOURCE,
  findCountyByOrganisationNumber,
  findMunicipality,
  findMunicipalityByOrganisationNumber,
  MUNICIPALITIES,
  MUNICIPALITY_LIST_SOURCE,
} from './registry';

const DATA_FILE = fileURLToPath(new URL('../../resources/data/kommuner-2020.json', import.meta.url));
const OSLO_ORGNR = '958935420';
/** MOD11-valid and not any municipality's own number (KNOWHOW's example). */
const OTHER_VALID_ORGNR = '991825827';

describe('the 2020 municipality list', () => {
  it('has 356 municipalities with unique numbers and organisation numbers, all MOD11-valid', () => {
    expect(MUNICIPALITIES).toHaveLength(356);
    expect(new Set(MUNICIPALITIES.map((m) => m.number)).size).toBe(356);
    expect(new Set(MUNICIPALITIES.map((m) => m.organisationNumber)).size).toBe(356);
    const invalid = MUNICIPALITIES.filter((m) => !isValidOrganisationNumber(m.organisationNumber));
    expect(invalid).toEqual([]);
    for (const m of MUNICIPALITIES) expect(m.number).toMatch(/^\d{4}$/);
  });

  it('keeps the source note of the data file', () => {
    const file = JSON.parse(readFileSync(DATA_FILE, 'utf8')) as { source: string };
    expect(MUNICIPALITY_LIST_SOURCE).toBe(file.source);
    expect(MUNICIPALITY_LIST_SOURCE).toMatch(/Kartverket/);
  });

  it('finds Oslo by number and by organisation number', () => {
    expect(findMunicipality('0301')).toMatchObject({ name: 'Oslo', countyName: 'Oslo', organisationNumber: OSLO_ORGNR });
    expect(findMunicipalityByOrganisationNumber(OSLO_ORGNR)?.number).toBe('0301');
    expect(findMunicipality('0999')).toBeUndefined();
    expect(findMunicipalityByOrganisationNumber(OTHER_VALID_ORGNR)).toBeUndefined();
  });

  it('has no municipality whose own "<name> kommune" looks non-municipal', () => {
    const refused = MUNICIPALITIES.filter(
      (m) => classifyApplicant({ name: `${m.name} kommune`, organisationNumber: m.organisationNumber, municipalityNumber: m.number }).kind !== 'municipality',
    );
    expect(refused).toEqual([]);
  });
});

describe('classifyApplicant', () => {
  it('accepts the municipality itself', () => {
    const result = classifyApplicant({ name: 'Oslo kommune', organisationNumber: OSLO_ORGNR, municipalityNumber: '0301' });
    expect(result.kind).toBe('municipality');
    expect(result.municipality?.name).toBe('Oslo');
    expect(result.reason.nb).toContain(OSLO_ORGNR);
  });

  it('asks the assessor to confirm an Oslo bydel with its own organisation number', () => {
    const result = classifyApplicant({
      name: 'Oslo kommune',
      unitName: 'Bydel Grorud',
      organisationNumber: OTHER_VALID_ORGNR,
      municipalityNumber: '0301',
    });
    expect(result.kind).toBe('municipal-unit');
    expect(result.municipality?.number).toBe('0301');
    expect(result.reason.en).toContain('Bydel Grorud');
  });

  it('refuses a company, a foundation and a county', () => {
    for (const name of ['Fremtidens Gründere AS', 'Stiftelsen Inkludering', 'Viken fylkeskommune']) {
      const result = classifyApplicant({ name, organisationNumber: OTHER_VALID_ORGNR, municipalityNumber: '0301' });
      expect(result.kind, name).toBe('not-municipality');
    }
  });

  it('reports a municipality number that is not in the 2020 list', () => {
    const result = classifyApplicant({ name: 'Gamle Sandnes kommune', organisationNumber: OTHER_VALID_ORGNR, municipalityNumber: '1102' });
    expect(result.kind).toBe('unknown-municipality');
    expect(result.municipality).toBeUndefined();
  });

  it('asks for confirmation when another municipality\'s organisation number is used', () => {
    const result = classifyApplicant({ name: 'Bergen kommune', organisationNumber: OSLO_ORGNR, municipalityNumber: '4601' });
    expect(result.kind).toBe('municipal-unit');
    expect(result.reason.en).toContain('belongs to the municipality of Oslo');
  });

  it('asks for confirmation when the name does not mention the municipality', () => {
    const result = classifyApplicant({ name: 'Bergen kommune', organisationNumber: OSLO_ORGNR, municipalityNumber: '0301' });
    expect(result.kind).toBe('municipal-unit');
  });

  it('refuses an organisation number that fails MOD11', () => {
    const result = classifyApplicant({ name: 'Oslo kommune', organisationNumber: '988077918', municipalityNumber: '0301' });
    expect(result.kind).toBe('not-municipality');
  });
});

describe('the 2020 county authorities (fylkeskommuner)', () => {
  it('lists the ten counties besides Oslo, with MOD11-valid organisation numbers that are no municipality\'s', () => {
    expect(COUNTIES).toHaveLength(10);
    expect(COUNTIES.map((county) => county.number)).toEqual(['11', '15', '18', '30', '34', '38', '42', '46', '50', '54']);
    for (const county of COUNTIES) {
      expect(isValidOrganisationNumber(county.organisationNumber), county.name).toBe(true);
      expect(findMunicipalityByOrganisationNumber(county.organisationNumber), county.name).toBeUndefined();
    }
    // Every county number of the municipality list except Oslo (03) has its county authority here.
    const countyNumbers = new Set(MUNICIPALITIES.map((m) => m.countyNumber).filter((n) => n !== '03'));
    expect([...countyNumbers].sort()).toEqual(COUNTIES.map((county) => county.number));
    expect(COUNTY_LIST_SOURCE).toMatch(/Enhetsregisteret/);
  });

  it('classifies a county applying under a plain name as not a municipality, by its organisation number', () => {
    // "Viken" names no organisation form, and 3005 Drammen is a real municipality number: only the number tells.
    const viken = findCountyByOrganisationNumber('921693230');
    expect(viken?.name).toBe('Viken');
    const result = classifyApplicant({ name: 'Viken', organisationNumber: '921693230', municipalityNumber: '3005' });
    expect(result.kind).toBe('not-municipality');
    expect(result.reason.nb).toContain('Viken fylkeskommune');
    expect(result.reason.en).toContain('county authority');
  });
});
