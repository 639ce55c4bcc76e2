// Batch export (issue 5 point 6): every final assessment of one assessor → one signed PDF each plus one signed
// exchange file. The identity is opened once by the caller and reused for the whole batch.
import { createHash } from 'node:crypto';
import { mkdir, readdir } from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { Assessment } from '../../../shared/assessment/schema';
import { toOsloIsoSeconds } from '../../../shared/time/oslo';
import { appendAudit, readAuditHead } from '../audit/audit-log';
import { auditKeyFromIdentity } from '../audit/audit-key';
import { createExchangeFile, serialiseExchangeFile } from '../exchange/exchange-file';
import type { ExchangeAssessment, ExchangeEnvelope, ExchangeAuditHead } from '../exchange/format';
import { readPackageLock } from '../import/package-lock';
import { buildAssessmentPdf } from '../pdf/assessment-report';
import { signPdf } from '../pdf/sign-pdf';
import type { Identity } from '../signing/identity';
import { loadAssessment } from '../store/assessment-store';
import { writeFileAtomic } from '../store/atomic-write';
import { getApplication } from '../workspace/applications';
import { checkAssessmentRecords, readAuditRecords } from '../workspace/verify-records';
import { isErrno, ServiceError } from '../workspace/errors';
import { ASSESSMENTS_DIR } from '../workspace/layout';
import type { Workspace } from '../workspace/workspace';
import { reportInputFor } from './report-from-workspace';

export interface ExportProgress {
  /** Documents finished so far (PDFs, then the exchange file). */
  done: number;
  total: number;
  applicationId: string | null;
  file: string;
}

export interface ExportOptions {
  ws: Workspace;
  identity: Identity;
  outDir: string;
  /** Only these applications; default all with a final assessment. */
  applicationIds?: readonly string[];
  /** Whose assessments; default the only assessor in the workspace, or the one named like the certificate. */
  assessorId?: string;
  onProgress?: (progress: ExportProgress) => void;
  now?: () => Date;
}

export interface ExportResult {
  assessorId: string;
  pdfs: { applicationId: string; file: string; sha256: string }[];
  exchangeFile: string;
  /** Asked-for applications that were not exported, and why. */
  skipped: { applicationId: string; reason: { nb: string; en: string } }[];
}

export class ExportError extends Error {
  constructor(
    readonly nb: string,
    readonly en: string,
  ) {
    super(en);
  }
}

async function assessorIds(ws: Workspace): Promise<string[]> {
  try {
    const entries = await readdir(join(ws.dir, ASSESSMENTS_DIR), { withFileTypes: true });
    return entries.filter((entry) => entry.isDirectory() && /^[a-z0-9][a-z0-9-]{0,63}$/.test(entry.name)).map((entry) => entry.name).sort();
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return [];
    throw error;
  }
}

async function applicationIdsOf(ws: Workspace, assessorId: string): Promise<string[]> {
  const entries = await readdir(join(ws.dir, ASSESSMENTS_DIR, assessorId)).catch((error: unknown) => {
    if (isErrno(error, 'ENOENT')) return [] as string[];
    throw error;
  });
  return entries.filter((name) => name.endsWith('.json')).map((name) => name.slice(0, -'.json'.length)).sort();
}

async function chooseAssessor(ws: Workspace, identity: Identity, wanted: string | undefined): Promise<string> {
  const ids = await assessorIds(ws);
  if (wanted) {
    if (!ids.includes(wanted)) throw new ExportError(`ingen vurderinger fra ${wanted} i arbeidsområdet`, `no assessments by ${wanted} in the workspace`);
    return wanted;
  }
  if (ids.length === 1 && ids[0]) return ids[0];
  for (const id of ids) {
    for (const applicationId of await applicationIdsOf(ws, id)) {
      const { assessment } = await loadAssessment(ws, id, applicationId).catch(() => ({ assessment: null }));
      if (assessment?.assessor.name === identity.subjectName) return id;
    }
  }
  if (ids.length === 0) throw new ExportError('arbeidsområdet har ingen vurderinger', 'the workspace has no assessments');
  throw new ExportError(`flere saksbehandlere (${ids.join(', ')}); velg med --assessor`, `several assessors (${ids.join(', ')}); choose one with --assessor`);
}

function safeName(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]/g, '_');
}

/**
 * The signed exchange file of these final assessments, with every package file's hash from the workspace's
 * package lock. `exportSignedAssessments` writes it next to the PDFs; the demo panel uses it directly.
 */
export async function buildExchangeFile(
  ws: Workspace,
  finals: readonly Assessment[],
  identity: Identity,
  assessorId: string,
  signingTime: Date,
  auditHead?: ExchangeAuditHead,
): Promise<ExchangeEnvelope> {
  const exchangeAssessments: ExchangeAssessment[] = [];
  for (const assessment of finals) {
    const lock = await readPackageLock(ws.dir, assessment.applicationId);
    if (!lock) throw new ServiceError('application.not-found', ws.dir, { applicationId: assessment.applicationId });
    exchangeAssessments.push({
      assessment,
      schemeSha256: ws.meta.schemeSha256,
      packageFiles: lock.files.map((entry) => ({ path: entry.path, sha256: entry.sha256, bytes: entry.size })),
    });
  }
  const first = finals[0];
  return createExchangeFile(
    {
      format: 'vurder-assessments',
      formatVersion: 1,
      createdAt: toOsloIsoSeconds(signingTime),
      assessor: first ? first.assessor : { id: assessorId, name: identity.subjectName },
      scheme: { id: ws.scheme.id, sha256: ws.meta.schemeSha256 },
      assessments: exchangeAssessments,
      ...(auditHead ? { auditHead } : {}),
    },
    identity,
    signingTime,
  );
}

export async function exportSignedAssessments(options: ExportOptions): Promise<ExportResult> {
  const { ws, identity } = options;
  const now = options.now ?? (() => new Date());
  const assessorId = await chooseAssessor(ws, identity, options.assessorId);
  const available = await applicationIdsOf(ws, assessorId);
  const wanted = options.applicationIds ? [...options.applicationIds] : available;
  const skipped: ExportResult['skipped'] = [];
  const finals: Assessment[] = [];
  for (const applicationId of wanted) {
    const { assessment } = available.includes(applicationId) ? await loadAssessment(ws, assessorId, applicationId) : { assessment: null };
    if (!assessment) {
      skipped.push({ applicationId, reason: { nb: 'ingen vurdering', en: 'no assessment' } });
    } else if (assessment.status !== 'final') {
      skipped.push({ applicationId, reason: { nb: 'vurderingen er ikke endelig', en: 'the assessment is not final' } });
    } else {
      finals.push(assessment);
    }
  }
  const mismatch = finals.find((assessment) => assessment.assessor.name !== identity.subjectName);
  if (mismatch) {
    throw new ExportError(
      `vurderingene er gjort av ${mismatch.assessor.name}, men identiteten tilhører ${identity.subjectName}`,
      `the assessments are by ${mismatch.assessor.name}, but the identity belongs to ${identity.subjectName}`,
    );
  }
  if (finals.length === 0) throw new ExportError('ingen endelige vurderinger å eksportere', 'no final assessments to export');

  // Records bound to the log: the file to be signed must be the version the audit log recorded when it was
  // made final (entries forged or not authenticated by this identity's key do not count).
  const auditKey = auditKeyFromIdentity(identity, ws.meta.id);
  const records = await readAuditRecords(ws, { keys: [auditKey] });
  for (const assessment of finals) {
    const [problem] = (await checkAssessmentRecords(ws, assessorId, assessment.applicationId, records)).filter((found) => !found.file.includes(`${sep}history${sep}`));
    if (problem) throw new ExportError(`${problem.file}: ${problem.message.nb}`, `${problem.file}: ${problem.message.en}`);
  }
  // The head at export time goes into every document, so the panel lead holds it outside the workspace.
  const head = await readAuditHead(ws.dir);
  const auditHead = head ? { seq: head.seq, hash: head.hash } : undefined;

  await mkdir(options.outDir, { recursive: true });
  const total = finals.length + 1;
  const pdfs: ExportResult['pdfs'] = [];
  const signer = { name: identity.subjectName, email: identity.email, fingerprint: identity.fingerprint };
  for (const assessment of finals) {
    const record = await getApplication(ws, assessment.applicationId);
    const prepared = await buildAssessmentPdf({ ...reportInputFor(ws, record, assessment, signer, now()), ...(auditHead ? { auditHead } : {}) });
    const signed = await signPdf(prepared, identity);
    const file = join(options.outDir, `vurdering-${safeName(assessment.applicationId)}-${assessorId}.pdf`);
    await writeFileAtomic(file, signed);
    pdfs.push({ applicationId: assessment.applicationId, file, sha256: createHash('sha256').update(signed).digest('hex') });
    options.onProgress?.({ done: pdfs.length, total, applicationId: assessment.applicationId, file });
  }
  const envelope = await buildExchangeFile(ws, finals, identity, assessorId, now(), auditHead);
  const exchangeFile = join(options.outDir, `vurderinger-${assessorId}.vurder.json`);
  const exchangeText = serialiseExchangeFile(envelope);
  await writeFileAtomic(exchangeFile, exchangeText);
  // A checkpoint of what was signed at which head, authenticated with the key registered for the workspace
  // (the app's; the CLI registers --identity's). Not forced to this identity's key: a workspace written without
  // one stays unauthenticated rather than turning every later keyless entry into a problem.
  await appendAudit(
    ws.dir,
    {
      actor: assessorId,
      action: 'assessment.export',
      subject: assessorId,
      data: { auditHead: auditHead ?? null, pdfs: pdfs.map((pdf) => ({ applicationId: pdf.applicationId, sha256: pdf.sha256 })), exchangeSha256: createHash('sha256').update(exchangeText).digest('hex') },
    },
  );
  options.onProgress?.({ done: total, total, applicationId: null, file: exchangeFile });
  return { assessorId, pdfs, exchangeFile, skipped };
}
