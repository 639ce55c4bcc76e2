// The real workspace services (electron/services/workspace, import, store, audit, demo) behind the
// WorkspaceServices port the IPC handlers use. Shapes are mapped to the contract's views here, once.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Assessment, Assessor } from '../../../shared/assessment/schema';
import { appError } from '../../../shared/errors/format';
import { applyReviews } from '../../../shared/rules/evaluate';
import { verifyAuditLog } from '../audit/verify';
import { verifyRecords } from '../workspace/verify-records';
import { generateDemoPackages, writeDemoPackage } from '../demo/generate';
import { importPackages } from '../import/import-packages';
import { cleanAssessorTempFiles, loadAssessment, newAssessment, saveAssessment } from '../store/assessment-store';
import { applicationIds, getApplication, readDocument } from '../workspace/applications';
import { impartialityFromRound } from '../../../shared/assessment/round-impartiality';
import { declareRound, readRoundDeclaration } from '../store/round-impartiality';
import { listSummaries, refreshSummary } from '../workspace/summary-index';
import type { ApplicationRecord } from '../workspace/applications';
import { createWorkspace, DEFAULT_SCHEME_ID, openWorkspace, workspaceRole } from '../workspace/workspace';
import { createDemoPanel } from '../demo/panel';
import { createPanelWorkspace } from '../panel/panel-workspace';
import { panelHandle } from './panel-services';
import type { Workspace } from '../workspace/workspace';
import type { ApplicationDetail, AuditKeyProvider, WorkspaceHandle, WorkspaceServices } from './ports';

async function currentAssessment(ws: Workspace, applicationId: string, assessor: Assessor): Promise<Assessment | null> {
  return (await loadAssessment(ws, assessor.id, applicationId)).assessment;
}

/** The evaluation as this assessor sees it: their confirmations and overrides applied. */
async function detailOf(ws: Workspace, record: ApplicationRecord, assessor: Assessor | null): Promise<ApplicationDetail> {
  let evaluation = record.evaluation;
  if (evaluation !== null && assessor !== null) {
    const assessment = await currentAssessment(ws, record.summary.applicationId, assessor);
    if (assessment !== null) evaluation = applyReviews(evaluation, assessment.ruleReviews);
  }
  return {
    summary: { ...record.summary, verdict: evaluation?.verdict ?? null },
    package: record.application,
    providedFields: record.providedFields,
    evaluation,
    flags: record.flags.map((flag) => ({ code: flag.code, message: flag.message.nb, path: flag.path })),
    files: record.lock.files,
    importedAt: record.lock.importedAt,
  };
}

export function workspaceHandle(ws: Workspace): WorkspaceHandle {
  return {
    dir: ws.dir,
    async summary() {
      return {
        dir: ws.dir,
        schemeId: ws.meta.schemeId,
        schemeTitle: ws.scheme.title,
        schemeSha256: ws.meta.schemeSha256,
        scheme: ws.scheme,
        createdAt: ws.meta.createdAt,
        // Counting is a directory read (no package is opened).
        applicationCount: (await applicationIds(ws)).length,
        role: workspaceRole(ws.meta),
      };
    },
    importPackages(paths, onProgress) {
      return importPackages(ws, paths, {
        onProgress: (event) => {
          onProgress({ index: event.index, total: event.total, source: event.path, phase: event.phase, ...(event.result ? { result: event.result } : {}) });
        },
      });
    },
    async listApplications(assessor) {
      // From the workspace index: only applications whose files changed are re-read and re-evaluated.
      return (await listSummaries(ws, assessor)).summaries;
    },
    applicationSummary(applicationId, assessor) {
      return refreshSummary(ws, applicationId, assessor);
    },
    async getApplication(applicationId, assessor) {
      return detailOf(ws, await getApplication(ws, applicationId, assessor), assessor);
    },
    readDocument(applicationId, path) {
      return readDocument(ws, applicationId, path);
    },
    async getAssessment(applicationId, assessor) {
      // Refuses an id that is not imported, so a blank draft is never offered for nothing.
      await getApplication(ws, applicationId, null);
      const loaded = await loadAssessment(ws, assessor.id, applicationId);
      // A blank draft of an application the round declaration lists starts with that declaration (issue 12.3).
      const assessment = loaded.assessment ?? {
        ...newAssessment(ws, applicationId, assessor),
        impartiality: impartialityFromRound(await readRoundDeclaration(ws, assessor.id), applicationId),
      };
      return loaded.recovered === undefined ? { assessment } : { assessment, recovered: loaded.recovered };
    },
    saveAssessment(assessment) {
      return saveAssessment(ws, assessment);
    },
    async finaliseAssessment(applicationId, assessor) {
      const current = (await currentAssessment(ws, applicationId, assessor)) ?? newAssessment(ws, applicationId, assessor);
      if (current.status === 'final') return current;
      // The store checks completeness (shared/scoring validateForFinal) before it writes a final version.
      return saveAssessment(ws, { ...current, status: 'final' });
    },
    async reopenAssessment(applicationId, assessor, reason) {
      const current = await currentAssessment(ws, applicationId, assessor);
      if (current === null || current.status !== 'final') throw appError('assessment.not-final', `${assessor.id}/${applicationId}`);
      return saveAssessment(ws, current, { reopenReason: reason });
    },
    roundDeclaration(assessor) {
      return readRoundDeclaration(ws, assessor.id);
    },
    async declareRound(assessor, ids) {
      const records = await Promise.all(ids.map((applicationId) => getApplication(ws, applicationId, null)));
      return declareRound(ws, assessor, records.map((record) => ({ applicationId: record.summary.applicationId, applicantName: record.summary.applicantName })));
    },
    panel() {
      return workspaceRole(ws.meta) === 'panel' ? panelHandle(ws) : null;
    },
    async verifyAudit() {
      // With the app's audit key registered (the identity), MACs are checked too (docs/security.md).
      const result = await verifyAuditLog(ws.dir);
      const first = result.problems[0];
      // Then every assessment file and package lock against what the log recorded (verify-records.ts).
      const record = first === undefined ? (await verifyRecords(ws))[0] : undefined;
      // The messages already name audit.log and the line (electron/services/audit/verify.ts), or the file.
      const localized = first !== undefined ? { nb: first.messageNb, en: first.message } : record ? { nb: `${record.file}: ${record.message.nb}`, en: `${record.file}: ${record.message.en}` } : null;
      return {
        intact: result.ok && record === undefined,
        entries: result.entries,
        problem: localized === null ? null : localized.en,
        problemLocalized: localized,
      };
    },
  };
}

/** Creates the workspace, generates the 2021 demo packages into a temp folder and imports them. */
async function createDemo(dir: string, auditKey?: AuditKeyProvider): Promise<WorkspaceHandle> {
  const ws = await createWorkspace(dir, undefined, 'system', auditKey ? { auditKey } : {});
  const scratch = await mkdtemp(join(tmpdir(), 'vurder-demo-'));
  try {
    const paths: string[] = [];
    for (const demo of await generateDemoPackages()) paths.push(await writeDemoPackage(scratch, demo));
    const results = await importPackages(ws, paths, { actor: 'demo' });
    const refused = results.find((result) => result.status === 'refused');
    if (refused !== undefined) throw appError('internal.unexpected', dir, { detail: `demo package refused: ${refused.message}` });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return workspaceHandle(ws);
}

export function createNodeServices(): WorkspaceServices {
  return {
    createWorkspace: async (dir, schemeId, auditKey) =>
      workspaceHandle(await createWorkspace(dir, schemeId === undefined ? undefined : { schemeId }, 'system', auditKey ? { auditKey } : {})),
    async openWorkspace(dir, assessor, auditKey) {
      const ws = await openWorkspace(dir, auditKey ? { auditKey } : {});
      // Only this assessor's folder: another assessor's writer (a CLI run on a shared disk) may be mid-save.
      if (assessor !== null) await cleanAssessorTempFiles(ws, assessor.id);
      return workspaceHandle(ws);
    },
    createDemo,
    async createPanel(dir, { schemeId, assessorsPerApplication, actor }, auditKey) {
      const ws = await createPanelWorkspace(dir, { schemeId: schemeId ?? DEFAULT_SCHEME_ID }, {
        actor,
        ...(assessorsPerApplication === undefined ? {} : { settings: { assessorsPerApplication } }),
        ...(auditKey ? { open: { auditKey } } : {}),
      });
      return workspaceHandle(ws);
    },
    async createDemoPanel(dir) {
      // Made like `vurder demo --panel` (the demo assessors' keys sign it, no audit key of the app's own).
      const { workspace } = await createDemoPanel(dir, undefined, { actor: 'demo' });
      return workspaceHandle(workspace);
    },
    async directoryExists(dir) {
      try {
        return (await stat(dir)).isDirectory();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
        throw error;
      }
    },
  };
}
