// The package's PDFs: a chooser and the embedded viewer. Bytes come from documents:read.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { call, messageOf } from '../api/client';
import type { ApplicationDetail } from '../store/types';
import { PdfViewer } from './PdfViewer';

export function DocumentsPanel({ detail }: { detail: ApplicationDetail }) {
  const { t, i18n } = useTranslation();
  const pdfs = detail.files.filter((file) => file.mediaType === 'application/pdf' || file.path.toLowerCase().endsWith('.pdf'));
  const [selected, setSelected] = useState(pdfs[0]?.path ?? null);
  const [bytes, setBytes] = useState<{ path: string; data: Uint8Array } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const applicationId = detail.summary.applicationId;

  useEffect(() => {
    if (selected === null) return;
    let cancelled = false;
    call('documents:read', { applicationId, path: selected }).then(
      (document) => {
        if (!cancelled) {
          setBytes({ path: document.path, data: document.bytes });
          setError(null);
        }
      },
      (reason: unknown) => {
        if (!cancelled) setError(messageOf(reason, i18n.language));
      },
    );
    return () => {
      cancelled = true;
    };
  }, [applicationId, selected, i18n.language]);

  const titleOf = (path: string) => detail.package.attachments.find((attachment) => attachment.path === path)?.title ?? path;

  return (
    <section className="panel" aria-labelledby="documents-heading">
      <Heading level={2} data-size="xs" id="documents-heading">
        {t('documents.heading')}
      </Heading>
      {pdfs.length === 0 ? (
        <Paragraph>{t('documents.none')}</Paragraph>
      ) : (
        <>
          <label className="select-field">
            <span>{t('documents.choose')}</span>
            <select className="ds-input" value={selected ?? ''} onChange={(event) => setSelected(event.target.value)}>
              {pdfs.map((file) => (
                <option key={file.path} value={file.path}>
                  {titleOf(file.path)}
                </option>
              ))}
            </select>
          </label>
          {error && <Paragraph data-color="danger">{error}</Paragraph>}
          {bytes && bytes.path === selected && <PdfViewer bytes={bytes.data} title={titleOf(bytes.path)} />}
        </>
      )}
    </section>
  );
}
