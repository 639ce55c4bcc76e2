// The lead's consensus on one criterion: the computed value shown; accept it or set an own score (keys 1–7 as
// in the assessor's scoring); either way a justification of the round's minimum length. Nothing is saved
// until the form is complete; main checks again and its message is shown in place.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { PanelApplication } from '../../../shared/panel/types';
import type { Criterion } from '../../../shared/scheme/schema';
import { uiLanguage } from '../format';
import { useActions } from '../store/hooks';
import { JustificationField, useJustification } from './JustificationField';

export interface ConsensusEditorProps {
  application: PanelApplication;
  criterion: Criterion;
  scale: { min: number; max: number };
  minLength: number;
}

function decimal(value: number | null, language: 'nb' | 'en'): string {
  return value === null ? '–' : value.toLocaleString(language === 'en' ? 'en-GB' : 'nb-NO', { maximumFractionDigits: 2 });
}

export function ConsensusEditor({ application, criterion, scale, minLength }: ConsensusEditorProps) {
  const { t, i18n } = useTranslation();
  const language = uiLanguage(i18n.language);
  const { setConsensus } = useActions('setConsensus');
  const current = application.consensus.criteria.find((entry) => entry.criterionId === criterion.id);
  const [score, setScore] = useState<number | null>(current?.source === 'lead' ? (current.value ?? null) : null);
  const justification = useJustification(minLength);
  const [saving, setSaving] = useState(false);
  const scores = Array.from({ length: scale.max - scale.min + 1 }, (_, index) => scale.min + index);
  const id = `${application.applicationId}-${criterion.id}`;

  async function save(choice: number | 'computed'): Promise<void> {
    if (!justification.longEnough()) return;
    setSaving(true);
    const failed = await setConsensus({ applicationId: application.applicationId, criteria: [{ criterionId: criterion.id, score: choice, justification: justification.text.trim() }] });
    setSaving(false);
    justification.setProblem(failed);
    if (failed === null) justification.clear();
  }

  function onKeyDown(event: React.KeyboardEvent<HTMLElement>): void {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement;
    if (target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && target.type !== 'radio')) return;
    const digit = Number(event.key);
    if (!Number.isInteger(digit) || event.key.length !== 1 || digit < scale.min || digit > scale.max) return;
    event.preventDefault();
    setScore(digit);
    event.currentTarget.querySelector<HTMLInputElement>(`input[value="${digit}"]`)?.focus();
  }

  return (
    <section className="consensus-editor" aria-labelledby={`consensus-${id}`} data-testid={`consensus-${criterion.id}`} onKeyDown={onKeyDown}>
      <Heading level={3} data-size="xs" id={`consensus-${id}`}>
        {criterion.title[language]}
      </Heading>
      <Paragraph data-size="sm" data-testid={`consensus-${criterion.id}-current`}>
        {t('panel.consensus.current', {
          value: decimal(current?.value ?? null, language),
          source: t(`panel.consensus.source.${current?.source ?? 'none'}`),
          computed: decimal(current?.computed ?? null, language),
          threshold: criterion.threshold,
        })}
      </Paragraph>
      {current?.justification && (
        <Paragraph data-size="sm" className="muted">
          {t('panel.consensus.justifiedWith', { text: current.justification })}
        </Paragraph>
      )}
      <fieldset className="levels compact-levels">
        <legend>{t('panel.consensus.ownScore', { min: scale.min, max: scale.max })}</legend>
        {scores.map((value) => (
          <label key={value} className="level" data-selected={score === value}>
            <input type="radio" name={`consensus-score-${id}`} value={value} checked={score === value} onChange={() => setScore(value)} />
            <span className="level-score">{value}</span>
          </label>
        ))}
      </fieldset>
      <JustificationField
        state={justification}
        id={`consensus-justification-${id}`}
        label={t('panel.consensus.justification')}
        description={t('panel.consensus.justificationHelp', { min: minLength })}
      />
      <p className="muted" aria-live="polite">
        {t('scoring.length', { length: justification.text.trim().length, min: minLength })}
      </p>
      <div className="button-row">
        <Button data-size="sm" onClick={() => void save('computed')} disabled={saving || current?.computed === null}>
          {t('panel.consensus.acceptComputed')}
        </Button>
        <Button data-size="sm" variant="secondary" onClick={() => void (score === null ? justification.setProblem(t('panel.consensus.chooseScore')) : save(score))} disabled={saving}>
          {t('panel.consensus.saveOwn')}
        </Button>
      </div>
    </section>
  );
}
