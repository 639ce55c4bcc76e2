// Settings, the open workspace and the recent list.
import type { RequestOf } from '../../../shared/ipc/contract';
import { call } from '../api/client';
import { setLanguage } from '../i18n';
import type { Slice } from './slice';
import { whileBusy } from './slice';
import type { RecentWorkspace, Settings, WorkspaceSummary } from './types';

export interface SessionSlice {
  ready: boolean;
  settings: Settings | null;
  workspace: WorkspaceSummary | null;
  recent: RecentWorkspace[];
  busy: boolean;
  bootstrap(): Promise<void>;
  updateSettings(patch: RequestOf<'settings:set'>): Promise<void>;
  createWorkspace(dir?: string): Promise<void>;
  openWorkspace(dir?: string): Promise<void>;
  createDemo(): Promise<void>;
}

export const createSessionSlice: Slice<SessionSlice> = (set, get) => {
  const guarded = (work: () => Promise<void>) => whileBusy(get, set, work);

  async function opened(workspace: WorkspaceSummary): Promise<void> {
    set({ workspace, recent: await call('workspace:recent'), snapshot: null, mergeOutcomes: [] });
    if (workspace.role === 'panel') {
      // A panel round opens on its overview; its figures come from the snapshot, not the assessor's list.
      await get().loadSnapshot();
      get().navigate({ name: 'panel', view: 'overview' });
      return;
    }
    await get().loadApplications();
    get().navigate({ name: 'list' });
  }

  return {
    ready: false,
    settings: null,
    workspace: null,
    recent: [],
    busy: false,
    async bootstrap() {
      try {
        const [settings, workspace, recent] = await Promise.all([
          call('settings:get'),
          call('workspace:current'),
          call('workspace:recent'),
        ]);
        setLanguage(settings.language);
        set({ settings, workspace, recent });
        if (workspace?.role === 'panel') await get().loadSnapshot();
        else if (workspace) await get().loadApplications();
        else if (get().route.name !== 'start' && get().route.name !== 'settings') get().navigate({ name: 'start' });
      } catch (reason) {
        get().notifyError(reason);
      } finally {
        set({ ready: true });
      }
    },
    async updateSettings(patch) {
      await guarded(async () => {
        const settings = await call('settings:set', patch);
        setLanguage(settings.language);
        set({ settings });
      });
    },
    async createWorkspace(dir) {
      await guarded(async () => {
        const target = dir ?? (await call('dialog:choose-directory', { purpose: 'create-workspace' }));
        if (target === null) return;
        await opened(await call('workspace:create', { dir: target }));
      });
    },
    async openWorkspace(dir) {
      await guarded(async () => {
        const target = dir ?? (await call('dialog:choose-directory', { purpose: 'open-workspace' }));
        if (target === null) return;
        await opened(await call('workspace:open', { dir: target }));
      });
    },
    async createDemo() {
      await guarded(async () => {
        const target = await call('dialog:choose-directory', { purpose: 'demo' });
        if (target === null) return;
        await opened(await call('demo:create', { dir: target }));
        await get().updateSettings({ firstRunDone: true });
      });
    },
  };
};
