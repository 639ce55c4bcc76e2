// Verify the signatures of a PDF ourselves (pkijs over the /ByteRange bytes), independent of poppler. Each
// signature is reported on its own: signer, whether it covers the whole file, and what was changed after it
// (pdf-changes.ts); a change after any signature other than later signatures makes the document invalid.
import { toOsloIsoSeconds } from '../../../shared/time/oslo';
import { verifyDetached } from '../signing/cms';
import { problem } from '../signing/messages';
import type { SignatureReport, VerificationProblem, VerificationReport } from '../signing/report';
import { isTrusted } from '../signing/trust';
import type { ChangesAfterSignature, PdfChange } from './pdf-changes';
import { changesAfterSignature } from './pdf-changes';

interface FoundSignature {
  byteRange: [number, number, number, number];
  cms: Uint8Array;
  signingTime: Date | undefined;
}

const BYTE_RANGE = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

/** PDF date "D:YYYYMMDDHHmmSS+HH'mm'" → Date. */
export function parsePdfDate(text: string): Date | undefined {
  const match = /D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?([Zz+-])?(\d{2})?'?(\d{2})?/.exec(text);
  if (!match) return undefined;
  const [, year, month = '01', day = '01', hour = '00', minute = '00', second = '00', sign, offH = '00', offM = '00'] = match;
  const offset = !sign || sign === 'Z' || sign === 'z' ? 'Z' : `${sign}${offH}:${offM}`;
  const date = new Date(`${year}-${month}-${day}T${hour}:${minute}:${second}${offset}`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

function findSignatures(bytes: Uint8Array): FoundSignature[] {
  const text = Buffer.from(bytes).toString('latin1');
  const found: FoundSignature[] = [];
  for (const match of text.matchAll(BYTE_RANGE)) {
    const range = match.slice(1, 5).map(Number) as [number, number, number, number];
    const [start, length1, start2, length2] = range;
    if (start !== 0 || start2 <= length1 || start2 + length2 > bytes.length) continue;
    const hex = text.slice(length1, start2).replace(/^</, '').replace(/>$/, '');
    if (!/^[0-9a-fA-F]*$/.test(hex)) continue;
    // The signature dictionary holds /M next to /Contents; look in the text after the contents, then before.
    const after = text.slice(start2, start2 + 2000);
    const before = text.slice(Math.max(0, (match.index ?? 0) - 2000), match.index);
    const date = /\/M\s*\((D:[^)]*)\)/.exec(after) ?? /\/M\s*\((D:[^)]*)\)(?![\s\S]*\/M\s*\()/.exec(before);
    found.push({ byteRange: range, cms: new Uint8Array(Buffer.from(hex.replace(/(00)+$/, ''), 'hex')), signingTime: date?.[1] ? parsePdfDate(date[1]) : undefined });
  }
  // In the order they were made: a later signature covers more of the file.
  return found.sort((a, b) => a.byteRange[2] + a.byteRange[3] - (b.byteRange[2] + b.byteRange[3]));
}

const SHOWN_CHANGES = 4;

function describeChange(change: PdfChange): { en: string; nb: string } {
  const what = change.type ? ` (${change.type})` : '';
  switch (change.what) {
    case 'added':
      return { en: `object ${change.object}${what} added`, nb: `objekt ${change.object}${what} lagt til` };
    case 'replaced':
      return { en: `object ${change.object}${what} changed: ${change.keys.join(', ')}`, nb: `objekt ${change.object}${what} endret: ${change.keys.join(', ')}` };
    case 'deleted':
      return { en: `object ${change.object}${what} deleted`, nb: `objekt ${change.object}${what} slettet` };
    case 'compressed':
      return { en: `object ${change.object} changed inside an object stream`, nb: `objekt ${change.object} endret inne i en objektstrøm` };
    case 'root-replaced':
      return { en: 'the document catalog was replaced', nb: 'dokumentkatalogen er byttet ut' };
    case 'unreadable':
      return { en: `the update cannot be read (${change.detail ?? ''})`, nb: `oppdateringen kan ikke leses (${change.detail ?? ''})` };
    case 'trailing-bytes':
      return { en: 'bytes were added that are not a PDF update', nb: 'det er lagt til byte som ikke er en PDF-oppdatering' };
  }
}

function changedProblem(changes: ChangesAfterSignature): VerificationProblem {
  const described = changes.disallowed.map(describeChange);
  const more = described.length > SHOWN_CHANGES ? described.length - SHOWN_CHANGES : 0;
  const list = (lang: 'en' | 'nb') => described.slice(0, SHOWN_CHANGES).map((entry) => entry[lang]).join('; ') + (more > 0 ? ` (+${more})` : '');
  // Bytes that are no update at all keep their own code (as before multi-signature reports existed).
  const code = changes.disallowed.every((change) => change.what === 'trailing-bytes') ? 'not-whole-file' : 'changed-after-signing';
  return problem(code, `valid for the part it signed, but the document was changed after signing: ${list('en')}`, list('nb'));
}

async function verifyOne(bytes: Uint8Array, signature: FoundSignature, index: number, trusted: readonly Uint8Array[] | undefined): Promise<SignatureReport> {
  const [start, length1, start2, length2] = signature.byteRange;
  const end = start2 + length2;
  const signed = Buffer.concat([bytes.subarray(start, start + length1), bytes.subarray(start2, end)]);
  const result = await verifyDetached(signature.cms, signed);
  const report: SignatureReport = {
    index,
    signer: result.signer ?? null,
    signingTime: signature.signingTime ? toOsloIsoSeconds(signature.signingTime) : null,
    intact: result.intact,
    coversWholeDocument: end === bytes.length,
    changesAfter: 'none',
    trusted: trusted ? false : null,
    problems: [],
  };
  if (result.problem) report.problems.push(problem(result.problem.code, result.problem.message));
  if (end !== bytes.length) {
    const changes = changesAfterSignature(bytes, end);
    report.changesAfter = changes.disallowed.length > 0 ? 'modified' : 'signatures-only';
    if (changes.disallowed.length > 0) report.problems.push(changedProblem(changes));
  }
  if (trusted && result.signerCertificate && result.signer) {
    const der = new Uint8Array(result.signerCertificate.toSchema(true).toBER(false));
    report.trusted = await isTrusted(der, result.certificates, trusted, signature.signingTime);
    if (!report.trusted) {
      report.problems.push(problem('untrusted', `the signer ${result.signer.subjectName} (${result.signer.fingerprint}) is not in the trust list`));
    }
  }
  return report;
}

export async function verifyPdf(file: string, bytes: Uint8Array, trusted: readonly Uint8Array[] | undefined): Promise<VerificationReport> {
  const report: VerificationReport = {
    file,
    kind: 'pdf',
    status: 'invalid',
    intact: false,
    trusted: trusted ? false : null,
    signer: null,
    signingTime: null,
    signatureCount: 0,
    signatures: [],
    problems: [],
  };
  const signatures = findSignatures(bytes);
  report.signatureCount = signatures.length;
  if (signatures.length === 0) {
    report.problems.push(problem('no-signature', 'the PDF has no signature'));
    return report;
  }
  const reports: SignatureReport[] = [];
  for (const [position, signature] of signatures.entries()) reports.push(await verifyOne(bytes, signature, position + 1, trusted));
  report.signatures = reports;
  report.signer = reports[0]?.signer ?? null;
  report.signingTime = reports[0]?.signingTime ?? null;
  const several = reports.length > 1;
  for (const entry of reports) {
    for (const found of entry.problems) {
      if (!several) report.problems.push(found);
      else {
        const who = entry.signer ? ` (${entry.signer.subjectName})` : '';
        report.problems.push({ code: found.code, en: `signature ${entry.index}${who}: ${found.en}`, nb: `signatur ${entry.index}${who}: ${found.nb}` });
      }
    }
  }
  report.intact = reports.every((entry) => entry.intact && entry.changesAfter !== 'modified');
  if (trusted) report.trusted = reports.every((entry) => entry.trusted === true);
  report.status = report.problems.length > 0 ? 'invalid' : trusted ? 'valid' : 'unverified';
  return report;
}
