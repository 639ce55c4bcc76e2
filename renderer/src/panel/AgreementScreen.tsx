// Agreement: Krippendorff's α per criterion (ordinal and interval) with its bootstrap interval, and a chart
// of each assessor's mean offset from consensus with the same figures as a table for screen readers.
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { AlphaInterval, AlphaResult } from '../../../shared/panel/agreement';
import type { PanelSnapshot } from '../../../shared/panel/types';
import { TableWrap } from '../components/TableWrap';
import { uiLanguage } from '../format';
import { OffsetChart } from './OffsetChart';

function decimals(value: number, language: 'nb' | 'en'): string {
  return value.toLocaleString(language === 'en' ? 'en-GB' : 'nb-NO', { minimumFractionDigits: 3, maximumFractionDigits: 3 });
}

export function AgreementScreen({ snapshot }: { snapshot: PanelSnapshot }) {
  const { t, i18n } = useTranslation();
  const language = uiLanguage(i18n.language);
  const names = new Map(snapshot.assessors.map((assessor) => [assessor.assessorId, assessor.name]));
  const alphaText = (alpha: AlphaResult) => (alpha.computable ? decimals(alpha.alpha, language) : t(`panel.agreement.notComputable.${alpha.reason}`));
  const intervalText = (interval: AlphaInterval) =>
    interval.computable ? `[${decimals(interval.lower, language)}; ${decimals(interval.upper, language)}]` : t('panel.agreement.noInterval');

  return (
    <div className="screen panel-agreement">
      <Heading level={1} data-size="lg">
        {t('panel.agreement.heading')}
      </Heading>
      <Paragraph>{t('panel.agreement.intro')}</Paragraph>
      <TableWrap label={t('panel.agreement.alphaTable')}>
        <table className="ds-table app-table" data-size="sm" data-testid="alpha-table">
          <thead>
            <tr>
              <th scope="col">{t('panel.agreement.criterion')}</th>
              <th scope="col">{t('panel.agreement.ordinal')}</th>
              <th scope="col">{t('panel.agreement.interval')}</th>
              <th scope="col" className="numeric">{t('panel.agreement.units')}</th>
            </tr>
          </thead>
          <tbody>
            {snapshot.agreement.map((entry) => (
              <tr key={entry.criterionId}>
                <th scope="row">{t(`panel.criterion.${entry.criterionId}`)}</th>
                <td>
                  α = {alphaText(entry.agreement.ordinal.alpha)} <span className="muted">{intervalText(entry.agreement.ordinal.interval)}</span>
                </td>
                <td>
                  α = {alphaText(entry.agreement.interval.alpha)} <span className="muted">{intervalText(entry.agreement.interval.interval)}</span>
                </td>
                <td className="numeric">{entry.applicationIds.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <Paragraph data-size="sm" className="muted">
        {t('panel.agreement.intervalNote')}
      </Paragraph>

      {snapshot.agreement.map((entry) => (
        <section className="panel" key={entry.criterionId} aria-labelledby={`offsets-${entry.criterionId}`}>
          <Heading level={2} data-size="sm" id={`offsets-${entry.criterionId}`}>
            {t('panel.agreement.offsetsHeading', { criterion: t(`panel.criterion.${entry.criterionId}`) })}
          </Heading>
          <OffsetChart offsets={entry.agreement.offsets} names={names} criterionId={entry.criterionId} />
        </section>
      ))}
      <Paragraph data-size="sm" className="muted">
        {t('panel.agreement.advisory')}
      </Paragraph>
    </div>
  );
}
