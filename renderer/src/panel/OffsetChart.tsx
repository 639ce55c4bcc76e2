// Each assessor's mean offset from consensus as a bar left (stricter) or right (more lenient) of zero. SVG
// with attributes only (the CSP forbids inline styles); the same figures follow as a table, which is what a
// screen reader reads (the SVG is labelled as a summary and points to the table).
import { useTranslation } from 'react-i18next';
import type { AssessorOffset } from '../../../shared/panel/agreement';
import { uiLanguage } from '../format';

const ROW = 28;
const LABEL = 180;
const HALF = 180;
/** The axis runs from −RANGE to +RANGE points on the scale. */
const RANGE = 3;

function signed(value: number, language: 'nb' | 'en'): string {
  const text = Math.abs(value).toLocaleString(language === 'en' ? 'en-GB' : 'nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  // U+2212 minus, as Norwegian number formatting writes it.
  return value > 0 ? `+${text}` : value < 0 ? `\u2212${text}` : text;
}

export function OffsetChart({ offsets, names, criterionId }: { offsets: readonly AssessorOffset[]; names: ReadonlyMap<string, string>; criterionId: string }) {
  const { t, i18n } = useTranslation();
  const language = uiLanguage(i18n.language);
  const width = LABEL + HALF * 2 + 70;
  const height = ROW * offsets.length + 30;
  const zero = LABEL + HALF;
  const tableId = `offset-table-${criterionId}`;
  return (
    <figure className="offset-chart">
      <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-label={t('panel.agreement.chartLabel')} aria-describedby={tableId}>
        <line className="chart-axis" x1={zero} y1={0} x2={zero} y2={height - 24} />
        {[-RANGE, -2, -1, 1, 2, RANGE].map((tick) => (
          <g key={tick}>
            <line className="chart-grid" x1={zero + (tick / RANGE) * HALF} y1={0} x2={zero + (tick / RANGE) * HALF} y2={height - 24} />
            <text className="chart-tick" x={zero + (tick / RANGE) * HALF} y={height - 8} textAnchor="middle">
              {tick > 0 ? `+${tick}` : `\u2212${-tick}`}
            </text>
          </g>
        ))}
        {offsets.map((offset, index) => {
          const y = index * ROW + 4;
          const value = offset.meanOffset;
          const clamped = value === null ? 0 : Math.max(-RANGE, Math.min(RANGE, value));
          const barWidth = Math.abs(clamped / RANGE) * HALF;
          return (
            <g key={offset.assessorId}>
              <text className="chart-label" x={LABEL - 8} y={y + 15} textAnchor="end">
                {names.get(offset.assessorId) ?? offset.assessorId}
              </text>
              {value !== null && <rect className={value < 0 ? 'chart-bar-strict' : 'chart-bar-lenient'} x={clamped < 0 ? zero - barWidth : zero} y={y + 3} width={barWidth} height={ROW - 10} />}
              <text className="chart-value" x={zero + HALF + 8} y={y + 15}>
                {value === null ? '–' : signed(value, language)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="muted">{t('panel.agreement.chartCaption')}</figcaption>
      <table className="ds-table app-table compact" data-size="sm" id={tableId} data-testid={`offset-table-${criterionId}`}>
        <caption className="visually-hidden">{t('panel.agreement.chartLabel')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('panel.agreement.assessor')}</th>
            <th scope="col" className="numeric">{t('panel.agreement.meanOffset')}</th>
            <th scope="col" className="numeric">{t('panel.agreement.basis')}</th>
          </tr>
        </thead>
        <tbody>
          {offsets.map((offset) => (
            <tr key={offset.assessorId}>
              <th scope="row">{names.get(offset.assessorId) ?? offset.assessorId}</th>
              <td className="numeric">{offset.meanOffset === null ? '–' : signed(offset.meanOffset, language)}</td>
              <td className="numeric">{t('panel.agreement.applications', { count: offset.applications })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
