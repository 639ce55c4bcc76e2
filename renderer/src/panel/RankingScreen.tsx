// Ranking and allocation per focus area: the ranked list with the tie-break step where it decided, the pool
// bars (live when a reserve is released or the shortfall rule changes), the award-list checks in place, and
// the applications not recommended with why. Every figure comes from the snapshot (shared/panel).
import { useTranslation } from 'react-i18next';
import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { AwardProblem } from '../../../shared/panel/awards';
import type { ExclusionReason } from '../../../shared/panel/ranking';
import type { PanelSnapshot } from '../../../shared/panel/types';
import { TableWrap } from '../components/TableWrap';
import { kroner, uiLanguage } from '../format';
import { useActions, useBusy, useWorkspace } from '../store/hooks';
import { awardCheckOf } from './award-rows';
import { PoolBars } from './PoolBars';

function useReasonText() {
  const { t } = useTranslation();
  return (reason: ExclusionReason): string => {
    switch (reason.kind) {
      case 'consensus-missing':
        return t('panel.ranking.excluded.missing', { what: reason.missing.map((item) => t(`panel.criterion.${item}`)).join(', ') });
      case 'ineligible':
        return t('panel.ranking.excluded.ineligible', { rules: reason.failedRuleIds.join(', ') || '–' });
      case 'below-threshold':
        return t('panel.ranking.excluded.below', { criterion: t(`panel.criterion.${reason.criterionId}`), score: reason.score, threshold: reason.threshold });
    }
  };
}

function useProblemText() {
  const { t } = useTranslation();
  return (problem: AwardProblem): string => {
    switch (problem.kind) {
      case 'duplicate':
        return t('panel.awards.duplicate', { applicant: problem.applicant, title: problem.projectTitle });
      case 'amount-outlier':
        return t(problem.direction === 'below' ? 'panel.awards.outlierBelow' : 'panel.awards.outlierAbove', { area: problem.focusArea, amount: kroner(problem.amount), median: kroner(problem.median) });
      case 'pool-exceeded':
        return t('panel.awards.poolExceeded', { pool: problem.poolId.toUpperCase(), over: kroner(problem.over) });
      case 'total-exceeded':
        return t('panel.awards.totalExceeded', { over: kroner(problem.over) });
      case 'unknown-applicant':
        return t('panel.awards.unknownApplicant', { applicant: problem.applicant });
      case 'focus-area-without-pool':
        return t('panel.awards.noPool', { area: problem.focusArea });
    }
  };
}

export function RankingScreen({ snapshot }: { snapshot: PanelSnapshot }) {
  const { t, i18n } = useTranslation();
  const language = uiLanguage(i18n.language);
  const workspace = useWorkspace();
  const busy = useBusy();
  const { updateRoundSettings, navigate } = useActions('updateRoundSettings', 'navigate');
  const reasonText = useReasonText();
  const problemText = useProblemText();
  if (workspace === null) return null;
  const scheme = workspace.scheme;
  const byId = new Map(snapshot.applications.map((application) => [application.applicationId, application]));
  const lineOf = new Map((snapshot.allocation?.lines ?? []).map((line) => [line.applicationId, line]));
  const reserved = scheme.budget.pools.filter((pool) => pool.reserved);
  const released = snapshot.settings.releasedReserves;
  const awards = awardCheckOf(snapshot, scheme);
  const openFlags = snapshot.flagCounts.open;

  return (
    <div className="screen panel-ranking">
      <Heading level={1} data-size="lg">
        {t('panel.ranking.heading')}
      </Heading>
      {openFlags > 0 && (
        <Alert data-color="warning" data-testid="ranking-open-flags">
          {t('panel.ranking.openFlags', { count: openFlags })}{' '}
          <a
            href="#/panel/overview"
            onClick={(event) => {
              event.preventDefault();
              navigate({ name: 'panel', view: 'overview' });
            }}
          >
            {t('panel.nav.overview')}
          </a>
        </Alert>
      )}

      <section className="panel" aria-labelledby="allocation-heading">
        <Heading level={2} data-size="sm" id="allocation-heading">
          {t('panel.ranking.poolsHeading')}
        </Heading>
        <fieldset className="inline-options">
          <legend>{t('panel.ranking.releaseLegend')}</legend>
          {reserved.map((pool) => (
            <label key={pool.id} className="check-option">
              <input
                type="checkbox"
                checked={released.includes(pool.id)}
                disabled={busy}
                onChange={(event) =>
                  void updateRoundSettings({ releasedReserves: event.target.checked ? [...released, pool.id] : released.filter((id) => id !== pool.id) })
                }
              />{' '}
              {pool.title[language]}
            </label>
          ))}
        </fieldset>
        <fieldset className="inline-options">
          <legend>{t('panel.ranking.shortfallLegend')}</legend>
          {(['skip', 'offer-remainder'] as const).map((rule) => (
            <label key={rule} className="check-option">
              <input type="radio" name="shortfall" checked={snapshot.settings.allocationShortfall === rule} onChange={() => void updateRoundSettings({ allocationShortfall: rule })} />{' '}
              {t(`panel.ranking.shortfall.${rule}`)}
            </label>
          ))}
        </fieldset>
        {snapshot.allocation === null ? (
          <Alert data-color="warning">{snapshot.allocationProblem?.[language] ?? t('panel.ranking.noAllocation')}</Alert>
        ) : (
          <>
            <PoolBars pools={snapshot.allocation.pools} scheme={scheme} />
            <Paragraph data-testid="allocation-total">
              {t('panel.ranking.total', { allocated: kroner(snapshot.allocation.totalAllocated), budget: kroner(snapshot.allocation.budgetTotal) })}
            </Paragraph>
            {snapshot.allocation.releaseEffect.length > 0 && (
              <Paragraph data-size="sm">{t('panel.ranking.releaseEffect', { count: snapshot.allocation.releaseEffect.length })}</Paragraph>
            )}
          </>
        )}
        {awards.problems.length > 0 && (
          <Alert data-color="warning" data-testid="award-problems">
            <Heading level={3} data-size="xs">
              {t('panel.awards.heading')}
            </Heading>
            <ul>
              {awards.problems.map((problem, index) => (
                <li key={index}>{problemText(problem)}</li>
              ))}
            </ul>
          </Alert>
        )}
      </section>

      {snapshot.ranking.focusAreas.map((area) => (
        <section className="panel" key={area.focusArea} aria-labelledby={`rank-${area.focusArea}`}>
          <Heading level={2} data-size="sm" id={`rank-${area.focusArea}`}>
            {t('focusArea.short', { area: area.focusArea })} – {scheme.focusAreas.find((candidate) => candidate.id === area.focusArea)?.title[language]}
          </Heading>
          {area.ranked.length === 0 ? (
            <Paragraph>{t('panel.ranking.noneRanked')}</Paragraph>
          ) : (
            <TableWrap label={t('panel.ranking.tableLabel', { area: area.focusArea })}>
              <table className="ds-table app-table" data-size="sm" data-testid={`ranking-so${area.focusArea}`}>
                <thead>
                  <tr>
                    <th scope="col">{t('panel.ranking.rank')}</th>
                    <th scope="col">{t('panel.overview.application')}</th>
                    <th scope="col" className="numeric">{t('panel.ranking.weighted')}</th>
                    <th scope="col" className="numeric">{t('panel.ranking.firstYear')}</th>
                    <th scope="col" className="numeric">{t('panel.ranking.granted')}</th>
                    <th scope="col">{t('panel.ranking.outcome')}</th>
                  </tr>
                </thead>
                <tbody>
                  {area.ranked.map((entry) => {
                    const line = lineOf.get(entry.applicationId);
                    return (
                      <tr key={entry.applicationId}>
                        <td className="numeric">{entry.rank}</td>
                        <th scope="row">
                          {byId.get(entry.applicationId)?.applicantName ?? entry.applicationId}
                          <span className="row-sub">{byId.get(entry.applicationId)?.title}</span>
                          {entry.tieWithPrevious && (
                            <span className="row-sub tie-note">
                              {t('panel.ranking.tie', { other: entry.tieWithPrevious.applicationId, step: t(`panel.ranking.tieStep.${entry.tieWithPrevious.decidedBy}`) })}
                            </span>
                          )}
                        </th>
                        <td className="numeric">{entry.total.toLocaleString(language === 'en' ? 'en-GB' : 'nb-NO', { maximumFractionDigits: 2 })}</td>
                        <td className="numeric">{kroner(line?.requested ?? null)}</td>
                        <td className="numeric">{kroner(line?.granted ?? null)}</td>
                        <td>{line ? t(`panel.ranking.outcomes.${line.outcome}`) : '–'}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableWrap>
          )}
        </section>
      ))}

      <section className="panel" aria-labelledby="excluded-heading">
        <Heading level={2} data-size="sm" id="excluded-heading">
          {t('panel.ranking.excludedHeading')}
        </Heading>
        <ul className="result-list" data-testid="excluded-list">
          {snapshot.ranking.excluded.map((entry) => (
            <li key={entry.applicationId}>
              <strong>{byId.get(entry.applicationId)?.applicantName ?? entry.applicationId}</strong> ({entry.applicationId},{' '}
              {t('focusArea.short', { area: entry.focusArea })}): {entry.reasons.map(reasonText).join('; ')}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
