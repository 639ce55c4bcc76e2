// The assessment steps as tabs that also show where the assessor is: each step done, open or locked
// (shared/assessment/progress stepStates). Arrow keys move between steps, as in a tab list.
import { useTranslation } from 'react-i18next';
import type { AssessmentStep, StepState } from '../../../shared/assessment/progress';
import { useActions } from '../store/hooks';
import { ASSESSMENT_TABS } from '../store/types';

const MARK: Record<StepState, string> = { done: '✓', open: '○', locked: '🔒' };

export function StepTabs({ applicationId, tab, steps }: { applicationId: string; tab: AssessmentStep; steps: Record<AssessmentStep, StepState> }) {
  const { t } = useTranslation();
  const { navigate, flushSave } = useActions('navigate', 'flushSave');

  function select(next: AssessmentStep, focus = false): void {
    void flushSave();
    navigate({ name: 'application', applicationId, tab: next });
    if (focus) requestAnimationFrame(() => document.getElementById(`tab-${next}`)?.focus());
  }

  function onKey(event: React.KeyboardEvent<HTMLDivElement>): void {
    const index = ASSESSMENT_TABS.indexOf(tab);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      select((event.key === 'Home' ? ASSESSMENT_TABS[0] : ASSESSMENT_TABS[ASSESSMENT_TABS.length - 1]) ?? 'impartiality', true);
      return;
    }
    if (step === 0) return;
    event.preventDefault();
    select(ASSESSMENT_TABS[(index + step + ASSESSMENT_TABS.length) % ASSESSMENT_TABS.length] ?? 'impartiality', true);
  }

  return (
    <div role="tablist" aria-label={t('application.tabsLabel')} className="tabs step-tabs" onKeyDown={onKey}>
      {ASSESSMENT_TABS.map((name, index) => (
        <button
          key={name}
          type="button"
          role="tab"
          id={`tab-${name}`}
          aria-selected={tab === name}
          aria-controls={`panel-${name}`}
          tabIndex={tab === name ? 0 : -1}
          data-state={steps[name]}
          data-testid={`step-${name}`}
          onClick={() => select(name)}
        >
          <span className="step-number" aria-hidden="true">
            {index + 1}
          </span>
          <span className="step-name">{t(`tabs.${name}`)}</span>
          <span className="step-state" aria-hidden="true">
            {MARK[steps[name]]}
          </span>
          <span className="visually-hidden"> – {t(`steps.${steps[name]}`)}</span>
        </button>
      ))}
    </div>
  );
}
