// A step that cannot be opened yet: impartiality comes first (forvaltningsloven § 6 covers preparing the case),
// and a declared conflict of interest locks the formal check and the scores for this assessor.
import { useTranslation } from 'react-i18next';
import { Alert, Button } from '@digdir/designsystemet-react';
import type { Assessment } from '../../../shared/assessment/schema';
import { useActions } from '../store/hooks';

export function LockedStep({ assessment, reason }: { assessment: Assessment; reason: 'undeclared' | 'conflict' }) {
  const { t } = useTranslation();
  const { navigate } = useActions('navigate');
  return (
    <div className="tab-content">
      <Alert data-color="warning" data-testid="step-locked">
        {reason === 'undeclared' ? t('steps.lockedUndeclared') : t('steps.lockedConflict', { reason: assessment.impartiality?.reason ?? '' })}
      </Alert>
      <div className="button-row">
        <Button variant="secondary" onClick={() => navigate({ name: 'application', applicationId: assessment.applicationId, tab: reason === 'undeclared' ? 'impartiality' : 'finalise' })}>
          {reason === 'undeclared' ? t('steps.toImpartiality') : t('steps.toFinalise')}
        </Button>
      </div>
    </div>
  );
}
