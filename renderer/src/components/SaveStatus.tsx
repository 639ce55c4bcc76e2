// "Lagrer…/Lagret" — announced politely to screen readers.
import { useTranslation } from 'react-i18next';
import { useSaveState } from '../store/hooks';

export function SaveStatus() {
  const { t } = useTranslation();
  const state = useSaveState();
  const text = state === 'idle' ? '' : t(`save.${state}`);
  return (
    <p className="save-status" data-state={state} role="status" aria-live="polite" data-testid="save-status">
      {text}
    </p>
  );
}
