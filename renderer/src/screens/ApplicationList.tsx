// The application list: filters, search, Norwegian sorting, keyboard navigation, paginated for large rounds.
import { useDeferredValue, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, Tag, Textfield } from '@digdir/designsystemet-react';
import { ImportPanel } from '../components/ImportPanel';
import { filterRows, sortRows } from '../store/filter';
import type { ListFilters, SortKey } from '../store/filter';
import { useActions, useApplications, useFilters, useSort } from '../store/hooks';
import { useStore } from '../store';
import { QueueProgress } from '../components/QueueProgress';
import { RoundImpartiality } from '../components/RoundImpartiality';
import type { MyStatus, VerdictValue } from '../store/types';
import { kroner } from '../format';
import { VerdictTag, StatusTag } from '../components/Tags';
import { FocusAreaSelect } from '../components/FocusAreaSelect';
import { TableWrap } from '../components/TableWrap';

const PAGE_SIZE = 100;
const VERDICTS: readonly (VerdictValue | 'none')[] = ['eligible', 'needs-review', 'ineligible', 'none'];
const STATUSES: readonly MyStatus[] = ['not-started', 'draft', 'final', 'conflict'];
const COLUMNS: readonly { key: SortKey; numeric?: boolean }[] = [
  { key: 'applicationId' },
  { key: 'applicantName' },
  { key: 'title' },
  { key: 'focusArea' },
  { key: 'requestedGrant', numeric: true },
  { key: 'verdict' },
  { key: 'myStatus' },
];

export function ApplicationList() {
  const { t } = useTranslation();
  const rows = useApplications();
  const filters = useFilters();
  const sort = useSort();
  const { setFilters, setSort, setListPage, resumeApplication } = useActions('setFilters', 'setSort', 'setListPage', 'resumeApplication');
  // The page lives in the store, so coming back from an application returns to it (issue 12.1).
  const page = useStore((s) => s.listPage);
  const setPage = setListPage;
  const [showImport, setShowImport] = useState(false);
  const deferredSearch = useDeferredValue(filters.search);
  // Sorted only when the rows or the order change; a keystroke is one filter pass (the deferred one).
  const sorted = useMemo(() => sortRows(rows, sort), [rows, sort]);
  const { focusArea, verdict, status } = filters;
  const visible = useMemo(
    () => filterRows(sorted, { focusArea, verdict, status, search: deferredSearch }),
    [sorted, focusArea, verdict, status, deferredSearch],
  );
  const pages = Math.max(1, Math.ceil(visible.length / PAGE_SIZE));
  const currentPage = Math.min(page, pages - 1);
  const pageRows = visible.slice(currentPage * PAGE_SIZE, (currentPage + 1) * PAGE_SIZE);
  const bodyRef = useRef<HTMLTableSectionElement>(null);

  function changeFilters(patch: Partial<ListFilters>): void {
    // setFilters goes back to the first page.
    setFilters(patch);
  }

  // Arrow keys move between rows; Enter (native on the link) opens one.
  function onKeyDown(event: React.KeyboardEvent<HTMLTableSectionElement>): void {
    const links = Array.from(bodyRef.current?.querySelectorAll<HTMLAnchorElement>('a.row-link') ?? []);
    const index = links.findIndex((link) => link === document.activeElement);
    let next = -1;
    if (event.key === 'ArrowDown') next = Math.min(links.length - 1, index + 1);
    else if (event.key === 'ArrowUp') next = Math.max(0, index - 1);
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = links.length - 1;
    if (next >= 0) {
      event.preventDefault();
      links[next]?.focus();
    }
  }

  return (
    <div className="screen list-screen">
      <div className="screen-title">
        <Heading level={1} data-size="md">
          {t('list.heading')}
        </Heading>
        <Button variant="secondary" onClick={() => setShowImport(!showImport)} aria-expanded={showImport}>
          {t('list.import')}
        </Button>
      </div>
      {showImport && <ImportPanel />}
      <QueueProgress />
      <RoundImpartiality />
      <search className="filters" aria-label={t('list.filtersLabel')}>
        <Textfield
          label={t('list.search')}
          value={filters.search}
          onChange={(event) => changeFilters({ search: event.target.value })}
          data-size="sm"
        />
        <FocusAreaSelect value={filters.focusArea} onChange={(focusArea) => changeFilters({ focusArea })} />
        <label className="select-field">
          <span>{t('list.verdict')}</span>
          <select
            className="ds-input"
            value={filters.verdict}
            onChange={(event) => changeFilters({ verdict: event.target.value as ListFilters['verdict'] })}
          >
            <option value="all">{t('list.all')}</option>
            {VERDICTS.map((verdict) => (
              <option key={verdict} value={verdict}>
                {t(`verdict.${verdict}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="select-field">
          <span>{t('list.status')}</span>
          <select
            className="ds-input"
            value={filters.status}
            onChange={(event) => changeFilters({ status: event.target.value as ListFilters['status'] })}
          >
            <option value="all">{t('list.all')}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status.${status}`)}
              </option>
            ))}
          </select>
        </label>
      </search>
      <p role="status" aria-live="polite" className="muted" data-testid="list-count">
        {t('list.count', { shown: visible.length, total: rows.length })}
      </p>
      {rows.length === 0 ? (
        <Paragraph>{t('list.empty')}</Paragraph>
      ) : (
        <TableWrap label={t('list.caption')}>
          <table className="ds-table app-table" data-size="sm">
            <caption className="visually-hidden">{t('list.caption')}</caption>
            <thead>
              <tr>
                {COLUMNS.map((column) => (
                  <th
                    key={column.key}
                    scope="col"
                    className={column.numeric ? 'numeric' : undefined}
                    aria-sort={sort.key === column.key ? (sort.direction === 'asc' ? 'ascending' : 'descending') : undefined}
                  >
                    <button type="button" className="sort-button" onClick={() => setSort(column.key)}>
                      {t(`list.column.${column.key}`)}
                    </button>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody ref={bodyRef} onKeyDown={onKeyDown}>
              {pageRows.map((row) => {
                const href = `#/applications/${encodeURIComponent(row.applicationId)}/impartiality`;
                return (
                  <tr key={row.applicationId} data-testid="application-row">
                    <td>
                      <a
                        className="row-link"
                        href={href}
                        onClick={(event) => {
                          event.preventDefault();
                          // Opens on the application's first unfinished step.
                          void resumeApplication(row.applicationId);
                        }}
                      >
                        {row.applicationId}
                      </a>
                    </td>
                    <td>
                      {row.applicantName} <span className="muted">({row.municipalityNumber})</span>
                    </td>
                    <td>
                      {row.title}
                      {row.flagCount > 0 && (
                        <>
                          {' '}
                          <Tag data-color="warning" data-size="sm">
                            {t('list.flags', { count: row.flagCount })}
                          </Tag>
                        </>
                      )}
                    </td>
                    <td>
                      <Tag data-color="neutral" data-size="sm">
                        {t('focusArea.short', { area: row.focusArea })}
                      </Tag>
                    </td>
                    <td className="numeric">{kroner(row.requestedGrant)}</td>
                    <td>
                      <VerdictTag verdict={row.verdict} />
                    </td>
                    <td>
                      <StatusTag status={row.myStatus} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
      {pages > 1 && (
        <nav className="pager" aria-label={t('list.pagination')}>
          <Button variant="secondary" data-size="sm" disabled={currentPage === 0} onClick={() => setPage(currentPage - 1)}>
            {t('list.previousPage')}
          </Button>
          <span>{t('list.pageOf', { page: currentPage + 1, pages })}</span>
          <Button variant="secondary" data-size="sm" disabled={currentPage >= pages - 1} onClick={() => setPage(currentPage + 1)}>
            {t('list.nextPage')}
          </Button>
        </nav>
      )}
    </div>
  );
}
