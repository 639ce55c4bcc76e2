// Filtering and sorting of the application list. Pure, so it is unit-tested and fast on 1 000 rows.
import type { ApplicationSummary, MyStatus, VerdictValue } from './types';

export type SortKey = 'applicationId' | 'applicantName' | 'title' | 'focusArea' | 'requestedGrant' | 'verdict' | 'myStatus';

export interface ListFilters {
  focusArea: number | 'all';
  verdict: VerdictValue | 'none' | 'all';
  status: MyStatus | 'all';
  search: string;
}

export interface ListSort {
  key: SortKey;
  direction: 'asc' | 'desc';
}

export const DEFAULT_FILTERS: ListFilters = { focusArea: 'all', verdict: 'all', status: 'all', search: '' };
export const DEFAULT_SORT: ListSort = { key: 'applicationId', direction: 'asc' };

// Norwegian collation: Æ, Ø, Å after Z; numeric so "SO-10" follows "SO-9".
const collator = new Intl.Collator('nb-NO', { numeric: true, sensitivity: 'base' });

function matchesSearch(row: ApplicationSummary, needle: string): boolean {
  if (needle === '') return true;
  const haystack = `${row.applicationId} ${row.applicantName} ${row.municipalityNumber} ${row.title}`.toLocaleLowerCase('nb-NO');
  return needle.split(/\s+/).every((word) => haystack.includes(word));
}

function compare(a: ApplicationSummary, b: ApplicationSummary, key: SortKey): number {
  switch (key) {
    case 'focusArea':
      return a.focusArea - b.focusArea;
    case 'requestedGrant':
      // Unknown amounts (case-system rows without a budget) sort first.
      return (a.requestedGrant ?? -1) - (b.requestedGrant ?? -1);
    case 'applicationId':
    case 'applicantName':
    case 'title':
    case 'myStatus':
      return collator.compare(a[key], b[key]);
    case 'verdict':
      return collator.compare(a.verdict ?? '', b.verdict ?? '');
  }
}

export function filterAndSort(rows: readonly ApplicationSummary[], filters: ListFilters, sort: ListSort): ApplicationSummary[] {
  const needle = filters.search.trim().toLocaleLowerCase('nb-NO');
  const kept = rows.filter(
    (row) =>
      (filters.focusArea === 'all' || row.focusArea === filters.focusArea) &&
      (filters.verdict === 'all' || (filters.verdict === 'none' ? row.verdict === null : row.verdict === filters.verdict)) &&
      (filters.status === 'all' || row.myStatus === filters.status) &&
      matchesSearch(row, needle),
  );
  const sign = sort.direction === 'asc' ? 1 : -1;
  // Ties fall back to the application id so the order is stable and total.
  return kept.sort((a, b) => sign * compare(a, b, sort.key) || collator.compare(a.applicationId, b.applicationId));
}
