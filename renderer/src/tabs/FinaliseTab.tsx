// Finalise: the validation summary, mark final (locks the assessment), and reopening with a logged reason.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import type { Assessment } from '../../../shared/assessment/schema';
import type { SchemeDefinition } from '../../../shared/scheme/schema';
import { call, messageOf } from '../api/client';
import { useActions } from '../store/hooks';
import type { ApplicationDetail } from '../store/types';
import { effectiveEvaluation, problemsForFinal } from '../domain';
import { formatInstant, uiLanguage } from '../format';

export function FinaliseTab({ detail, assessment, scheme }: { detail: ApplicationDetail; assessment: Assessment; scheme: SchemeDefinition }) {
  const { t, i18n } = useTranslation();
  const language = uiLanguage(i18n.language);
  const { finalise, reopen } = useActions('finalise', 'reopen');
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
        <div className="ds-error-summary" data-testid="final-problems">
          <Heading level={3} data-size="xs">
            {t('finalise.problemsHeading', { count: problems.length })}
          </Heading>
          <ul>
            {problems.map((problem) => (
              <li key={`${problem.code}-${problem.field}`}>{problem.message[language]}</li>
            ))}
          </ul>
        </div>
      )}
      {!final && (
        <div className="button-row">
          <Button onClick={() => void finalise()} disabled={problems.length > 0}>
            {t('finalise.markFinal')}
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
