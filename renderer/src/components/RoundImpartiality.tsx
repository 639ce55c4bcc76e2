// The round-level impartiality declaration (forvaltningsloven § 6, issue 12 point 3): the assessor reads the
// list of applicants and declares once that they have no conflict with any of them. A conflict with one is
// declared on that application's impartiality step, which locks it as before.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { RoundDeclaration } from '../../../shared/assessment/round-impartiality';
import { call } from '../api/client';
import { formatInstant, uiLanguage } from '../format';
import { useActions, useApplications, useSettings } from '../store/hooks';

export function RoundImpartiality() {
  const { t, i18n } = useTranslation();
  const language = uiLanguage(i18n.language);
  const rows = useApplications();
  const settings = useSettings();
  const { notifyError, notify } = useActions('notifyError', 'notify');
  const [declaration, setDeclaration] = useState<RoundDeclaration | null | undefined>(undefined);
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const hasAssessor = settings?.assessor !== null && settings?.assessor !== undefined;

  useEffect(() => {
    if (!hasAssessor) return;
    call('impartiality:round-get').then(setDeclaration, (reason: unknown) => {
      setDeclaration(null);
      notifyError(reason);
    });
  }, [hasAssessor, notifyError]);

  if (!hasAssessor || declaration === undefined || rows.length === 0) return null;
  const uncovered = rows.filter((row) => !declaration?.applications.some((entry) => entry.applicationId === row.applicationId));
  if (declaration !== null && uncovered.length === 0) {
    return (
      <Alert data-color="success" data-size="sm" data-testid="round-impartiality-declared">
        {t('roundImpartiality.declared', { count: declaration.applications.length, at: formatInstant(declaration.declaredAt, language) })}
      </Alert>
    );
  }

  async function declare(): Promise<void> {
    setBusy(true);
    try {
      const stored = await call('impartiality:round-declare', { applicationIds: rows.map((row) => row.applicationId) });
      setDeclaration(stored);
      notify('success', t('roundImpartiality.saved', { count: stored.applications.length }));
    } catch (reason) {
      notifyError(reason);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="round-impartiality-heading" data-testid="round-impartiality">
      <Heading level={2} data-size="xs" id="round-impartiality-heading">
        {t('roundImpartiality.heading')}
      </Heading>
      <Paragraph data-size="sm">{t(declaration === null ? 'roundImpartiality.intro' : 'roundImpartiality.newApplications', { count: uncovered.length })}</Paragraph>
      <details>
        <summary>{t('roundImpartiality.showApplicants', { count: rows.length })}</summary>
        <ul className="applicant-list">
          {rows.map((row) => (
            <li key={row.applicationId}>
              {row.applicantName} ({row.applicationId})
            </li>
          ))}
        </ul>
      </details>
      <label className="checkbox">
        <input type="checkbox" checked={confirmed} onChange={(event) => setConfirmed(event.target.checked)} /> {t('roundImpartiality.confirm', { count: rows.length })}
      </label>
      <div className="button-row">
        <Button data-size="sm" disabled={!confirmed || busy} onClick={() => void declare()}>
          {t('roundImpartiality.declare', { count: rows.length })}
        </Button>
      </div>
    </section>
  );
}
