import { describe, expect, it } from 'vitest';
import { parseDate, parseInstant, parseKroner, rowToPackage } from './case-row';
import { parseCsv } from './case-table';

describe('parseCsv', () => {
  it('reads ; separated cells with quotes, escaped quotes, a BOM and CRLF', () => {
    expect(parseCsv('\uFEFFa;b;c\r\n"x; y";"si ""hei""";\r\n\r\n1;2;3')).toEqual([
      ['a', 'b', 'c'],
      ['x; y', 'si "hei"', ''],
      ['1', '2', '3'],
    ]);
  });

  it('keeps a line break inside a quoted cell and names the line of an unclosed quote', () => {
    expect(parseCsv('a\n"to\nlinjer"\n')).toEqual([['a'], ['to\nlinjer']]);
    expect(() => parseCsv('a\n"åpen\n')).toThrow(/line 3: a quoted cell is not closed/);
  });
});

describe('case-list values', () => {
  it('reads whole kroner as Norwegian Excel writes them and refuses øre', () => {
    expect(parseKroner('1 234 567')).toBe(1_234_567);
    expect(parseKroner('1\u00a0234\u00a0567,00')).toBe(1_234_567);
    expect(parseKroner('kr 50 000')).toBe(50_000);
    expect(parseKroner('1 234,50')).toBeUndefined();
    expect(parseKroner('-5')).toBeUndefined();
  });

  it('reads dd.mm.yyyy dates and Oslo wall-clock times across daylight saving', () => {
    expect(parseDate('9.2.2021')).toBe('2021-02-09');
    expect(parseDate('2021-02-09')).toBe('2021-02-09');
    expect(parseInstant('09.02.2021 23:59')).toBe('2021-02-09T23:59:00+01:00');
    expect(parseInstant('01.06.2021 12:00:30')).toBe('2021-06-01T12:00:30+02:00');
    expect(parseInstant('2021-02-09T12:00:00Z')).toBe('2021-02-09T12:00:00Z');
  });
});

describe('rowToPackage', () => {
  const row = (cells: Record<string, string>): Map<string, string> => new Map(Object.entries(cells));
  const base = {
    søknadsnummer: 'OSL-1',
    innsendt: '08.02.2021 10:00',
    søker: 'Oslo kommune',
    organisasjonsnummer: '974 778 882',
    kommunenummer: '301',
    satsingsområde: 'SO2',
    prosjekttittel: 'Tittel',
    vedlegg: 'a.pdf | b.pdf',
  };

  it('builds a package v1 and lists only the fields the row had', () => {
    const built = rowToPackage(row(base), 'ordning');
    expect(built.ok).toBe(true);
    if (!built.ok) return;
    expect(built.value.providedFields).toEqual(['formatVersion', 'schemeId', 'applicationId', 'submittedAt', 'applicant', 'focusArea', 'attachments']);
    expect(built.value.application.applicant).toMatchObject({ organisationNumber: '974778882', municipalityNumber: '0301' });
    expect(built.value.application.focusArea).toBe(2);
    expect(built.value.application.attachments.map((a) => [a.path, a.kind])).toEqual([
      ['vedlegg/a.pdf', 'application'],
      ['vedlegg/b.pdf', 'other'],
    ]);
  });

  it('names the field that is wrong', () => {
    expect(rowToPackage(row({ ...base, organisasjonsnummer: '988077918' }), 'ordning')).toMatchObject({ ok: false, detail: expect.stringContaining('applicant.organisationNumber') as string });
    expect(rowToPackage(row({ ...base, 'søkt beløp': '10,5', egenandel: '1', totalkostnad: '2' }), 'ordning')).toEqual({ ok: false, detail: 'søkt beløp: not whole kroner' });
    expect(rowToPackage(row({ ...base, vedlegg: '' }), 'ordning')).toEqual({ ok: false, detail: 'vedlegg: no PDF named' });
  });
});
