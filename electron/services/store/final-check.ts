// What must hold before an assessment is stored as final (shared/scoring validateForFinal), with the
// eligibility verdict recomputed from the stored package and the assessor's rule reviews.
import type { Assessment } from '../../../shared/assessment/schema';
import { applyReviews } from '../../../shared/rules/evaluate';
import { validateForFinal } from '../../../shared/scoring/final';
import { getApplication } from '../workspace/applications';
import { ServiceError } from '../workspace/errors';
import type { Workspace } from '../workspace/workspace';

export async function checkReadyForFinal(ws: Workspace, assessment: Assessment, file: string): Promise<void> {
  const record = await getApplication(ws, assessment.applicationId);
  const verdict = record.evaluation ? applyReviews(record.evaluation, assessment.ruleReviews).verdict : 'needs-review';
  const requested = record.application.budget.reduce((sum, year) => sum + year.requestedGrant, 0);
  const problems = validateForFinal(assessment, ws.scheme, verdict, requested);
  if (problems.length === 0) return;
  throw new ServiceError('assessment.incomplete', file, {
    problemsNb: problems.map((problem) => problem.message.nb).join(' '),
    problemsEn: problems.map((problem) => problem.message.en).join(' '),
  });
}
