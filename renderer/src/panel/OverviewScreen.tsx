// Round overview: applications × assessors with score pairs, status and flags; counts and the next step.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { flagKindSchema } from '../../../shared/panel/types';
import type { MergedAssessment, PanelApplication, PanelSnapshot } from '../../../shared/panel/types';
import { FocusAreaSelect } from '../components/FocusAreaSelect';
import { TableWrap } from '../components/TableWrap';
import { AssessmentTags } from './AssessmentTags';
import { useNavigate } from '../store/hooks';
import type { OverviewFilter } from './overview-rows';
import { DEFAULT_OVERVIEW_FILTER, largestSpread, openFlagCount, overviewRows, roundCounts } from './overview-rows';


function ScoreCell({ assessment }: { assessment: MergedAssessment | undefined }) {
  const { t } = useTranslation();
  if (assessment === undefined) return <span className="muted">{t('panel.overview.noAssessment')}</span>;
  const score = (id: 'feasibility' | 'transferValue') => assessment.scores.find((entry) => entry.criterionId === id)?.score ?? '–';
  return (
    <span className="score-pair">
      <span aria-label={t('panel.overview.scorePairLabel', { feasibility: score('feasibility'), transferValue: score('transferValue') })}>
        {score('feasibility')} · {score('transferValue')}
      </span>
      <AssessmentTags assessment={assessment} />
    </span>
  );
}

function FlagTags({ application }: { application: PanelApplication }) {
  const { t } = useTranslation();
  return (
    <span className="flag-tags">
      {application.flags.map((flag) => (
        <Tag
          key={`${flag.kind}-${flag.criterionId ?? ''}`}
          data-size="sm"
          data-color={flag.settlement.state === 'open' ? 'warning' : flag.settlement.state === 'settled' ? 'success' : 'neutral'}
        >
          {t(`panel.flagKind.${flag.kind}`)}
          {flag.settlement.state === 'settled' ? ` ✓` : ''}
        </Tag>
      ))}
    </span>
  );
}

export function OverviewScreen({ snapshot }: { snapshot: PanelSnapshot }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<OverviewFilter>(DEFAULT_OVERVIEW_FILTER);
  const counts = roundCounts(snapshot.applications);
  const rows = overviewRows(snapshot.applications, filter);
  const assessors = snapshot.assessors;

  return (
    <div className="screen panel-overview">
      <Heading level={1} data-size="lg">
        {t('panel.overview.heading')}
      </Heading>
      <Paragraph data-testid="panel-counts">
        {t('panel.overview.applications', { count: counts.applications })}, {t('panel.overview.flagged', { count: counts.flagged })},{' '}
        {t('panel.overview.settled', { count: counts.settled })}
      </Paragraph>
      <div className="panel next-step" data-testid="next-step">
        {snapshot.exchangeFiles.length === 0 ? (
          <Paragraph>
            {t('panel.overview.nextCollect')}{' '}
            <Button data-size="sm" variant="secondary" onClick={() => navigate({ name: 'panel', view: 'collect' })}>
              {t('panel.nav.collect')}
            </Button>
          </Paragraph>
        ) : counts.openFlags > 0 ? (
          <Paragraph>
            {t('panel.overview.nextSettle', { count: counts.openFlags })}{' '}
            <Button data-size="sm" variant="secondary" onClick={() => setFilter({ ...filter, flag: 'open' })}>
              {t('panel.overview.showOpen')}
            </Button>
          </Paragraph>
        ) : (
          <Paragraph>
            {t('panel.overview.nextRank')}{' '}
            <Button data-size="sm" variant="secondary" onClick={() => navigate({ name: 'panel', view: 'ranking' })}>
              {t('panel.nav.ranking')}
            </Button>
          </Paragraph>
        )}
      </div>

      <search className="filters" aria-label={t('panel.overview.filtersLabel')}>
        {/* The overview's filter keeps 0 for all focus areas. */}
        <FocusAreaSelect value={filter.focusArea === 0 ? 'all' : filter.focusArea} onChange={(area) => setFilter({ ...filter, focusArea: area === 'all' ? 0 : area })} />
        <label className="select-field">
          <span>{t('panel.overview.flagFilter')}</span>
          <select className="ds-input" value={filter.flag} onChange={(event) => setFilter({ ...filter, flag: event.target.value as OverviewFilter['flag'] })}>
            <option value="all">{t('list.all')}</option>
            <option value="open">{t('panel.overview.openFlags')}</option>
            {flagKindSchema.options.map((kind) => (
              <option key={kind} value={kind}>
                {t(`panel.flagKind.${kind}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="select-field">
          <span>{t('panel.overview.sort')}</span>
          <select className="ds-input" value={filter.sort} onChange={(event) => setFilter({ ...filter, sort: event.target.value as OverviewFilter['sort'] })}>
            <option value="id">{t('panel.overview.sortId')}</option>
            <option value="spread">{t('panel.overview.sortSpread')}</option>
          </select>
        </label>
      </search>
      <Paragraph aria-live="polite" data-size="sm">
        {t('panel.overview.shown', { count: rows.length })}
      </Paragraph>

      <TableWrap label={t('panel.overview.tableLabel')}>
        <table className="ds-table app-table panel-matrix" data-size="sm" data-testid="panel-matrix">
          <caption className="visually-hidden">{t('panel.overview.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('panel.overview.application')}</th>
              <th scope="col">{t('list.focusArea')}</th>
              {assessors.map((assessor) => (
                <th scope="col" key={assessor.assessorId}>
                  {assessor.name}
                </th>
              ))}
              <th scope="col">{t('panel.overview.spread')}</th>
              <th scope="col">{t('panel.overview.flags')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((application) => (
              <tr key={application.applicationId} data-open-flags={openFlagCount(application)}>
                <th scope="row">
                  <a
                    href={`#/panel/applications/${encodeURIComponent(application.applicationId)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      navigate({ name: 'panel-application', applicationId: application.applicationId });
                    }}
                  >
                    {application.applicationId}
                  </a>
                  <span className="row-sub">{application.applicantName}</span>
                </th>
                <td>{t('focusArea.short', { area: application.focusArea })}</td>
                {assessors.map((assessor) => (
                  <td key={assessor.assessorId}>
                    <ScoreCell assessment={application.assessments.find((entry) => entry.assessorId === assessor.assessorId)} />
                  </td>
                ))}
                <td className="numeric">{largestSpread(application) ?? '–'}</td>
                <td>
                  <FlagTags application={application} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <Paragraph data-size="sm" className="muted">
        {t('panel.overview.legend')}
      </Paragraph>
    </div>
  );
}
