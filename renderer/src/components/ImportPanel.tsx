// Import by dialog or by dropping packages (folders, .zip, CSV/XLSX) on the drop zone, with progress per
// package (count and time left), a summary when done ("998 importert, 2 avvist — vis avviste") and the
// result per package: listed for a few packages, collapsed and virtualised for many.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading } from '@digdir/designsystemet-react';
import { DropZone } from './DropZone';
import { useActions, useImportState } from '../store/hooks';
import type { ImportProgress } from '../store/import-slice';
import type { ImportResult } from '../store/types';
import { ImportResultList, PLAIN_LIST_MAX } from './ImportResultList';

type View = 'collapsed' | 'all' | 'refused';

function baseName(path: string): string {
  return path.split(/[\\/]/).filter((part) => part !== '').pop() ?? path;
}

/** Seconds left at the average pace so far; null until a pace is known (after the first package, 2 s). */
function secondsLeft(progress: ImportProgress): number | null {
  const elapsed = (progress.at - progress.startedAt) / 1000;
  if (progress.done === 0 || elapsed < 2) return null;
  return Math.ceil((elapsed / progress.done) * (progress.total - progress.done));
}

function ProgressLine({ progress }: { progress: ImportProgress }) {
  const { t } = useTranslation();
  const left = secondsLeft(progress);
  const time = left === null ? null : left < 60 ? t('scaleImport.seconds', { count: left }) : t('scaleImport.minutes', { count: Math.ceil(left / 60) });
  return (
    <>
      <progress max={progress.total} value={progress.done} aria-label={t('import.progressLabel')} />
      <span data-testid="import-progress-text">
        {t('scaleImport.progress', { done: progress.done, total: progress.total, source: baseName(progress.source) })}
        {time !== null && ` · ${t('scaleImport.timeLeft', { time })}`}
      </span>
    </>
  );
}

export function ImportPanel() {
  const { t } = useTranslation();
  const { importing, progress, results, version } = useImportState();
  const { chooseAndImport, importPaths } = useActions('chooseAndImport', 'importPaths');
  // The choice belongs to one result array (one import); a new import starts from the default again.
  const [choice, setChoice] = useState<{ of: readonly ImportResult[]; view: View } | null>(null);
  const view: View = choice?.of === results ? choice.view : results.length <= PLAIN_LIST_MAX ? 'all' : 'collapsed';
  // One pass per change; `version` changes when results were appended to the same array in place.
  const { counts, refused } = useMemo(() => {
    const found = { imported: 0, 'already-imported': 0, refused: 0, version };
    const refusedRows: ImportResult[] = [];
    for (const result of results) {
      found[result.status] += 1;
      if (result.status === 'refused') refusedRows.push(result);
    }
    return { counts: found, refused: refusedRows };
  }, [results, version]);

  return (
    <section className="panel" aria-labelledby="import-heading">
      <Heading level={2} data-size="sm" id="import-heading">
        {t('import.heading')}
      </Heading>
      <DropZone testId="drop-zone" noPathMessage={t('import.dropNoPath')} onPaths={(paths) => void importPaths(paths)}>
        <p>{t('import.dropHint')}</p>
        <Button onClick={() => void chooseAndImport()} disabled={importing}>
          {t('import.choose')}
        </Button>
      </DropZone>
      <div role="status" aria-live="polite" className="import-progress">
        {importing && progress && <ProgressLine progress={progress} />}
        {!importing && results.length > 0 && (
          <span data-testid="import-summary">
            {t('scaleImport.summary', { imported: counts.imported, refused: counts.refused })}
            {counts['already-imported'] > 0 && `, ${t('scaleImport.already', { count: counts['already-imported'] })}`}
          </span>
        )}
      </div>
      {results.length > PLAIN_LIST_MAX && (
        <div className="import-result-actions">
          {view !== 'all' && (
            <Button variant="tertiary" data-size="sm" onClick={() => setChoice({ of: results, view: 'all' })}>
              {t('scaleImport.showAll', { count: results.length })}
            </Button>
          )}
          {view !== 'refused' && refused.length > 0 && (
            <Button variant="tertiary" data-size="sm" onClick={() => setChoice({ of: results, view: 'refused' })}>
              {t('scaleImport.showRefused', { count: refused.length })}
            </Button>
          )}
          {view !== 'collapsed' && (
            <Button variant="tertiary" data-size="sm" onClick={() => setChoice({ of: results, view: 'collapsed' })}>
              {t('scaleImport.hide')}
            </Button>
          )}
        </div>
      )}
      {results.length > 0 && view !== 'collapsed' && <ImportResultList rows={view === 'refused' ? refused : results} />}
    </section>
  );
}
