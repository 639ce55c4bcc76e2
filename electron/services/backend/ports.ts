// What the backend needs from the world, as small interfaces. The Electron shell, the CLI and the browser
// bridge of the e2e tests each inject their own: electron-store vs a JSON file for settings, native vs
// scripted dialogs, webContents.send vs page.evaluate for events. The workspace services sit behind
// WorkspaceServices so the handlers do not depend on how the workspace engineer shaped their modules.
import type { z } from 'zod';
import type { OpenOptions } from '../workspace/workspace';
import type { Assessment, Assessor } from '../../../shared/assessment/schema';
import type { RoundDeclaration } from '../../../shared/assessment/round-impartiality';
import type { EventName, EventPayloadOf } from '../../../shared/ipc/contract';
import type { MergeOutcomeView, ReportProgressView, RoundSettingsPatch } from '../../../shared/ipc/panel-schemas';
import type { reportResultViewSchema } from '../../../shared/ipc/panel-schemas';
import type { Identity } from '../signing/identity';
import type { ConsensusChange, PanelSnapshot } from '../../../shared/panel/types';
import type {
  applicationDetailSchema,
  applicationSummarySchema,
  auditVerificationSchema,
  directoryPurposeSchema,
  filePurposeSchema,
  documentSchema,
  importResultSchema,
  savePurposeSchema,
  settingsSchema,
  workspaceSummarySchema,
} from '../../../shared/ipc/schemas';

export type Settings = z.output<typeof settingsSchema>;
export type WorkspaceSummary = z.output<typeof workspaceSummarySchema>;
export type ImportResult = z.output<typeof importResultSchema>;
export type ApplicationSummary = z.output<typeof applicationSummarySchema>;
export type ApplicationDetail = z.output<typeof applicationDetailSchema>;
export type PackageDocument = z.output<typeof documentSchema>;
export type AuditVerificationView = z.output<typeof auditVerificationSchema>;
export type DirectoryPurpose = z.output<typeof directoryPurposeSchema>;
export type FilePurpose = z.output<typeof filePurposeSchema>;
export type SavePurpose = z.output<typeof savePurposeSchema>;
export type ReportResultView = z.output<typeof reportResultViewSchema>;

export interface AssessmentRecovery {
  fromVersion: number;
  damagedFile: string;
  message: { nb: string; en: string };
}

export interface RecentWorkspaceEntry {
  dir: string;
  /** ISO 8601 with offset (Europe/Oslo). */
  openedAt: string;
}

/** Everything the settings store keeps. */
export interface StoredSettings extends Settings {
  recentWorkspaces: RecentWorkspaceEntry[];
}

export interface SettingsStore {
  read(): Promise<StoredSettings>;
  write(settings: StoredSettings): Promise<void>;
}

/** Destructive actions main confirms with the person before it does them (a native dialog in the app). */
export type ConfirmAction = 'identity-replace' | 'identity-remove';

export interface Dialogs {
  /** An absolute directory path, or null when the user cancels. */
  chooseDirectory(purpose: DirectoryPurpose): Promise<string | null>;
  /** Absolute paths of package folders, zips or CSV/XLSX lists; [] when the user cancels. */
  choosePackages(): Promise<string[]>;
  /** Absolute paths of chosen files ('trust' allows several, the others one); [] when the user cancels. */
  chooseFiles(purpose: FilePurpose): Promise<string[]>;
  /** An absolute path to save to (the dialog starts at defaultName), or null when the user cancels. */
  chooseSavePath(purpose: SavePurpose, defaultName: string): Promise<string | null>;
  /** Asks the person to confirm a destructive action; true only for an explicit yes (closing the dialog is no). */
  confirm(action: ConfirmAction): Promise<boolean>;
}

/** Opens links in the system browser under the shell's policy (docs/security.md § External links). */
export interface ExternalLinks {
  /** Opens `url` when a real click or key press just happened and its host is allowlisted; false when refused. */
  openFromRenderer(url: string): Promise<boolean>;
}

export interface EventSink {
  emit<E extends EventName>(event: E, payload: EventPayloadOf<E>): void;
}

export interface ImportProgressStep {
  index: number;
  total: number;
  source: string;
  phase: 'started' | 'done';
  result?: ImportResult;
}

/** One open workspace, as the handlers use it. */
export interface WorkspaceHandle {
  readonly dir: string;
  summary(): Promise<WorkspaceSummary>;
  importPackages(paths: readonly string[], onProgress: (step: ImportProgressStep) => void): Promise<ImportResult[]>;
  listApplications(assessor: Assessor | null): Promise<ApplicationSummary[]>;
  getApplication(applicationId: string, assessor: Assessor | null): Promise<ApplicationDetail>;
  /** One list row, rebuilt from its files (the workspace index is updated). */
  applicationSummary(applicationId: string, assessor: Assessor | null): Promise<ApplicationSummary>;
  readDocument(applicationId: string, path: string): Promise<PackageDocument>;
  /** The stored assessment or a blank draft (version 0); `recovered` when a damaged file was restored from history. */
  getAssessment(applicationId: string, assessor: Assessor): Promise<{ assessment: Assessment; recovered?: AssessmentRecovery }>;
  saveAssessment(assessment: Assessment): Promise<Assessment>;
  finaliseAssessment(applicationId: string, assessor: Assessor): Promise<Assessment>;
  reopenAssessment(applicationId: string, assessor: Assessor, reason: string): Promise<Assessment>;
  verifyAudit(): Promise<AuditVerificationView>;
  /** The assessor's round-level impartiality declaration (issue 12 point 3), or null. */
  roundDeclaration(assessor: Assessor): Promise<RoundDeclaration | null>;
  /** Declares no conflict for every listed application (each must be imported). */
  declareRound(assessor: Assessor, applicationIds: readonly string[]): Promise<RoundDeclaration>;
  /** The panel services when this is a panel workspace (role panel), else null. */
  panel(): PanelHandle | null;
}

/** A panel workspace's services, as the panel handlers use them (backend/panel-services.ts). */
export interface PanelHandle {
  snapshot(): Promise<PanelSnapshot>;
  merge(paths: readonly string[], options: { allowUntrusted: boolean; actor: string }): Promise<MergeOutcomeView[]>;
  setConsensus(change: ConsensusChange, by: string): Promise<void>;
  updateSettings(patch: RoundSettingsPatch, actor: string): Promise<void>;
  /** Writes the panel's documents (electron/services/panel-report/); identity null only for a draft. */
  report(options: {
    identity: Identity | null;
    outDir: string;
    letters: boolean;
    draft: boolean;
    onProgress: (progress: ReportProgressView) => void;
  }): Promise<ReportResultView>;
}

export interface PanelCreateOptions {
  schemeId: string | undefined;
  assessorsPerApplication: number | undefined;
  actor: string;
}

/** The audit key for a workspace once its id is known (workspace.ts OpenOptions); from the app's identity. */
export type AuditKeyProvider = OpenOptions['auditKey'];

export interface WorkspaceServices {
  createWorkspace(dir: string, schemeId: string | undefined, auditKey?: AuditKeyProvider): Promise<WorkspaceHandle>;
  /** Opens `dir`; leftovers of a killed autosave by `assessor` (this machine's assessor) are cleaned up. */
  openWorkspace(dir: string, assessor: Assessor | null, auditKey?: AuditKeyProvider): Promise<WorkspaceHandle>;
  createDemo(dir: string, auditKey?: AuditKeyProvider): Promise<WorkspaceHandle>;
  /** A panel workspace (role panel) in an empty folder. */
  createPanel(dir: string, options: PanelCreateOptions, auditKey?: AuditKeyProvider): Promise<WorkspaceHandle>;
  /** The 2021 demo round as a panel, with the demo assessors' files merged (electron/services/demo/panel.ts). */
  createDemoPanel(dir: string, auditKey?: AuditKeyProvider): Promise<WorkspaceHandle>;
  /** Whether `dir` still exists (recent list greys out gone folders). */
  directoryExists(dir: string): Promise<boolean>;
}

export interface AppIdentity {
  name: string;
  version: string;
  transport: 'electron' | 'browser-bridge';
  platform: string;
  versions: Record<string, string>;
}

/** The clock, injected so tests and the audit trail agree on time. */
export type Clock = () => Date;
