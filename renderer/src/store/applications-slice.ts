// The application list with its filters and sort order.
import { call } from '../api/client';
import { DEFAULT_FILTERS, DEFAULT_SORT } from './filter';
import type { ListFilters, ListSort } from './filter';
import type { Slice } from './slice';
import type { ApplicationSummary } from './types';

export interface ApplicationsSlice {
  applications: ApplicationSummary[];
  applicationsLoaded: boolean;
  filters: ListFilters;
  sort: ListSort;
  /** The list's page, kept here so coming back from an application returns to the same page. */
  listPage: number;
  loadApplications(): Promise<void>;
  /** Re-reads one row (after a save) and replaces it in place: the other rows keep their identity. */
  refreshApplication(applicationId: string): Promise<void>;
  setListPage(page: number): void;
  setFilters(patch: Partial<ListFilters>): void;
  setSort(key: ListSort['key']): void;
}

export const createApplicationsSlice: Slice<ApplicationsSlice> = (set, get) => ({
  applications: [],
  applicationsLoaded: false,
  filters: DEFAULT_FILTERS,
  sort: DEFAULT_SORT,
  listPage: 0,
  async loadApplications() {
    try {
      const [applications, workspace] = await Promise.all([call('applications:list'), call('workspace:current')]);
      set({ applications, applicationsLoaded: true, workspace });
    } catch (reason) {
      get().notifyError(reason);
    }
  },
  async refreshApplication(applicationId) {
    try {
      const row = await call('applications:summary', { applicationId });
      const rows = get().applications;
      const at = rows.findIndex((candidate) => candidate.applicationId === applicationId);
      // Not in the list yet (imported meanwhile in another window): the next full load shows it.
      if (at === -1) return;
      const applications = rows.slice();
      applications[at] = row;
      set({ applications });
    } catch (reason) {
      get().notifyError(reason);
    }
  },
  setFilters(patch) {
    set({ filters: { ...get().filters, ...patch }, listPage: 0 });
  },
  setListPage(page) {
    set({ listPage: page });
  },
  setSort(key) {
    const { sort } = get();
    set({ sort: { key, direction: sort.key === key && sort.direction === 'asc' ? 'desc' : 'asc' } });
  },
});
