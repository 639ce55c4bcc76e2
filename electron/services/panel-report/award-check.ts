// The award list the report writes, read back by panelmath's reader (the one `vurder awards check` uses) and
// put through the award-list checks (docs/panel.md § Award-list checks) before anything else is written: the
// list must read back as written (formula-like text keeps its neutralising apostrophe), and a blocking
// finding refuses the report unless it is a draft.
import { checkAwardList } from '../../../shared/panel/awards';
import type { AwardProblem } from '../../../shared/panel/awards';
import { describeAwardProblem } from '../../../shared/panel/awards-text';
import { readAwardList } from '../panel/award-list';
import { neutralise } from './labels';
import type { PanelReportModel } from './model';

export interface AwardFinding {
  nb: string;
  en: string;
  /**
   * An amount far from its focus area's median is a plausibility note, not an error (the published 2021 list
   * itself has 15 300 kr among SO2's million-kroner awards): shown in the innstilling and on stderr, never a
   * refusal. Every other finding refuses a final report.
   */
  blocking: boolean;
}

/**
 * A shared pool over its own amount is no finding when the lead released reserves into it and the pool's
 * allocation is within amount + released (the allocation already checked that).
 */
function explainedByRelease(problem: AwardProblem, model: PanelReportModel): boolean {
  if (problem.kind !== 'pool-exceeded' || problem.withRelease) return false;
  const pool = model.pools.find((candidate) => candidate.id === problem.poolId);
  return pool !== undefined && pool.releasedIn > 0 && problem.used <= pool.amount + pool.releasedIn - pool.releasedOut;
}

export async function awardListFindings(csvPath: string, model: PanelReportModel): Promise<AwardFinding[]> {
  const read = await readAwardList(csvPath);
  if (!read.ok) return [{ ...read.error.localized, blocking: true }];
  const findings: AwardFinding[] = read.value.cellProblems.map((problem) => ({ nb: `linje ${problem.line}: ${problem.message.nb}`, en: `line ${problem.line}: ${problem.message.en}`, blocking: true }));
  const rows = read.value.rows;
  const same =
    rows.length === model.awards.length &&
    rows.every((row, index) => {
      const award = model.awards[index];
      return award !== undefined && row.focusArea === award.focusArea && row.applicant === neutralise(award.applicantName) && row.projectTitle === neutralise(award.projectTitle) && row.amount === award.amount;
    });
  if (!same) findings.push({ nb: 'listen som ble skrevet, leses ikke tilbake uendret', en: 'the list written does not read back unchanged', blocking: true });
  for (const problem of checkAwardList(rows, model.scheme).problems) {
    if (!explainedByRelease(problem, model)) findings.push({ ...describeAwardProblem(problem), blocking: problem.kind !== 'amount-outlier' });
  }
  return findings;
}
