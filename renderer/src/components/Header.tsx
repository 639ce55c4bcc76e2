// Banner with the app name, the open workspace, navigation and the autosave state.
import { useTranslation } from 'react-i18next';
import { useNavigate, useRoute, useWorkspace } from '../store/hooks';
import { routeToHash } from '../store/route';
import { SaveStatus } from './SaveStatus';
import { QueueProgress } from './QueueProgress';

export function Header({ onHelp }: { onHelp: () => void }) {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  const navigate = useNavigate();
  const workspace = useWorkspace();
  const language = i18n.language === 'en' ? 'en' : 'nb';
  const links = [
    { name: 'start' as const, label: t('nav.start'), current: route.name === 'start' },
    ...(workspace
      ? [{ name: 'list' as const, label: t('nav.applications'), current: route.name === 'list' || route.name === 'application' }]
      : []),
    ...(workspace ? [{ name: 'export' as const, label: t('signing.nav.export'), current: route.name === 'export' }] : []),
    { name: 'verify' as const, label: t('signing.nav.verify'), current: route.name === 'verify' },
    { name: 'settings' as const, label: t('nav.settings'), current: route.name === 'settings' },
  ];
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-name">Vurder</span>
        {workspace && <span className="brand-scheme">{workspace.schemeTitle[language]}</span>}
      </div>
      <nav aria-label={t('nav.label')}>
        <ul>
          {links.map((link) => (
            <li key={link.name}>
              <a
                href={routeToHash({ name: link.name })}
                aria-current={link.current ? 'page' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  navigate({ name: link.name });
                }}
              >
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {/* The round's progress and "Neste uferdige" while an application is open (the list shows its own). */}
      {workspace && route.name === 'application' && <QueueProgress compact currentId={route.applicationId} />}
      <button type="button" className="help-button" onClick={onHelp} aria-keyshortcuts="?" data-testid="help-button">
        {t('shortcuts.open')}
      </button>
      <SaveStatus />
    </header>
  );
}
