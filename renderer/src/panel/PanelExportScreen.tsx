// Export: the signed innstilling PDF, the workbook, the award list and (optionally) one decision letter per
// applicant, with progress per file. Says what blocks a signed export (open flags, no allocation, no identity);
// a draft ("UTKAST", unsigned) can always be made.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { ResponseOf } from '../../../shared/ipc/contract';
import type { PanelSnapshot } from '../../../shared/panel/types';
import { call, messageOf, subscribe } from '../api/client';
import { uiLanguage } from '../format';
import { useActions } from '../store/hooks';

type Report = ResponseOf<'panel:report'>;
type Progress = { done: number; total: number; file: string };

export function PanelExportScreen({ snapshot }: { snapshot: PanelSnapshot }) {
  const { t, i18n } = useTranslation();
  const language = uiLanguage(i18n.language);
  const { navigate, notifyError } = useActions('navigate', 'notifyError');
  const [identity, setIdentity] = useState<ResponseOf<'identity:get'> | undefined>(undefined);
  const [letters, setLetters] = useState(true);
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<Report | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('identity:get').then(setIdentity, (reason: unknown) => {
      setIdentity(null);
      notifyError(reason);
    });
    return subscribe('panel:report-progress', (event) => setProgress({ done: event.done, total: event.total, file: event.file }));
  }, [notifyError]);

  const blockers: string[] = [];
  if (snapshot.flagCounts.open > 0) blockers.push(t('panel.export.blockedFlags', { count: snapshot.flagCounts.open }));
  if (snapshot.allocation === null) blockers.push(snapshot.allocationProblem?.[language] ?? t('panel.ranking.noAllocation'));
  if (identity === null) blockers.push(t('panel.export.blockedIdentity'));

  async function run(draft: boolean): Promise<void> {
    const outDir = await call('dialog:choose-directory', { purpose: 'report' }).catch((reason: unknown) => {
      notifyError(reason);
      return null;
    });
    if (outDir === null) return;
    setRunning(true);
    setResult(null);
    setError(null);
    setProgress(null);
    try {
      setResult(await call('panel:report', { outDir, letters, draft }));
    } catch (reason) {
      setError(messageOf(reason, i18n.language));
    } finally {
      setRunning(false);
    }
  }

  return (
    <div className="screen panel-export">
      <Heading level={1} data-size="lg">
        {t('panel.export.heading')}
      </Heading>
      <Paragraph>{t('panel.export.intro')}</Paragraph>
      <ul className="result-list" data-testid="export-contents">
        <li>{t('panel.export.innstilling')}</li>
        <li>{t('panel.export.workbook')}</li>
        <li>{t('panel.export.awardList')}</li>
        <li>
          <label className="check-option">
            <input type="checkbox" checked={letters} onChange={(event) => setLetters(event.target.checked)} /> {t('panel.export.letters', { count: snapshot.applications.length })}
          </label>
        </li>
      </ul>
      {blockers.length > 0 && (
        <Alert data-color="warning" data-testid="panel-export-blocked">
          <Heading level={2} data-size="xs">
            {t('panel.export.blockedHeading')}
          </Heading>
          <ul>
            {blockers.map((blocker) => (
              <li key={blocker}>{blocker}</li>
            ))}
          </ul>
          {snapshot.flagCounts.open > 0 && (
            <Button data-size="sm" variant="secondary" onClick={() => navigate({ name: 'panel', view: 'overview' })}>
              {t('panel.nav.overview')}
            </Button>
          )}
        </Alert>
      )}
      <div className="button-row">
        <Button onClick={() => void run(false)} disabled={running || blockers.length > 0} data-testid="panel-export-signed">
          {t('panel.export.signed')}
        </Button>
        <Button variant="secondary" onClick={() => void run(true)} disabled={running} data-testid="panel-export-draft">
          {t('panel.export.draft')}
        </Button>
      </div>
      {running && (
        <div aria-live="polite">
          <progress max={progress?.total ?? 1} value={progress?.done ?? 0} aria-label={t('panel.export.progressLabel')} />
          {progress && <span>{t('panel.export.progress', { done: progress.done, total: progress.total, file: progress.file })}</span>}
        </div>
      )}
      {error !== null && (
        <Alert data-color="danger" data-testid="panel-export-error">
          {error}
        </Alert>
      )}
      {result !== null && (
        <section className="panel" aria-labelledby="report-result" data-testid="panel-export-result">
          <Heading level={2} data-size="sm" id="report-result">
            {t(result.draft ? 'panel.export.doneDraft' : 'panel.export.done', { count: result.files.length })}
          </Heading>
          <Paragraph data-size="sm" className="path">
            {result.outDir}
          </Paragraph>
          <ul className="result-list">
            {result.files.map((file) => (
              <li key={file.file}>
                <Tag data-size="sm" data-color={file.signed ? 'success' : 'neutral'}>
                  {t(file.signed ? 'panel.export.signedTag' : 'panel.export.unsignedTag')}
                </Tag>{' '}
                {file.file}
              </li>
            ))}
          </ul>
          {result.warnings.length > 0 && (
            <Alert data-color="warning">
              <ul>
                {result.warnings.map((warning) => (
                  <li key={warning.en}>{warning[language]}</li>
                ))}
              </ul>
            </Alert>
          )}
        </section>
      )}
    </div>
  );
}
