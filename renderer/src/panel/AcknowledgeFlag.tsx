// Settling a flag no score, verdict or amount answers (too few assessments, a version conflict, untrusted
// input): the lead decides to go on, with a justification of the round's minimum length.
import { useTranslation } from 'react-i18next';
import { Button } from '@digdir/designsystemet-react';
import type { AcknowledgeableFlagKind } from '../../../shared/panel/types';
import { useActions } from '../store/hooks';
import { JustificationField, useJustification } from './JustificationField';

export function AcknowledgeFlag({ applicationId, kind, minLength }: { applicationId: string; kind: AcknowledgeableFlagKind; minLength: number }) {
  const { t } = useTranslation();
  const { setConsensus } = useActions('setConsensus');
  const justification = useJustification(minLength);

  async function save(): Promise<void> {
    if (!justification.longEnough()) return;
    justification.setProblem(await setConsensus({ applicationId, acknowledge: { kind, justification: justification.text.trim() } }));
  }

  return (
    <div className="acknowledge-flag" data-testid={`acknowledge-${kind}`}>
      <JustificationField state={justification} rows={2} label={t('panel.acknowledge.label')} description={t(`panel.acknowledge.help.${kind}`)} />
      <Button data-size="sm" variant="secondary" onClick={() => void save()}>
        {t('panel.acknowledge.save')}
      </Button>
    </div>
  );
}
