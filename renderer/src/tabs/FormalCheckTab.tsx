// Formal check: every applicable rule with status, reason and the scheme sentence. Manual rules (and rules the
// data could not decide) are confirmed with an answer and a comment, nothing preselected; auto-override results
// are overridden only with a written reason. The verdict shown is the one after the assessor's reviews.
import { useRef, useState } from 'react';
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

/** After a confirm, focus goes to the next open rule's first answer, or to the way on when none is left. */
function focusAfterConfirm(list: HTMLElement | null, confirmedId: string): void {
  requestAnimationFrame(() => {
    const open = Array.from(list?.querySelectorAll<HTMLElement>('li.rule[data-status="review"]') ?? []).filter(
      (item) => item.dataset.rule !== confirmedId,
    );
    const target = open[0]?.querySelector<HTMLElement>('input[type="radio"], button') ?? document.getElementById('formal-continue');
    target?.focus();
  });
}

export function FormalCheckTab({ detail, assessment }: { detail: ApplicationDetail; assessment: Assessment }) {
  const { t, i18n } = useTranslation();
  const language = uiLanguage(i18n.language);
  const { navigate } = useActions('navigate');
  const [showNotApplicable, setShowNotApplicable] = useState(false);
  const [onlyOpen, setOnlyOpen] = useState(false);
  const listRef = useRef<HTMLOListElement>(null);
  if (!detail.evaluation) return <Paragraph>{t('formal.noEvaluation')}</Paragraph>;
  const effective = effectiveEvaluation(detail.evaluation, assessment.ruleReviews);
  const shown = effective.rules.filter(
    (rule) => (showNotApplicable || rule.autoStatus !== 'not-applicable') && (!onlyOpen || rule.status === 'review'),
  );
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
      <div className="filter-row">
        <label className="checkbox">
          <input type="checkbox" checked={onlyOpen} onChange={(event) => setOnlyOpen(event.target.checked)} data-testid="only-open" />
          {t('formal.onlyOpen')}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={showNotApplicable} onChange={(event) => setShowNotApplicable(event.target.checked)} />
          {t('formal.showNotApplicable')}
        </label>
      </div>
      <ol className="rule-list" ref={listRef} id="formal-open-rules" data-focus-first='li[data-status="review"] input'>
        {shown.map((rule) => (
          <RuleItem key={rule.id} rule={rule} locked={assessment.status === 'final'} onConfirmed={() => focusAfterConfirm(listRef.current, rule.id)} />
        ))}
      </ol>
      {onlyOpen && open === 0 && <Paragraph>{t('formal.noneOpen')}</Paragraph>}
      <div className="button-row">
        <Button
          id="formal-continue"
          variant={open === 0 ? 'primary' : 'secondary'}
          onClick={() => navigate({ name: 'application', applicationId: assessment.applicationId, tab: 'scoring' })}
        >
          {t('formal.toScoring')}
        </Button>
      </div>
    </div>
  );
}

function RuleItem({ rule, locked, onConfirmed }: { rule: EffectiveRule; locked: boolean; onConfirmed: () => void }) {
  const { t, i18n } = useTranslation();
  const language = uiLanguage(i18n.language);
  const { updateAssessment } = useActions('updateAssessment');
  const confirmable = rule.kind === 'manual' || rule.autoStatus === 'review';
  const overridable = rule.kind === 'auto-override' && rule.autoStatus !== 'review';
  const [editing, setEditing] = useState(false);
  // Nothing preselected: the assessor chooses the answer (issue 12.4).
  const [status, setStatus] = useState<RuleReview['status'] | null>(rule.review && rule.status !== 'review' ? rule.status : null);
  const [comment, setComment] = useState(rule.review?.comment ?? '');
  const [tried, setTried] = useState(false);
  const action: RuleReview['action'] = confirmable ? 'confirm' : 'override';
  const formOpen = !locked && (editing || (confirmable && !rule.review));

  function save(): void {
    setTried(true);
    if (status === null || comment.trim() === '') return;
    const review: RuleReview = { ruleId: rule.id, action, status, comment: comment.trim(), at: new Date().toISOString() };
    updateAssessment((draft) => ({ ...draft, ruleReviews: [...draft.ruleReviews.filter((r) => r.ruleId !== rule.id), review] }));
    setEditing(false);
    setTried(false);
    onConfirmed();
  }

  function undo(): void {
    updateAssessment((draft) => ({ ...draft, ruleReviews: draft.ruleReviews.filter((r) => r.ruleId !== rule.id) }));
    setStatus(null);
  }

  return (
    <li className="rule" data-testid={`rule-${rule.id}`} data-rule={rule.id} data-status={rule.status}>
      <div className="rule-head">
        <strong>{rule.id}</strong> <span>{rule.title[language]}</span>
        <Tag data-color={STATUS_COLOR[rule.status]} data-size="sm">
          {t(`ruleStatus.${rule.status}`)}
        </Tag>
        <span className="muted">
          {t(`severity.${rule.severity}`)} · {t(`kind.${rule.kind}`)}
        </span>
      </div>
      {/* The automatic reason; the assessor's comment is shown once, in the review line below. */}
      <p className="rule-reason">{rule.autoReason[language]}</p>
      <p className="muted scheme-source">{t('formal.schemeQuote')}</p>
      <blockquote className="scheme-text" lang="nb">
        {rule.schemeText}
      </blockquote>
      {rule.review && (
        <Alert data-color="info" data-size="sm" data-testid={`review-${rule.id}`}>
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
          {tried && status === null && (
            <Paragraph data-color="danger" data-size="sm">
              {t('formal.answerRequired')}
            </Paragraph>
          )}
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
