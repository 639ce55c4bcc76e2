// Finalise: the validation summary (an ErrorSummary whose links open the step and focus the field), mark final
// (locks the assessment) or "Lagre og neste" (final, then the next unfinished application), and reopening with a
// logged reason.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, ErrorSummary, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import type { Assessment } from '../../../shared/assessment/schema';
import type { SchemeDefinition } from '../../../shared/scheme/schema';
import { call, messageOf } from '../api/client';
import { useActions } from '../store/hooks';
import type { ApplicationDetail } from '../store/types';
import { effectiveEvaluation, problemsForFinal } from '../domain';
import type { FinalProblem } from '../domain';
import { useNextUnfinished } from '../components/QueueProgress';
import type { AssessmentTab } from '../store/types';

/** Where a finalise problem is fixed: the step and the id of the field to focus. */
export function problemTarget(problem: FinalProblem): { tab: AssessmentTab; fieldId: string } {
  if (problem.field.startsWith('impartiality') || problem.code === 'conflict-has-scores') return { tab: 'impartiality', fieldId: 'impartiality-question' };
  if (problem.field === 'ruleReviews') return { tab: 'formal', fieldId: 'formal-open-rules' };
  if (problem.field === 'recommendation.decision') return { tab: 'scoring', fieldId: 'recommendation-decision' };
  if (problem.field === 'recommendation.amount') return { tab: 'scoring', fieldId: 'recommendation-amount' };
  const criterion = problem.criterionId ?? '';
  if (problem.code.startsWith('justification')) return { tab: 'scoring', fieldId: `justification-${criterion}` };
  return { tab: 'scoring', fieldId: `score-${criterion}` };
}

/** Opens the step and moves focus to the field (its first control when it is a group). */
export function focusField(fieldId: string): void {
  // Two frames: the step renders first, then the field exists.
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      const element = document.getElementById(fieldId);
      const first = element?.dataset.focusFirst ?? 'input, textarea, select, button';
      const control = element?.matches('input, textarea, select, button') ? element : element?.querySelector<HTMLElement>(first);
      (control ?? element)?.focus();
      element?.scrollIntoView({ block: 'center' });
    }),
  );
}
import { formatInstant, uiLanguage } from '../format';

export function FinaliseTab({ detail, assessment, scheme }: { detail: ApplicationDetail; assessment: Assessment; scheme: SchemeDefinition }) {
  const { t, i18n } = useTranslation();
  const language = uiLanguage(i18n.language);
  const { finalise, reopen, navigate, resumeApplication } = useActions('finalise', 'reopen', 'navigate', 'resumeApplication');
  const next = useNextUnfinished(assessment.applicationId);
  const nextRef = useRef<HTMLButtonElement>(null);
  const [justFinalised, setJustFinalised] = useState(false);
  // After marking final, focus goes to the way on: the next unfinished application.
  useEffect(() => {
    if (justFinalised) nextRef.current?.focus();
  }, [justFinalised]);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const [audit, setAudit] = useState<string | null>(null);
  const verdict = detail.evaluation ? effectiveEvaluation(detail.evaluation, assessment.ruleReviews).verdict : null;
  const problems = problemsForFinal(assessment, scheme, detail, verdict);
  const final = assessment.status === 'final';

  async function checkAudit(): Promise<void> {
    try {
      const result = await call('audit:verify');
      setAudit(result.intact ? t('finalise.auditIntact', { count: result.entries }) : t('finalise.auditBroken', { problem: result.problemLocalized?.[language] ?? result.problem ?? '' }));
    } catch (reason) {
      setAudit(messageOf(reason, i18n.language));
    }
  }

  async function onFinalise(andNext: boolean): Promise<void> {
    if (!(await finalise())) return;
    if (andNext && next) await resumeApplication(next.applicationId);
    else setJustFinalised(true);
  }

  function openProblem(event: React.MouseEvent, problem: FinalProblem): void {
    event.preventDefault();
    const target = problemTarget(problem);
    navigate({ name: 'application', applicationId: assessment.applicationId, tab: target.tab });
    focusField(target.fieldId);
  }

  async function onReopen(): Promise<void> {
    setTried(true);
    if (reason.trim() === '') return;
    if (await reopen(reason.trim())) {
      setReason('');
      setTried(false);
    }
  }

  return (
    <div className="tab-content">
      <Heading level={2} data-size="sm">
        {t('finalise.heading')}
      </Heading>
      {final ? (
        <Alert data-color="success" data-testid="final-status">
          {t('finalise.isFinal', { at: assessment.finalisedAt ? formatInstant(assessment.finalisedAt, language) : '' })}
        </Alert>
      ) : problems.length === 0 ? (
        <Alert data-color="success">{t('finalise.ready')}</Alert>
      ) : (
        <ErrorSummary data-testid="final-problems">
          <ErrorSummary.Heading>{t('finalise.problemsHeading', { count: problems.length })}</ErrorSummary.Heading>
          <ErrorSummary.List>
            {problems.map((problem) => (
              <ErrorSummary.Item key={`${problem.code}-${problem.field}-${problem.criterionId ?? ''}`}>
                <ErrorSummary.Link href={`#${problemTarget(problem).fieldId}`} onClick={(event) => openProblem(event, problem)}>
                  {problem.message[language]}
                </ErrorSummary.Link>
              </ErrorSummary.Item>
            ))}
          </ErrorSummary.List>
        </ErrorSummary>
      )}
      {!final && (
        <div className="button-row">
          <Button onClick={() => void onFinalise(true)} disabled={problems.length > 0 || !next} data-testid="finalise-and-next">
            {t('finalise.saveAndNext')}
          </Button>
          <Button variant={next ? 'secondary' : 'primary'} onClick={() => void onFinalise(false)} disabled={problems.length > 0}>
            {t('finalise.markFinal')}
          </Button>
        </div>
      )}
      {final && next && (
        <div className="button-row">
          <Button ref={nextRef} onClick={() => void resumeApplication(next.applicationId)} data-testid="final-next">
            {t('finalise.next', { id: next.applicationId })}
          </Button>
        </div>
      )}
      {final && (
        <section className="panel" aria-labelledby="reopen-heading">
          <Heading level={3} data-size="xs" id="reopen-heading">
            {t('finalise.reopenHeading')}
          </Heading>
          <Textfield
            multiline
            rows={2}
            label={t('finalise.reopenReason')}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
            error={tried && reason.trim() === '' ? t('finalise.reopenReasonRequired') : undefined}
          />
          <Button variant="secondary" onClick={() => void onReopen()}>
            {t('finalise.reopen')}
          </Button>
        </section>
      )}
      {assessment.reopenings.length > 0 && (
        <section aria-labelledby="reopenings-heading">
          <Heading level={3} data-size="xs" id="reopenings-heading">
            {t('finalise.reopenings')}
          </Heading>
          <ul>
            {assessment.reopenings.map((entry) => (
              <li key={entry.at}>
                {formatInstant(entry.at, language)}: {entry.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      <section className="panel" aria-labelledby="audit-heading">
        <Heading level={3} data-size="xs" id="audit-heading">
          {t('finalise.auditHeading')}
        </Heading>
        <Button variant="secondary" data-size="sm" onClick={() => void checkAudit()}>
          {t('finalise.auditCheck')}
        </Button>
        <Paragraph role="status" data-testid="audit-status">
          {audit ?? ''}
        </Paragraph>
      </section>
    </div>
  );
}
