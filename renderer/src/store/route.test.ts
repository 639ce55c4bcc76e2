import { describe, expect, it } from 'vitest';
import { hashToRoute, routeToHash } from './route';
import type { Route } from './types';

describe('routes in location.hash', () => {
  it('round-trips every screen, including ids that need escaping', () => {
    const routes: Route[] = [
      { name: 'start' },
      { name: 'list' },
      { name: 'settings' },
      { name: 'application', applicationId: 'ASK-2021-001', tab: 'scoring' },
      { name: 'application', applicationId: 'a.b_c', tab: 'finalise' },
      { name: 'panel', view: 'overview' },
      { name: 'panel', view: 'ranking' },
      { name: 'panel-application', applicationId: 'ASK-2021-001' },
    ];
    for (const route of routes) expect(hashToRoute(routeToHash(route))).toEqual(route);
  });

  it('falls back to safe defaults for unknown or partial hashes', () => {
    expect(hashToRoute('')).toEqual({ name: 'start' });
    expect(hashToRoute('#/nowhere')).toEqual({ name: 'start' });
    expect(hashToRoute('#/applications/X-1')).toEqual({ name: 'application', applicationId: 'X-1', tab: 'impartiality' });
    expect(hashToRoute('#/panel')).toEqual({ name: 'panel', view: 'overview' });
    expect(hashToRoute('#/panel/bogus')).toEqual({ name: 'panel', view: 'overview' });
    expect(hashToRoute('#/applications/X-1/bogus')).toEqual({ name: 'application', applicationId: 'X-1', tab: 'impartiality' });
  });
});
