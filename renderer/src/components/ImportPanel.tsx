// Import by dialog or by dropping packages (folders, .zip, CSV/XLSX) on the drop zone, with progress
// and one result line per package.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Tag } from '@digdir/designsystemet-react';
import { pathOfDroppedFile } from '../api/client';
import { useActions, useImportState } from '../store/hooks';
import type { ImportResult } from '../store/types';
import { uiLanguage } from '../format';

const STATUS_COLOR: Record<ImportResult['status'], 'success' | 'info' | 'danger'> = {
  imported: 'success',
  'already-imported': 'info',
  refused: 'danger',
};

export function ImportPanel() {
  const { t, i18n } = useTranslation();
  const { importing, progress, results } = useImportState();
  const { chooseAndImport, importPaths, notify } = useActions('chooseAndImport', 'importPaths', 'notify');
  const [over, setOver] = useState(false);

  function onDrop(event: React.DragEvent<HTMLDivElement>): void {
    event.preventDefault();
    setOver(false);
    const paths = Array.from(event.dataTransfer.files)
      .map((file) => pathOfDroppedFile(file))
      .filter((path) => path !== '');
    if (paths.length === 0) notify('error', t('import.dropNoPath'));
    else void importPaths(paths);
  }

  return (
    <section className="panel" aria-labelledby="import-heading">
      <Heading level={2} data-size="sm" id="import-heading">
        {t('import.heading')}
      </Heading>
      <div
        className="drop-zone"
        data-over={over}
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid="drop-zone"
      >
        <p>{t('import.dropHint')}</p>
        <Button onClick={() => void chooseAndImport()} disabled={importing}>
          {t('import.choose')}
        </Button>
      </div>
      <div role="status" aria-live="polite" className="import-progress">
        {importing && progress && (
          <>
            <progress max={progress.total} value={progress.index} aria-label={t('import.progressLabel')} />
            <span>{t('import.progress', { index: progress.index + 1, total: progress.total, source: baseName(progress.source) })}</span>
          </>
        )}
      </div>
      {results.length > 0 && (
        <ul className="import-results" aria-label={t('import.resultsLabel')}>
          {results.map((result, index) => (
            <li key={`${result.source}-${index}`} data-status={result.status}>
              <Tag data-color={STATUS_COLOR[result.status]}>{t(`import.status.${result.status}`)}</Tag>
              <span className="import-source">{result.applicationId ?? baseName(result.source)}</span>
              <span className="import-message">{result.localized?.[uiLanguage(i18n.language)] ?? result.message}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function baseName(path: string): string {
  return path.split(/[\\/]/).filter((part) => part !== '').pop() ?? path;
}
