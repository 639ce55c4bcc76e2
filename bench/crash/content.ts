// What the crash-test child writes as version v: deterministic, and of varying size so writes differ.
import type { Recommendation } from '../../shared/assessment/schema';

export const CRASH_APPLICATION_ID = 'ASK-2021-001';
export const CRASH_ASSESSOR = { id: 'krasj-test', name: 'Krasjtest' };

export function contentFor(version: number): Recommendation {
  return { decision: 'undecided', amount: version * 1000, comment: `versjon ${version} ${'æøå'.repeat(version % 300)}` };
}
