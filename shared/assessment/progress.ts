// The assessor's round as a work queue (issue 12.1): how far the round is, which application is next, and
// which step of one application is the first unfinished one. Pure, so the list, the header and the
// application view show the same figures and the tests check them without a browser.
import type { SchemeDefinition } from '../scheme/schema';
import { validateForFinal, type EligibilityVerdict } from '../scoring/final';
import type { Assessment } from './schema';

/** The assessor's status of one application, as the application list reports it. */
export type QueueStatus = 'not-started' | 'draft' | 'final' | 'conflict';

export interface RoundProgress {
  total: number;
  /** Finished for this assessor: final, or closed by a declared conflict of interest. */
  done: number;
  final: number;
  conflict: number;
  draft: number;
  notStarted: number;
}

export function roundProgress(statuses: readonly QueueStatus[]): RoundProgress {
  const progress: RoundProgress = { total: statuses.length, done: 0, final: 0, conflict: 0, draft: 0, notStarted: 0 };
  for (const status of statuses) {
    switch (status) {
      case 'final':
        progress.final += 1;
        progress.done += 1;
        break;
      case 'conflict':
        progress.conflict += 1;
        progress.done += 1;
        break;
      case 'draft':
        progress.draft += 1;
        break;
      case 'not-started':
        progress.notStarted += 1;
        break;
    }
  }
  return progress;
}

export function isUnfinished(status: QueueStatus): boolean {
  return status === 'draft' || status === 'not-started';
}

/**
 * The next unfinished application after `currentId` in the order given (the list as the assessor filtered and
 * sorted it), wrapping round to the start; undefined when nothing else is unfinished. Without a current id
 * (from the list), the first unfinished one.
 */
export function nextUnfinished<T extends { applicationId: string; myStatus: QueueStatus }>(
  ordered: readonly T[],
  currentId?: string,
): T | undefined {
  const start = currentId === undefined ? -1 : ordered.findIndex((row) => row.applicationId === currentId);
  for (let step = 1; step <= ordered.length; step += 1) {
    const row = ordered[(start + step + ordered.length) % ordered.length];
    if (row && row.applicationId !== currentId && isUnfinished(row.myStatus)) return row;
  }
  return undefined;
}

/** The steps of one assessment, in the order they are done: impartiality first (forvaltningsloven § 6). */
export type AssessmentStep = 'impartiality' | 'formal' | 'scoring' | 'finalise';
export const ASSESSMENT_STEPS: readonly AssessmentStep[] = ['impartiality', 'formal', 'scoring', 'finalise'];

/** done: nothing left; open: work left; locked: cannot be opened yet (no declaration) or at all (conflict). */
export type StepState = 'done' | 'open' | 'locked';

export interface StepInput {
  assessment: Pick<Assessment, 'impartiality' | 'scores' | 'recommendation' | 'status'>;
  scheme: Pick<SchemeDefinition, 'criteria' | 'scoring'>;
  /** The eligibility verdict after the assessor's rule reviews; null when the rules could not run. */
  verdict: EligibilityVerdict | null;
  /** Rules still waiting for the assessor (status review after reviews). */
  openChecks: number;
  requestedTotal: number;
}

/** Why a step is locked, for the step indicator and the locked panels. */
export function lockReason(step: AssessmentStep, input: Pick<StepInput, 'assessment'>): 'undeclared' | 'conflict' | undefined {
  if (step === 'impartiality' || step === 'finalise') return undefined;
  const { impartiality } = input.assessment;
  if (impartiality === null) return 'undeclared';
  return impartiality.conflict ? 'conflict' : undefined;
}

export function stepStates(input: StepInput): Record<AssessmentStep, StepState> {
  const { assessment } = input;
  const final = assessment.status === 'final';
  const declared = assessment.impartiality !== null;
  const conflict = assessment.impartiality?.conflict === true;
  const problems = validateForFinal(assessment, input.scheme, input.verdict ?? 'needs-review', input.requestedTotal);
  const scoringOpen = problems.some((problem) => problem.field.startsWith('scores') || problem.field.startsWith('recommendation'));
  return {
    impartiality: declared ? 'done' : 'open',
    formal: !declared || conflict ? 'locked' : final || input.openChecks === 0 ? 'done' : 'open',
    scoring: !declared || conflict ? 'locked' : final || !scoringOpen ? 'done' : 'open',
    finalise: final ? 'done' : declared ? 'open' : 'locked',
  };
}

/** Where to open an application: the first step with work left (finalise when everything else is done). */
export function firstUnfinishedStep(input: StepInput): AssessmentStep {
  const states = stepStates(input);
  return ASSESSMENT_STEPS.find((step) => states[step] === 'open') ?? 'finalise';
}
