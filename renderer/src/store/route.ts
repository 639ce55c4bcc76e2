// The route lives in location.hash so a reload (or Electron's reload) comes back to the same screen.
import type { AssessmentTab, Route } from './types';
import { ASSESSMENT_TABS } from './types';

export function routeToHash(route: Route): string {
  switch (route.name) {
    case 'start':
      return '#/';
    case 'list':
      return '#/applications';
    case 'settings':
      return '#/settings';
    case 'export':
      return '#/export';
    case 'verify':
      return '#/verify';
    case 'application':
      return `#/applications/${encodeURIComponent(route.applicationId)}/${route.tab}`;
  }
}

export function hashToRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter((part) => part !== '');
  if (parts[0] === 'settings') return { name: 'settings' };
  if (parts[0] === 'export') return { name: 'export' };
  if (parts[0] === 'verify') return { name: 'verify' };
  if (parts[0] === 'applications') {
    if (parts[1] === undefined) return { name: 'list' };
    const tab = ASSESSMENT_TABS.find((candidate: AssessmentTab) => candidate === parts[2]) ?? 'impartiality';
    return { name: 'application', applicationId: decodeURIComponent(parts[1]), tab };
  }
  return { name: 'start' };
}
