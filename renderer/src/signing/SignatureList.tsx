// Each signature of a PDF with several (issue 8 point 2): signer, whether it covers the whole document, and
// what was changed after it — so a countersignature can never hide a change made after the first signature.
import { useTranslation } from 'react-i18next';
import { Heading } from '@digdir/designsystemet-react';
import type { ResponseOf } from '../../../shared/ipc/contract';

type Signatures = NonNullable<ResponseOf<'verify:file'>['signatures']>;

export function SignatureList({ signatures }: { signatures: Signatures }) {
  const { t } = useTranslation();
  if (signatures.length < 2) return null;
  return (
    <>
      <Heading level={3} data-size="xs" id="verify-signatures-heading">
        {t('verifySignatures.heading')}
      </Heading>
      <ol aria-labelledby="verify-signatures-heading" data-testid="verify-signatures">
        {signatures.map((entry) => (
          <li key={entry.index} data-changes={entry.changesAfter}>
            <span aria-hidden="true">{entry.intact && entry.changesAfter !== 'modified' ? '✓ ' : '✗ '}</span>
            {t('verifySignatures.item', { index: entry.index, signer: entry.signer?.subjectName ?? '–' })}
            {' – '}
            {t(entry.coversWholeDocument ? 'verifySignatures.whole' : 'verifySignatures.notWhole')}
            {'; '}
            {t(`verifySignatures.changes.${entry.changesAfter}`)}
          </li>
        ))}
      </ol>
    </>
  );
}
