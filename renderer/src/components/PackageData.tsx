// The structured data of the package, read-only, so the assessor need not open soknad.json.
import { useTranslation } from 'react-i18next';
import { Alert, Details, Heading } from '@digdir/designsystemet-react';
import type { SchemeDefinition } from '../../../shared/scheme/schema';
import type { ApplicationDetail } from '../store/types';
import { formatDate, formatInstant, kroner, uiLanguage } from '../format';
import { TableWrap } from './TableWrap';

export function PackageData({ detail, scheme }: { detail: ApplicationDetail; scheme: SchemeDefinition }) {
  const { t, i18n } = useTranslation();
  const language = uiLanguage(i18n.language);
  const data = detail.package;
  const area = scheme.focusAreas.find((candidate) => candidate.id === data.focusArea);
  return (
    <section className="panel" aria-labelledby="data-heading">
      <Heading level={2} data-size="xs" id="data-heading">
        {t('data.heading')}
      </Heading>
      {detail.flags.map((flag) => (
        <Alert key={`${flag.code}-${flag.path ?? ''}`} data-color="warning" data-size="sm">
          {flag.message}
        </Alert>
      ))}
      <dl className="facts">
        <dt>{t('data.applicant')}</dt>
        <dd>
          {data.applicant.name}
          {data.applicant.unitName ? ` – ${data.applicant.unitName}` : ''} ({t('data.orgNo')} {data.applicant.organisationNumber},{' '}
          {t('data.municipalityNo')} {data.applicant.municipalityNumber})
        </dd>
        {data.partnerMunicipalities.length > 0 && (
          <>
            <dt>{t('data.partnerMunicipalities')}</dt>
            <dd>{data.partnerMunicipalities.map((partner) => partner.name).join(', ')}</dd>
          </>
        )}
        <dt>{t('data.focusArea')}</dt>
        <dd>{area ? `${area.code} ${area.title[language]}` : data.focusArea}</dd>
        <dt>{t('data.period')}</dt>
        <dd>
          {formatDate(data.project.startDate, language)} – {formatDate(data.project.endDate, language)}
        </dd>
        <dt>{t('data.submittedAt')}</dt>
        <dd>{formatInstant(data.submittedAt, language)}</dd>
        <dt>{t('data.participants')}</dt>
        <dd>{data.participants.count}</dd>
        <dt>{t('data.targetGroup')}</dt>
        <dd>{data.project.targetGroup}</dd>
      </dl>
      <Details>
        <Details.Summary>{t('data.summary')}</Details.Summary>
        <Details.Content>
          <p>{data.project.summary}</p>
          {data.project.goals.length > 0 && (
            <ul>
              {data.project.goals.map((goal) => (
                <li key={goal}>{goal}</li>
              ))}
            </ul>
          )}
          {data.evaluationPlan && (
            <p>
              <strong>{t('data.evaluationPlan')}:</strong> {data.evaluationPlan}
            </p>
          )}
        </Details.Content>
      </Details>
      <TableWrap label={t('data.budget')}>
        <table className="ds-table" data-size="sm">
          <caption>{t('data.budget')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('data.year')}</th>
              <th scope="col" className="numeric">
                {t('data.totalCost')}
              </th>
              <th scope="col" className="numeric">
                {t('data.ownContribution')}
              </th>
              <th scope="col" className="numeric">
                {t('data.requestedGrant')}
              </th>
              <th scope="col" className="numeric">
                {t('data.otherFunding')}
              </th>
            </tr>
          </thead>
          <tbody>
            {data.budget.map((year) => (
              <tr key={year.year}>
                <th scope="row">{year.year}</th>
                <td className="numeric">{kroner(year.totalCost)}</td>
                <td className="numeric">{kroner(year.ownContribution)}</td>
                <td className="numeric">{kroner(year.requestedGrant)}</td>
                <td className="numeric">{kroner(year.otherFunding)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {(data.partners.length > 0 || data.previousProjects.length > 0) && (
        <Details>
          <Details.Summary>{t('data.partnersAndPrevious')}</Details.Summary>
          <Details.Content>
            <ul>
              {data.partners.map((partner) => (
                <li key={`${partner.kind}-${partner.name}`}>
                  {partner.name} ({t(`partnerKind.${partner.kind}`)})
                </li>
              ))}
              {data.previousProjects.map((project) => (
                <li key={`${project.year}-${project.title}`}>
                  {project.year}: {project.title}
                </li>
              ))}
            </ul>
          </Details.Content>
        </Details>
      )}
    </section>
  );
}
