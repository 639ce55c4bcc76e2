// The open application and the assessor's assessment of it, with debounced autosave.
// Every edit goes through updateAssessment; a timer saves after a pause, and flushSave() saves now
// (called on tab change, beforeunload and visibilitychange so nothing is lost when the window closes).
import type { Assessment } from '../../../shared/assessment/schema';
import { ApiError, call } from '../api/client';
import { resumeStep } from '../domain';
import type { Slice } from './slice';
import type { ApplicationDetail, SaveState } from './types';

export const AUTOSAVE_DELAY_MS = 700;

export interface AssessmentSlice {
  detail: ApplicationDetail | null;
  assessment: Assessment | null;
  saveState: SaveState;
  loadingApplication: boolean;
  openApplication(applicationId: string): Promise<void>;
  /** Opens an application on its first unfinished step (the queue's "Neste"); impartiality when unknown. */
  resumeApplication(applicationId: string): Promise<void>;
  closeApplication(): Promise<void>;
  updateAssessment(mutate: (draft: Assessment) => Assessment): void;
  flushSave(): Promise<void>;
  finalise(): Promise<boolean>;
  reopen(reason: string): Promise<boolean>;
}

let timer: ReturnType<typeof setTimeout> | null = null;
let inFlight: Promise<void> | null = null;
/** Bumped on every edit; a save answer only replaces the draft when no edit happened meanwhile. */
let generation = 0;
let savedGeneration = 0;

function nowWithOffset(): string {
  // The instant in UTC ("Z" is an offset); presentation converts to Europe/Oslo.
  return new Date().toISOString();
}

export const createAssessmentSlice: Slice<AssessmentSlice> = (set, get) => {
  async function saveOnce(): Promise<void> {
    const draft = get().assessment;
    if (!draft || generation === savedGeneration) return;
    const sending = generation;
    set({ saveState: 'saving' });
    try {
      const saved = await call('assessment:save', { assessment: { ...draft, updatedAt: nowWithOffset() } });
      savedGeneration = sending;
      const current = get().assessment;
      if (sending === generation || !current) set({ assessment: saved, saveState: 'saved' });
      // Edits arrived during the save: keep them, adopt the new version, and save again.
      else {
        set({ assessment: { ...current, version: saved.version, updatedAt: saved.updatedAt }, saveState: 'pending' });
        schedule();
      }
      // Patch the one list row (status, verdict after rule reviews) instead of reloading the whole list.
      if (sending === generation) void get().refreshApplication(saved.applicationId);
    } catch (reason) {
      set({ saveState: 'error' });
      get().notifyError(reason);
      // Saved meanwhile from elsewhere (another window): show what is on disk rather than retry forever.
      if (reason instanceof ApiError && reason.code === 'assessment.stale-version') {
        try {
          const stored = await call('assessment:get', { applicationId: draft.applicationId });
          generation = 0;
          savedGeneration = 0;
          set({ assessment: stored, saveState: 'idle' });
        } catch (failure) {
          get().notifyError(failure);
        }
      }
    }
  }

  function schedule(): void {
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      void get().flushSave();
    }, AUTOSAVE_DELAY_MS);
  }

  return {
    detail: null,
    assessment: null,
    saveState: 'idle',
    loadingApplication: false,
    async openApplication(applicationId) {
      if (get().detail?.summary.applicationId === applicationId && get().assessment) return;
      await get().flushSave();
      set({ loadingApplication: true, detail: null, assessment: null, saveState: 'idle' });
      try {
        const [detail, assessment] = await Promise.all([
          call('applications:get', { applicationId }),
          call('assessment:get', { applicationId }),
        ]);
        generation = 0;
        savedGeneration = 0;
        set({ detail, assessment });
      } catch (reason) {
        get().notifyError(reason);
      } finally {
        set({ loadingApplication: false });
      }
    },
    async resumeApplication(applicationId) {
      // Without an assessor name the view asks for it first; there is no assessment to resume yet.
      if (!get().settings?.assessor) {
        get().navigate({ name: 'application', applicationId, tab: 'impartiality' });
        return;
      }
      await get().openApplication(applicationId);
      const { detail, assessment, workspace } = get();
      const loaded = detail?.summary.applicationId === applicationId && assessment !== null && workspace !== null;
      const tab = loaded && detail && assessment && workspace ? resumeStep(detail, assessment, workspace.scheme) : 'impartiality';
      get().navigate({ name: 'application', applicationId, tab });
    },
    async closeApplication() {
      await get().flushSave();
    },
    updateAssessment(mutate) {
      const current = get().assessment;
      if (!current || current.status === 'final') return;
      generation += 1;
      set({ assessment: mutate(current), saveState: 'pending' });
      schedule();
    },
    async flushSave() {
      if (timer !== null) {
        clearTimeout(timer);
        timer = null;
      }
      while (inFlight) await inFlight;
      if (generation === savedGeneration) return;
      inFlight = saveOnce().finally(() => {
        inFlight = null;
      });
      await inFlight;
    },
    async finalise() {
      const current = get().assessment;
      if (!current) return false;
      await get().flushSave();
      try {
        const final = await call('assessment:finalise', { applicationId: current.applicationId });
        set({ assessment: final, saveState: 'saved' });
        await get().refreshApplication(final.applicationId);
        return true;
      } catch (reason) {
        get().notifyError(reason);
        return false;
      }
    },
    async reopen(reason) {
      const current = get().assessment;
      if (!current) return false;
      try {
        const reopened = await call('assessment:reopen', { applicationId: current.applicationId, reason });
        set({ assessment: reopened, saveState: 'saved' });
        await get().refreshApplication(reopened.applicationId);
        return true;
      } catch (failure) {
        get().notifyError(failure);
        return false;
      }
    },
  };
};
