// What sets one assessor's assessment apart in the panel (left out of the figures, or signed by someone not on
// the trust list), as tags; nothing for an ordinary included, trusted assessment.
import { useTranslation } from 'react-i18next';
import { Tag } from '@digdir/designsystemet-react';
import type { MergedAssessment } from '../../../shared/panel/types';

export function AssessmentTags({ assessment }: { assessment: Pick<MergedAssessment, 'status' | 'trusted'> }) {
  const { t } = useTranslation();
  return (
    <>
      {assessment.status !== 'included' && (
        <Tag data-size="sm" data-color="warning">
          {t(`panel.assessmentStatus.${assessment.status}`)}
        </Tag>
      )}
      {!assessment.trusted && (
        <Tag data-size="sm" data-color="danger">
          {t('panel.untrusted')}
        </Tag>
      )}
    </>
  );
}
