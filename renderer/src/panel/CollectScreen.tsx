// Collect: the assessors' signed exchange files (picked or dropped, many at once or a folder), one result line
// per file and a summary; the round's trust list in the same place. Packages are imported here too.
import { useTranslation } from 'react-i18next';
import { Button, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import type { PanelSnapshot } from '../../../shared/panel/types';
import { DropZone } from '../components/DropZone';
import { ImportPanel } from '../components/ImportPanel';
import { TableWrap } from '../components/TableWrap';
import { uiLanguage } from '../format';
import { useStore } from '../store';
import { useActions, useBusy, useTrustList } from '../store/hooks';
import type { MergeOutcome } from '../store/panel-slice';

const STATUS_COLOR = { merged: 'success', 'already-merged': 'info', refused: 'danger' } as const;

function Outcomes({ outcomes }: { outcomes: readonly MergeOutcome[] }) {
  const { t, i18n } = useTranslation();
  const language = uiLanguage(i18n.language);
  const merged = outcomes.filter((outcome) => outcome.status === 'merged').length;
  const refused = outcomes.filter((outcome) => outcome.status === 'refused').length;
  const again = outcomes.length - merged - refused;
  return (
    <div data-testid="merge-results">
      <Paragraph data-testid="merge-summary" aria-live="polite">
        {t('panel.collect.summaryMerged', { count: merged })}, {t('panel.collect.summaryRefused', { count: refused })}
        {again > 0 ? `, ${t('panel.collect.summaryAgain', { count: again })}` : ''}
      </Paragraph>
      <ul className="result-list">
        {outcomes.map((outcome, index) => (
          <li key={`${outcome.file}-${index}`} data-status={outcome.status}>
            <Tag data-size="sm" data-color={STATUS_COLOR[outcome.status]}>
              {t(`panel.collect.status.${outcome.status}`)}
            </Tag>{' '}
            <strong>{outcome.file}</strong>: {outcome.message[language]}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CollectScreen({ snapshot }: { snapshot: PanelSnapshot }) {
  const { t } = useTranslation();
  const trust = useTrustList();
  const busy = useBusy();
  const merging = useStore((s) => s.merging);
  const outcomes = useStore((s) => s.mergeOutcomes);
  const { chooseAndMerge, mergeFiles, addTrust, removeTrust } = useActions('chooseAndMerge', 'mergeFiles', 'addTrust', 'removeTrust');

  return (
    <div className="screen panel-collect">
      <Heading level={1} data-size="lg">
        {t('panel.collect.heading')}
      </Heading>
      <Paragraph>{t('panel.collect.intro')}</Paragraph>

      <section className="panel" aria-labelledby="merge-heading">
        <Heading level={2} data-size="sm" id="merge-heading">
          {t('panel.collect.mergeHeading')}
        </Heading>
        <DropZone testId="exchange-drop-zone" noPathMessage={t('panel.collect.dropNoPath')} onPaths={(paths) => void mergeFiles(paths)}>
          <Paragraph>{t('panel.collect.dropHint')}</Paragraph>
          <Button onClick={() => void chooseAndMerge()} disabled={merging || busy}>
            {t('panel.collect.choose')}
          </Button>
        </DropZone>
        {merging && <progress aria-label={t('panel.collect.merging')} />}
        {outcomes.length > 0 && <Outcomes outcomes={outcomes} />}
        <Paragraph data-size="sm">{t('panel.collect.mergedSoFar', { count: snapshot.exchangeFiles.length })}</Paragraph>
      </section>

      <section className="panel" aria-labelledby="trust-heading">
        <Heading level={2} data-size="sm" id="trust-heading">
          {t('panel.collect.trustHeading')}
        </Heading>
        <Paragraph>{t('panel.collect.trustIntro')}</Paragraph>
        {trust.length === 0 ? (
          <Paragraph data-testid="trust-empty">{t('panel.collect.trustEmpty')}</Paragraph>
        ) : (
          <TableWrap label={t('panel.collect.trustHeading')}>
            <table className="ds-table app-table" data-size="sm" data-testid="trust-table">
              <thead>
                <tr>
                  <th scope="col">{t('panel.collect.trustName')}</th>
                  <th scope="col">{t('panel.collect.trustFingerprint')}</th>
                  <th scope="col">{t('panel.collect.trustValidTo')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('panel.collect.trustActions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {trust.map((entry) => (
                  <tr key={entry.fingerprint}>
                    <td>{entry.name}</td>
                    <td className="fingerprint">{entry.fingerprint.slice(0, 23)}…</td>
                    <td>{entry.notAfter.slice(0, 10)}</td>
                    <td>
                      <Button data-size="sm" variant="tertiary" onClick={() => void removeTrust(entry.fingerprint)} aria-label={t('panel.collect.trustRemoveLabel', { name: entry.name })}>
                        {t('panel.collect.trustRemove')}
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        )}
        <Button variant="secondary" onClick={() => void addTrust()} disabled={busy}>
          {t('panel.collect.trustAdd')}
        </Button>
      </section>

      <section className="panel" aria-labelledby="assessors-heading">
        <Heading level={2} data-size="sm" id="assessors-heading">
          {t('panel.collect.assessorsHeading')}
        </Heading>
        <ul className="result-list">
          {snapshot.exchangeFiles.map((file) => (
            <li key={file.sha256}>
              <strong>{file.assessorName}</strong> · {t('panel.collect.fileLine', { count: file.applicationIds.length, created: file.createdAt.slice(0, 10) })}
              {!file.trusted && (
                <>
                  {' '}
                  <Tag data-size="sm" data-color="danger">
                    {t('panel.untrusted')}
                  </Tag>
                </>
              )}
            </li>
          ))}
        </ul>
        {snapshot.exchangeFiles.length === 0 && <Paragraph>{t('panel.collect.noFiles')}</Paragraph>}
      </section>

      <ImportPanel />
    </div>
  );
}
