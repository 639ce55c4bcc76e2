// verifyFile: one entry point for "is this signed document intact, who signed it, do we trust them?"
import { readFile } from 'node:fs/promises';
import { verifyExchangeFile, looksLikeExchangeFile } from '../exchange/exchange-file';
import { verifyPdf } from '../pdf/verify-pdf';
import { certificatesFromPemOrDer } from './certificate';
import { problem } from './messages';
import type { VerificationReport } from './report';
import { unreadableReport } from './report';

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
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    return unreadable(path, `cannot read the file (${code})`, `kan ikke lese filen (${code})`);
  }
  return verifyBytes(path, bytes, options);
}

/** Read trust-list files (PEM with one or more certificates, or DER). */
export async function readTrustList(paths: readonly string[]): Promise<Uint8Array[]> {
  const all: Uint8Array[] = [];
  for (const path of paths) all.push(...certificatesFromPemOrDer(await readFile(path)));
  return all;
}
