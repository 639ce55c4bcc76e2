// Coloured tags for the formal verdict and the assessor's own status.
import { useTranslation } from 'react-i18next';
import { Tag } from '@digdir/designsystemet-react';
import type { MyStatus, VerdictValue } from '../store/types';

const VERDICT_COLOR = { eligible: 'success', 'needs-review': 'warning', ineligible: 'danger' } as const;
const STATUS_COLOR = { 'not-started': 'neutral', draft: 'info', final: 'success', conflict: 'warning' } as const;

export function VerdictTag({ verdict }: { verdict: VerdictValue | null }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={verdict ? VERDICT_COLOR[verdict] : 'neutral'} data-size="sm">
      {t(`verdict.${verdict ?? 'none'}`)}
    </Tag>
  );
}

export function StatusTag({ status }: { status: MyStatus }) {
  const { t } = useTranslation();
  return (
    <Tag data-color={STATUS_COLOR[status]} data-size="sm">
      {t(`status.${status}`)}
    </Tag>
  );
}
