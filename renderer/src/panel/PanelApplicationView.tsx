// One application as the panel sees it: the assessors' scores, justifications, verdicts and amounts side by
// side, every flag with its reason and how it was settled, the consensus editors, and the package's documents.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert, Heading, Paragraph, Spinner, Tag } from '@digdir/designsystemet-react';
import { acknowledgeableFlagKindSchema } from '../../../shared/panel/types';
import type { AcknowledgeableFlagKind, FlagKind, PanelApplication } from '../../../shared/panel/types';
import { call } from '../api/client';
import { DocumentsPanel } from '../components/DocumentsPanel';
import { TableWrap } from '../components/TableWrap';
import { kroner, uiLanguage } from '../format';
import { useActions, useSnapshot, useWorkspace } from '../store/hooks';
import type { ApplicationDetail } from '../store/types';
import { AcknowledgeFlag } from './AcknowledgeFlag';
import { AssessmentTags } from './AssessmentTags';
import { ConsensusEditor } from './ConsensusEditor';
import { DecisionEditor } from './DecisionEditor';
import './panel.css';

function isAcknowledgeable(kind: FlagKind): kind is AcknowledgeableFlagKind {
  return acknowledgeableFlagKindSchema.safeParse(kind).success;
}

function AssessorTable({ application }: { application: PanelApplication }) {
  const { t } = useTranslation();
  const scoreOf = (index: number, id: 'feasibility' | 'transferValue') => application.assessments[index]?.scores.find((entry) => entry.criterionId === id);
  return (
    <TableWrap label={t('panel.application.assessorsLabel')}>
      <table className="ds-table app-table side-by-side" data-size="sm" data-testid="assessor-table">
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t('panel.application.what')}</span>
            </th>
            {application.assessments.map((assessment) => (
              <th scope="col" key={assessment.assessorId}>
                {assessment.assessorName}
                <AssessmentTags assessment={assessment} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {(['feasibility', 'transferValue'] as const).map((criterionId) => (
            <tr key={criterionId}>
              <th scope="row">{t(`panel.criterion.${criterionId}`)}</th>
              {application.assessments.map((assessment, index) => (
                <td key={assessment.assessorId}>
                  <strong className="score-value">{scoreOf(index, criterionId)?.score ?? '–'}</strong>
                  <p className="justification">{scoreOf(index, criterionId)?.justification}</p>
                </td>
              ))}
            </tr>
          ))}
          <tr>
            <th scope="row">{t('panel.application.eligibility')}</th>
            {application.assessments.map((assessment) => (
              <td key={assessment.assessorId}>{t(`verdict.${assessment.eligibility}`)}</td>
            ))}
          </tr>
          <tr>
            <th scope="row">{t('panel.application.recommendation')}</th>
            {application.assessments.map((assessment) => (
              <td key={assessment.assessorId}>
                {t(`panel.decision.${assessment.recommendation.decision}`)} · {kroner(assessment.recommendation.firstYearAmount)}
                <p className="justification">{assessment.recommendation.comment}</p>
              </td>
            ))}
          </tr>
          {application.assessments.some((assessment) => assessment.conflictOfInterest !== null) && (
            <tr>
              <th scope="row">{t('panel.application.conflict')}</th>
              {application.assessments.map((assessment) => (
                <td key={assessment.assessorId}>{assessment.conflictOfInterest?.reason ?? '–'}</td>
              ))}
            </tr>
          )}
        </tbody>
      </table>
    </TableWrap>
  );
}

export function PanelApplicationView({ applicationId }: { applicationId: string }) {
  const { t, i18n } = useTranslation();
  const language = uiLanguage(i18n.language);
  const snapshot = useSnapshot();
  const workspace = useWorkspace();
  const { loadSnapshot, notifyError, navigate } = useActions('loadSnapshot', 'notifyError', 'navigate');
  const [detail, setDetail] = useState<ApplicationDetail | null>(null);

  useEffect(() => {
    if (snapshot === null) void loadSnapshot();
  }, [snapshot, loadSnapshot]);
  useEffect(() => {
    let cancelled = false;
    call('applications:get', { applicationId }).then(
      (value) => {
        if (!cancelled) setDetail(value);
      },
      (reason: unknown) => notifyError(reason),
    );
    return () => {
      cancelled = true;
    };
  }, [applicationId, notifyError]);

  if (snapshot === null || workspace === null) return <Spinner aria-label={t('app.loading')} />;
  const application = snapshot.applications.find((candidate) => candidate.applicationId === applicationId);
  if (application === undefined) return <Alert data-color="warning">{t('panel.application.unknown', { id: applicationId })}</Alert>;
  const scheme = workspace.scheme;
  const minLength = snapshot.settings.consensusJustificationMinLength;

  return (
    <div className="screen panel-application">
      <nav aria-label={t('panel.application.breadcrumb')}>
        <a
          href="#/panel/overview"
          onClick={(event) => {
            event.preventDefault();
            navigate({ name: 'panel', view: 'overview' });
          }}
        >
          {t('panel.application.back')}
        </a>
      </nav>
      <Heading level={1} data-size="md">
        {application.applicantName}: {application.title}
      </Heading>
      <Paragraph data-size="sm">
        {t('panel.application.facts', {
          id: application.applicationId,
          area: application.focusArea,
          total: kroner(application.requested.total),
          firstYear: kroner(application.requested.firstYear),
        })}
      </Paragraph>

      <div className="panel-application-grid">
        <div className="panel-application-main">
          <section className="panel" aria-labelledby="flags-heading">
            <Heading level={2} data-size="sm" id="flags-heading">
              {t('panel.application.flagsHeading', { count: application.flags.length })}
            </Heading>
            {application.flags.length === 0 ? (
              <Paragraph>{t('panel.application.noFlags')}</Paragraph>
            ) : (
              <ul className="flag-list" data-testid="flag-list">
                {application.flags.map((flag) => (
                  <li key={`${flag.kind}-${flag.criterionId ?? ''}`} data-state={flag.settlement.state}>
                    <Tag data-size="sm" data-color={flag.settlement.state === 'open' ? 'warning' : flag.settlement.state === 'settled' ? 'success' : 'neutral'}>
                      {t(`panel.flagState.${flag.settlement.state}`)}
                    </Tag>{' '}
                    <strong>{t(`panel.flagKind.${flag.kind}`)}</strong>: {flag.reason[language]}
                    {flag.settlement.justification && <p className="justification">{t('panel.consensus.justifiedWith', { text: flag.settlement.justification })}</p>}
                    {flag.settlement.state === 'open' && isAcknowledgeable(flag.kind) && (
                      <AcknowledgeFlag applicationId={application.applicationId} kind={flag.kind} minLength={minLength} />
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="panel" aria-labelledby="assessors-heading">
            <Heading level={2} data-size="sm" id="assessors-heading">
              {t('panel.application.assessorsHeading')}
            </Heading>
            <AssessorTable application={application} />
          </section>
          <section className="panel" aria-labelledby="consensus-heading">
            <Heading level={2} data-size="sm" id="consensus-heading">
              {t('panel.consensus.heading')}
            </Heading>
            {scheme.criteria.map((criterion) => (
              <ConsensusEditor key={criterion.id} application={application} criterion={criterion} scale={scheme.scoring.scale} minLength={minLength} />
            ))}
            <DecisionEditor application={application} minLength={minLength} />
          </section>
        </div>
        <div className="panel-application-documents">{detail ? <DocumentsPanel detail={detail} /> : <Spinner aria-label={t('app.loading')} />}</div>
      </div>
    </div>
  );
}
