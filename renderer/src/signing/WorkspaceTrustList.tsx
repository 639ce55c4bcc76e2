// The open workspace's stored trust list, shown in the verify view: 'verify:file' uses it automatically, so the
// person sees which signers count as trusted without choosing certificate files (issue 9 point 1).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Paragraph } from '@digdir/designsystemet-react';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { call } from '../api/client';
import { useActions } from '../store/hooks';
import { groupFingerprint } from './format';

type TrustListView = ResponseOf<'trust:list'>;

export function WorkspaceTrustList() {
  const { t } = useTranslation();
  const { notifyError } = useActions('notifyError');
  const [view, setView] = useState<TrustListView | null>(null);

  useEffect(() => {
    let live = true;
    call('trust:list')
      .then((answer) => {
        if (live) setView(answer);
      })
      .catch((error: unknown) => {
        if (live) notifyError(error);
      });
    return () => {
      live = false;
    };
  }, [notifyError]);

  if (view === null) return null;
  if (!view.workspaceOpen) return <Paragraph className="muted" data-testid="workspace-trust">{t('trustList.noWorkspace')}</Paragraph>;
  if (view.entries.length === 0) return <Paragraph className="muted" data-testid="workspace-trust">{t('trustList.empty')}</Paragraph>;
  return (
    <div data-testid="workspace-trust">
      <Paragraph>{t('trustList.used', { count: view.entries.length })}</Paragraph>
      <ul className="signing-trust">
        {view.entries.map((entry) => (
          <li key={entry.fingerprint}>
            <span>{entry.name === entry.subjectName ? entry.name : `${entry.name} (${entry.subjectName})`}</span>{' '}
            <span className="fingerprint" title={entry.fingerprint}>
              {groupFingerprint(entry.fingerprint).slice(0, 19)} …
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
