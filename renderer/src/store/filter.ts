// Filtering and sorting of the application list. Pure, so it is unit-tested. Built for 5 000 rows: the list
// sorts only when the rows or the order change, and a keystroke in the search runs one filter pass over
// text lower-cased once per row (cached by row identity; a patched row is a new object, so it is redone).
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

const searchText = new WeakMap<ApplicationSummary, string>();

function haystackOf(row: ApplicationSummary): string {
  let text = searchText.get(row);
  if (text === undefined) {
    text = `${row.applicationId} ${row.applicantName} ${row.municipalityNumber} ${row.title}`.toLocaleLowerCase('nb-NO');
    searchText.set(row, text);
  }
  return text;
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

/** A sorted copy; ties fall back to the application id so the order is stable and total. */
export function sortRows(rows: readonly ApplicationSummary[], sort: ListSort): ApplicationSummary[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return rows.slice().sort((a, b) => sign * compare(a, b, sort.key) || collator.compare(a.applicationId, b.applicationId));
}

/** One pass over (already sorted) rows; the order is kept. */
export function filterRows(rows: readonly ApplicationSummary[], filters: ListFilters): ApplicationSummary[] {
  const words = filters.search.trim().toLocaleLowerCase('nb-NO').split(/\s+/).filter((word) => word !== '');
  const { focusArea, verdict, status } = filters;
  return rows.filter(
    (row) =>
      (focusArea === 'all' || row.focusArea === focusArea) &&
      (verdict === 'all' || (verdict === 'none' ? row.verdict === null : row.verdict === verdict)) &&
      (status === 'all' || row.myStatus === status) &&
      (words.length === 0 || words.every((word) => haystackOf(row).includes(word))),
  );
}

export function filterAndSort(rows: readonly ApplicationSummary[], filters: ListFilters, sort: ListSort): ApplicationSummary[] {
  return filterRows(sortRows(rows, sort), filters);
}
