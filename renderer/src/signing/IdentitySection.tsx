// Settings → "Signeringsidentitet": show the identity, or create one / import a PKCS#12; export the
// certificate for the panel lead's trust list; remove it after a confirmation.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, Paragraph, Spinner, Textfield } from '@digdir/designsystemet-react';
import { call } from '../api/client';
import { formatInstant, uiLanguage } from '../format';
import { useActions, useSettings } from '../store/hooks';
import { baseName, certificateFileName, groupFingerprint } from './format';
import { useIdentity } from './use-identity';
import type { IdentitySummary } from './use-identity';
import './signing.css';

type Mode = 'create' | 'import';

export function IdentitySection() {
  const { t } = useTranslation();
  const { identity, setIdentity } = useIdentity();
  const [mode, setMode] = useState<Mode>('create');

  return (
    <section className="panel form-panel signing-identity" aria-labelledby="identity-heading" data-testid="identity-section">
      <Heading level={2} data-size="sm" id="identity-heading">
        {t('signing.identity.heading')}
      </Heading>
      <Paragraph>{t('signing.identity.help')}</Paragraph>
      {identity === undefined ? (
        <Spinner aria-label={t('app.loading')} />
      ) : identity === null ? (
        <>
          <fieldset className="radio-group signing-radios">
            <legend>{t('signing.identity.modeLegend')}</legend>
            {(['create', 'import'] as const).map((candidate) => (
              <label key={candidate} className="radio">
                <input type="radio" name="identity-mode" checked={mode === candidate} onChange={() => setMode(candidate)} />
                {t(`signing.identity.mode.${candidate}`)}
              </label>
            ))}
          </fieldset>
          {mode === 'create' ? <CreateIdentityForm onDone={setIdentity} /> : <ImportIdentityForm onDone={setIdentity} />}
        </>
      ) : (
        <IdentityView identity={identity} onRemoved={() => setIdentity(null)} />
      )}
    </section>
  );
}

function CreateIdentityForm({ onDone }: { onDone(identity: IdentitySummary): void }) {
  const { t } = useTranslation();
  const settings = useSettings();
  const { notify, notifyError } = useActions('notify', 'notifyError');
  const [name, setName] = useState(settings?.assessor?.name ?? '');
  const [email, setEmail] = useState(settings?.assessor?.email ?? '');
  const [keyType, setKeyType] = useState<'P-256' | 'RSA-3072'>('P-256');
  const [busy, setBusy] = useState(false);
  const nameMissing = name.trim() === '';

  async function create(): Promise<void> {
    setBusy(true);
    try {
      const created = await call('identity:create', { name: name.trim(), keyType, ...(email.trim() ? { email: email.trim() } : {}) });
      notify('success', t('signing.identity.created'));
      onDone(created);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="signing-form"
      aria-label={t('signing.identity.createLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        if (!nameMissing) void create();
      }}
    >
      <Textfield
        label={t('signing.identity.name')}
        description={t('signing.identity.nameHelp')}
        value={name}
        onChange={(event) => setName(event.target.value)}
        autoComplete="name"
        required
      />
      <Textfield label={t('signing.identity.email')} type="email" value={email} onChange={(event) => setEmail(event.target.value)} autoComplete="email" />
      <fieldset className="radio-group signing-radios">
        <legend>{t('signing.identity.keyType')}</legend>
        {(['P-256', 'RSA-3072'] as const).map((candidate) => (
          <label key={candidate} className="radio">
            <input type="radio" name="key-type" checked={keyType === candidate} onChange={() => setKeyType(candidate)} />
            {t(candidate === 'P-256' ? 'signing.identity.keyTypeP256' : 'signing.identity.keyTypeRsa')}
          </label>
        ))}
      </fieldset>
      <div className="button-row">
        <Button type="submit" disabled={busy || nameMissing} aria-busy={busy}>
          {busy ? t('signing.identity.creating') : t('signing.identity.create')}
        </Button>
      </div>
    </form>
  );
}

function ImportIdentityForm({ onDone }: { onDone(identity: IdentitySummary): void }) {
  const { t } = useTranslation();
  const { notify, notifyError } = useActions('notify', 'notifyError');
  const [path, setPath] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);

  async function choose(): Promise<void> {
    try {
      const [chosen] = await call('dialog:choose-files', { purpose: 'identity' });
      if (chosen !== undefined) setPath(chosen);
    } catch (error) {
      notifyError(error);
    }
  }

  async function importIt(): Promise<void> {
    if (path === null) return;
    setBusy(true);
    try {
      const imported = await call('identity:import', { path, passphrase });
      setPassphrase('');
      notify('success', t('signing.identity.imported'));
      onDone(imported);
    } catch (error) {
      notifyError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="signing-form"
      aria-label={t('signing.identity.importLabel')}
      onSubmit={(event) => {
        event.preventDefault();
        void importIt();
      }}
    >
      <div className="signing-file-choice">
        <Button type="button" variant="secondary" onClick={() => void choose()}>
          {t('signing.identity.chooseP12')}
        </Button>
        <span data-testid="identity-file" title={path ?? undefined}>
          {path === null ? t('signing.identity.noFile') : baseName(path)}
        </span>
      </div>
      <Textfield
        label={t('signing.identity.passphrase')}
        type="password"
        value={passphrase}
        onChange={(event) => setPassphrase(event.target.value)}
        autoComplete="current-password"
      />
      <div className="button-row">
        <Button type="submit" disabled={busy || path === null || passphrase === ''} aria-busy={busy}>
          {t('signing.identity.import')}
        </Button>
      </div>
    </form>
  );
}

function IdentityView({ identity, onRemoved }: { identity: IdentitySummary; onRemoved(): void }) {
  const { t, i18n } = useTranslation();
  const language = uiLanguage(i18n.language);
  const settings = useSettings();
  const { notify, notifyError } = useActions('notify', 'notifyError');
  const [confirming, setConfirming] = useState(false);
  const cancelRemove = () => {
    setConfirming(false);
    // Back to where the person was (after the re-render re-enables the button).
    setTimeout(() => removeRef.current?.focus(), 0);
  };
  const confirmRef = useRef<HTMLButtonElement>(null);
  const removeRef = useRef<HTMLButtonElement>(null);
  const assessorName = settings?.assessor?.name ?? null;

  useEffect(() => {
    // Move focus into the confirmation so a keyboard user lands on the choice they must make.
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  async function exportCertificate(): Promise<void> {
    try {
      const path = await call('dialog:choose-save-path', { purpose: 'certificate', defaultName: certificateFileName(identity.subjectName) });
      if (path === null) return;
      const written = await call('identity:export-certificate', { path });
      notify('success', t('signing.identity.certificateSaved', { path: written.path }));
    } catch (error) {
      notifyError(error);
    }
  }

  async function remove(): Promise<void> {
    try {
      await call('identity:remove');
      notify('success', t('signing.identity.removed'));
      onRemoved();
    } catch (error) {
      notifyError(error);
    }
  }

  return (
    <>
      <dl className="signing-facts" data-testid="identity-details">
        <dt>{t('signing.identity.name')}</dt>
        <dd>{identity.subjectName}</dd>
        <dt>{t('signing.identity.email')}</dt>
        <dd>{identity.email ?? '–'}</dd>
        <dt>{t('signing.identity.issuer')}</dt>
        <dd>{identity.selfSigned ? t('signing.identity.selfSigned') : identity.issuerName}</dd>
        <dt>{t('signing.identity.keyType')}</dt>
        <dd>{identity.keyType === 'EC' ? 'ECDSA P-256' : 'RSA'}</dd>
        <dt>{t('signing.identity.validity')}</dt>
        <dd>
          {formatInstant(identity.notBefore, language)} – {formatInstant(identity.notAfter, language)}
        </dd>
        <dt>{t('signing.fingerprint')}</dt>
        <dd className="fingerprint" data-testid="identity-fingerprint">
          {groupFingerprint(identity.fingerprint)}
        </dd>
      </dl>
      {assessorName !== null && assessorName !== identity.subjectName && (
        <Alert data-color="warning">{t('signing.identity.nameMismatch', { identity: identity.subjectName, assessor: assessorName })}</Alert>
      )}
      <div className="button-row">
        <Button variant="secondary" onClick={() => void exportCertificate()}>
          {t('signing.identity.exportCertificate')}
        </Button>
        <Button variant="secondary" data-color="danger" ref={removeRef} onClick={() => setConfirming(true)} disabled={confirming}>
          {t('signing.identity.remove')}
        </Button>
      </div>
      {confirming && (
        <div
          role="alertdialog"
          aria-labelledby="remove-identity-question"
          className="signing-confirm"
          onKeyDown={(event) => {
            if (event.key === 'Escape') cancelRemove();
          }}
        >
          <Paragraph id="remove-identity-question">{t('signing.identity.removeConfirm')}</Paragraph>
          <div className="button-row">
            <Button data-color="danger" ref={confirmRef} onClick={() => void remove()}>
              {t('signing.identity.removeYes')}
            </Button>
            <Button variant="secondary" onClick={cancelRemove}>
              {t('signing.cancel')}
            </Button>
          </div>
        </div>
      )}
    </>
  );
}
