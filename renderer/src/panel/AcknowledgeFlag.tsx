// Settling a flag no score, verdict or amount answers (too few assessments, a version conflict, untrusted
// input): the lead decides to go on, with a justification of the round's minimum length.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Textfield } from '@digdir/designsystemet-react';
import type { AcknowledgeableFlagKind } from '../../../shared/panel/types';
import { useActions } from '../store/hooks';

export function AcknowledgeFlag({ applicationId, kind, minLength }: { applicationId: string; kind: AcknowledgeableFlagKind; minLength: number }) {
  const { t } = useTranslation();
  const { setConsensus } = useActions('setConsensus');
  const [justification, setJustification] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const length = justification.trim().length;

  async function save(): Promise<void> {
    if (length < minLength) return setProblem(t('panel.consensus.tooShort', { length, min: minLength }));
    setProblem(await setConsensus({ applicationId, acknowledge: { kind, justification: justification.trim() } }));
  }

  return (
    <div className="acknowledge-flag" data-testid={`acknowledge-${kind}`}>
      <Textfield
        multiline
        rows={2}
        data-size="sm"
        label={t('panel.acknowledge.label')}
        description={t(`panel.acknowledge.help.${kind}`)}
        value={justification}
        onChange={(event) => {
          setJustification(event.target.value);
          setProblem(null);
        }}
        error={problem ?? undefined}
      />
      <Button data-size="sm" variant="secondary" onClick={() => void save()}>
        {t('panel.acknowledge.save')}
      </Button>
    </div>
  );
}
