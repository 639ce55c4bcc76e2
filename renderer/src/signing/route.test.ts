// The signing screens have their own hashes, so a reload comes back to them.
import { describe, expect, it } from 'vitest';
import { hashToRoute, routeToHash } from '../store/route';

describe('signing routes', () => {
  it('round-trips #/export and #/verify', () => {
    for (const name of ['export', 'verify'] as const) {
      expect(routeToHash({ name })).toBe(`#/${name}`);
      expect(hashToRoute(routeToHash({ name }))).toEqual({ name });
    }
  });

  it('does not mistake them for the start screen', () => {
    expect(hashToRoute('#/verify/')).toEqual({ name: 'verify' });
    expect(hashToRoute('#/eksport')).toEqual({ name: 'start' });
  });
});
