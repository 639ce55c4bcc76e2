// The one IPC contract between the renderer and main (DESIGN.md §5, docs/ipc.md).
// Every channel is `domain:verb` → a zod request schema and a zod response schema. Main validates every
// request and response with these; the preload exposes exactly these channels as `window.api`; the browser
// bridge of the e2e tests builds the same `window.api` from the same list. Only the transport differs.
import { z } from 'zod';
import { panelChannels, reportProgressSchema } from './panel-schemas';
import type { Result, AppError } from '../result';
import { assessmentSchema } from '../assessment/schema';
import { roundDeclarationSchema } from '../assessment/round-impartiality';
import {
  absolutePathSchema,
  appErrorSchema,
  appInfoSchema,
  applicationDetailSchema,
  applicationIdRequestSchema,
  applicationSummarySchema,
  assessmentRecoveredSchema,
  auditVerificationSchema,
  directoryPurposeSchema,
  filePurposeSchema,
  documentSchema,
  importProgressSchema,
  importResultSchema,
  menuCommandSchema,
  recentWorkspaceSchema,
  savePurposeSchema,
  settingsPatchSchema,
  settingsSchema,
  workspaceSummarySchema,
} from './schemas';
import {
  certificateExportRequestSchema,
  certificateExportResultSchema,
  exportProgressSchema,
  exportResultSchema,
  exportRunRequestSchema,
  identityCreateRequestSchema,
  identityImportRequestSchema,
  identitySummarySchema,
  trustListViewSchema,
  verificationReportSchema,
  verifyFileRequestSchema,
} from '../signing/schemas';

/** Pairs a flush request (main → renderer) with its answer. */
const flushRequestSchema = z.object({ requestId: z.string().min(1).max(64) }).strict();

/** The request of a channel that takes no argument. */
export const noRequest = z.undefined();

function channel<Req extends z.ZodType, Res extends z.ZodType>(request: Req, response: Res) {
  return { request, response } as const;
}

export const channels = {
  'app:info': channel(noRequest, appInfoSchema),
  /** The renderer's answer to `app:flush-request`, sent after its pending save was answered (docs/ipc.md § Closing). */
  'app:flushed': channel(flushRequestSchema, z.null()),
  /**
   * A link the person clicked: main opens it in the system browser only right after a real click or key press
   * in the window, and only for an https host on the allowlist (docs/security.md § External links); anything
   * else is refused (`app.external-refused`) and logged. Navigation and window.open never open anything.
   */
  'app:open-external': channel(z.object({ url: z.string().min(1).max(2048) }).strict(), z.null()),

  'settings:get': channel(noRequest, settingsSchema),
  'settings:set': channel(settingsPatchSchema, settingsSchema),

  'workspace:create': channel(
    z.object({ dir: absolutePathSchema, schemeId: z.string().regex(/^[a-z0-9-]+$/).optional() }).strict(),
    workspaceSummarySchema,
  ),
  'workspace:open': channel(z.object({ dir: absolutePathSchema }).strict(), workspaceSummarySchema),
  'workspace:recent': channel(noRequest, z.array(recentWorkspaceSchema)),
  'workspace:current': channel(noRequest, workspaceSummarySchema.nullable()),

  /** Native dialogs. null / [] when the user cancels (not an error). */
  'dialog:choose-directory': channel(
    z.object({ purpose: directoryPurposeSchema }).strict(),
    absolutePathSchema.nullable(),
  ),
  'dialog:choose-packages': channel(noRequest, z.array(absolutePathSchema)),
  /** Files for the signing screens ('trust' may pick several, the others one); [] when cancelled. */
  'dialog:choose-files': channel(z.object({ purpose: filePurposeSchema }).strict(), z.array(absolutePathSchema)),
  /** Where to save a file (defaultName is a bare file name); null when cancelled. */
  'dialog:choose-save-path': channel(
    z.object({ purpose: savePurposeSchema, defaultName: z.string().min(1).max(255).regex(/^[^/\\]+$/) }).strict(),
    absolutePathSchema.nullable(),
  ),

  /** Each path is imported all-or-nothing; one result per path, in order. Progress comes as `import:progress`. */
  'import:packages': channel(
    z.object({ paths: z.array(absolutePathSchema).min(1).max(10_000) }).strict(),
    z.object({ importId: z.string(), results: z.array(importResultSchema) }),
  ),

  'applications:list': channel(noRequest, z.array(applicationSummarySchema)),
  'applications:get': channel(applicationIdRequestSchema, applicationDetailSchema),
  /** One row of the list, rebuilt from its files (the list patches that row after a save instead of reloading). */
  'applications:summary': channel(applicationIdRequestSchema, applicationSummarySchema),

  /** The bytes of one file of an imported package (for the PDF viewer). The path must be in the package lock. */
  'documents:read': channel(
    z
      .object({
        applicationId: applicationIdRequestSchema.shape.applicationId,
        path: z.string().min(1).max(1024),
      })
      .strict(),
    documentSchema,
  ),

  /** The current assessor's assessment; a blank draft (version 0, not yet saved) when there is none. */
  'assessment:get': channel(applicationIdRequestSchema, assessmentSchema),
  /** The current assessor's round-level impartiality declaration, or null (issue 12 point 3). */
  'impartiality:round-get': channel(noRequest, roundDeclarationSchema.nullable()),
  /** Declares no conflict with the listed applicants at once; a blank assessment of a listed application starts declared. */
  'impartiality:round-declare': channel(
    z.object({ applicationIds: z.array(applicationIdRequestSchema.shape.applicationId).min(1).max(10_000) }).strict(),
    roundDeclarationSchema,
  ),
  /** Saves a draft. Refused with `assessment.stale-version` when the stored version is newer. */
  'assessment:save': channel(z.object({ assessment: assessmentSchema }).strict(), assessmentSchema),
  'assessment:finalise': channel(applicationIdRequestSchema, assessmentSchema),
  'assessment:reopen': channel(
    z
      .object({
        applicationId: applicationIdRequestSchema.shape.applicationId,
        reason: z.string().trim().min(1).max(2000),
      })
      .strict(),
    assessmentSchema,
  ),

  'audit:verify': channel(noRequest, auditVerificationSchema),

  /** Creates a workspace with the 2021 demo round in `dir` and opens it. */
  'demo:create': channel(z.object({ dir: absolutePathSchema }).strict(), workspaceSummarySchema),

  // ── Signing (issue 5; docs/signing.md § In the app). Schemas in shared/signing/schemas.ts, handlers in
  // electron/services/backend/signing-handlers.ts.
  /** The stored signing identity, or null when none is set up yet. */
  'identity:get': channel(noRequest, identitySummarySchema.nullable()),
  /** Creates a self-signed identity and stores it protected by the OS (safeStorage). */
  'identity:create': channel(identityCreateRequestSchema, identitySummarySchema),
  /** Imports a PKCS#12 (.p12/.pfx) with its passphrase and stores it protected by the OS. */
  'identity:import': channel(identityImportRequestSchema, identitySummarySchema),
  /** Writes the certificate (PEM) so the panel lead can put it in the trust list. */
  'identity:export-certificate': channel(certificateExportRequestSchema, certificateExportResultSchema),
  'identity:remove': channel(noRequest, z.null()),
  /** Every final assessment of the current assessor → signed PDFs + one exchange file. Progress: `export:progress`. */
  'export:run': channel(exportRunRequestSchema, exportResultSchema),
  /** Checks a signed PDF or exchange file: intact, signer, fingerprint, signing time, trusted. */
  'verify:file': channel(verifyFileRequestSchema, verificationReportSchema),

  // ── Trust list (issue 9 point 1; docs/workspace.md § Trust list). Handler in signing-handlers.ts.
  /** The open workspace's stored trust list; 'verify:file' uses it automatically when a workspace is open. */
  'trust:list': channel(noRequest, trustListViewSchema),

  // ── The panel lead (issue 10; docs/ipc.md § Panel). Schemas in shared/ipc/panel-schemas.ts, handlers in
  // electron/services/backend/panel-handlers.ts.
  ...panelChannels,
} as const;

/** Events main → renderer. The renderer subscribes with `window.api.on(event, listener)`. */
export const events = {
  /** The window is closing: save what is pending now, then answer with `app:flushed` and the same id. */
  'app:flush-request': flushRequestSchema,
  'import:progress': importProgressSchema,
  'export:progress': exportProgressSchema,
  /** One panel document written ('panel:report'). */
  'panel:report-progress': reportProgressSchema,
  /** A menu item or accelerator the renderer carries out (it owns the flow and the dialogs it opens). */
  'menu:command': menuCommandSchema,
  /** A damaged assessment file was restored from its history while loading; the person must be told. */
  'assessment:recovered': assessmentRecoveredSchema,
} as const;

export type Channel = keyof typeof channels;
export type EventName = keyof typeof events;

/** What the renderer passes (before zod defaults/transforms). */
export type RequestOf<C extends Channel> = z.input<(typeof channels)[C]['request']>;
/** What the renderer gets back inside `{ok:true, value}`. */
export type ResponseOf<C extends Channel> = z.output<(typeof channels)[C]['response']>;
export type EventPayloadOf<E extends EventName> = z.output<(typeof events)[E]>;

/** The envelope every channel answers with. */
export type IpcResult<C extends Channel> = Result<ResponseOf<C>, AppError>;

/** A channel without a request may be called with no argument. */
export type RequestArgs<C extends Channel> = undefined extends RequestOf<C>
  ? [request?: RequestOf<C>]
  : [request: RequestOf<C>];

export const CHANNELS = Object.keys(channels) as Channel[];
export const EVENTS = Object.keys(events) as EventName[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(channels, value);
}

export function isEventName(value: unknown): value is EventName {
  return typeof value === 'string' && Object.hasOwn(events, value);
}

/** The zod schema of a channel's whole answer (envelope included), for a transport that wants to check it. */
export function resultSchemaOf<C extends Channel>(name: C) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value: channels[name].response }),
    z.object({ ok: z.literal(false), error: appErrorSchema }),
  ]);
}

/** A dropped file as the renderer has it (a DOM File satisfies this). */
export interface DroppedFile {
  readonly name: string;
  readonly size: number;
}

/** Unsubscribes an event listener. */
export type Unsubscribe = () => void;

/**
 * What `window.api` is — in Electron (preload, contextBridge) and in the browser bridge alike.
 * `invoke` never rejects for an expected failure: it resolves to `{ok:false, error}`.
 */
export interface VurderApi {
  invoke<C extends Channel>(channel: C, ...args: RequestArgs<C>): Promise<IpcResult<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): Unsubscribe;
  /** The absolute path of a file dropped on the window (webUtils.getPathForFile); '' when it has none. */
  getPathForFile(file: DroppedFile): string;
}
