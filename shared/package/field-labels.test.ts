import { describe, expect, it } from 'vitest';
import { fieldLabel } from './field-labels';

describe('field labels for validation messages', () => {
  it('names a field by its label, never its path', () => {
    expect(fieldLabel('applicant.organisationNumber')).toEqual({ nb: 'Organisasjonsnummer', en: 'Organisation number' });
    expect(fieldLabel('budget[1].totalCost')).toEqual({ nb: 'Totalkostnad (budsjettår 2)', en: 'Total cost (budget year 2)' });
    expect(fieldLabel('participants.list[0].birthDate').nb).toBe('Deltakerens fødselsdato (deltaker 1)');
  });

  it('falls back to the nearest labelled parent, or the key itself for an unknown field', () => {
    expect(fieldLabel('health.referralBased').nb).toBe('Helsetiltak');
    expect(fieldLabel('tittel')).toEqual({ nb: 'Feltet «tittel»', en: 'The field "tittel"' });
    expect(fieldLabel('').nb).toBe('soknad.json');
  });
});
