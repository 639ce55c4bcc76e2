// The result of each imported package. A few results are listed as they are; many (an agency's round of
// 1 000 packages) are virtualised: a fixed-height viewport renders only the rows in view plus a margin,
// so a long list costs the same to paint as a short one.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Tag } from '@digdir/designsystemet-react';
import type { ImportResult } from '../store/types';
import { uiLanguage } from '../format';

/** Up to this many rows are rendered as a plain list. */
export const PLAIN_LIST_MAX = 20;
const ROW_HEIGHT = 40;
const VIEW_ROWS = 12;
const OVERSCAN = 6;

const STATUS_COLOR: Record<ImportResult['status'], 'success' | 'info' | 'danger'> = {
  imported: 'success',
  'already-imported': 'info',
  refused: 'danger',
};

function baseName(path: string): string {
  return path.split(/[\\/]/).filter((part) => part !== '').pop() ?? path;
}

function Row({ result, style, position, size }: { result: ImportResult; style?: React.CSSProperties; position?: number; size?: number }) {
  const { t, i18n } = useTranslation();
  const message = result.localized?.[uiLanguage(i18n.language)] ?? result.message;
  return (
    <li data-status={result.status} style={style} aria-posinset={position} aria-setsize={size}>
      <Tag data-color={STATUS_COLOR[result.status]}>{t(`import.status.${result.status}`)}</Tag>
      <span className="import-source">{result.applicationId ?? baseName(result.source)}</span>
      <span className="import-message" title={style ? message : undefined}>
        {message}
      </span>
    </li>
  );
}

export function ImportResultList({ rows }: { rows: readonly ImportResult[] }) {
  const { t } = useTranslation();
  const [scrollTop, setScrollTop] = useState(0);
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil(scrollTop / ROW_HEIGHT) + VIEW_ROWS + OVERSCAN);
  // Not memoised: rows is appended to in place during an import, and a slice of ~24 rows is cheap.
  const visible = rows.slice(first, last);
  if (rows.length <= PLAIN_LIST_MAX) {
    return (
      <ul className="import-results" aria-label={t('import.resultsLabel')}>
        {rows.map((result, index) => (
          <Row key={`${result.source}-${index}`} result={result} />
        ))}
      </ul>
    );
  }
  return (
    <div
      className="import-results-viewport"
      style={{ height: VIEW_ROWS * ROW_HEIGHT }}
      onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)}
      // Scrollable with the keyboard; the rows themselves hold no controls.
      tabIndex={0}
      role="region"
      aria-label={t('scaleImport.scrollLabel', { count: rows.length })}
      data-testid="import-results-viewport"
    >
      <ul className="import-results virtual" aria-label={t('import.resultsLabel')} style={{ height: rows.length * ROW_HEIGHT }}>
        {visible.map((result, offset) => (
          <Row
            key={`${result.source}-${first + offset}`}
            result={result}
            position={first + offset + 1}
            size={rows.length}
            style={{ top: (first + offset) * ROW_HEIGHT, height: ROW_HEIGHT }}
          />
        ))}
      </ul>
    </div>
  );
}
