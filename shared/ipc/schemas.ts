// Payload schemas of the IPC contract (docs/ipc.md). Domain shapes come from the domain schemas; the shapes
// defined here are views made for the renderer (summaries, file lists, progress) and are kept deliberately
// small. Objects are non-strict (zod strips unknown keys) so a service may return more than the view needs.
import { z } from 'zod';
import { localizedTextSchema } from '../i18n/localized';
import { assessorSchema } from '../assessment/schema';
import { applicationIdSchema, applicationPackageSchema, offsetDateTimeSchema } from '../package/schema';
import { schemeDefinitionSchema } from '../scheme/schema';

/** `{code, message}` of shared/result.ts, as it crosses the bridge. */
export const appErrorSchema = z.object({
  code: z.string().min(1),
  message: z.string().min(1),
  localized: z.object({ nb: z.string(), en: z.string() }).optional(),
  subject: z.string().optional(),
});

export const languageSchema = z.enum(['nb', 'en']);

/** App settings (electron-store in the app, a JSON file in the CLI and the browser bridge). */
export const settingsSchema = z.object({
  language: languageSchema,
  /** Who assesses on this machine; null until set on first run. */
  assessor: assessorSchema.nullable(),
  /** The first-run offer (demo round) has been answered. */
  firstRunDone: z.boolean(),
});

/** A partial update; omitted keys keep their value. */
export const settingsPatchSchema = z
  .object({
    language: languageSchema.optional(),
    assessor: assessorSchema.nullable().optional(),
    firstRunDone: z.boolean().optional(),
  })
  .strict();

/** An absolute path on the machine running main. The renderer only passes back paths it got from main or a drop. */
export const absolutePathSchema = z
  .string()
  .min(1)
  .max(4096)
  .refine((value) => value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\\\'), {
    message: 'must be an absolute path',
  })
  .refine((value) => !value.includes('\0'), { message: 'must not contain a NUL character' });

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  /** 'electron' in the app, 'browser-bridge' in the Chromium e2e/preview runs. */
  transport: z.enum(['electron', 'browser-bridge']),
  platform: z.string(),
  /** Versions of the runtime pieces (node, electron, chrome …) where known. */
  versions: z.record(z.string(), z.string()),
});

export const workspaceSummarySchema = z.object({
  dir: z.string(),
  schemeId: z.string(),
  schemeTitle: localizedTextSchema,
  /** SHA-256 (hex) of the frozen scheme definition in the workspace. */
  schemeSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The workspace's frozen scheme: the renderer scores against this copy, not a built-in of the same id. */
  scheme: schemeDefinitionSchema,
  createdAt: z.string(),
  applicationCount: z.number().int().nonnegative(),
  /** assessor: one assessor's own assessments; panel: the panel lead's round (merge, consensus, ranking). */
  role: z.enum(['assessor', 'panel']),
});

export const recentWorkspaceSchema = z.object({
  dir: z.string(),
  openedAt: z.string(),
  /** False when the folder is gone (unplugged USB disk …); the UI greys it out. */
  exists: z.boolean(),
});

export const directoryPurposeSchema = z.enum(['create-workspace', 'open-workspace', 'demo', 'export', 'create-panel', 'demo-panel', 'report']);
/** File choosers: a PKCS#12 identity, a signed file to verify, trust certificates (PEM/DER), assessors' exchange files (many). */
export const filePurposeSchema = z.enum(['identity', 'verify', 'trust', 'exchange']);
/** Save dialogs: where to write the signing identity's certificate (PEM) for the panel lead's trust list. */
export const savePurposeSchema = z.enum(['certificate']);

export const importStatusSchema = z.enum(['imported', 'already-imported', 'refused']);

export const importResultSchema = z.object({
  /** The path the user gave (folder, zip, CSV/XLSX). */
  source: z.string(),
  status: importStatusSchema,
  /** Known when the manifest could be read. */
  applicationId: z.string().nullable(),
  /** One line for a person: what happened, and for a refusal why (naming the file). Norwegian. */
  message: z.string(),
  /** The same line in both UI languages. */
  localized: localizedTextSchema.optional(),
  /** The error code of a refusal. */
  code: z.string().optional(),
  /** Codes of flags set on an imported package (encrypted or damaged PDF …). */
  flags: z.array(z.string()).optional(),
});

export const importProgressSchema = z.object({
  /** Correlates events with the import:packages call that caused them. */
  importId: z.string(),
  /** 0-based index of the source being worked on, and how many there are. */
  index: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
  source: z.string(),
  phase: z.enum(['started', 'done']),
  result: importResultSchema.optional(),
});

export const verdictSchema = z.enum(['eligible', 'ineligible', 'needs-review']);

const ruleStatusSchema = z.enum(['pass', 'fail', 'review', 'not-applicable']);

/** One rule's result (shared/rules/types.ts RuleResult). */
export const ruleResultSchema = z.object({
  id: z.string().regex(/^R\d{2}$/),
  title: localizedTextSchema,
  severity: z.enum(['reject', 'priority', 'info']),
  kind: z.enum(['auto', 'manual', 'auto-override']),
  status: ruleStatusSchema,
  reason: localizedTextSchema,
  schemeText: z.string(),
  /** What the catalogue decided before the assessor's review (kept for the audit trail). */
  autoStatus: ruleStatusSchema,
  autoReason: localizedTextSchema,
  review: z.object({ action: z.enum(['confirm', 'override']), comment: z.string(), at: z.string() }).optional(),
});

const stipendMonthSchema = z.object({
  month: z.string(),
  g: z.number().int(),
  age: z.number().int(),
  days: z.number().int(),
  daysInMonth: z.number().int(),
  fullStipend: z.number().int(),
  grantShare: z.number().int(),
  municipalityShare: z.number().int(),
});

/** SO1/SO2 stipend (shared/money/stipend.ts StipendSummary); whole kroner throughout. */
export const stipendSummarySchema = z.object({
  focusArea: z.union([z.literal(1), z.literal(2)]),
  participants: z.array(
    z.object({
      participantId: z.string(),
      start: z.string(),
      end: z.string(),
      excludedForOtherStipend: z.boolean(),
      months: z.array(stipendMonthSchema),
      totalStipend: z.number().int(),
      grantShare: z.number().int(),
      municipalityShare: z.number().int(),
    }),
  ),
  totalStipend: z.number().int(),
  totalGrantShare: z.number().int(),
  totalMunicipalityShare: z.number().int(),
  grantShareByYear: z.record(z.string(), z.number().int()),
  municipalityShareByYear: z.record(z.string(), z.number().int()),
});

/** The formal check of one application (shared/rules/types.ts Evaluation), reviews applied. */
export const evaluationSchema = z.object({
  applicationId: z.string(),
  schemeId: z.string(),
  focusArea: z.number().int().min(1).max(6),
  verdict: verdictSchema,
  /** All rules of the catalogue in id order; rules outside the focus area are not-applicable. */
  rules: z.array(ruleResultSchema),
  stipend: stipendSummarySchema.optional(),
  /** Reviews in the assessment that could not be applied, and why. */
  ignoredReviews: z.array(z.object({ ruleId: z.string(), at: z.string(), reason: localizedTextSchema })).optional(),
});

/** Something wrong or noteworthy about a package found at import (encrypted PDF, damaged PDF, …). */
export const packageFlagSchema = z.object({
  code: z.string(),
  message: z.string(),
  path: z.string().optional(),
});

export const packageFileSchema = z.object({
  /** Relative path inside the package, forward slashes. */
  path: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  mediaType: z.string(),
});

export const myStatusSchema = z.enum(['not-started', 'draft', 'final', 'conflict']);

/** A row of the application list. */
export const applicationSummarySchema = z.object({
  applicationId: z.string(),
  applicantName: z.string(),
  municipalityNumber: z.string(),
  title: z.string(),
  focusArea: z.number().int().min(1).max(6),
  /** Sum of requestedGrant over the budget years, whole kroner; null when the source had no budget. */
  requestedGrant: z.number().int().nonnegative().nullable(),
  submittedAt: z.string(),
  verdict: verdictSchema.nullable(),
  myStatus: myStatusSchema,
  flagCount: z.number().int().nonnegative(),
});

export const applicationDetailSchema = z.object({
  summary: applicationSummarySchema,
  package: applicationPackageSchema,
  /**
   * The package fields that carry real data; null means all (a full package v1). A case-system export
   * (CSV/XLSX row) lists only what it had, and the rules needing other fields come back as review.
   */
  providedFields: z.array(z.string()).nullable(),
  evaluation: evaluationSchema.nullable(),
  flags: z.array(packageFlagSchema),
  files: z.array(packageFileSchema),
  importedAt: z.string(),
});

export const documentSchema = z.object({
  path: z.string(),
  mediaType: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Raw bytes (Buffer is a Uint8Array too); Electron's structured clone carries them as they are. */
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'must be bytes (Uint8Array)' }),
});

export const auditVerificationSchema = z.object({
  intact: z.boolean(),
  entries: z.number().int().nonnegative(),
  /** One line naming the first broken entry when not intact (English; kept for scripts and logs). */
  problem: z.string().nullable(),
  /** The same line in both languages, so the app shows it in the user's language. */
  problemLocalized: localizedTextSchema.nullable(),
});

export const assessmentRecoveredSchema = z.object({
  applicationId: z.string(),
  /** The history version that was restored. */
  fromVersion: z.number().int().nonnegative(),
  /** Where the damaged file was put aside, and what happened, in both languages. */
  damagedFile: z.string(),
  message: localizedTextSchema,
});

export const menuCommandSchema = z.enum([
  'workspace-create',
  'workspace-open',
  'import-packages',
  'export-signed',
  'verify-file',
  'demo-create',
  'settings',
  'about',
]);

export const applicationIdRequestSchema = z.object({ applicationId: applicationIdSchema }).strict();

export const instantSchema = offsetDateTimeSchema;
