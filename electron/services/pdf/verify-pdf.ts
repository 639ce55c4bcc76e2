// Verify the signatures of a PDF ourselves (pkijs over the /ByteRange bytes), independent of poppler.
import { toOsloIsoSeconds } from '../../../shared/time/oslo';
import { verifyDetached } from '../signing/cms';
import { problem } from '../signing/messages';
import type { VerificationProblem, VerificationReport } from '../signing/report';
import { isTrusted } from '../signing/trust';

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
  return found;
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
    problems: [],
  };
  const signatures = findSignatures(bytes);
  report.signatureCount = signatures.length;
  if (signatures.length === 0) {
    report.problems.push(problem('no-signature', 'the PDF has no signature'));
    return report;
  }
  const problems: VerificationProblem[] = [];
  let lastSignerDer: Uint8Array | undefined;
  let carried: Uint8Array[] = [];
  for (const signature of signatures) {
    const [start, length1, start2, length2] = signature.byteRange;
    const signed = Buffer.concat([bytes.subarray(start, start + length1), bytes.subarray(start2, start2 + length2)]);
    const result = await verifyDetached(signature.cms, signed);
    if (result.problem) problems.push(problem(result.problem.code, result.problem.message));
    if (result.signerCertificate && result.signer) {
      report.signer = result.signer;
      lastSignerDer = new Uint8Array(result.signerCertificate.toSchema(true).toBER(false));
      carried = result.certificates;
    }
    if (signature.signingTime) report.signingTime = toOsloIsoSeconds(signature.signingTime);
  }
  const last = signatures[signatures.length - 1];
  if (last && last.byteRange[2] + last.byteRange[3] !== bytes.length) {
    problems.push(problem('not-whole-file', 'the last signature does not cover the whole file: bytes were added after signing'));
  }
  report.intact = problems.length === 0;
  if (trusted && lastSignerDer) {
    report.trusted = await isTrusted(lastSignerDer, carried, trusted, last?.signingTime);
    if (!report.trusted && report.signer) {
      problems.push(problem('untrusted', `the signer ${report.signer.subjectName} (${report.signer.fingerprint}) is not in the trust list`));
    }
  }
  report.problems = problems;
  report.status = problems.length === 0 ? 'valid' : 'invalid';
  return report;
}
