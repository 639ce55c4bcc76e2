// "Verifiser fil": a signed PDF or exchange file (dialog or drag and drop), optional trust certificates;
// shows intact/modified, signer, fingerprint, signing time, trust and the problems in the UI language.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import type { ResponseOf } from '../../../shared/ipc/contract';
import { call } from '../api/client';
import { DropZone } from '../components/DropZone';
import { formatInstant, uiLanguage } from '../format';
import { useActions } from '../store/hooks';
import { baseName, groupFingerprint } from './format';
import { SignatureList } from './SignatureList';
import { WorkspaceTrustList } from './WorkspaceTrustList';
import './signing.css';

type Report = ResponseOf<'verify:file'>;

export function VerifyScreen() {
  const { t } = useTranslation();
  const { notifyError } = useActions('notifyError');
  const [file, setFile] = useState<string | null>(null);
  const [trust, setTrust] = useState<string[]>([]);
  const [report, setReport] = useState<Report | null>(null);
  const [busy, setBusy] = useState(false);
  const reportRef = useRef<HTMLHeadingElement>(null);

  async function verify(path: string, certificates: readonly string[]): Promise<void> {
    setBusy(true);
    try {
      setReport(await call('verify:file', { path, ...(certificates.length > 0 ? { trust: [...certificates] } : {}) }));
    } catch (error) {
      setReport(null);
      notifyError(error);
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    if (report) reportRef.current?.focus();
  }, [report]);

  function pickFile(path: string): void {
    setFile(path);
    void verify(path, trust);
  }

  /** One file is verified at a time: the first one dropped. */
  function pickFirst([path]: string[]): void {
    if (path !== undefined) pickFile(path);
  }

  async function chooseFile(): Promise<void> {
    try {
      const [chosen] = await call('dialog:choose-files', { purpose: 'verify' });
      if (chosen !== undefined) pickFile(chosen);
    } catch (error) {
      notifyError(error);
    }
  }

  async function addTrust(): Promise<void> {
    try {
      const chosen = await call('dialog:choose-files', { purpose: 'trust' });
      if (chosen.length === 0) return;
      const next = [...new Set([...trust, ...chosen])];
      setTrust(next);
      if (file !== null) void verify(file, next);
    } catch (error) {
      notifyError(error);
    }
  }

  function removeTrust(path: string): void {
    const next = trust.filter((candidate) => candidate !== path);
    setTrust(next);
    if (file !== null) void verify(file, next);
  }

  return (
    <div className="screen signing-screen">
      <Heading level={1} data-size="md">
        {t('signing.verify.heading')}
      </Heading>
      <Paragraph>{t('signing.verify.help')}</Paragraph>
      <section className="panel" aria-labelledby="verify-file-heading">
        <Heading level={2} data-size="sm" id="verify-file-heading">
          {t('signing.verify.fileHeading')}
        </Heading>
        <DropZone testId="verify-drop-zone" noPathMessage={t('signing.verify.dropNoPath')} onPaths={pickFirst}>
          <p>{t('signing.verify.dropHint')}</p>
          <Button onClick={() => void chooseFile()} disabled={busy}>
            {t('signing.verify.chooseFile')}
          </Button>
        </DropZone>
        {file !== null && (
          <Paragraph data-testid="verify-file">
            {t('signing.verify.chosen')} <span className="signing-path">{file}</span>
          </Paragraph>
        )}
        <Heading level={3} data-size="xs">
          {t('trustList.heading')}
        </Heading>
        <WorkspaceTrustList />
        <Heading level={3} data-size="xs" id="verify-trust-heading">
          {t('signing.verify.trustHeading')}
        </Heading>
        <Paragraph className="muted">{t('signing.verify.trustHelp')}</Paragraph>
        {trust.length > 0 && (
          <ul className="signing-trust" aria-labelledby="verify-trust-heading">
            {trust.map((path) => (
              <li key={path}>
                <span className="signing-path" title={path}>
                  {baseName(path)}
                </span>
                <Button variant="tertiary" data-size="sm" onClick={() => removeTrust(path)} aria-label={t('signing.verify.removeTrust', { file: baseName(path) })}>
                  {t('signing.verify.remove')}
                </Button>
              </li>
            ))}
          </ul>
        )}
        <div className="button-row">
          <Button variant="secondary" onClick={() => void addTrust()} disabled={busy}>
            {t('signing.verify.addTrust')}
          </Button>
          {file !== null && (
            <Button variant="secondary" onClick={() => void verify(file, trust)} disabled={busy}>
              {t('signing.verify.again')}
            </Button>
          )}
        </div>
      </section>
      <div aria-live="polite" role="status" className="signing-status-line">
        {busy ? <Spinner aria-label={t('signing.verify.checking')} data-size="sm" /> : null}
      </div>
      {report && !busy && <VerificationReportView report={report} headingRef={reportRef} />}
    </div>
  );
}

const VERDICT: Record<Report['status'], { icon: string }> = {
  valid: { icon: '✓' },
  unverified: { icon: '?' },
  invalid: { icon: '✗' },
  unreadable: { icon: '!' },
};

function VerificationReportView({ report, headingRef }: { report: Report; headingRef: React.RefObject<HTMLHeadingElement | null> }) {
  const { t, i18n } = useTranslation();
  const language = uiLanguage(i18n.language);
  const verdict = VERDICT[report.status];
  const trustText =
    report.trusted === null ? t('signing.verify.trustNotChecked') : report.trusted ? t('signing.verify.trusted') : t('signing.verify.notTrusted');
  return (
    <section className="panel signing-report" data-status={report.status} aria-labelledby="verify-report-heading" data-testid="verify-report">
      <Heading level={2} data-size="sm" id="verify-report-heading" ref={headingRef} tabIndex={-1} className="signing-verdict">
        <span className="signing-icon" aria-hidden="true">
          {verdict.icon}
        </span>
        <span>{t(`signing.verify.status.${report.status}`)}</span>
      </Heading>
      <dl className="signing-facts">
        <dt>{t('signing.verify.file')}</dt>
        <dd className="signing-path">{report.file}</dd>
        <dt>{t('signing.verify.kind')}</dt>
        <dd>{t(`signing.verify.kinds.${report.kind}`)}</dd>
        <dt>{t('signing.verify.integrity')}</dt>
        <dd data-testid="verify-integrity">
          <span aria-hidden="true">{report.intact ? '✓ ' : '✗ '}</span>
          {report.intact ? t('signing.verify.intact') : t('signing.verify.modified')}
        </dd>
        <dt>{t('signing.verify.signer')}</dt>
        <dd data-testid="verify-signer">
          {report.signer ? `${report.signer.subjectName}${report.signer.email ? ` <${report.signer.email}>` : ''}` : '–'}
        </dd>
        {report.signer && (
          <>
            <dt>{t('signing.identity.issuer')}</dt>
            <dd>{report.signer.selfSigned ? t('signing.identity.selfSigned') : report.signer.issuerName}</dd>
            <dt>{t('signing.fingerprint')}</dt>
            <dd className="fingerprint" data-testid="verify-fingerprint">
              {groupFingerprint(report.signer.fingerprint)}
            </dd>
          </>
        )}
        <dt>{t('signing.verify.signingTime')}</dt>
        <dd>{report.signingTime ? formatInstant(report.signingTime, language) : '–'}</dd>
        <dt>{t('signing.verify.trust')}</dt>
        <dd data-testid="verify-trust">
          <span aria-hidden="true">{report.trusted === true ? '✓ ' : report.trusted === false ? '✗ ' : ''}</span>
          {trustText}
        </dd>
        {report.contents && (
          <>
            <dt>{t('signing.verify.contents')}</dt>
            <dd data-testid="verify-contents">
              {t(report.contents.applicationIds.length === 1 ? 'signing.verify.contentsOne' : 'signing.verify.contentsMany', {
                assessor: report.contents.assessor,
                count: report.contents.applicationIds.length,
                ids: report.contents.applicationIds.join(', '),
              })}
            </dd>
          </>
        )}
      </dl>
      {report.status === 'unverified' && (
        <Paragraph className="muted" data-testid="verify-unverified-help">
          {t('verifySignatures.unverifiedHelp')}
        </Paragraph>
      )}
      {report.signatures && <SignatureList signatures={report.signatures} />}
      {report.problems.length > 0 && (
        <>
          <Heading level={3} data-size="xs" id="verify-problems-heading">
            {t('signing.verify.problems')}
          </Heading>
          <ul aria-labelledby="verify-problems-heading" data-testid="verify-problems">
            {report.problems.map((problem) => (
              <li key={`${problem.code}-${problem.en}`}>{problem[language]}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
