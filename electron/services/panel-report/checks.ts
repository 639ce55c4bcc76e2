// What must hold before the panel's documents are written (issue 11 point 5): no open flag, and an
// allocation that fits its pools and the budget. Each problem is one line in nb and en.
import type { PanelReportModel } from './model';

export interface ReportProblem {
  code: 'open-flags' | 'pool-exceeded' | 'budget-exceeded' | 'award-list';
  nb: string;
  en: string;
  /** A draft may still be written with this problem (marked UTKAST, unsigned). */
  draftAllowed: boolean;
}

export function openFlagProblem(model: PanelReportModel): ReportProblem | null {
  const open = model.flags.filter((flag) => flag.state === 'open');
  if (open.length === 0) return null;
  const list = open.map((flag) => `${flag.applicationId} ${flag.kind}${flag.criterionId ? `/${flag.criterionId}` : ''}`).join(', ');
  return {
    code: 'open-flags',
    nb: `${open.length} flagg er ikke avgjort: ${list}`,
    en: `${open.length} flag(s) not settled: ${list}`,
    draftAllowed: true,
  };
}

/** Pools and the budget: allocated + left = available and never more than available, in whole kroner. */
export function allocationProblems(model: PanelReportModel): ReportProblem[] {
  const problems: ReportProblem[] = [];
  for (const pool of model.pools) {
    const available = pool.amount + pool.releasedIn - pool.releasedOut;
    if (pool.allocated > available || pool.allocated + pool.left !== available) {
      problems.push({
        code: 'pool-exceeded',
        nb: `potten ${pool.id} er overtrukket: tildelt ${pool.allocated} kr av ${available} kr`,
        en: `pool ${pool.id} is over-allocated: ${pool.allocated} kroner allocated of ${available}`,
        draftAllowed: false,
      });
    }
  }
  const allocated = model.pools.reduce((sum, pool) => sum + pool.allocated, 0);
  if (allocated > model.budgetTotal) {
    problems.push({
      code: 'budget-exceeded',
      nb: `tildelt i alt ${allocated} kr er mer enn rammen ${model.budgetTotal} kr`,
      en: `${allocated} kroner allocated in all exceeds the budget of ${model.budgetTotal}`,
      draftAllowed: false,
    });
  }
  return problems;
}
