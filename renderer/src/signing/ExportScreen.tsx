// "Eksporter": every final assessment (or a selection) → one signed PDF each + one signed exchange file,
// with a progress bar fed by `export:progress`. Disabled, with the reason, without an identity or finals.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import type { EventPayloadOf, ResponseOf } from '../../../shared/ipc/contract';
import { call, subscribe } from '../api/client';
import { uiLanguage } from '../format';
import { useActions, useNavigate, useSettings, useWorkspace } from '../store/hooks';
import type { ApplicationSummary } from '../store/types';
import { baseName } from './format';
import { useIdentity } from './use-identity';
import './signing.css';

type ExportResult = ResponseOf<'export:run'>;
type Progress = EventPayloadOf<'export:progress'>;

export function ExportScreen() {
  const { t } = useTranslation();
  const workspace = useWorkspace();
  const navigate = useNavigate();
  const settings = useSettings();
  const { identity } = useIdentity();
  const { notify, notifyError } = useActions('notify', 'notifyError');
  const [finals, setFinals] = useState<ApplicationSummary[] | undefined>(undefined);
  const [outDir, setOutDir] = useState<string | null>(null);
  const [scope, setScope] = useState<'all' | 'selection'>('all');
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [result, setResult] = useState<ExportResult | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (!workspace) return;
    let live = true;
    call('applications:list').then(
      (applications) => {
        if (live) setFinals(applications.filter((application) => application.myStatus === 'final'));
      },
      (error: unknown) => {
        if (live) setFinals([]);
        notifyError(error);
      },
    );
    return () => {
      live = false;
    };
  }, [workspace, notifyError]);

  useEffect(() => subscribe('export:progress', (payload) => setProgress(payload)), []);

  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  const blocker = useMemo(() => {
    if (!workspace) return t('signing.export.noWorkspace');
    if (identity === null) return t('signing.export.noIdentity');
    if (finals !== undefined && finals.length === 0) return t('signing.export.noFinal');
    return null;
  }, [workspace, identity, finals, t]);

  const chosenIds = scope === 'all' ? (finals ?? []).map((final) => final.applicationId) : [...selected];
  const canRun = blocker === null && identity && finals !== undefined && outDir !== null && chosenIds.length > 0 && !running;
  const assessorName = settings?.assessor?.name ?? null;

  async function chooseFolder(): Promise<void> {
    try {
      const dir = await call('dialog:choose-directory', { purpose: 'export' });
      if (dir !== null) setOutDir(dir);
    } catch (error) {
      notifyError(error);
    }
  }

  async function run(): Promise<void> {
    if (outDir === null) return;
    setRunning(true);
    setProgress(null);
    setResult(null);
    try {
      const done = await call('export:run', { outDir, ...(scope === 'selection' ? { applicationIds: chosenIds } : {}) });
      setResult(done);
      notify('success', t(done.pdfs.length === 1 ? 'signing.export.doneOne' : 'signing.export.doneMany', { count: done.pdfs.length }));
    } catch (error) {
      notifyError(error);
    } finally {
      setRunning(false);
    }
  }

  function toggle(applicationId: string, on: boolean): void {
    const next = new Set(selected);
    if (on) next.add(applicationId);
    else next.delete(applicationId);
    setSelected(next);
  }

  return (
    <div className="screen signing-screen">
      <Heading level={1} data-size="md">
        {t('signing.export.heading')}
      </Heading>
      <Paragraph>{t('signing.export.help')}</Paragraph>
      {blocker !== null ? (
        <Alert data-color="warning" data-testid="export-blocked">
          <Paragraph>{blocker}</Paragraph>
          {identity === null && (
            <Button variant="secondary" onClick={() => navigate({ name: 'settings' })}>
              {t('signing.export.toSettings')}
            </Button>
          )}
        </Alert>
      ) : finals === undefined || identity === undefined ? (
        <Spinner aria-label={t('app.loading')} />
      ) : (
        <section className="panel" aria-labelledby="export-form-heading">
          <Heading level={2} data-size="sm" id="export-form-heading">
            {t('signing.export.formHeading')}
          </Heading>
          {identity && (
            <Paragraph data-testid="export-signer">{t('signing.export.signer', { name: identity.subjectName })}</Paragraph>
          )}
          {identity && assessorName !== null && assessorName !== identity.subjectName && (
            <Alert data-color="warning">{t('signing.identity.nameMismatch', { identity: identity.subjectName, assessor: assessorName })}</Alert>
          )}
          <div className="signing-file-choice">
            <Button variant="secondary" onClick={() => void chooseFolder()} disabled={running}>
              {t('signing.export.chooseFolder')}
            </Button>
            <span data-testid="export-folder">{outDir ?? t('signing.export.noFolder')}</span>
          </div>
          <fieldset className="radio-group signing-radios">
            <legend>{t('signing.export.scopeLegend')}</legend>
            <label className="radio">
              <input type="radio" name="export-scope" checked={scope === 'all'} onChange={() => setScope('all')} disabled={running} />
              {t('signing.export.scopeAll', { count: finals.length })}
            </label>
            <label className="radio">
              <input type="radio" name="export-scope" checked={scope === 'selection'} onChange={() => setScope('selection')} disabled={running} />
              {t('signing.export.scopeSelection')}
            </label>
          </fieldset>
          {scope === 'selection' && (
            <fieldset className="signing-selection">
              <legend>{t('signing.export.selectionLegend')}</legend>
              {finals.map((final) => (
                <label key={final.applicationId} className="checkbox">
                  <input
                    type="checkbox"
                    checked={selected.has(final.applicationId)}
                    onChange={(event) => toggle(final.applicationId, event.target.checked)}
                    disabled={running}
                  />
                  <span>
                    <strong>{final.applicationId}</strong> · {final.applicantName} · {final.title}
                  </span>
                </label>
              ))}
            </fieldset>
          )}
          <div className="button-row">
            <Button onClick={() => void run()} disabled={!canRun} aria-busy={running}>
              {running ? t('signing.export.running') : t('signing.export.run')}
            </Button>
            {!running && outDir === null && <span className="muted">{t('signing.export.needFolder')}</span>}
            {!running && outDir !== null && chosenIds.length === 0 && <span className="muted">{t('signing.export.needSelection')}</span>}
          </div>
          <div role="status" aria-live="polite" className="signing-progress" data-testid="export-progress">
            {progress && (running || result) && (
              <>
                <progress max={progress.total} value={progress.done} aria-label={t('signing.export.progressLabel')} />
                <span>{t('signing.export.progress', { done: progress.done, total: progress.total, file: baseName(progress.file) })}</span>
              </>
            )}
          </div>
        </section>
      )}
      {result && <ExportResultView result={result} headingRef={resultRef} />}
    </div>
  );
}

function ExportResultView({ result, headingRef }: { result: ExportResult; headingRef: React.RefObject<HTMLHeadingElement | null> }) {
  const { t, i18n } = useTranslation();
  const language = uiLanguage(i18n.language);
  return (
    <section className="panel" aria-labelledby="export-result-heading" data-testid="export-result">
      <Heading level={2} data-size="sm" id="export-result-heading" ref={headingRef} tabIndex={-1}>
        {t('signing.export.resultHeading')}
      </Heading>
      <ul className="signing-results" aria-label={t('signing.export.resultLabel')}>
        {result.pdfs.map((pdf) => (
          <li key={pdf.file} data-status="signed">
            <Tag data-color="success">{t('signing.export.signedPdf')}</Tag>
            <span className="signing-result-id">{pdf.applicationId}</span>
            <span className="signing-path" title={pdf.file}>
              {pdf.file}
            </span>
          </li>
        ))}
        <li data-status="exchange">
          <Tag data-color="info">{t('signing.export.exchangeFile')}</Tag>
          <span className="signing-result-id">{baseName(result.exchangeFile)}</span>
          <span className="signing-path" title={result.exchangeFile}>
            {result.exchangeFile}
          </span>
        </li>
        {result.skipped.map((skipped) => (
          <li key={skipped.applicationId} data-status="skipped">
            <Tag data-color="warning">{t('signing.export.skipped')}</Tag>
            <span className="signing-result-id">{skipped.applicationId}</span>
            <span>{skipped.reason[language]}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
