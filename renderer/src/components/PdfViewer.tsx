// Embedded PDF viewer: one page at a time on a canvas, page navigation, zoom and text search (pdf.js).
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { TextLayer, markHits, openPdf, searchPdf } from './pdf';
import type { PDFDocumentProxy } from './pdf';

const ZOOM_STEPS = [0.5, 0.75, 1, 1.25, 1.5, 2] as const;

export interface PdfViewerProps {
  bytes: Uint8Array;
  title: string;
}

export function PdfViewer({ bytes, title }: PdfViewerProps) {
  const { t } = useTranslation();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [doc, setDoc] = useState<PDFDocumentProxy | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [zoomIndex, setZoomIndex] = useState(2);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<{ page: number; hits: number }[] | null>(null);
  const [activeQuery, setActiveQuery] = useState('');
  const pageRef = useRef<HTMLDivElement>(null);
  const textRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    let cancelled = false;
    let opened: PDFDocumentProxy | null = null;
    openPdf(bytes).then(
      (loaded) => {
        opened = loaded;
        if (cancelled) void loaded.destroy();
        else {
          setDoc(loaded);
          setPage(1);
          setError(null);
        }
      },
      (reason: unknown) => {
        if (!cancelled) setError(reason instanceof Error ? reason.message : String(reason));
      },
    );
    return () => {
      cancelled = true;
      if (opened) void opened.destroy();
    };
  }, [bytes]);

  const zoom = ZOOM_STEPS[zoomIndex] ?? 1;

  useEffect(() => {
    const canvas = canvasRef.current;
    const pageBox = pageRef.current;
    const textBox = textRef.current;
    if (!doc || !canvas || !pageBox || !textBox) return;
    let task: { cancel: () => void; promise: Promise<void> } | null = null;
    let textLayer: TextLayer | null = null;
    let cancelled = false;
    void doc.getPage(page).then((pdfPage) => {
      if (cancelled) return;
      const ratio = window.devicePixelRatio || 1;
      // 100 % means "fit the column's width"; zoom multiplies that.
      const available = (pageBox.parentElement?.clientWidth ?? 800) - 24;
      const fit = available / pdfPage.getViewport({ scale: 1 }).width;
      const viewport = pdfPage.getViewport({ scale: zoom * (fit > 0 ? fit : 1) });
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.width = `${Math.floor(viewport.width)}px`;
      canvas.style.height = `${Math.floor(viewport.height)}px`;
      // pdf.js sizes and places the text layer from this variable (as its own viewer does).
      pageBox.style.setProperty('--scale-factor', String(viewport.scale));
      task = pdfPage.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      task.promise.catch((reason: unknown) => {
        // A cancelled render (page or zoom changed) is expected; anything else is shown.
        if (reason instanceof Error && reason.name === 'RenderingCancelledException') return;
        setError(reason instanceof Error ? reason.message : String(reason));
      });
      // The invisible text layer over the canvas: selectable text, and the search hits highlighted.
      textBox.replaceChildren();
      const layer = new TextLayer({ textContentSource: pdfPage.streamTextContent(), container: textBox, viewport });
      textLayer = layer;
      layer.render().then(
        () => {
          if (cancelled) return;
          markHits(layer.textDivs, activeQuery);
          // Search scrolls the page box to the first hit on this page (issue 12.2), not only to the page.
          const hit = textBox.querySelector<HTMLElement>('.search-hit');
          const wrap = pageBox.parentElement;
          if (hit && wrap) wrap.scrollTo({ top: Math.max(0, hit.offsetTop - wrap.clientHeight / 3), behavior: 'auto' });
        },
        (reason: unknown) => {
          if (!cancelled) setError(reason instanceof Error ? reason.message : String(reason));
        },
      );
    });
    return () => {
      cancelled = true;
      task?.cancel();
      textLayer?.cancel();
    };
  }, [doc, page, zoom, activeQuery]);

  async function runSearch(): Promise<void> {
    if (!doc) return;
    const found = await searchPdf(doc, query);
    setHits(found);
    setActiveQuery(query.trim());
    const first = found[0];
    if (first) setPage(first.page);
  }

  if (error) return <Paragraph data-color="danger">{t('pdf.error', { title, message: error })}</Paragraph>;
  const pages = doc?.numPages ?? 0;
  return (
    <section className="pdf-viewer" aria-label={t('pdf.label', { title })}>
      <div className="pdf-toolbar">
        <Button variant="secondary" data-size="sm" disabled={page <= 1} onClick={() => setPage(page - 1)}>
          {t('pdf.previous')}
        </Button>
        <span aria-live="polite">{t('pdf.pageOf', { page, pages })}</span>
        <Button variant="secondary" data-size="sm" disabled={page >= pages} onClick={() => setPage(page + 1)}>
          {t('pdf.next')}
        </Button>
        <Button variant="tertiary" data-size="sm" disabled={zoomIndex === 0} onClick={() => setZoomIndex(zoomIndex - 1)} aria-label={t('pdf.zoomOut')}>
          −
        </Button>
        <span>{Math.round(zoom * 100)} %</span>
        <Button
          variant="tertiary"
          data-size="sm"
          disabled={zoomIndex === ZOOM_STEPS.length - 1}
          onClick={() => setZoomIndex(zoomIndex + 1)}
          aria-label={t('pdf.zoomIn')}
        >
          +
        </Button>
        <form
          className="pdf-search"
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            void runSearch();
          }}
        >
          <Textfield label={t('pdf.search')} data-size="sm" value={query} onChange={(event) => setQuery(event.target.value)} />
          <Button type="submit" variant="secondary" data-size="sm">
            {t('pdf.find')}
          </Button>
        </form>
      </div>
      {hits && (
        <div className="pdf-hits" aria-live="polite">
          {hits.length === 0
            ? t('pdf.noHits', { query })
            : hits.map((hit) => (
                <Button key={hit.page} variant="tertiary" data-size="sm" onClick={() => setPage(hit.page)} aria-current={hit.page === page}>
                  {t('pdf.hitOnPage', { page: hit.page, count: hit.hits })}
                </Button>
              ))}
        </div>
      )}
      {/* Focusable so keyboard users can scroll a zoomed page. */}
      <div className="pdf-canvas-wrap" tabIndex={0} role="region" aria-label={t('pdf.pageRegion')}>
        <div className="pdf-page" ref={pageRef}>
          <canvas ref={canvasRef} role="img" aria-label={t('pdf.pageImage', { title, page })} />
          <div className="textLayer" ref={textRef} />
        </div>
      </div>
    </section>
  );
}
