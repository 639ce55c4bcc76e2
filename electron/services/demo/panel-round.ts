// The demo panel's assessors and what they think (docs/demo.md § Demo panel): five assessors with their own
// habits, three per application, and the deliberate disagreements that make every flag kind show at once.
// Deterministic: the same round gives the same plans (seeded per application).
import type { ApplicationRecord } from '../workspace/applications';
import type { AssessmentPlan } from './panel-assessments';
import { createRandom } from './random';

export interface DemoAssessor {
  id: string;
  name: string;
  email: string;
  /** Added to the application's base score (lenient +1, strict −1). */
  bias: number;
  /** Share of the requested amount this assessor recommends, in percent. */
  amountPercent: number;
}

export const DEMO_ASSESSORS: readonly DemoAssessor[] = [
  { id: 'lena-lunde', name: 'Lena Lunde', email: 'lena.lunde@demo.invalid', bias: 1, amountPercent: 100 },
  { id: 'stig-strand', name: 'Stig Strand', email: 'stig.strand@demo.invalid', bias: -1, amountPercent: 60 },
  { id: 'aina-berg', name: 'Aina Berg', email: 'aina.berg@demo.invalid', bias: 0, amountPercent: 90 },
  { id: 'jonas-dahl', name: 'Jonas Dahl', email: 'jonas.dahl@demo.invalid', bias: 0, amountPercent: 85 },
  { id: 'mari-holm', name: 'Mari Holm', email: 'mari.holm@demo.invalid', bias: 0, amountPercent: 90 },
];

/** Someone whose certificate is not on the trust list; the lead takes the file in with --allow-untrusted. */
export const DEMO_GUEST = { id: 'gjest-vurderer', name: 'Gjest Vurderer', email: 'gjest@demo.invalid' } as const;

/** The special cases, by the application's index in the sorted list of eligible-looking applications. */
export interface DemoSpecials {
  conflict: string;
  missing: string;
  /** An assessor judges R04 failed: eligibility disagreement (and grant vs rejection); left open. */
  eligibilityOpen: string;
  /** The same, settled by the lead. */
  eligibilitySettled: string;
  /** Jonas sends two different files claiming the same version. */
  versionConflict: string;
  /** Aina sends a newer version later (supersedes the first). */
  superseded: string;
  /** The guest's (untrusted) assessment. */
  untrusted: string;
}

export function chooseSpecials(records: readonly ApplicationRecord[]): DemoSpecials {
  // Only applications the rules do not reject can carry a grant, so the special cases are chosen among them.
  const candidates = records.filter((record) => record.summary.verdict !== 'ineligible').map((record) => record.summary.applicationId);
  const at = (index: number): string => candidates[index % candidates.length] ?? '';
  return { conflict: at(1), missing: at(4), eligibilityOpen: at(7), eligibilitySettled: at(10), versionConflict: at(13), superseded: at(16), untrusted: at(19) };
}

/** The three assessors of the application at `index` (rotating), minus one for the missing assessment. */
export function assessorsFor(index: number): DemoAssessor[] {
  return [0, 1, 2].map((offset) => DEMO_ASSESSORS[(index + offset) % DEMO_ASSESSORS.length]).filter((assessor): assessor is DemoAssessor => assessor !== undefined);
}

function clamp(score: number): number {
  return Math.max(1, Math.min(7, score));
}

/** What `assessor` recommends for `record`: base quality from the application's own seed, plus the habit. */
export function planFor(record: ApplicationRecord, assessor: DemoAssessor, specials: DemoSpecials): AssessmentPlan {
  const id = record.summary.applicationId;
  const random = createRandom(`panel:${id}`);
  const base = { feasibility: random.int(4, 6), transferValue: random.int(3, 6) };
  const requested = record.summary.requestedGrant ?? 0;
  if (assessor.id === 'mari-holm' && id === specials.conflict) return { feasibility: null, transferValue: null, decision: 'reject', amount: 0, conflict: 'Søsteren min leder prosjektet i kommunen.' };
  if (record.summary.verdict === 'ineligible') return { feasibility: clamp(base.feasibility - 2), transferValue: clamp(base.transferValue - 2), decision: 'reject', amount: 0 };
  const own = createRandom(`panel:${id}:${assessor.id}`);
  const feasibility = clamp(base.feasibility + assessor.bias + own.int(-1, 1) * (own.chance(0.3) ? 1 : 0));
  // The strict assessor is strict on feasibility only, so not every application he shares with the lenient one spreads.
  const transferValue = clamp(base.transferValue + Math.max(0, assessor.bias));
  const doubting = (id === specials.eligibilityOpen || id === specials.eligibilitySettled) && assessor.id === 'stig-strand';
  if (doubting) return { feasibility, transferValue, decision: 'reject', amount: 0, failRule: 'R04' };
  const passes = feasibility >= 4 && transferValue >= 4;
  const amount = Math.floor((requested * assessor.amountPercent) / 100 / 1000) * 1000;
  return passes ? { feasibility, transferValue, decision: 'grant', amount } : { feasibility, transferValue, decision: 'reject', amount: 0 };
}
