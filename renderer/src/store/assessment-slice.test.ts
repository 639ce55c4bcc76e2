// The autosave sequencing of the assessment slice: debounce, flush, and edits made while a save is in flight.
// window.api is a small in-memory stand-in for main that keeps the one rule the real store enforces here:
// a save must carry the stored version, and the stored version increases by one per save.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { create } from 'zustand';
import type { Assessment } from '../../../shared/assessment/schema';
import type { StoreState } from './index';
import { AUTOSAVE_DELAY_MS, createAssessmentSlice } from './assessment-slice';
import { answerFlushRequests } from './flush-on-close';

const blank: Assessment = {
  formatVersion: 1,
  applicationId: 'ASK-2021-001',
  schemeId: 'imdi-kommunale-integreringstiltak-2021',
  assessor: { id: 'kari-nordmann', name: 'Kari Nordmann' },
  status: 'draft',
  version: 0,
  updatedAt: '2021-03-01T10:00:00+01:00',
  impartiality: null,
  ruleReviews: [],
  scores: [],
  recommendation: { decision: 'undecided', amount: 0, comment: '' },
  finalisedAt: null,
  reopenings: [],
};

interface FakeMain {
  stored: Assessment;
  saves: Assessment[];
  /** Resolves the pending save when a test wants to hold it in flight. */
  release: (() => void) | null;
  hold: boolean;
  /** Every channel invoked, in order. */
  calls: string[];
  /** Event listeners the page registered (main → renderer events are pushed through these). */
  listeners: Map<string, (payload: unknown) => void>;
}

function install(main: FakeMain): void {
  const invoke = async (channel: string, request?: { assessment?: Assessment; applicationId?: string }) => {
    main.calls.push(channel);
    switch (channel) {
      case 'applications:get':
        return { ok: true, value: { summary: { applicationId: request?.applicationId } } };
      case 'assessment:get':
        return { ok: true, value: main.stored };
      case 'assessment:save': {
        if (main.hold) await new Promise<void>((resolve) => (main.release = resolve));
        const incoming = request?.assessment as Assessment;
        if (incoming.version !== main.stored.version) {
          return { ok: false, error: { code: 'assessment.stale-version', message: 'stale version' } };
        }
        main.stored = { ...incoming, version: incoming.version + 1 };
        main.saves.push(main.stored);
        return { ok: true, value: main.stored };
      }
      case 'app:flushed':
        return { ok: true, value: null };
      default:
        return { ok: false, error: { code: 'test.unexpected', message: `unexpected ${channel}` } };
    }
  };
  const on = (event: string, listener: (payload: unknown) => void) => {
    main.listeners.set(event, listener);
    return () => main.listeners.delete(event);
  };
  vi.stubGlobal('window', { api: { invoke, on, getPathForFile: () => '' } });
}

function makeStore(errors: unknown[]) {
  return create<StoreState>()(
    (set, get, api) =>
      ({
        ...createAssessmentSlice(set, get, api),
        notifyError: (reason: unknown) => errors.push(reason),
        loadApplications: async () => undefined,
        refreshApplication: async () => undefined,
      }) as unknown as StoreState,
  );
}

describe('assessment autosave', () => {
  let main: FakeMain;
  let errors: unknown[];
  beforeEach(() => {
    vi.useFakeTimers();
    main = { stored: blank, saves: [], release: null, hold: false, calls: [], listeners: new Map() };
    errors = [];
    install(main);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('saves once after the pause, not once per keystroke', async () => {
    const store = makeStore(errors);
    await store.getState().openApplication('ASK-2021-001');
    for (const comment of ['G', 'Go', 'God']) {
      store.getState().updateAssessment((draft) => ({ ...draft, recommendation: { ...draft.recommendation, comment } }));
    }
    expect(store.getState().saveState).toBe('pending');
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS - 1);
    expect(main.saves).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(main.saves.map((saved) => saved.recommendation.comment)).toEqual(['God']);
    expect(store.getState().saveState).toBe('saved');
    expect(store.getState().assessment?.version).toBe(1);
  });

  it('flushSave saves at once (beforeunload) and does nothing when nothing changed', async () => {
    const store = makeStore(errors);
    await store.getState().openApplication('ASK-2021-001');
    await store.getState().flushSave();
    expect(main.saves).toHaveLength(0);
    store.getState().updateAssessment((draft) => ({ ...draft, recommendation: { ...draft.recommendation, comment: 'Nå' } }));
    await store.getState().flushSave();
    expect(main.saves).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2);
    expect(main.saves).toHaveLength(1);
  });

  it('keeps an edit made while a save is in flight and saves it next with the new version', async () => {
    const store = makeStore(errors);
    await store.getState().openApplication('ASK-2021-001');
    main.hold = true;
    store.getState().updateAssessment((draft) => ({ ...draft, recommendation: { ...draft.recommendation, comment: 'første' } }));
    const first = store.getState().flushSave();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().saveState).toBe('saving');
    store.getState().updateAssessment((draft) => ({ ...draft, recommendation: { ...draft.recommendation, amount: 5000 } }));
    main.hold = false;
    main.release?.();
    await first;
    // The edit is still there, on top of the version main returned.
    expect(store.getState().assessment?.recommendation).toMatchObject({ comment: 'første', amount: 5000 });
    expect(store.getState().assessment?.version).toBe(1);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(main.saves.map((saved) => [saved.version, saved.recommendation.comment, saved.recommendation.amount])).toEqual([
      [1, 'første', 0],
      [2, 'første', 5000],
    ]);
    expect(errors).toEqual([]);
  });

  it('on a stale version (saved from another window) it says so and shows what is on disk', async () => {
    const store = makeStore(errors);
    await store.getState().openApplication('ASK-2021-001');
    main.stored = { ...blank, version: 4, recommendation: { ...blank.recommendation, comment: 'fra det andre vinduet' } };
    store.getState().updateAssessment((draft) => ({ ...draft, recommendation: { ...draft.recommendation, comment: 'herfra' } }));
    await store.getState().flushSave();
    expect(errors).toHaveLength(1);
    expect(store.getState().assessment?.recommendation.comment).toBe('fra det andre vinduet');
    expect(store.getState().assessment?.version).toBe(4);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS * 2);
    expect(main.saves).toHaveLength(0);
  });

  it('does not edit a final assessment', async () => {
    main.stored = { ...blank, status: 'final', version: 3 };
    const store = makeStore(errors);
    await store.getState().openApplication('ASK-2021-001');
    store.getState().updateAssessment((draft) => ({ ...draft, recommendation: { ...draft.recommendation, comment: 'x' } }));
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(main.saves).toHaveLength(0);
    expect(store.getState().assessment?.recommendation.comment).toBe('');
  });
  it('answers a flush request (window closing) only after the debounced edit was saved', async () => {
    const store = makeStore(errors);
    await store.getState().openApplication('ASK-2021-001');
    const off = answerFlushRequests(() => store.getState().flushSave(), (reason) => errors.push(reason));
    main.calls.length = 0;
    main.hold = true;
    store.getState().updateAssessment((draft) => ({ ...draft, recommendation: { ...draft.recommendation, comment: 'Siste ord' } }));
    // The debounce has not fired: the edit exists only in the page when main asks.
    main.listeners.get('app:flush-request')?.({ requestId: 'close-1' });
    await vi.advanceTimersByTimeAsync(0);
    expect(main.calls).toEqual(['assessment:save']);
    main.release?.();
    await vi.advanceTimersByTimeAsync(0);
    expect(main.calls).toEqual(['assessment:save', 'app:flushed']);
    expect(main.saves.map((saved) => saved.recommendation.comment)).toEqual(['Siste ord']);
    await vi.advanceTimersByTimeAsync(AUTOSAVE_DELAY_MS);
    expect(main.saves).toHaveLength(1);
    off();
    expect(main.listeners.has('app:flush-request')).toBe(false);
    expect(errors).toEqual([]);
  });

  it('answers a flush request at once when nothing is pending', async () => {
    const store = makeStore(errors);
    await store.getState().openApplication('ASK-2021-001');
    answerFlushRequests(() => store.getState().flushSave(), (reason) => errors.push(reason));
    main.calls.length = 0;
    main.listeners.get('app:flush-request')?.({ requestId: 'close-2' });
    await vi.advanceTimersByTimeAsync(0);
    expect(main.calls).toEqual(['app:flushed']);
  });
});
