// The lead's consensus eligibility verdict and first-year amount for one application, each with a justification
// of the round's minimum length (the lead must settle an eligibility disagreement before ranking).
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import type { PanelApplication } from '../../../shared/panel/types';
import { kroner } from '../format';
import { useActions } from '../store/hooks';
import { JustificationField, useJustification } from './JustificationField';

export function DecisionEditor({ application, minLength }: { application: PanelApplication; minLength: number }) {
  const { t } = useTranslation();
  const { setConsensus } = useActions('setConsensus');
  const [verdict, setVerdict] = useState<'eligible' | 'ineligible' | null>(null);
  const [amount, setAmount] = useState('');
  const justification = useJustification(minLength);
  const id = application.applicationId;

  async function save(change: 'eligibility' | 'amount'): Promise<void> {
    if (!justification.longEnough()) return;
    if (change === 'eligibility' && verdict === null) return justification.setProblem(t('panel.consensus.chooseVerdict'));
    const parsed = Number(amount.replace(/[\s\u00a0]/g, ''));
    if (change === 'amount' && (!Number.isInteger(parsed) || parsed < 0 || amount.trim() === '')) return justification.setProblem(t('panel.consensus.amountInvalid'));
    const failed = await setConsensus({
      applicationId: id,
      ...(change === 'eligibility' ? { eligibility: { verdict, justification: justification.text.trim() } } : { amount: { firstYearAmount: parsed, justification: justification.text.trim() } }),
    });
    justification.setProblem(failed);
    if (failed === null) justification.clear();
  }

  return (
    <section className="consensus-editor" aria-labelledby={`decision-${id}`} data-testid="decision-editor">
      <Heading level={3} data-size="xs" id={`decision-${id}`}>
        {t('panel.consensus.decisionHeading')}
      </Heading>
      <Paragraph data-size="sm" data-testid="eligibility-current">
        {t('panel.consensus.eligibilityCurrent', { verdict: t(`panel.eligibility.${application.consensus.eligibility.verdict}`) })}
        {' · '}
        {t('panel.consensus.amountCurrent', { amount: kroner(application.consensus.amount.firstYearAmount), request: kroner(application.requested.firstYear) })}
      </Paragraph>
      <fieldset className="inline-options">
        <legend>{t('panel.consensus.verdictLegend')}</legend>
        {(['eligible', 'ineligible'] as const).map((value) => (
          <label key={value} className="check-option">
            <input type="radio" name={`verdict-${id}`} checked={verdict === value} onChange={() => setVerdict(value)} /> {t(`panel.eligibility.${value}`)}
          </label>
        ))}
      </fieldset>
      <Textfield label={t('panel.consensus.amountLabel')} inputMode="numeric" value={amount} onChange={(event) => setAmount(event.target.value)} data-size="sm" />
      <JustificationField
        state={justification}
        id={`decision-justification-${id}`}
        label={t('panel.consensus.justification')}
        description={t('panel.consensus.justificationHelp', { min: minLength })}
      />
      <div className="button-row">
        <Button data-size="sm" variant="secondary" onClick={() => void save('eligibility')}>
          {t('panel.consensus.saveVerdict')}
        </Button>
        <Button data-size="sm" variant="secondary" onClick={() => void save('amount')}>
          {t('panel.consensus.saveAmount')}
        </Button>
      </div>
    </section>
  );
}
