// Reading what was imported: the application list with rule results and the assessor's status, one
// application in detail, and the bytes of a stored attachment (checked against the package lock).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Assessor, RuleReview } from '../../../shared/assessment/schema';
import type { ApplicationPackage } from '../../../shared/package/schema';
import { applicationIdSchema, applicationPackageSchema } from '../../../shared/package/schema';
import { describeThrown } from '../../../shared/errors/format';
import { applyReviews, evaluateApplication } from '../../../shared/rules/evaluate';
import type { Evaluation, PackageField } from '../../../shared/rules/types';
import { sha256Hex } from '../hash/sha256';
import type { PackageLock } from '../import/package-lock';
import { readPackageLock } from '../import/package-lock';
import { peekAssessment } from '../store/assessment-file';
import { isErrno, ServiceError } from './errors';
import { MANIFEST_FILE, packageDir, packagesDir } from './layout';
import type { Workspace } from './workspace';

export type MyStatus = 'not-started' | 'draft' | 'final' | 'conflict';

/** Field names match applicationSummarySchema of the IPC contract. */
export interface ApplicationSummary {
  applicationId: string;
  applicantName: string;
  municipalityNumber: string;
  title: string;
  focusArea: number;
  /** Sum of requestedGrant over the budget years; null when a case list had no budget. */
  requestedGrant: number | null;
  submittedAt: string;
  verdict: Evaluation['verdict'] | null;
  myStatus: MyStatus;
  flagCount: number;
}

export interface ApplicationRecord {
  summary: ApplicationSummary;
  application: ApplicationPackage;
  lock: PackageLock;
  /** Null when the rules could not be run (reported, never hidden: the verdict is then null too). */
  evaluation: Evaluation | null;
  flags: PackageLock['flags'];
  providedFields: string[] | null;
}

export interface StoredDocument {
  path: string;
  mediaType: string;
  sha256: string;
  bytes: Uint8Array;
}

async function readManifest(ws: Workspace, applicationId: string): Promise<ApplicationPackage> {
  const path = join(packageDir(ws.dir, applicationId), MANIFEST_FILE);
  try {
    return applicationPackageSchema.parse(JSON.parse(await readFile(path, 'utf8')));
  } catch (error) {
    throw new ServiceError('workspace.damaged', path, { detail: 'soknad.json no longer reads as a package v1' }, { cause: error });
  }
}

interface MyAssessment {
  status: MyStatus;
  reviews: RuleReview[];
  /** The stored version; null when there is none or it is damaged. */
  version: number | null;
}

async function myAssessment(ws: Workspace, applicationId: string, assessor: Assessor | null): Promise<MyAssessment> {
  if (!assessor) return { status: 'not-started', reviews: [], version: null };
  const assessment = await peekAssessment(ws.dir, assessor.id, applicationId);
  if (assessment === null) return { status: 'not-started', reviews: [], version: null };
  // A damaged file is recovered from history when it is opened; until then it counts as work in progress.
  if (assessment === 'damaged') return { status: 'draft', reviews: [], version: null };
  return { status: assessment.impartiality?.conflict ? 'conflict' : assessment.status, reviews: assessment.ruleReviews, version: assessment.version };
}

export async function getApplication(ws: Workspace, applicationId: string, assessor: Assessor | null = null): Promise<ApplicationRecord> {
  return (await readApplication(ws, applicationId, assessor)).record;
}

/** The record plus the assessment version it was built from (the workspace index keys on it). */
export async function readApplication(
  ws: Workspace,
  applicationId: string,
  assessor: Assessor | null,
): Promise<{ record: ApplicationRecord; assessmentVersion: number | null }> {
  if (!applicationIdSchema.safeParse(applicationId).success) throw new ServiceError('application.not-found', ws.dir, { applicationId });
  const lock = await readPackageLock(ws.dir, applicationId);
  if (!lock) throw new ServiceError('application.not-found', ws.dir, { applicationId });
  const application = await readManifest(ws, applicationId);
  const providedFields = lock.providedFields === null ? undefined : new Set(lock.providedFields as PackageField[]);
  const mine = await myAssessment(ws, applicationId, assessor);
  // With an assessor, the verdict includes their confirmations and overrides of rules (applyReviews).
  let evaluation: Evaluation | null = null;
  const flags = [...lock.flags];
  try {
    evaluation = applyReviews(evaluateApplication({ application, scheme: ws.scheme, ...(providedFields ? { providedFields } : {}) }), mine.reviews);
  } catch (thrown) {
    // A defect in the rules must not hide the application: it is listed without a verdict and says why.
    const detail = describeThrown(thrown);
    flags.push({ code: 'rules.unavailable', path: MANIFEST_FILE, message: { nb: `reglene kunne ikke kjøres (${detail}); kontroller manuelt`, en: `the rules could not be run (${detail}); check by hand` } });
  }
  const budgetKnown = lock.providedFields === null || lock.providedFields.includes('budget');
  const record: ApplicationRecord = {
    summary: {
      applicationId,
      applicantName: application.applicant.name,
      municipalityNumber: application.applicant.municipalityNumber,
      title: application.project.title,
      focusArea: application.focusArea,
      requestedGrant: budgetKnown ? application.budget.reduce((sum, year) => sum + year.requestedGrant, 0) : null,
      submittedAt: application.submittedAt,
      verdict: evaluation?.verdict ?? null,
      myStatus: mine.status,
      flagCount: flags.length,
    },
    application,
    lock,
    evaluation,
    flags,
    providedFields: lock.providedFields,
  };
  return { record, assessmentVersion: mine.version };
}

/** The imported application ids, sorted: one directory read (counting needs nothing else). */
export async function applicationIds(ws: Workspace): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(packagesDir(ws.dir));
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return [];
    throw error;
  }
  return names.filter((name) => applicationIdSchema.safeParse(name).success).sort();
}

/**
 * Every imported application with its evaluation, sorted by id. Reads and evaluates every package: for the
 * list of summaries use listSummaries (workspace/summary-index.ts), which is cached.
 */
export async function listApplications(ws: Workspace, assessor: Assessor | null = null): Promise<ApplicationRecord[]> {
  const ids = await applicationIds(ws);
  const records: ApplicationRecord[] = [];
  for (const id of ids) records.push(await getApplication(ws, id, assessor));
  return records;
}

/** The bytes of one stored file. Only paths listed in the package lock are served, and only if unchanged. */
export async function readDocument(ws: Workspace, applicationId: string, relativePath: string): Promise<StoredDocument> {
  const record = applicationIdSchema.safeParse(applicationId).success ? await readPackageLock(ws.dir, applicationId) : undefined;
  if (!record) throw new ServiceError('application.not-found', ws.dir, { applicationId });
  // Exact match against the lock: "../", absolute paths and symlink tricks never reach the file system.
  const locked = record.files.find((file) => file.path === relativePath);
  if (!locked) throw new ServiceError('document.not-in-package', relativePath, { path: relativePath, applicationId });
  const bytes = await readFile(join(packageDir(ws.dir, applicationId), locked.path));
  const sha256 = sha256Hex(bytes);
  if (sha256 !== locked.sha256) throw new ServiceError('document.changed', join(packageDir(ws.dir, applicationId), locked.path), { path: locked.path });
  return { path: locked.path, mediaType: locked.mediaType, sha256, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) };
}
