// IPC payloads of the signing channels ('identity:*', 'export:*', 'verify:file'; docs/signing.md § In the app).
import { z } from 'zod';
import { absolutePathSchema } from '../ipc/schemas';
import { applicationIdSchema } from '../package/schema';

export const identitySummarySchema = z.object({
  subjectName: z.string(),
  email: z.string().nullable(),
  issuerName: z.string(),
  selfSigned: z.boolean(),
  /** SHA-256 of the certificate, "AB:CD:…" — show it so others can compare it. */
  fingerprint: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  keyType: z.enum(['RSA', 'EC']),
});

export const identityCreateRequestSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    email: z.string().email().optional(),
    keyType: z.enum(['P-256', 'RSA-3072']).default('P-256'),
  })
  .strict();

export const exportRunRequestSchema = z
  .object({
    outDir: absolutePathSchema,
    /** Default: every final assessment of the current assessor. */
    applicationIds: z.array(applicationIdSchema).max(10_000).optional(),
  })
  .strict();

export const exportResultSchema = z.object({
  exportId: z.string(),
  pdfs: z.array(z.object({ applicationId: z.string(), file: z.string(), sha256: z.string() })),
  exchangeFile: z.string(),
  skipped: z.array(z.object({ applicationId: z.string(), reason: z.object({ nb: z.string(), en: z.string() }) })),
});

export const exportProgressSchema = z.object({
  exportId: z.string(),
  done: z.number().int().nonnegative(),
  total: z.number().int().positive(),
  applicationId: z.string().nullable(),
  file: z.string(),
});

const problemSchema = z.object({ code: z.string(), nb: z.string(), en: z.string() });

const signerSchema = z.object({
  subjectName: z.string(),
  email: z.string().optional(),
  issuerName: z.string(),
  selfSigned: z.boolean(),
  serialNumber: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  fingerprint: z.string(),
});

/** One signature of a PDF (electron/services/signing/report.ts SignatureReport). */
const signatureReportSchema = z.object({
  index: z.number().int().positive(),
  signer: signerSchema.nullable(),
  signingTime: z.string().nullable(),
  intact: z.boolean(),
  coversWholeDocument: z.boolean(),
  changesAfter: z.enum(['none', 'signatures-only', 'modified']),
  trusted: z.boolean().nullable(),
  problems: z.array(problemSchema),
});

export const verificationReportSchema = z.object({
  file: z.string(),
  kind: z.enum(['pdf', 'exchange', 'unknown']),
  status: z.enum(['valid', 'unverified', 'invalid', 'unreadable']),
  intact: z.boolean(),
  trusted: z.boolean().nullable(),
  signer: signerSchema.nullable(),
  signingTime: z.string().nullable(),
  signatureCount: z.number().int().nonnegative(),
  signatures: z.array(signatureReportSchema).optional(),
  problems: z.array(problemSchema),
  contents: z.object({ assessor: z.string(), applicationIds: z.array(z.string()), schemeId: z.string(), schemeSha256: z.string() }).optional(),
});

export const identityImportRequestSchema = z.object({ path: absolutePathSchema, passphrase: z.string().min(1).max(1024) }).strict();
export const certificateExportRequestSchema = z.object({ path: absolutePathSchema }).strict();
export const certificateExportResultSchema = z.object({ path: z.string(), fingerprint: z.string() });
export const verifyFileRequestSchema = z
  .object({
    path: absolutePathSchema,
    /** PEM/DER certificates to trust (signers or their CA); omit to skip the trust check. */
    trust: z.array(absolutePathSchema).max(100).optional(),
  })
  .strict();

/** The open workspace's trust list as the verify view shows it ('trust:list'; docs/workspace.md § Trust list). */
export const trustListViewSchema = z.object({
  /** False when no workspace is open: verification then uses only the certificates chosen for that call. */
  workspaceOpen: z.boolean(),
  entries: z.array(
    z.object({ fingerprint: z.string(), name: z.string(), subjectName: z.string(), issuerName: z.string(), selfSigned: z.boolean(), notAfter: z.string() }),
  ),
});

export type IdentitySummary = z.output<typeof identitySummarySchema>;
export type ExportProgressEvent = z.output<typeof exportProgressSchema>;
