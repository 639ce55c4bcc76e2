// Create and verify signed exchange files: canonical JSON payload + detached CMS + certificate, one JSON file.
import { createHash } from 'node:crypto';
import { toOsloIsoSeconds } from '../../../shared/time/oslo';
import { certificateDer, fingerprintSha256, parseCertificate } from '../signing/certificate';
import { signDetached, verifyDetached } from '../signing/cms';
import type { Identity } from '../signing/identity';
import { problem } from '../signing/messages';
import type { VerificationProblem, VerificationReport } from '../signing/report';
import { unreadableReport } from '../signing/report';
import { isTrusted } from '../signing/trust';
import { canonicalBytes, CanonicalJsonError } from './canonical';
import { decodeUtf8Strict, parseStrictJson, StrictJsonError } from './strict-json';
import { EXCHANGE_FORMAT, exchangeEnvelopeSchema, exchangePayloadSchema } from './format';
import type { ExchangeEnvelope, ExchangePayload } from './format';

/** Sign a payload; the result is written as pretty JSON (only `payload` is canonicalised for the signature). */
export async function createExchangeFile(payload: ExchangePayload, identity: Identity, signingTime = new Date()): Promise<ExchangeEnvelope> {
  const checked = exchangePayloadSchema.parse(payload);
  const bytes = canonicalBytes(checked);
  const cms = await signDetached(bytes, identity, { signingTime });
  return {
    format: EXCHANGE_FORMAT,
    formatVersion: 1,
    payload: checked,
    signature: {
      cms: Buffer.from(cms).toString('base64'),
      certificate: Buffer.from(identity.certificateDer).toString('base64'),
      payloadSha256: createHash('sha256').update(bytes).digest('hex'),
    },
  };
}

export function serialiseExchangeFile(envelope: ExchangeEnvelope): string {
  return `${JSON.stringify(envelope, null, 2)}\n`;
}

/** True when the bytes are a JSON object: the exchange verifier then says precisely what is wrong with it. */
export function looksLikeExchangeFile(bytes: Uint8Array): boolean {
  return /^\uFEFF?\s*\{/.test(Buffer.from(bytes.subarray(0, 64)).toString('utf8'));
}

export interface VerifiedExchange {
  report: VerificationReport;
  /** The parsed payload when the file is intact (status valid or unverified). */
  payload: ExchangePayload | undefined;
}

function unreadable(file: string, message: string, nbDetail: string): VerifiedExchange {
  return {
    report: unreadableReport(file, 'exchange', problem('malformed-exchange', message, nbDetail)),
    payload: undefined,
  };
}

/** Why the DER is not a usable certificate, or undefined: it must parse and re-encode to exactly itself. */
function checkCertificate(der: Uint8Array): string | undefined {
  try {
    const reencoded = certificateDer(parseCertificate(der));
    if (Buffer.compare(Buffer.from(reencoded), Buffer.from(der)) !== 0) return 'its DER encoding is not canonical or has trailing bytes';
    return undefined;
  } catch (error) {
    return error instanceof Error ? (error.message.split('\n')[0] ?? 'unreadable') : String(error);
  }
}

export async function verifyExchangeFile(file: string, bytes: Uint8Array, trusted: readonly Uint8Array[] | undefined): Promise<VerifiedExchange> {
  let json: unknown;
  try {
    json = parseStrictJson(decodeUtf8Strict(bytes));
  } catch (error) {
    if (!(error instanceof StrictJsonError)) throw error;
    return unreadable(file, `the exchange file is not valid, unambiguous JSON: ${error.message}`, `ikke gyldig, entydig JSON: ${error.message}`);
  }
  const envelope = exchangeEnvelopeSchema.safeParse(json);
  if (!envelope.success) {
    const first = envelope.error.issues[0];
    const where = first ? `${first.path.join('.') || '(root)'}: ${first.message}` : 'unknown';
    return unreadable(file, `the exchange file has the wrong shape (${where})`, where);
  }
  let payloadBytes: Uint8Array;
  try {
    payloadBytes = canonicalBytes(envelope.data.payload);
  } catch (error) {
    if (error instanceof CanonicalJsonError) return unreadable(file, `the payload cannot be canonicalised: ${error.message}`, error.message);
    throw error;
  }
  const report: VerificationReport = {
    file,
    kind: 'exchange',
    status: 'invalid',
    intact: false,
    trusted: trusted ? false : null,
    signer: null,
    signingTime: null,
    signatureCount: 1,
    problems: [],
  };
  const problems: VerificationProblem[] = [];
  const cms = new Uint8Array(Buffer.from(envelope.data.signature.cms, 'base64'));
  const certificate = new Uint8Array(Buffer.from(envelope.data.signature.certificate, 'base64'));
  const result = await verifyDetached(cms, payloadBytes);
  report.signer = result.signer ?? null;
  if (result.signingTime) report.signingTime = toOsloIsoSeconds(result.signingTime);
  if (result.problem) problems.push(problem(result.problem.code, result.problem.message));
  // The convenience hash must say the same as the signature: a file whose two hashes disagree is not trusted.
  const actualSha256 = createHash('sha256').update(payloadBytes).digest('hex');
  if (envelope.data.signature.payloadSha256 !== actualSha256) {
    problems.push(
      problem('payload-hash-mismatch', `signature.payloadSha256 (${envelope.data.signature.payloadSha256}) is not the SHA-256 of the canonical payload (${actualSha256})`),
    );
  }
  const certificateProblem = checkCertificate(certificate);
  if (certificateProblem) {
    problems.push(problem('malformed-certificate', `signature.certificate is not a readable X.509 certificate (${certificateProblem})`, certificateProblem));
  }
  if (result.signer && fingerprintSha256(certificate) !== result.signer.fingerprint) {
    problems.push(
      problem(
        'certificate-mismatch',
        `the certificate in the file (${fingerprintSha256(certificate)}) is not the one that signed (${result.signer.fingerprint})`,
      ),
    );
  }
  const payload = exchangePayloadSchema.safeParse(envelope.data.payload);
  if (!payload.success) {
    const first = payload.error.issues[0];
    problems.push(problem('malformed-exchange', `the signed payload has the wrong shape (${first ? first.path.join('.') : 'unknown'})`));
  } else {
    report.contents = {
      assessor: payload.data.assessor.name,
      applicationIds: payload.data.assessments.map((entry) => entry.assessment.applicationId),
      schemeId: payload.data.scheme.id,
      schemeSha256: payload.data.scheme.sha256,
    };
    if (result.signer && payload.data.assessor.name !== result.signer.subjectName) {
      problems.push(
        problem('assessor-mismatch', `the assessor in the file (${payload.data.assessor.name}) is not the signer (${result.signer.subjectName})`),
      );
    }
  }
  report.intact = problems.length === 0;
  if (trusted && result.signerCertificate && report.intact) {
    report.trusted = await isTrusted(certificate, result.certificates, trusted, result.signingTime);
    if (!report.trusted && result.signer) {
      problems.push(problem('untrusted', `the signer ${result.signer.subjectName} (${result.signer.fingerprint}) is not in the trust list`));
    }
  }
  report.problems = problems;
  report.status = problems.length > 0 ? 'invalid' : trusted ? 'valid' : 'unverified';
  // An unverified file's payload is returned too: the caller decides (the panel's merge only with --allow-untrusted).
  return { report, payload: report.status !== 'invalid' && payload.success ? payload.data : undefined };
}
