// One application: the assessment steps first (impartiality → formal check → scores → finalise), the documents
// and data beside them, kept in view while the form scrolls (issue 12.1–12.3).
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Heading, Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useActions, useApplications, useAssessment, useDetail, useFilters, useSettings, useSort, useWorkspace } from '../store/hooks';
import { filterAndSort } from '../store/filter';
import { AssessorForm } from './SettingsScreen';
import { useStore } from '../store';
import type { AssessmentTab } from '../store/types';
import { kroner } from '../format';
import { VerdictTag, StatusTag } from '../components/Tags';
import { DocumentsPanel } from '../components/DocumentsPanel';
import { PackageData } from '../components/PackageData';
import { FormalCheckTab } from '../tabs/FormalCheckTab';
import { ImpartialityTab } from '../tabs/ImpartialityTab';
import { ScoringTab } from '../tabs/ScoringTab';
import { FinaliseTab } from '../tabs/FinaliseTab';
import { LockedStep } from '../tabs/LockedStep';
import { StepTabs } from '../components/StepTabs';
import { stepsOf } from '../domain';
import { lockReason } from '../../../shared/assessment/progress';

export function ApplicationView({ applicationId, tab }: { applicationId: string; tab: AssessmentTab }) {
  const { t } = useTranslation();
  const detail = useDetail();
  const assessment = useAssessment();
  const workspace = useWorkspace();
  const applications = useApplications();
  const filters = useFilters();
  const sort = useSort();
  const loading = useStore((s) => s.loadingApplication);
  const settings = useSettings();
  const assessorId = settings?.assessor?.id ?? null;
  const { openApplication, navigate, flushSave, resumeApplication } = useActions('openApplication', 'navigate', 'flushSave', 'resumeApplication');

  useEffect(() => {
    // An assessment belongs to an assessor: ask who they are before opening one.
    if (assessorId !== null) void openApplication(applicationId);
  }, [applicationId, assessorId, openApplication]);

  if (assessorId === null) {
    return (
      <div className="screen">
        <Alert data-color="info">{t('application.whoAreYou')}</Alert>
        <AssessorForm />
      </div>
    );
  }

  if (loading || !detail || !assessment || detail.summary.applicationId !== applicationId) {
    return loading ? <Spinner aria-label={t('app.loading')} /> : <Paragraph>{t('application.notFound', { applicationId })}</Paragraph>;
  }
  // The workspace's frozen copy: a workspace made from a custom scheme file scores against that file. Every
  // workspace carries its scheme, so only a closed workspace leaves nothing to score against.
  const scheme = workspace?.scheme;
  if (!scheme) return <Paragraph>{t('start.noWorkspace')}</Paragraph>;

  // The list is reloaded after every save, so its row carries the current "my status".
  const summary = applications.find((row) => row.applicationId === applicationId) ?? detail.summary;
  // Previous and next in the list as the assessor filtered and sorted it, so a round is worked through in order.
  const ordered = filterAndSort(applications, filters, sort);
  const position = ordered.findIndex((row) => row.applicationId === applicationId);
  const previous = position > 0 ? ordered[position - 1]?.applicationId : undefined;
  const next = position >= 0 ? ordered[position + 1]?.applicationId : undefined;

  // "Neste" opens the neighbour on its own first unfinished step, not on this one's tab.
  function goTo(event: React.MouseEvent, target: string): void {
    event.preventDefault();
    void flushSave();
    void resumeApplication(target);
  }
  const steps = stepsOf(detail, assessment, scheme);
  const locked = lockReason(tab, { assessment });
  return (
    <div className="screen application-screen">
      <nav aria-label={t('application.breadcrumbs')} className="breadcrumbs">
        <a
          href="#/applications"
          onClick={(event) => {
            event.preventDefault();
            void flushSave();
            navigate({ name: 'list' });
          }}
        >
          {t('nav.applications')}
        </a>
        <span aria-hidden="true"> › </span>
        <span>{summary.applicationId}</span>
        <span className="neighbours">
          {previous && (
            <a href={`#/applications/${encodeURIComponent(previous)}/impartiality`} onClick={(event) => goTo(event, previous)} data-testid="previous-application">
              {t('application.previous', { id: previous })}
            </a>
          )}
          {next && (
            <a href={`#/applications/${encodeURIComponent(next)}/impartiality`} onClick={(event) => goTo(event, next)} data-testid="next-application">
              {t('application.next', { id: next })}
            </a>
          )}
        </span>
      </nav>
      <div className="screen-title">
        <Heading level={1} data-size="md">
          {summary.title}
        </Heading>
        <div className="title-tags">
          <VerdictTag verdict={summary.verdict} />
          <StatusTag status={summary.myStatus} />
        </div>
      </div>
      <Paragraph className="muted">
        {t('application.subtitle', {
          applicant: summary.applicantName,
          area: summary.focusArea,
          amount: kroner(summary.requestedGrant),
        })}
      </Paragraph>
      <div className="application-columns">
        <section className="column-assessment" aria-label={t('application.assessmentLabel')}>
          <StepTabs applicationId={applicationId} tab={tab} steps={steps} />
          <div role="tabpanel" id={`panel-${tab}`} aria-labelledby={`tab-${tab}`} className="tab-panel">
            {locked ? (
              <LockedStep assessment={assessment} reason={locked} />
            ) : (
              <>
                {tab === 'impartiality' && <ImpartialityTab assessment={assessment} />}
                {tab === 'formal' && <FormalCheckTab detail={detail} assessment={assessment} />}
                {tab === 'scoring' && <ScoringTab detail={detail} assessment={assessment} scheme={scheme} />}
                {tab === 'finalise' && <FinaliseTab detail={detail} assessment={assessment} scheme={scheme} />}
              </>
            )}
          </div>
        </section>
        {/* After the form in the DOM, so the PDF toolbar never sits between the header and the form in tab order. */}
        <div className="column-documents">
          <DocumentsPanel detail={detail} />
          <PackageData detail={detail} scheme={scheme} />
        </div>
      </div>
    </div>
  );
}
