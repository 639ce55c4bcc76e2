// Import by dialog or drop, with progress per package (import:progress events) and a result per package.
// Built for imports of thousands of packages: each result is appended to one array in place (no copy per
// event; importResultsVersion tells the panel to repaint), and the progress carries what the panel needs
// for a count and the time left.
import { call, subscribe } from '../api/client';
import type { Slice } from './slice';
import type { ImportResult } from './types';

export interface ImportProgress {
  index: number;
  total: number;
  source: string;
  /** Packages finished so far. */
  done: number;
  /** performance.now() when the import started, and when this progress event arrived (time left = pace so far). */
  startedAt: number;
  at: number;
}

export interface ImportSlice {
  importing: boolean;
  importProgress: ImportProgress | null;
  /** Appended to in place while an import runs; read it together with importResultsVersion. */
  importResults: ImportResult[];
  importResultsVersion: number;
  importPaths(paths: string[]): Promise<void>;
  chooseAndImport(): Promise<void>;
}

export const createImportSlice: Slice<ImportSlice> = (set, get) => ({
  importing: false,
  importProgress: null,
  importResults: [],
  importResultsVersion: 0,
  async importPaths(paths) {
    if (paths.length === 0) return;
    const results: ImportResult[] = [];
    const startedAt = performance.now();
    set({ importing: true, importResults: results, importResultsVersion: get().importResultsVersion + 1, importProgress: { index: 0, total: paths.length, source: paths[0] ?? '', done: 0, startedAt, at: startedAt } });
    // Events may arrive after the call has answered (the transport does not order them); those are stale.
    let answered = false;
    const unsubscribe = subscribe('import:progress', (event) => {
      if (answered) return;
      const result = event.phase === 'done' ? event.result : undefined;
      if (result) results.push(result);
      set({
        importProgress: { index: event.index, total: event.total, source: event.source, done: results.length, startedAt, at: performance.now() },
        ...(result ? { importResultsVersion: get().importResultsVersion + 1 } : {}),
      });
    });
    try {
      const answer = await call('import:packages', { paths });
      answered = true;
      // The final answer is authoritative (events may be missed by a reload mid-import).
      set({ importResults: answer.results, importResultsVersion: get().importResultsVersion + 1 });
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
