import { describe, expect, it } from 'vitest';
import { DEFAULT_FILTERS, filterAndSort } from './filter';
import type { ApplicationSummary } from './types';

function row(applicationId: string, applicantName: string, patch: Partial<ApplicationSummary> = {}): ApplicationSummary {
  return {
    applicationId,
    applicantName,
    municipalityNumber: '0301',
    title: `Prosjekt ${applicantName}`,
    focusArea: 1,
    requestedGrant: 100_000,
    submittedAt: '2021-02-01T10:00:00+01:00',
    verdict: 'eligible',
    myStatus: 'not-started',
    flagCount: 0,
    ...patch,
  };
}

const rows = [
  row('A-2', 'Ålesund', { focusArea: 2, requestedGrant: 500_000, verdict: 'needs-review' }),
  row('A-10', 'Bærum', { myStatus: 'draft', requestedGrant: null }),
  row('A-1', 'Øygarden', { focusArea: 3, verdict: null }),
  row('A-3', 'Zeta', { focusArea: 1, myStatus: 'final' }),
];

describe('filterAndSort', () => {
  it('sorts municipality names with Norwegian collation (Æ, Ø, Å after Z)', () => {
    const sorted = filterAndSort(rows, DEFAULT_FILTERS, { key: 'applicantName', direction: 'asc' });
    expect(sorted.map((r) => r.applicantName)).toEqual(['Bærum', 'Zeta', 'Øygarden', 'Ålesund']);
  });

  it('sorts ids numerically and descending on request', () => {
    expect(filterAndSort(rows, DEFAULT_FILTERS, { key: 'applicationId', direction: 'asc' }).map((r) => r.applicationId)).toEqual([
      'A-1',
      'A-2',
      'A-3',
      'A-10',
    ]);
    expect(filterAndSort(rows, DEFAULT_FILTERS, { key: 'requestedGrant', direction: 'desc' }).map((r) => r.applicationId)).toEqual([
      'A-2',
      'A-1',
      'A-3',
      'A-10',
    ]);
  });

  it('filters by focus area, verdict (including not checked), status and search words', () => {
    const sort = { key: 'applicationId', direction: 'asc' } as const;
    expect(filterAndSort(rows, { ...DEFAULT_FILTERS, focusArea: 1 }, sort).map((r) => r.applicationId)).toEqual(['A-3', 'A-10']);
    expect(filterAndSort(rows, { ...DEFAULT_FILTERS, verdict: 'none' }, sort).map((r) => r.applicationId)).toEqual(['A-1']);
    expect(filterAndSort(rows, { ...DEFAULT_FILTERS, status: 'draft' }, sort).map((r) => r.applicationId)).toEqual(['A-10']);
    expect(filterAndSort(rows, { ...DEFAULT_FILTERS, search: 'prosjekt ÅLE' }, sort).map((r) => r.applicationId)).toEqual(['A-2']);
  });
});
