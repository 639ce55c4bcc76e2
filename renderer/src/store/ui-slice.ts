// Route and notices. Errors from any call land here as one visible line.
import i18next from 'i18next';
import { messageOf } from '../api/client';
import { hashToRoute, routeToHash } from './route';
import type { Slice } from './slice';
import type { Notice, Route } from './types';

export interface UiSlice {
  route: Route;
  notices: Notice[];
  navigate(route: Route): void;
  syncRouteFromHash(): void;
  notify(kind: Notice['kind'], text: string): void;
  notifyError(reason: unknown): void;
  dismiss(id: number): void;
}

let nextNoticeId = 1;

export const createUiSlice: Slice<UiSlice> = (set, get) => ({
  route: hashToRoute(window.location.hash),
  notices: [],
  navigate(route) {
    const hash = routeToHash(route);
    if (window.location.hash !== hash) window.history.pushState(null, '', hash);
    set({ route });
  },
  syncRouteFromHash() {
    set({ route: hashToRoute(window.location.hash) });
  },
  notify(kind, text) {
    const notice = { id: nextNoticeId++, kind, text };
    // Keep the last few; older ones are stale by now.
    set({ notices: [...get().notices.slice(-3), notice] });
  },
  notifyError(reason) {
    get().notify('error', messageOf(reason, i18next.language));
  },
  dismiss(id) {
    set({ notices: get().notices.filter((notice) => notice.id !== id) });
  },
});
