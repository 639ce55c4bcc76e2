// The verification report shared by PDFs and exchange files, for the CLI (--json) and the app.
import type { CertificateSummary } from './certificate';
import type { CmsProblemCode } from './cms';

/** Every CMS problem is reported under its own code; the rest are about the file around the signature. */
export type VerificationProblemCode =
  | CmsProblemCode
  | 'no-signature'
  | 'not-whole-file'
  | 'changed-after-signing'
  | 'untrusted'
  | 'malformed-exchange'
  | 'payload-hash-mismatch'
  | 'malformed-certificate'
  | 'unreadable-file'
  | 'assessor-mismatch';

export interface VerificationProblem {
  code: VerificationProblemCode;
  en: string;
  nb: string;
}

/** One signature of a PDF (issue 8 point 2): who, what it covers, what changed after it. */
export interface SignatureReport {
  /** 1-based, in the order the signatures were made (by the end of the bytes they cover). */
  index: number;
  signer: CertificateSummary | null;
  signingTime: string | null;
  /** The signature verifies over exactly the bytes it covers. */
  intact: boolean;
  /** It covers the whole file (pdfsig: "Total document signed"). */
  coversWholeDocument: boolean;
  /**
   * none: nothing after it. signatures-only: only later signatures and their validation data were added.
   * modified: the document was changed after signing — valid for the part it signed, not for the document.
   */
  changesAfter: 'none' | 'signatures-only' | 'modified';
  /** null when no trust anchors were given. */
  trusted: boolean | null;
  problems: VerificationProblem[];
}

export interface VerificationReport {
  /** The path as given. */
  file: string;
  kind: 'pdf' | 'exchange' | 'unknown';
  /**
   * valid: intact, nothing changed after any signature, and every signer trusted by the given trust anchors.
   * unverified: intact and unchanged, but no trust anchors were given, so who signed is not verified.
   * invalid: modified, changed after a signature, a bad signature, or a signer not trusted by the anchors given.
   * unreadable: not a file we can read.
   */
  status: 'valid' | 'unverified' | 'invalid' | 'unreadable';
  /** Every signature verifies over the bytes it covers, and nothing but later signatures was added after any. */
  intact: boolean;
  /** null when no trust list was given; with several signatures, true only when every signer is trusted. */
  trusted: boolean | null;
  /** The first signature's signer (a Vurder PDF's assessor); every signer is in `signatures`. */
  signer: CertificateSummary | null;
  /** ISO 8601 with offset (PDF: the signature dictionary's /M; exchange file: the CMS signing-time). */
  signingTime: string | null;
  signatureCount: number;
  /** PDFs: one entry per signature. */
  signatures?: SignatureReport[];
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
