// Import by dialog or drop, with progress per package (import:progress events) and a result per package.
import { call, subscribe } from '../api/client';
import type { Slice } from './slice';
import type { ImportResult } from './types';

export interface ImportProgress {
  index: number;
  total: number;
  source: string;
}

export interface ImportSlice {
  importing: boolean;
  importProgress: ImportProgress | null;
  importResults: ImportResult[];
  importPaths(paths: string[]): Promise<void>;
  chooseAndImport(): Promise<void>;
}

export const createImportSlice: Slice<ImportSlice> = (set, get) => ({
  importing: false,
  importProgress: null,
  importResults: [],
  async importPaths(paths) {
    if (paths.length === 0) return;
    set({ importing: true, importResults: [], importProgress: { index: 0, total: paths.length, source: paths[0] ?? '' } });
    // Events may arrive after the call has answered (the transport does not order them); those are stale.
    let answered = false;
    const unsubscribe = subscribe('import:progress', (event) => {
      if (answered) return;
      set({ importProgress: { index: event.index, total: event.total, source: event.source } });
      const result = event.result;
      if (event.phase === 'done' && result) set({ importResults: [...get().importResults, result] });
    });
    try {
      const { results } = await call('import:packages', { paths });
      answered = true;
      // The final answer is authoritative (events may be missed by a reload mid-import).
      set({ importResults: results });
      await get().loadApplications();
    } catch (reason) {
      get().notifyError(reason);
    } finally {
      answered = true;
      unsubscribe();
      set({ importing: false, importProgress: null });
    }
  },
  async chooseAndImport() {
    try {
      const paths = await call('dialog:choose-packages');
      await get().importPaths(paths);
    } catch (reason) {
      get().notifyError(reason);
    }
  },
});
