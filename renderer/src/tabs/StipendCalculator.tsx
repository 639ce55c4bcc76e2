// Stipend calculator for SO1/SO2: totals and the per-participant breakdown from shared/money computeStipend.
import { useTranslation } from 'react-i18next';
import { Details, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { ApplicationDetail } from '../store/types';
import { stipendOf } from '../domain';
import { formatDate, kroner, uiLanguage } from '../format';
import { TableWrap } from '../components/TableWrap';

export function StipendCalculator({ detail }: { detail: ApplicationDetail }) {
  const { t, i18n } = useTranslation();
  const language = uiLanguage(i18n.language);
  const stipend = stipendOf(detail);
  if (!stipend) return null;
  const requestedByYear = new Map(detail.package.budget.map((year) => [year.year, year.stipendRequested]));
  return (
    <section className="panel" aria-labelledby="stipend-heading" data-testid="stipend">
      <Heading level={3} data-size="xs" id="stipend-heading">
        {t('stipend.heading', { area: stipend.focusArea })}
      </Heading>
      <Paragraph data-size="sm">{t(stipend.focusArea === 1 ? 'stipend.rulesSo1' : 'stipend.rulesSo2')}</Paragraph>
      <TableWrap label={t('stipend.byYear')}>
        <table className="ds-table" data-size="sm">
          <caption>{t('stipend.byYear')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('data.year')}</th>
              <th scope="col" className="numeric">
                {t('stipend.grantShare')}
              </th>
              <th scope="col" className="numeric">
                {t('stipend.requested')}
              </th>
            </tr>
          </thead>
          <tbody>
            {Object.entries(stipend.grantShareByYear).map(([year, amount]) => (
              <tr key={year}>
                <th scope="row">{year}</th>
                <td className="numeric">{kroner(amount)}</td>
                <td className="numeric">{kroner(requestedByYear.get(Number(year)) ?? 0)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <Paragraph data-size="sm">
        {t('stipend.totals', {
          total: kroner(stipend.totalStipend),
          grant: kroner(stipend.totalGrantShare),
          municipality: kroner(stipend.totalMunicipalityShare),
        })}
      </Paragraph>
      <Details>
        <Details.Summary>{t('stipend.perParticipant', { count: stipend.participants.length })}</Details.Summary>
        <Details.Content>
          <TableWrap label={t('stipend.perParticipantCaption')}>
            <table className="ds-table" data-size="sm">
              <caption className="visually-hidden">{t('stipend.perParticipantCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('stipend.participant')}</th>
                  <th scope="col">{t('stipend.period')}</th>
                  <th scope="col" className="numeric">
                    {t('stipend.months')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('stipend.total')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('stipend.grantShare')}
                  </th>
                  <th scope="col" className="numeric">
                    {t('stipend.municipalityShare')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {stipend.participants.map((participant) => (
                  <tr key={participant.participantId}>
                    <th scope="row">
                      {participant.participantId}
                      {participant.excludedForOtherStipend && <span className="muted"> ({t('stipend.otherStipend')})</span>}
                    </th>
                    <td>
                      {formatDate(participant.start, language)} – {formatDate(participant.end, language)}
                    </td>
                    <td className="numeric">{participant.months.length}</td>
                    <td className="numeric">{kroner(participant.totalStipend)}</td>
                    <td className="numeric">{kroner(participant.grantShare)}</td>
                    <td className="numeric">{kroner(participant.municipalityShare)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </Details.Content>
      </Details>
    </section>
  );
}
