// The focus-area (satsingsområde) filter of the assessor's application list and the panel's overview.
import { useTranslation } from 'react-i18next';

const FOCUS_AREAS = [1, 2, 3, 4, 5, 6] as const;

export function FocusAreaSelect({ value, onChange }: { value: number | 'all'; onChange: (value: number | 'all') => void }) {
  const { t } = useTranslation();
  return (
    <label className="select-field">
      <span>{t('list.focusArea')}</span>
      <select className="ds-input" value={String(value)} onChange={(event) => onChange(event.target.value === 'all' ? 'all' : Number(event.target.value))}>
        <option value="all">{t('list.all')}</option>
        {FOCUS_AREAS.map((area) => (
          <option key={area} value={area}>
            {t('focusArea.short', { area })}
          </option>
        ))}
      </select>
    </label>
  );
}
