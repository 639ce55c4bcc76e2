// App shell: landmarks, skip link, header with navigation and save state, notices, and the current screen.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Spinner } from '@digdir/designsystemet-react';
import { useActions, useRoute, useWorkspace } from './store/hooks';
import { useStore } from './store';
import { useMenuCommands } from './menu';
import { answerFlushRequests } from './store/flush-on-close';
import { Header } from './components/Header';
import { Notices } from './components/Notices';
import { ShortcutHelp, useShortcuts } from './components/Shortcuts';
import { StartScreen } from './screens/StartScreen';
import { ApplicationList } from './screens/ApplicationList';
import { ApplicationView } from './screens/ApplicationView';
import { SettingsScreen } from './screens/SettingsScreen';
import { ExportScreen } from './signing/ExportScreen';
import { VerifyScreen } from './signing/VerifyScreen';
import { PanelScreen } from './panel/PanelScreen';
import { PanelApplicationView } from './panel/PanelApplicationView';

function Screen() {
  const route = useRoute();
  const workspace = useWorkspace();
  switch (route.name) {
    case 'start':
      return <StartScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'export':
      return <ExportScreen />;
    case 'verify':
      return <VerifyScreen />;
    case 'list':
      return workspace ? <ApplicationList /> : <StartScreen />;
    case 'application':
      return workspace ? <ApplicationView applicationId={route.applicationId} tab={route.tab} /> : <StartScreen />;
    case 'panel':
      return workspace?.role === 'panel' ? <PanelScreen view={route.view} /> : <StartScreen />;
    case 'panel-application':
      return workspace?.role === 'panel' ? <PanelApplicationView applicationId={route.applicationId} /> : <StartScreen />;
  }
}

/**
 * When the screen changes (not when a tab inside it does), move focus to <main> so keyboard and screen-reader
 * users start at the new content instead of the link they left (WCAG 2.4.3).
 */
function useFocusOnScreenChange(): void {
  const route = useRoute();
  const key =
    route.name === 'application'
      ? `application/${route.applicationId}`
      : route.name === 'panel'
        ? `panel/${route.view}`
        : route.name === 'panel-application'
          ? `panel-application/${route.applicationId}`
          : route.name;
  const previous = useRef(key);
  useEffect(() => {
    if (previous.current === key) return;
    previous.current = key;
    document.getElementById('main')?.focus();
  }, [key]);
}

export function App() {
  const { t } = useTranslation();
  const ready = useStore((s) => s.ready);
  const { bootstrap, syncRouteFromHash, flushSave, notifyError } = useActions('bootstrap', 'syncRouteFromHash', 'flushSave', 'notifyError');
  useMenuCommands();
  useFocusOnScreenChange();
  const [help, setHelp] = useShortcuts();

  useEffect(() => {
    void bootstrap();
    const onPop = () => syncRouteFromHash();
    // Save what is pending when the window goes away or is hidden, so nothing typed is lost.
    const onHide = () => {
      if (document.visibilityState === 'hidden') void flushSave();
    };
    const onUnload = () => void flushSave();
    // The window is closing (main asks first and waits, bounded): save now and confirm.
    const offFlush = answerFlushRequests(flushSave, notifyError);
    window.addEventListener('popstate', onPop);
    window.addEventListener('beforeunload', onUnload);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      offFlush();
      window.removeEventListener('popstate', onPop);
      window.removeEventListener('beforeunload', onUnload);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, [bootstrap, syncRouteFromHash, flushSave, notifyError]);

  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Header onHelp={() => setHelp(true)} />
      <main id="main" tabIndex={-1}>
        <Notices />
        {ready ? <Screen /> : <Spinner aria-label={t('app.loading')} />}
      </main>
      <ShortcutHelp open={help} onClose={() => setHelp(false)} />
    </>
  );
}
