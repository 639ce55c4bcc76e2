// verifyFile: one entry point for "is this signed document intact, who signed it, do we trust them?"
import { verifyExchangeFile, looksLikeExchangeFile } from '../exchange/exchange-file';
import { verifyPdf } from '../pdf/verify-pdf';
import { certificatesFromPemOrDer } from './certificate';
import { DEFAULT_USER_FILE_LIMIT, readUserFile } from '../input/user-file';
import { ServiceError } from '../workspace/errors';
import { problem } from './messages';
import type { VerificationReport } from './report';
import { unreadableReport } from './report';

/** Signed PDFs and exchange files Vurder makes are far smaller; a larger file is refused unread. */
export const VERIFY_FILE_LIMIT = DEFAULT_USER_FILE_LIMIT;
const TRUST_FILE_LIMIT = 1024 * 1024;

export interface VerifyOptions {
  /** Trusted certificates (DER): the signers themselves or the CA that issued them. Omit to skip the trust check. */
  trusted?: readonly Uint8Array[];
}

function unreadable(file: string, en: string, nb: string): VerificationReport {
  return unreadableReport(file, 'unknown', problem('unreadable-file', en, nb));
}

export async function verifyBytes(file: string, bytes: Uint8Array, options: VerifyOptions = {}): Promise<VerificationReport> {
  if (Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-')) return verifyPdf(file, bytes, options.trusted);
  if (looksLikeExchangeFile(bytes)) return (await verifyExchangeFile(file, bytes, options.trusted)).report;
  return unreadable(file, 'neither a PDF nor a Vurder exchange file', 'verken PDF eller utvekslingsfil fra Vurder');
}

export async function verifyFile(path: string, options: VerifyOptions = {}): Promise<VerificationReport> {
  let bytes: Uint8Array;
  try {
    // Only a regular file under the limit: /dev/zero would fill memory, a FIFO would hang (issue 8 point 3).
    bytes = await readUserFile(path, VERIFY_FILE_LIMIT);
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    const { nb, en } = error.appError.localized;
    return unreadable(path, en, nb);
  }
  return verifyBytes(path, bytes, options);
}

/** Read trust-list files (PEM with one or more certificates, or DER). */
export async function readTrustList(paths: readonly string[]): Promise<Uint8Array[]> {
  const all: Uint8Array[] = [];
  for (const path of paths) all.push(...certificatesFromPemOrDer(await readUserFile(path, TRUST_FILE_LIMIT)));
  return all;
}
