// Recommended decision and amount. The amount is never above the requested amount; the warnings (pool, stipend
// cap, one year at a time) come from shared/scoring recommendationWarnings.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Heading, Textfield } from '@digdir/designsystemet-react';
import type { Assessment, Recommendation } from '../../../shared/assessment/schema';
import type { SchemeDefinition } from '../../../shared/scheme/schema';
import { useActions } from '../store/hooks';
import type { ApplicationDetail } from '../store/types';
import { requestedTotal, warningsForRecommendation } from '../domain';
import { kroner, uiLanguage } from '../format';

const DECISIONS: readonly Recommendation['decision'][] = ['undecided', 'grant', 'reject'];

export function RecommendationForm({ detail, assessment, scheme }: { detail: ApplicationDetail; assessment: Assessment; scheme: SchemeDefinition }) {
  const { t, i18n } = useTranslation();
  const language = uiLanguage(i18n.language);
  const { updateAssessment } = useActions('updateAssessment');
  const locked = assessment.status === 'final';
  const recommendation = assessment.recommendation;
  const requested = requestedTotal(detail);
  const [amountText, setAmountText] = useState(String(recommendation.amount));
  const [amountError, setAmountError] = useState<string | null>(null);

  function update(patch: Partial<Recommendation>): void {
    updateAssessment((draft) => ({ ...draft, recommendation: { ...draft.recommendation, ...patch } }));
  }

  // Rejecting zeroes the amount; granting starts from the requested amount, which the assessor may lower.
  function chooseDecision(decision: Recommendation['decision']): void {
    const amount = decision === 'reject' ? 0 : decision === 'grant' && recommendation.amount === 0 ? requested : recommendation.amount;
    setAmountText(String(amount));
    setAmountError(null);
    update({ decision, amount });
  }

  function onAmount(text: string): void {
    setAmountText(text);
    const digits = text.replace(/[\s\u00a0.]/g, '');
    if (!/^\d+$/.test(digits)) {
      setAmountError(t('recommendation.amountInvalid'));
      return;
    }
    const amount = Number(digits);
    if (amount > requested) {
      setAmountError(t('recommendation.amountAboveRequested', { requested: kroner(requested) }));
      return;
    }
    setAmountError(null);
    update({ amount });
  }

  const warnings = warningsForRecommendation(detail, scheme, recommendation);

  return (
    <section className="panel" aria-labelledby="recommendation-heading">
      <Heading level={3} data-size="xs" id="recommendation-heading">
        {t('recommendation.heading')}
      </Heading>
      <fieldset className="radio-group" disabled={locked} id="recommendation-decision">
        <legend>{t('recommendation.decision')}</legend>
        {DECISIONS.map((decision) => (
          <label key={decision} className="radio">
            <input
              type="radio"
              name="decision"
              checked={recommendation.decision === decision}
              onChange={() => chooseDecision(decision)}
            />
            {t(`decision.${decision}`)}
          </label>
        ))}
      </fieldset>
      <Textfield
        id="recommendation-amount"
        label={t('recommendation.amount')}
        description={t('recommendation.amountHelp', { requested: kroner(requested) })}
        inputMode="numeric"
        suffix="kr"
        value={amountText}
        disabled={locked || recommendation.decision !== 'grant'}
        onChange={(event) => onAmount(event.target.value)}
        error={amountError ?? undefined}
      />
      {warnings.map((warning) => (
        <Alert key={warning.code} data-color={warning.severity === 'warning' ? 'warning' : 'info'} data-size="sm">
          {warning.ruleId ? `${warning.ruleId}: ` : ''}
          {warning.message[language]}
        </Alert>
      ))}
      <Textfield
        multiline
        rows={2}
        label={t('recommendation.comment')}
        value={recommendation.comment}
        disabled={locked}
        onChange={(event) => update({ comment: event.target.value })}
      />
    </section>
  );
}
