// The round overview's rows: which applications a filter shows and in what order. Presentation only: every
// figure (spread, flags, consensus) comes from the snapshot that shared/panel computed.
import type { FlagKind, PanelApplication } from '../../../shared/panel/types';

export interface OverviewFilter {
  /** 0 = every focus area. */
  focusArea: number;
  /** 'all', 'open' (any open flag) or one flag kind. */
  flag: 'all' | 'open' | FlagKind;
  sort: 'id' | 'spread';
}

export const DEFAULT_OVERVIEW_FILTER: OverviewFilter = { focusArea: 0, flag: 'all', sort: 'id' };

/** The largest spread over the criteria (null when no criterion has two scores). */
export function largestSpread(application: PanelApplication): number | null {
  let largest: number | null = null;
  for (const entry of application.statistics) {
    if (entry.spread !== null && (largest === null || entry.spread > largest)) largest = entry.spread;
  }
  return largest;
}

export function openFlagCount(application: PanelApplication): number {
  return application.flags.filter((flag) => flag.settlement.state === 'open').length;
}

export function overviewRows(applications: readonly PanelApplication[], filter: OverviewFilter): PanelApplication[] {
  const shown = applications.filter((application) => {
    if (filter.focusArea !== 0 && application.focusArea !== filter.focusArea) return false;
    switch (filter.flag) {
      case 'all':
        return true;
      case 'open':
        return openFlagCount(application) > 0;
      default:
        return application.flags.some((flag) => flag.kind === filter.flag);
    }
  });
  if (filter.sort === 'spread') {
    // Largest spread first; no spread last; ties by id so the order never jumps.
    return [...shown].sort((a, b) => (largestSpread(b) ?? -1) - (largestSpread(a) ?? -1) || (a.applicationId < b.applicationId ? -1 : 1));
  }
  return shown;
}

export interface RoundCounts {
  applications: number;
  flagged: number;
  settled: number;
  openFlags: number;
}

/** "65 søknader, 9 flagget, 4 avklart": flagged = any flag that needs the lead; settled = all of those settled. */
export function roundCounts(applications: readonly PanelApplication[]): RoundCounts {
  let flagged = 0;
  let settled = 0;
  let openFlags = 0;
  for (const application of applications) {
    const needing = application.flags.filter((flag) => flag.settlement.state !== 'automatic');
    const open = openFlagCount(application);
    openFlags += open;
    if (needing.length > 0) {
      flagged += 1;
      if (open === 0) settled += 1;
    }
  }
  return { applications: applications.length, flagged, settled, openFlags };
}
