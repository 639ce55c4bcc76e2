// The verification report shared by PDFs and exchange files, for the CLI (--json) and the app.
import type { CertificateSummary } from './certificate';
import type { CmsProblemCode } from './cms';

/** Every CMS problem is reported under its own code; the rest are about the file around the signature. */
export type VerificationProblemCode =
  | CmsProblemCode
  | 'no-signature'
  | 'not-whole-file'
  | 'untrusted'
  | 'malformed-exchange'
  | 'unreadable-file'
  | 'assessor-mismatch';

export interface VerificationProblem {
  code: VerificationProblemCode;
  en: string;
  nb: string;
}

export interface VerificationReport {
  /** The path as given. */
  file: string;
  kind: 'pdf' | 'exchange' | 'unknown';
  /** valid: intact and (when a trust list was given) trusted. unreadable: not a file we can read. */
  status: 'valid' | 'invalid' | 'unreadable';
  /** Every signature verifies over the bytes it covers, and nothing else was added. */
  intact: boolean;
  /** null when no trust list was given. */
  trusted: boolean | null;
  signer: CertificateSummary | null;
  /** ISO 8601 with offset (PDF: the signature dictionary's /M; exchange file: the CMS signing-time). */
  signingTime: string | null;
  signatureCount: number;
  problems: VerificationProblem[];
  /** Exchange files: what they hold. */
  contents?: { assessor: string; applicationIds: string[]; schemeId: string; schemeSha256: string };
}

/** A file that could not be read as a signed document of this kind: nothing verified, one problem saying why. */
export function unreadableReport(file: string, kind: VerificationReport['kind'], problem: VerificationProblem): VerificationReport {
  return {
    file,
    kind,
    status: 'unreadable',
    intact: false,
    trusted: null,
    signer: null,
    signingTime: null,
    signatureCount: 0,
    problems: [problem],
  };
}
