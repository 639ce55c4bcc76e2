// Scoring (ApplicationView shows LockedStep instead until impartiality is declared without conflict): both
// criteria, live weighted total and
// threshold status, the stipend calculator (SO1/SO2) and the recommended decision and amount.
import { useTranslation } from 'react-i18next';
import { Alert, Heading, Paragraph } from '@digdir/designsystemet-react';
import type { Assessment, CriterionScore as Score } from '../../../shared/assessment/schema';
import type { SchemeDefinition } from '../../../shared/scheme/schema';
import type { ThresholdStatus } from '../../../shared/scoring/scores';
import { useActions } from '../store/hooks';
import type { ApplicationDetail } from '../store/types';
import { scoreSummary } from '../domain';
import { uiLanguage } from '../format';
import { formatMean } from '../../../shared/time/display';
import { CriterionScore } from './CriterionScore';
import { StipendCalculator } from './StipendCalculator';
import { RecommendationForm } from './RecommendationForm';

export interface ScoringTabProps {
  detail: ApplicationDetail;
  assessment: Assessment;
  scheme: SchemeDefinition;
}

export function ScoringTab({ detail, assessment, scheme }: ScoringTabProps) {
  const { t, i18n } = useTranslation();
  const language = uiLanguage(i18n.language);
  const { updateAssessment } = useActions('updateAssessment');
  const locked = assessment.status === 'final';
  const scoreOf = (criterionId: Score['criterionId']): Score =>
    assessment.scores.find((score) => score.criterionId === criterionId) ?? { criterionId, score: null, justification: '' };
  const summary = scoreSummary(assessment.scores, scheme);

  function thresholdText(status: ThresholdStatus['status'], threshold: number): string {
    switch (status) {
      case 'met':
        return t('scoring.thresholdMet', { threshold });
      case 'not-met':
        return t('scoring.thresholdNotMet', { threshold });
      case 'missing':
        return t('scoring.thresholdUnknown', { threshold });
    }
  }

  function setScore(next: Score): void {
    updateAssessment((draft) => ({
      ...draft,
      scores: [...draft.scores.filter((score) => score.criterionId !== next.criterionId), next].sort((a, b) =>
        a.criterionId.localeCompare(b.criterionId),
      ),
    }));
  }

  return (
    <div className="tab-content">
      <Heading level={2} data-size="sm">
        {t('scoring.heading')}
      </Heading>
      {locked && <Alert data-color="info">{t('scoring.locked')}</Alert>}
      <div className="score-summary" role="status" aria-live="polite" data-testid="score-summary">
        <strong>{t('scoring.weightedTotal')}:</strong>{' '}
        {summary.weightedTotal === undefined ? t('scoring.incomplete') : formatMean(summary.weightedTotal, language)}
        <ul>
          {summary.thresholds.map((entry) => {
            const criterion = scheme.criteria.find((candidate) => candidate.id === entry.criterionId);
            return (
              <li key={entry.criterionId} data-threshold={entry.status}>
                {criterion?.title[language]}: {entry.score === null ? '' : `${entry.score} – `}{thresholdText(entry.status, entry.threshold)}
              </li>
            );
          })}
        </ul>
      </div>
      {scheme.criteria.map((criterion) => (
        <CriterionScore
          key={criterion.id}
          criterion={criterion}
          scheme={scheme}
          value={scoreOf(criterion.id)}
          disabled={locked}
          onChange={setScore}
        />
      ))}
      <StipendCalculator detail={detail} />
      <RecommendationForm detail={detail} assessment={assessment} scheme={scheme} />
      <Paragraph className="muted">{scheme.scoring.note[language]}</Paragraph>
    </div>
  );
}
