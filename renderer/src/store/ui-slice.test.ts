// Notices (issue 12.5): confirmations leave on their own, errors stay until dismissed, never two of a kind.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import type { StoreState } from './index';
import { NOTICE_TIMEOUT_MS, createUiSlice } from './ui-slice';

function makeStore() {
  return create<StoreState>()((set, get, api) => ({ ...createUiSlice(set, get, api) }) as unknown as StoreState);
}

describe('notices', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.stubGlobal('window', { location: { hash: '' }, history: { pushState: () => undefined } });
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('lets a confirmation disappear on its own but keeps an error until it is dismissed', () => {
    const store = makeStore();
    store.getState().notify('success', 'Lagret.');
    store.getState().notify('error', 'Kunne ikke lagre.');
    expect(store.getState().notices.map((notice) => notice.kind)).toEqual(['success', 'error']);
    vi.advanceTimersByTime(NOTICE_TIMEOUT_MS);
    expect(store.getState().notices.map((notice) => notice.text)).toEqual(['Kunne ikke lagre.']);
    vi.advanceTimersByTime(NOTICE_TIMEOUT_MS * 10);
    expect(store.getState().notices).toHaveLength(1);
    const [error] = store.getState().notices;
    store.getState().dismiss(error?.id ?? -1);
    expect(store.getState().notices).toEqual([]);
  });

  it('never shows two of the same kind: the newest replaces the older', () => {
    const store = makeStore();
    store.getState().notify('error', 'Første feil.');
    store.getState().notify('error', 'Andre feil.');
    store.getState().notify('info', 'Til informasjon.');
    store.getState().notify('info', 'Mer informasjon.');
    expect(store.getState().notices.map((notice) => notice.text)).toEqual(['Andre feil.', 'Mer informasjon.']);
    // The replaced confirmation's timer does not remove the newer one early.
    vi.advanceTimersByTime(NOTICE_TIMEOUT_MS - 1);
    expect(store.getState().notices.map((notice) => notice.text)).toContain('Mer informasjon.');
  });
});
