// The panel lead's screens inside one panel round; the view comes from the route.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '@digdir/designsystemet-react';
import { useActions, useSnapshot } from '../store/hooks';
import type { PanelView } from '../store/types';
import { AgreementScreen } from './AgreementScreen';
import { CollectScreen } from './CollectScreen';
import { OverviewScreen } from './OverviewScreen';
import { PanelExportScreen } from './PanelExportScreen';
import { RankingScreen } from './RankingScreen';
import './panel.css';

export function PanelScreen({ view }: { view: PanelView }) {
  const { t } = useTranslation();
  const snapshot = useSnapshot();
  const { loadSnapshot } = useActions('loadSnapshot');
  useEffect(() => {
    if (snapshot === null) void loadSnapshot();
  }, [snapshot, loadSnapshot]);
  if (snapshot === null) return <Spinner aria-label={t('app.loading')} />;
  switch (view) {
    case 'overview':
      return <OverviewScreen snapshot={snapshot} />;
    case 'collect':
      return <CollectScreen snapshot={snapshot} />;
    case 'ranking':
      return <RankingScreen snapshot={snapshot} />;
    case 'agreement':
      return <AgreementScreen snapshot={snapshot} />;
    case 'export':
      return <PanelExportScreen snapshot={snapshot} />;
  }
}
