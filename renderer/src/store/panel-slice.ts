// The panel lead's round: the snapshot the panel screens read, and the actions that change it (merge, trust
// list, consensus, round settings). Every figure comes from main's snapshot (shared/panel computed it).
import i18next from 'i18next';
import type { RequestOf, ResponseOf } from '../../../shared/ipc/contract';
import type { PanelSnapshot } from '../../../shared/panel/types';
import { call, messageOf } from '../api/client';
import type { Slice } from './slice';
import { whileBusy } from './slice';

export type MergeOutcome = ResponseOf<'panel:merge'>['outcomes'][number];
export type TrustEntry = ResponseOf<'trust:list'>['entries'][number];

/**
 * The contract keeps ranking, allocation and agreement opaque (z.unknown(): panelmath's result types are not
 * zod schemas); main made them with shared/panel's functions from the same snapshot, so they have those types.
 */
function typed(snapshot: ResponseOf<'panel:snapshot'>): PanelSnapshot {
  return snapshot as PanelSnapshot;
}

export interface PanelSlice {
  snapshot: PanelSnapshot | null;
  trustList: TrustEntry[];
  /** The last merge's result lines (newest merge only), for the collect screen. */
  mergeOutcomes: MergeOutcome[];
  merging: boolean;
  loadSnapshot(): Promise<void>;
  createPanel(): Promise<void>;
  createDemoPanel(): Promise<void>;
  chooseAndMerge(): Promise<void>;
  mergeFiles(paths: string[]): Promise<void>;
  addTrust(): Promise<void>;
  removeTrust(fingerprint: string): Promise<void>;
  /** Saves one consensus decision; resolves to an error line (nothing saved) or null when stored. */
  setConsensus(change: RequestOf<'panel:consensus-set'>['change']): Promise<string | null>;
  updateRoundSettings(patch: RequestOf<'panel:settings-set'>): Promise<void>;
}

export const createPanelSlice: Slice<PanelSlice> = (set, get) => {
  const guarded = (work: () => Promise<void>) => whileBusy(get, set, work);

  async function openedPanel(workspace: ResponseOf<'panel:create'>): Promise<void> {
    set({ workspace, recent: await call('workspace:recent'), mergeOutcomes: [] });
    await get().loadSnapshot();
    get().navigate({ name: 'panel', view: 'overview' });
  }

  return {
    snapshot: null,
    trustList: [],
    mergeOutcomes: [],
    merging: false,
    async loadSnapshot() {
      try {
        const [snapshot, trust] = await Promise.all([call('panel:snapshot'), call('trust:list')]);
        set({ snapshot: typed(snapshot), trustList: trust.entries });
      } catch (reason) {
        get().notifyError(reason);
      }
    },
    async createPanel() {
      await guarded(async () => {
        const dir = await call('dialog:choose-directory', { purpose: 'create-panel' });
        if (dir === null) return;
        await openedPanel(await call('panel:create', { dir }));
      });
    },
    async createDemoPanel() {
      await guarded(async () => {
        const dir = await call('dialog:choose-directory', { purpose: 'demo-panel' });
        if (dir === null) return;
        await openedPanel(await call('panel:demo-create', { dir }));
      });
    },
    async chooseAndMerge() {
      const paths = await call('dialog:choose-files', { purpose: 'exchange' }).catch((reason: unknown) => {
        get().notifyError(reason);
        return [];
      });
      if (paths.length > 0) await get().mergeFiles(paths);
    },
    async mergeFiles(paths) {
      set({ merging: true });
      try {
        const result = await call('panel:merge', { paths });
        set({ mergeOutcomes: result.outcomes });
        await get().loadSnapshot();
      } catch (reason) {
        get().notifyError(reason);
      } finally {
        set({ merging: false });
      }
    },
    async addTrust() {
      await guarded(async () => {
        const paths = await call('dialog:choose-files', { purpose: 'trust' });
        let added = 0;
        for (const path of paths) added += (await call('trust:add', { path })).added.length;
        if (paths.length > 0) get().notify('success', i18next.t('panel.collect.trustAdded', { count: added }));
        await get().loadSnapshot();
      });
    },
    async removeTrust(fingerprint) {
      await guarded(async () => {
        await call('trust:remove', { fingerprint });
        await get().loadSnapshot();
      });
    },
    async setConsensus(change) {
      try {
        const snapshot = await call('panel:consensus-set', { change });
        set({ snapshot: typed(snapshot) });
        get().notify('success', i18next.t('panel.consensus.saved'));
        return null;
      } catch (reason) {
        return messageOf(reason, i18next.language);
      }
    },
    async updateRoundSettings(patch) {
      try {
        set({ snapshot: typed(await call('panel:settings-set', patch)) });
      } catch (reason) {
        get().notifyError(reason);
      }
    },
  };
};
