// The route lives in location.hash so a reload (or Electron's reload) comes back to the same screen.
import type { AssessmentTab, Route } from './types';
import { ASSESSMENT_TABS, PANEL_VIEWS } from './types';

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
    case 'panel':
      return `#/panel/${route.view}`;
    case 'panel-application':
      return `#/panel/applications/${encodeURIComponent(route.applicationId)}`;
  }
}

export function hashToRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter((part) => part !== '');
  if (parts[0] === 'settings') return { name: 'settings' };
  if (parts[0] === 'export') return { name: 'export' };
  if (parts[0] === 'verify') return { name: 'verify' };
  if (parts[0] === 'panel') {
    if (parts[1] === 'applications' && parts[2] !== undefined) return { name: 'panel-application', applicationId: decodeURIComponent(parts[2]) };
    const view = PANEL_VIEWS.find((candidate) => candidate === parts[1]) ?? 'overview';
    return { name: 'panel', view };
  }
  if (parts[0] === 'applications') {
    if (parts[1] === undefined) return { name: 'list' };
    const tab = ASSESSMENT_TABS.find((candidate: AssessmentTab) => candidate === parts[2]) ?? 'impartiality';
    return { name: 'application', applicationId: decodeURIComponent(parts[1]), tab };
  }
  return { name: 'start' };
}
