// Checks the attachments soknad.json lists against the bytes in the package. A missing attachment, one not
// named .pdf, or a ".pdf" that is not a PDF refuses the package; an encrypted or damaged PDF is only flagged, because the
// assessor may still be able to read it (or ask the applicant for a new copy) and the rest is valid.
import type { ApplicationPackage } from '../../../shared/package/schema';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import type { CatalogueError } from '../../../shared/errors/format';
import { appError } from '../../../shared/errors/format';
import { localizeError } from '../../../shared/errors/catalogue';
import { escapeName } from '../../../shared/text/unsafe-name';
import { hasEncryptKey } from './pdf-encrypt';
import type { PackageFlag } from './types';

const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
const EOF_MARKER = Buffer.from('%%EOF', 'latin1');
/** PDF writers may put a little junk after %%EOF; the spec's readers look in the last 1024 bytes. */
const EOF_WINDOW = 1024;

export function isPdfName(path: string): boolean {
  return path.toLowerCase().endsWith('.pdf');
}

export function isPdfBytes(content: Uint8Array): boolean {
  return Buffer.from(content.buffer, content.byteOffset, Math.min(content.byteLength, PDF_MAGIC.length)).equals(PDF_MAGIC);
}

export function checkAttachments(
  application: ApplicationPackage,
  files: ReadonlyMap<string, Buffer>,
  label: string,
): Result<PackageFlag[], CatalogueError> {
  const flags: PackageFlag[] = [];
  for (const attachment of application.attachments) {
    const content = files.get(attachment.path);
    const entry = escapeName(attachment.path);
    if (content === undefined) return err(appError('attachment.missing', label, { entry }));
    // PDF only, by name and by bytes: an assessor opens attachments, and only PDFs are shown inside Vurder.
    if (!isPdfName(attachment.path)) return err(appError('attachment.not-pdf-name', label, { entry }));
    if (!isPdfBytes(content)) return err(appError('attachment.not-pdf', label, { entry }));
    flags.push(...pdfFlags(attachment.path, content));
  }
  return ok(flags);
}

/** Flags for one PDF's bytes: encrypted (an /Encrypt key in its trailer, pdf-encrypt.ts) and no %%EOF at the end. */
export function pdfFlags(path: string, content: Buffer): PackageFlag[] {
  const flags: PackageFlag[] = [];
  if (hasEncryptKey(content)) {
    flags.push({ code: 'attachment.encrypted-pdf', path, message: localizeError('attachment.encrypted-pdf', { entry: path }) });
  }
  if (!content.subarray(Math.max(0, content.length - EOF_WINDOW)).includes(EOF_MARKER)) {
    flags.push({ code: 'attachment.damaged-pdf', path, message: localizeError('attachment.damaged-pdf', { entry: path }) });
  }
  return flags;
}
