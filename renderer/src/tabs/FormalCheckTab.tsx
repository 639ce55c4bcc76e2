// Formal check: every applicable rule with status, reason and the scheme sentence. Manual rules (and
// rules the data could not decide) are confirmed with a comment; auto-override results are overridden
// only with a written reason. The verdict shown is the one after the assessor's reviews.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import type { Assessment, RuleReview } from '../../../shared/assessment/schema';
import { useActions } from '../store/hooks';
import type { ApplicationDetail } from '../store/types';
import { effectiveEvaluation } from '../domain';
import type { EffectiveRule } from '../domain';
import { VerdictTag } from '../components/Tags';
import { uiLanguage } from '../format';

const STATUS_COLOR = { pass: 'success', fail: 'danger', review: 'warning', 'not-applicable': 'neutral' } as const;

export function FormalCheckTab({ detail, assessment }: { detail: ApplicationDetail; assessment: Assessment }) {
  const { t, i18n } = useTranslation();
  const language = uiLanguage(i18n.language);
  const [showNotApplicable, setShowNotApplicable] = useState(false);
  if (!detail.evaluation) return <Paragraph>{t('formal.noEvaluation')}</Paragraph>;
  const effective = effectiveEvaluation(detail.evaluation, assessment.ruleReviews);
  const shown = effective.rules.filter((rule) => showNotApplicable || rule.autoStatus !== 'not-applicable');
  const open = effective.rules.filter((rule) => rule.status === 'review').length;
  return (
    <div className="tab-content">
      <div className="screen-title">
        <Heading level={2} data-size="sm">
          {t('formal.heading')}
        </Heading>
        <div className="title-tags" data-testid="formal-verdict">
          <span>{t('formal.verdict')}</span> <VerdictTag verdict={effective.verdict} />
        </div>
      </div>
      <Paragraph role="status">{open === 0 ? t('formal.allDecided') : t('formal.openCount', { count: open })}</Paragraph>
      {(effective.ignoredReviews ?? []).map((ignored) => (
        <Alert key={`${ignored.ruleId}-${ignored.at}`} data-color="warning" data-size="sm">
          {t('formal.ignoredReview', { id: ignored.ruleId, reason: ignored.reason[language] })}
        </Alert>
      ))}
      <label className="checkbox">
        <input type="checkbox" checked={showNotApplicable} onChange={(event) => setShowNotApplicable(event.target.checked)} />
        {t('formal.showNotApplicable')}
      </label>
      <ol className="rule-list">
        {shown.map((rule) => (
          <RuleItem key={rule.id} rule={rule} locked={assessment.status === 'final'} />
        ))}
      </ol>
    </div>
  );
}

function RuleItem({ rule, locked }: { rule: EffectiveRule; locked: boolean }) {
  const { t, i18n } = useTranslation();
  const language = uiLanguage(i18n.language);
  const { updateAssessment } = useActions('updateAssessment');
  const confirmable = rule.kind === 'manual' || rule.autoStatus === 'review';
  const overridable = rule.kind === 'auto-override' && rule.autoStatus !== 'review';
  const [editing, setEditing] = useState(false);
  const [status, setStatus] = useState<RuleReview['status']>(rule.review && rule.status !== 'review' ? rule.status : 'pass');
  const [comment, setComment] = useState(rule.review?.comment ?? '');
  const [tried, setTried] = useState(false);
  const action: RuleReview['action'] = confirmable ? 'confirm' : 'override';
  const formOpen = !locked && (editing || (confirmable && !rule.review));

  function save(): void {
    setTried(true);
    if (comment.trim() === '') return;
    const review: RuleReview = { ruleId: rule.id, action, status, comment: comment.trim(), at: new Date().toISOString() };
    updateAssessment((draft) => ({ ...draft, ruleReviews: [...draft.ruleReviews.filter((r) => r.ruleId !== rule.id), review] }));
    setEditing(false);
  }

  function undo(): void {
    updateAssessment((draft) => ({ ...draft, ruleReviews: draft.ruleReviews.filter((r) => r.ruleId !== rule.id) }));
  }

  return (
    <li className="rule" data-testid={`rule-${rule.id}`} data-status={rule.status}>
      <div className="rule-head">
        <strong>{rule.id}</strong> <span>{rule.title[language]}</span>
        <Tag data-color={STATUS_COLOR[rule.status]} data-size="sm">
          {t(`ruleStatus.${rule.status}`)}
        </Tag>
        <span className="muted">
          {t(`severity.${rule.severity}`)} · {t(`kind.${rule.kind}`)}
        </span>
      </div>
      <p className="rule-reason">{rule.reason[language]}</p>
      <blockquote className="scheme-text" lang="nb">
        {rule.schemeText}
      </blockquote>
      {rule.review && (
        <Alert data-color="info" data-size="sm">
          {t(rule.review.action === 'confirm' ? 'formal.confirmedBy' : 'formal.overriddenBy', {
            status: t(`ruleStatus.${rule.status}`),
            auto: t(`ruleStatus.${rule.autoStatus}`),
            comment: rule.review.comment,
          })}
        </Alert>
      )}
      {formOpen ? (
        <fieldset className="review-form">
          <legend>{confirmable ? t('formal.confirmLegend', { id: rule.id }) : t('formal.overrideLegend', { id: rule.id })}</legend>
          <div className="radio-row">
            {(['pass', 'fail', 'not-applicable'] as const).map((option) => (
              <label key={option} className="radio">
                <input type="radio" name={`status-${rule.id}`} checked={status === option} onChange={() => setStatus(option)} />
                {t(`ruleStatus.${option}`)}
              </label>
            ))}
          </div>
          <Textfield
            multiline
            rows={2}
            label={confirmable ? t('formal.comment') : t('formal.overrideReason')}
            value={comment}
            onChange={(event) => setComment(event.target.value)}
            error={tried && comment.trim() === '' ? t('formal.commentRequired') : undefined}
          />
          <div className="button-row">
            <Button data-size="sm" onClick={save}>
              {confirmable ? t('formal.confirm') : t('formal.override')}
            </Button>
            {editing && (
              <Button data-size="sm" variant="tertiary" onClick={() => setEditing(false)}>
                {t('app.cancel')}
              </Button>
            )}
          </div>
        </fieldset>
      ) : (
        !locked &&
        (confirmable || overridable) && (
          <div className="button-row">
            <Button data-size="sm" variant="secondary" onClick={() => setEditing(true)}>
              {rule.review ? t('formal.change') : t('formal.overrideStart')}
            </Button>
            {rule.review && (
              <Button data-size="sm" variant="tertiary" onClick={undo}>
                {t('formal.undo')}
              </Button>
            )}
          </div>
        )
      )}
    </li>
  );
}
