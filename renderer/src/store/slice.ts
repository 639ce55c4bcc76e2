import type { StateCreator } from 'zustand';
import type { StoreState } from './index';

/** A slice creator that sees the whole store (slices call each other's actions). */
export type Slice<T> = StateCreator<StoreState, [], [], T>;

/**
 * Runs work with the store's busy flag set; a failure becomes the visible notice (ui-slice.notifyError), so no
 * caller can forget to show it.
 */
export async function whileBusy(get: () => StoreState, set: (partial: Partial<StoreState>) => void, work: () => Promise<void>): Promise<void> {
  set({ busy: true });
  try {
    await work();
  } catch (reason) {
    get().notifyError(reason);
  } finally {
    set({ busy: false });
  }
}
