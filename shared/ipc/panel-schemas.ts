// The panel lead's IPC channels (issue 10; docs/ipc.md § Panel). Kept apart from contract.ts so the panel's
// requests and views live in one place; contract.ts spreads `panelChannels` into its channel table.
import { z } from 'zod';
import { localizedTextSchema } from '../i18n/localized';
import { consensusChangeSchema, panelSnapshotSchema, roundSettingsSchema } from '../panel/types';
import { absolutePathSchema, workspaceSummarySchema } from './schemas';

function channel<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) {
  return { request, response } as const;
}

/** One exchange file's merge result, as the collect screen lists it (one line per file). */
export const mergeOutcomeViewSchema = z
  .object({
    /** The file's name (never the full path: the list is read by people, the path is in the audit log). */
    file: z.string(),
    status: z.enum(['merged', 'already-merged', 'refused']),
    /** Null when the file was refused before its signer was known. */
    trusted: z.boolean().nullable(),
    assessorId: z.string().nullable(),
    applicationIds: z.array(z.string()),
    message: localizedTextSchema,
  })
  .strict();

export const mergeResultViewSchema = z.object({ outcomes: z.array(mergeOutcomeViewSchema) }).strict();

/** The round settings the lead may change from the screens (the rest is set when the round is made). */
export const roundSettingsPatchSchema = roundSettingsSchema
  .pick({ allocationShortfall: true, releasedReserves: true, consensusMethod: true })
  .partial()
  .strict();

export const reportProgressSchema = z
  .object({
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
    kind: z.enum(['innstilling', 'workbook', 'award-list', 'letter-grant', 'letter-reject']),
    /** The file's name (it appears in the output folder when the whole report is moved into place). */
    file: z.string(),
  })
  .strict();

export const reportResultViewSchema = z
  .object({
    outDir: z.string(),
    draft: z.boolean(),
    files: z.array(z.object({ kind: reportProgressSchema.shape.kind, file: z.string(), signed: z.boolean() }).strict()),
    /** Problems a draft was written despite (open flags, award-list findings). */
    warnings: z.array(localizedTextSchema),
  })
  .strict();

export const panelChannels = {
  /** Makes a panel workspace in an empty folder (same scheme and import as an assessor's) and opens it. */
  'panel:create': channel(
    z
      .object({
        dir: absolutePathSchema,
        schemeId: z.string().regex(/^[a-z0-9-]+$/).optional(),
        assessorsPerApplication: z.number().int().min(1).max(50).optional(),
      })
      .strict(),
    workspaceSummarySchema,
  ),
  /** The 2021 demo round as a panel: five demo assessors on the trust list, their files merged. */
  'panel:demo-create': channel(z.object({ dir: absolutePathSchema }).strict(), workspaceSummarySchema),
  /** Everything the panel screens show, read in one go (electron/services/panel/snapshot.ts). */
  'panel:snapshot': channel(z.undefined(), panelSnapshotSchema),
  /** Exchange files or folders of them; each taken whole or refused with a reason. */
  'panel:merge': channel(
    z.object({ paths: z.array(absolutePathSchema).min(1).max(1000), allowUntrusted: z.boolean().optional() }).strict(),
    mergeResultViewSchema,
  ),
  /** One consensus decision (criterion scores, eligibility, first-year amount), each with its justification. */
  'panel:consensus-set': channel(z.object({ change: consensusChangeSchema }).strict(), panelSnapshotSchema),
  'panel:settings-set': channel(roundSettingsPatchSchema, panelSnapshotSchema),
  /** Adds a certificate (PEM or DER) to the open workspace's trust list; the audit log records it. */
  'trust:add': channel(
    z.object({ path: absolutePathSchema, name: z.string().trim().min(1).max(200).optional() }).strict(),
    z.object({ added: z.array(z.object({ fingerprint: z.string(), name: z.string() }).strict()) }).strict(),
  ),
  'trust:remove': channel(z.object({ fingerprint: z.string().min(1).max(200) }).strict(), z.null()),
  /**
   * The innstilling PDF, workbook, award list and (with letters) one decision letter per applicant into a new
   * folder inside outDir, signed with the stored identity; draft: "UTKAST", unsigned. Progress: 'panel:report-progress'.
   */
  'panel:report': channel(
    z.object({ outDir: absolutePathSchema, letters: z.boolean(), draft: z.boolean() }).strict(),
    reportResultViewSchema,
  ),
} as const;

export type ReportProgressView = z.output<typeof reportProgressSchema>;
export type MergeOutcomeView = z.output<typeof mergeOutcomeViewSchema>;
export type RoundSettingsPatch = z.output<typeof roundSettingsPatchSchema>;
