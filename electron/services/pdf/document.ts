// One way to make a Vurder PDF: A4 pages from the layout engine, DejaVu Sans subsets, PDF/A-2b metadata,
// "Side x av y" footers and, unless it is a draft, an invisible PAdES signature field ready for signPdf.
// The assessment PDF, the panel's innstilling and the decision letters are all built through here.
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import { PDFDocument } from 'pdf-lib';
import { cachedFontkit } from './fontkit-cache';
import { shareFontProgram } from './font-program-cache';
import { PageWriter } from './layout';
import { useNativeDeflate } from './native-deflate';
import { applyPdfA } from './pdfa';
import type { DocumentInfo } from './pdfa';
import { fontBold, fontRegular } from './resources';

export const PRODUCER = 'Vurder 0.1 (pdf-lib, PAdES B-B)';
/** Bytes reserved for the CMS; an RSA-3072 signature with a CA chain needs about 3 KB. */
export const SIGNATURE_LENGTH = 8192;

export interface PdfSpec {
  info: Omit<DocumentInfo, 'producer' | 'created'>;
  created: Date;
  footer: string;
  /** The signature field's dictionary values; null for a draft, which is never signed. */
  signature: { reason: string; name: string; email: string } | null;
  /** Text across every page behind the content ("UTKAST"). */
  watermark?: string;
}

/** PDF strings in the signature dictionary are PDFDocEncoding; keep Latin-1 and replace the rest. */
function latin1(text: string): string {
  return text.replace(/[^\u0020-\u00ff]/g, '?');
}

/** The PDF with a signature placeholder (hand it to signPdf), or the finished draft when spec.signature is null. */
export async function buildPdf(spec: PdfSpec, write: (page: PageWriter) => void): Promise<Uint8Array> {
  useNativeDeflate();
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(cachedFontkit);
  const fonts = {
    regular: await doc.embedFont(fontRegular(), { subset: true }),
    bold: await doc.embedFont(fontBold(), { subset: true }),
  };
  shareFontProgram(fonts.regular);
  shareFontProgram(fonts.bold);
  const page = new PageWriter(doc, fonts, spec.watermark);
  write(page);
  page.finish(spec.footer);
  applyPdfA(doc, { ...spec.info, created: spec.created, producer: PRODUCER });
  const lastPage = page.pages[page.pages.length - 1];
  if (spec.signature) {
    pdflibAddPlaceholder({
      pdfDoc: doc,
      ...(lastPage ? { pdfPage: lastPage } : {}),
      reason: latin1(spec.signature.reason),
      contactInfo: latin1(spec.signature.email),
      name: latin1(spec.signature.name),
      location: 'Norge',
      signingTime: spec.created,
      signatureLength: SIGNATURE_LENGTH,
      subFilter: SUBFILTER_ETSI_CADES_DETACHED,
      appName: 'Vurder',
    });
  }
  // No object streams: the signer finds /ByteRange by searching the bytes.
  return doc.save({ useObjectStreams: false });
}
