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
/** How long a confirmation stays; errors stay until dismissed (issue 12.5). */
export const NOTICE_TIMEOUT_MS = 6000;
const timers = new Map<number, ReturnType<typeof setTimeout>>();

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
    // Never two of the same kind: the newest replaces the one before it.
    for (const old of get().notices.filter((candidate) => candidate.kind === kind)) {
      clearTimeout(timers.get(old.id));
      timers.delete(old.id);
    }
    set({ notices: [...get().notices.filter((candidate) => candidate.kind !== kind), notice] });
    if (kind !== 'error') {
      timers.set(
        notice.id,
        setTimeout(() => get().dismiss(notice.id), NOTICE_TIMEOUT_MS),
      );
    }
  },
  notifyError(reason) {
    get().notify('error', messageOf(reason, i18next.language));
  },
  dismiss(id) {
    clearTimeout(timers.get(id));
    timers.delete(id);
    set({ notices: get().notices.filter((notice) => notice.id !== id) });
  },
});
