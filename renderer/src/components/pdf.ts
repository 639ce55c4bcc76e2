// pdf.js set-up. The worker is bundled by Vite (?url) so it loads from 'self' offline, never from a CDN.
import { GlobalWorkerOptions, TextLayer, getDocument } from 'pdfjs-dist';
import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export type { PDFDocumentProxy };
export { TextLayer };

/** Opens PDF bytes. pdf.js takes ownership of the buffer, so it gets a copy. */
export async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  const task = getDocument({
    data: bytes.slice(),
    // No network: fonts not embedded in the PDF fall back to system fonts.
    useSystemFonts: true,
    isEvalSupported: false,
    disableFontFace: false,
  });
  return task.promise;
}

/** Page numbers (1-based) whose text contains the query, case-insensitive, with the hit count per page. */
export async function searchPdf(doc: PDFDocumentProxy, query: string): Promise<{ page: number; hits: number }[]> {
  const needle = query.trim().toLocaleLowerCase('nb-NO');
  if (needle === '') return [];
  const found: { page: number; hits: number }[] = [];
  for (let pageNumber = 1; pageNumber <= doc.numPages; pageNumber += 1) {
    const page = await doc.getPage(pageNumber);
    const content = await page.getTextContent();
    const text = content.items
      .map((item) => ('str' in item ? item.str : ''))
      .join(' ')
      .toLocaleLowerCase('nb-NO');
    let hits = 0;
    for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) hits += 1;
    if (hits > 0) found.push({ page: pageNumber, hits });
  }
  return found;
}

/** Marks the text-layer pieces that contain the query (case-insensitive); clears marks when the query is empty. */
export function markHits(pieces: readonly HTMLElement[], query: string): void {
  const needle = query.trim().toLocaleLowerCase('nb-NO');
  for (const piece of pieces) {
    const hit = needle !== '' && (piece.textContent ?? '').toLocaleLowerCase('nb-NO').includes(needle);
    piece.classList.toggle('highlight', hit);
    piece.classList.toggle('search-hit', hit);
  }
}
