// Start: create or open a workspace, recent workspaces, the demo round offer, and import once one is open.
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { ImportPanel } from '../components/ImportPanel';
import { useActions, useBusy, useRecent, useSettings, useWorkspace } from '../store/hooks';
import { formatInstant } from '../format';

export function StartScreen() {
  const { t, i18n } = useTranslation();
  const workspace = useWorkspace();
  const recent = useRecent();
  const busy = useBusy();
  const settings = useSettings();
  const { createWorkspace, openWorkspace, createDemo, updateSettings, navigate, createPanel, createDemoPanel } = useActions(
    'createWorkspace',
    'openWorkspace',
    'createDemo',
    'updateSettings',
    'navigate',
    'createPanel',
    'createDemoPanel',
  );
  const language = i18n.language === 'en' ? 'en' : 'nb';

  return (
    <div className="screen start-screen">
      <Heading level={1} data-size="lg">
        {t('start.heading')}
      </Heading>
      <Paragraph>{t('start.intro')}</Paragraph>

      {settings && !settings.firstRunDone && (
        <section className="panel panel-accent" aria-labelledby="demo-heading">
          <Heading level={2} data-size="sm" id="demo-heading">
            {t('start.demoHeading')}
          </Heading>
          <Paragraph>{t('start.demoText')}</Paragraph>
          <div className="button-row">
            <Button onClick={() => void createDemo()} disabled={busy}>
              {t('start.demoCreate')}
            </Button>
            <Button variant="tertiary" onClick={() => void updateSettings({ firstRunDone: true })}>
              {t('start.demoDismiss')}
            </Button>
          </div>
        </section>
      )}

      <section className="panel" aria-labelledby="workspace-heading">
        <Heading level={2} data-size="sm" id="workspace-heading">
          {t('start.workspaceHeading')}
        </Heading>
        {workspace ? (
          <Paragraph>
            {t('start.currentWorkspace', { dir: workspace.dir, count: workspace.applicationCount, scheme: workspace.schemeTitle[language] })}{' '}
            <Button
              variant="secondary"
              data-size="sm"
              onClick={() => navigate(workspace.role === 'panel' ? { name: 'panel', view: 'overview' } : { name: 'list' })}
            >
              {t('start.toList')}
            </Button>
          </Paragraph>
        ) : (
          <Paragraph>{t('start.noWorkspace')}</Paragraph>
        )}
        <div className="button-row">
          <Button onClick={() => void createWorkspace()} disabled={busy}>
            {t('start.create')}
          </Button>
          <Button variant="secondary" onClick={() => void openWorkspace()} disabled={busy}>
            {t('start.open')}
          </Button>
        </div>
        <Heading level={3} data-size="xs">
          {t('start.recentHeading')}
        </Heading>
        {recent.length === 0 ? (
          <Paragraph>{t('start.noRecent')}</Paragraph>
        ) : (
          <ul className="recent-list">
            {recent.map((entry) => (
              <li key={entry.dir}>
                <Button variant="tertiary" data-size="sm" disabled={!entry.exists || busy} onClick={() => void openWorkspace(entry.dir)}>
                  {entry.dir}
                </Button>
                <span className="muted">{entry.exists ? formatInstant(entry.openedAt, language) : t('start.missing')}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section className="panel" aria-labelledby="panel-round-heading">
        <Heading level={2} data-size="sm" id="panel-round-heading">
          {t('panel.start.heading')}
        </Heading>
        <Paragraph>{t('panel.start.intro')}</Paragraph>
        <div className="button-row">
          <Button onClick={() => void createPanel()} disabled={busy}>
            {t('panel.start.create')}
          </Button>
          <Button variant="secondary" onClick={() => void openWorkspace()} disabled={busy}>
            {t('panel.start.open')}
          </Button>
          <Button variant="secondary" onClick={() => void createDemoPanel()} disabled={busy} data-testid="create-demo-panel">
            {t('panel.start.demo')}
          </Button>
        </div>
      </section>

      {workspace && workspace.role !== 'panel' && <ImportPanel />}
    </div>
  );
}
