// Typed selector hooks: components never subscribe to the whole store.
import { useShallow } from 'zustand/react/shallow';
import { useStore } from './index';
import type { StoreState } from './index';

export const useRoute = () => useStore((s) => s.route);
export const useNavigate = () => useStore((s) => s.navigate);
export const useSettings = () => useStore((s) => s.settings);
export const useWorkspace = () => useStore((s) => s.workspace);
export const useRecent = () => useStore((s) => s.recent);
export const useBusy = () => useStore((s) => s.busy);
export const useNotices = () => useStore((s) => s.notices);
export const useApplications = () => useStore((s) => s.applications);
export const useFilters = () => useStore((s) => s.filters);
export const useSort = () => useStore((s) => s.sort);
export const useDetail = () => useStore((s) => s.detail);
export const useAssessment = () => useStore((s) => s.assessment);
export const useSaveState = () => useStore((s) => s.saveState);
export const useSnapshot = () => useStore((s) => s.snapshot);
export const useTrustList = () => useStore((s) => s.trustList);

/** Actions never change identity, so picking several with a shallow compare is cheap. */
export function useActions<K extends keyof StoreState>(...keys: K[]): Pick<StoreState, K> {
  return useStore(
    useShallow((state) => {
      const picked = {} as Pick<StoreState, K>;
      for (const key of keys) picked[key] = state[key];
      return picked;
    }),
  );
}

export const useImportState = () =>
  useStore(
    useShallow((s) => ({ importing: s.importing, progress: s.importProgress, results: s.importResults, version: s.importResultsVersion })),
  );
