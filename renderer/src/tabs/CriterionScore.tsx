// One criterion: level descriptors in view, score by click or the keys 1–7, and the justification.
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph, Textfield } from '@digdir/designsystemet-react';
import type { Criterion, SchemeDefinition } from '../../../shared/scheme/schema';
import type { CriterionScore as Score } from '../../../shared/assessment/schema';
import { justificationLength } from '../../../shared/scoring/scores';
import { uiLanguage } from '../format';

export interface CriterionScoreProps {
  criterion: Criterion;
  scheme: SchemeDefinition;
  value: Score;
  disabled: boolean;
  onChange(next: Score): void;
}

export function CriterionScore({ criterion, scheme, value, disabled, onChange }: CriterionScoreProps) {
  const { t, i18n } = useTranslation();
  const language = uiLanguage(i18n.language);
  const { min, max } = scheme.scoring.scale;
  const minLength = scheme.scoring.justificationMinLength;
  const length = justificationLength(value.justification);
  const levels = [...criterion.levels].sort((a, b) => a.score - b.score);

  // Digit keys set the score while focus is anywhere in this criterion, except where digits are text.
  function onKeyDown(event: React.KeyboardEvent<HTMLElement>): void {
    if (disabled || event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target as HTMLElement;
    if (target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && target.type !== 'radio')) return;
    const digit = Number(event.key);
    if (!Number.isInteger(digit) || event.key.length !== 1 || digit < min || digit > max) return;
    event.preventDefault();
    onChange({ ...value, score: digit });
    const input = event.currentTarget.querySelector<HTMLInputElement>(`input[value="${digit}"]`);
    input?.focus();
  }

  return (
    <section
      className="criterion"
      aria-labelledby={`criterion-${criterion.id}`}
      data-testid={`criterion-${criterion.id}`}
      onKeyDown={onKeyDown}
    >
      <Heading level={3} data-size="xs" id={`criterion-${criterion.id}`}>
        {criterion.title[language]}{' '}
        <span className="muted">{t('scoring.weightThreshold', { weight: criterion.weight, threshold: criterion.threshold })}</span>
      </Heading>
      <Paragraph data-size="sm">{criterion.description[language]}</Paragraph>
      <fieldset className="levels" disabled={disabled} id={`score-${criterion.id}`}>
        <legend>{t('scoring.levelsLegend', { title: criterion.title[language], min, max })}</legend>
        {levels.map((level) => (
          <label key={level.score} className="level" data-selected={value.score === level.score}>
            <input
              type="radio"
              name={`score-${criterion.id}`}
              value={level.score}
              checked={value.score === level.score}
              onChange={() => onChange({ ...value, score: level.score })}
            />
            <span className="level-score">{level.score}</span>
            <span className="level-text">{level.descriptor[language]}</span>
          </label>
        ))}
      </fieldset>
      <details className="guidance">
        <summary>{t('scoring.guidance')}</summary>
        <ul>
          {criterion.subAspects.map((aspect) => (
            <li key={aspect.id}>
              <strong>{aspect.title[language]}:</strong> {aspect.guidance[language]}
            </li>
          ))}
        </ul>
      </details>
      <Textfield
        id={`justification-${criterion.id}`}
        multiline
        rows={4}
        label={t('scoring.justification', { title: criterion.title[language] })}
        description={t('scoring.justificationHelp', { min: minLength })}
        value={value.justification}
        disabled={disabled}
        onChange={(event) => onChange({ ...value, justification: event.target.value })}
        error={length > 0 && length < minLength ? t('scoring.tooShort', { length, min: minLength }) : undefined}
      />
      <p className="muted" aria-live="polite">
        {t('scoring.length', { length, min: minLength })}
      </p>
    </section>
  );
}
