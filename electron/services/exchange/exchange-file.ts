// Create and verify signed exchange files: canonical JSON payload + detached CMS + certificate, one JSON file.
import { createHash } from 'node:crypto';
import { toOsloIsoSeconds } from '../../../shared/time/oslo';
import { fingerprintSha256 } from '../signing/certificate';
import { signDetached, verifyDetached } from '../signing/cms';
import type { Identity } from '../signing/identity';
import { problem } from '../signing/messages';
import type { VerificationProblem, VerificationReport } from '../signing/report';
import { unreadableReport } from '../signing/report';
import { isTrusted } from '../signing/trust';
import { canonicalBytes, CanonicalJsonError } from './canonical';
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
  /** The parsed payload, only when the report is valid. */
  payload: ExchangePayload | undefined;
}

function unreadable(file: string, message: string, nbDetail: string): VerifiedExchange {
  return {
    report: unreadableReport(file, 'exchange', problem('malformed-exchange', message, nbDetail)),
    payload: undefined,
  };
}

export async function verifyExchangeFile(file: string, bytes: Uint8Array, trusted: readonly Uint8Array[] | undefined): Promise<VerifiedExchange> {
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    return unreadable(file, 'the exchange file is not valid JSON', 'ikke gyldig JSON');
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
  if (trusted && result.signerCertificate && result.intact) {
    report.trusted = await isTrusted(certificate, result.certificates, trusted, result.signingTime);
    if (!report.trusted && result.signer) {
      problems.push(problem('untrusted', `the signer ${result.signer.subjectName} (${result.signer.fingerprint}) is not in the trust list`));
    }
  }
  report.problems = problems;
  report.status = problems.length === 0 ? 'valid' : 'invalid';
  return { report, payload: report.status === 'valid' && payload.success ? payload.data : undefined };
}
