// The round's progress ("23 av 65 ferdige", drafts, not started) and "Neste uferdige", from
// shared/assessment/progress over the list as the assessor filtered and sorted it (issue 12.1).
import { useTranslation } from 'react-i18next';
import { Button } from '@digdir/designsystemet-react';
import { nextUnfinished, roundProgress } from '../../../shared/assessment/progress';
import type { QueueStatus } from '../../../shared/assessment/progress';
import { filterAndSort } from '../store/filter';
import { useActions, useApplications, useFilters, useSort } from '../store/hooks';
import type { ApplicationSummary } from '../store/types';

/** The next unfinished application after `currentId` in the list's order; outside the filter when none is left in it. */
export function useNextUnfinished(currentId?: string): ApplicationSummary | undefined {
  const rows = useApplications();
  const filters = useFilters();
  const sort = useSort();
  const ordered = filterAndSort(rows, filters, sort);
  return nextUnfinished(ordered, currentId) ?? nextUnfinished(filterAndSort(rows, { ...filters, focusArea: 'all', verdict: 'all', status: 'all', search: '' }, sort), currentId);
}

export function QueueProgress({ currentId, compact = false }: { currentId?: string; compact?: boolean }) {
  const { t } = useTranslation();
  const rows = useApplications();
  const { resumeApplication, flushSave } = useActions('resumeApplication', 'flushSave');
  const next = useNextUnfinished(currentId);
  const progress = roundProgress(rows.map((row) => row.myStatus as QueueStatus));
  if (progress.total === 0) return null;
  const percent = Math.round((progress.done / progress.total) * 100);
  return (
    <div className={compact ? 'queue-progress compact' : 'queue-progress'} data-testid={compact ? 'queue-progress-compact' : 'queue-progress'}>
      <div className="queue-figures">
        <label className="queue-label">
          <span>{t('queue.done', { count: progress.done, total: progress.total })}</span>
          <progress max={progress.total} value={progress.done} aria-valuetext={t('queue.percent', { percent })} />
        </label>
        {!compact && (
          <span className="muted">
            {t('queue.drafts', { count: progress.draft })} · {t('queue.notStarted', { count: progress.notStarted })}
            {progress.conflict > 0 && <> · {t('queue.conflicts', { count: progress.conflict })}</>}
          </span>
        )}
      </div>
      {next ? (
        <Button
          data-size="sm"
          variant={compact ? 'secondary' : 'primary'}
          data-testid="next-unfinished"
          onClick={() => {
            void flushSave();
            void resumeApplication(next.applicationId);
          }}
          title={t('queue.nextTitle', { id: next.applicationId, shortcut: 'Alt+U' })}
        >
          {t('queue.next')}
        </Button>
      ) : (
        <span className="muted" data-testid="queue-all-done">
          {t('queue.allDone')}
        </span>
      )}
    </div>
  );
}
