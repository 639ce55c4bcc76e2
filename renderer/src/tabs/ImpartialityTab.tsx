// Impartiality (forvaltningsloven § 6, which covers preparing the case too): the first step. Until it is declared
// the formal check and the scores cannot be opened; a conflict locks them for this assessor, with the reason kept.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import type { Assessment } from '../../../shared/assessment/schema';
import { useActions } from '../store/hooks';

export function ImpartialityTab({ assessment }: { assessment: Assessment }) {
  const { t } = useTranslation();
  const { updateAssessment, navigate } = useActions('updateAssessment', 'navigate');
  const declared = assessment.impartiality;
  const locked = assessment.status === 'final';
  const [choice, setChoice] = useState<'none' | 'conflict' | null>(declared ? (declared.conflict ? 'conflict' : 'none') : null);
  const [reason, setReason] = useState(declared?.reason ?? '');
  const [tried, setTried] = useState(false);
  const reasonMissing = choice === 'conflict' && reason.trim() === '';
  const continueRef = useRef<HTMLButtonElement>(null);
  const [justDeclared, setJustDeclared] = useState(false);
  // After a confirm, focus goes to the next sensible control: the way on to the next step (issue 12.6).
  useEffect(() => {
    if (justDeclared) continueRef.current?.focus();
  }, [justDeclared, declared]);

  function declare(): void {
    setTried(true);
    if (choice === null || reasonMissing) return;
    updateAssessment((draft) => ({
      ...draft,
      impartiality: { declared: true, conflict: choice === 'conflict', reason: choice === 'conflict' ? reason.trim() : '', declaredAt: new Date().toISOString() },
      // A conflict means no scores and no grant recommendation from this assessor.
      ...(choice === 'conflict'
        ? {
            scores: draft.scores.map((score) => ({ ...score, score: null })),
            recommendation: { ...draft.recommendation, decision: 'undecided' as const },
          }
        : {}),
    }));
    setJustDeclared(true);
  }

  return (
    <div className="tab-content">
      <Heading level={2} data-size="sm">
        {t('impartiality.heading')}
      </Heading>
      <Paragraph>{t('impartiality.intro')}</Paragraph>
      {declared && (
        <Alert data-color={declared.conflict ? 'warning' : 'success'} data-testid="impartiality-status">
          {declared.conflict ? t('impartiality.declaredConflict', { reason: declared.reason }) : t('impartiality.declaredNone')}
        </Alert>
      )}
      <fieldset className="radio-group" disabled={locked} id="impartiality-question">
        <legend>{t('impartiality.question')}</legend>
        <label className="radio">
          <input type="radio" name="impartiality" checked={choice === 'none'} onChange={() => setChoice('none')} />
          {t('impartiality.none')}
        </label>
        <label className="radio">
          <input type="radio" name="impartiality" checked={choice === 'conflict'} onChange={() => setChoice('conflict')} />
          {t('impartiality.conflict')}
        </label>
      </fieldset>
      {choice === 'conflict' && (
        <Textfield
          multiline
          rows={3}
          label={t('impartiality.reason')}
          description={t('impartiality.reasonHelp')}
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          error={tried && reasonMissing ? t('impartiality.reasonRequired') : undefined}
          disabled={locked}
        />
      )}
      {tried && choice === null && <Paragraph data-color="danger">{t('impartiality.choose')}</Paragraph>}
      <div className="button-row">
        <Button onClick={declare} disabled={locked}>
          {t('impartiality.declare')}
        </Button>
        {declared && (
          <Button
            ref={continueRef}
            variant="secondary"
            data-testid="impartiality-continue"
            onClick={() => navigate({ name: 'application', applicationId: assessment.applicationId, tab: declared.conflict ? 'finalise' : 'formal' })}
          >
            {declared.conflict ? t('steps.toFinalise') : t('impartiality.toFormal')}
          </Button>
        )}
      </div>
    </div>
  );
}
