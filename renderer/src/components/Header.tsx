// Banner with the app name, the open workspace, navigation and the autosave state.
import { useTranslation } from 'react-i18next';
import { useNavigate, useRoute, useWorkspace } from '../store/hooks';
import { routeToHash } from '../store/route';
import type { Route } from '../store/types';
import { SaveStatus } from './SaveStatus';
import { QueueProgress } from './QueueProgress';

export function Header({ onHelp }: { onHelp: () => void }) {
  const { t, i18n } = useTranslation();
  const route = useRoute();
  const navigate = useNavigate();
  const workspace = useWorkspace();
  const language = i18n.language === 'en' ? 'en' : 'nb';
  const panel = workspace?.role === 'panel';
  const link = (target: Route, label: string, current: boolean) => ({ target, label, current });
  // A panel round has the lead's screens; an assessor's workspace the list and export. Start, verify and
  // settings are always there.
  const links = [
    link({ name: 'start' }, t('nav.start'), route.name === 'start'),
    ...(workspace && !panel
      ? [
          link({ name: 'list' }, t('nav.applications'), route.name === 'list' || route.name === 'application'),
          link({ name: 'export' }, t('signing.nav.export'), route.name === 'export'),
        ]
      : []),
    ...(panel
      ? [
          link({ name: 'panel', view: 'overview' }, t('panel.nav.overview'), (route.name === 'panel' && route.view === 'overview') || route.name === 'panel-application'),
          link({ name: 'panel', view: 'collect' }, t('panel.nav.collect'), route.name === 'panel' && route.view === 'collect'),
          link({ name: 'panel', view: 'ranking' }, t('panel.nav.ranking'), route.name === 'panel' && route.view === 'ranking'),
          link({ name: 'panel', view: 'agreement' }, t('panel.nav.agreement'), route.name === 'panel' && route.view === 'agreement'),
          link({ name: 'panel', view: 'export' }, t('panel.nav.export'), route.name === 'panel' && route.view === 'export'),
        ]
      : []),
    link({ name: 'verify' }, t('signing.nav.verify'), route.name === 'verify'),
    link({ name: 'settings' }, t('nav.settings'), route.name === 'settings'),
  ];
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-name">Vurder</span>
        {workspace && <span className="brand-scheme">{workspace.schemeTitle[language]}</span>}
        {workspace && (
          <span className="role-badge" data-testid="role-badge">
            {panel ? t('panel.role.panel') : t('panel.role.assessor')}
          </span>
        )}
      </div>
      <nav aria-label={t('nav.label')}>
        <ul>
          {links.map((entry) => (
            <li key={routeToHash(entry.target)}>
              <a
                href={routeToHash(entry.target)}
                aria-current={entry.current ? 'page' : undefined}
                onClick={(event) => {
                  event.preventDefault();
                  navigate(entry.target);
                }}
              >
                {entry.label}
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
