// Real panel rounds for the tests: a panel workspace with fixture packages, assessor workspaces with the same
// packages, final assessments saved through the store, and exchange files made by the real export service
// (signed PDFs included) with real identities.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Assessor } from '../../shared/assessment/schema';
import type { RoundSettings } from '../../shared/panel/types';
import type { AssessmentPlan } from '../../electron/services/demo/panel-assessments';
import { plannedAssessment } from '../../electron/services/demo/panel-assessments';
import { exportSignedAssessments } from '../../electron/services/export/export';
import { importPackages } from '../../electron/services/import/import-packages';
import { createPanelWorkspace } from '../../electron/services/panel/panel-workspace';
import { certificateToPem } from '../../electron/services/signing/certificate';
import type { Identity } from '../../electron/services/signing/identity';
import { createIdentity } from '../../electron/services/signing/identity';
import { loadAssessment, saveAssessment } from '../../electron/services/store/assessment-store';
import { addTrustedCertificate } from '../../electron/services/trust/trust-list';
import { getApplication } from '../../electron/services/workspace/applications';
import type { SchemeChoice, Workspace } from '../../electron/services/workspace/workspace';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import { fixturePackage } from '../integration/helpers/workspace';

export { hashTree, tempDir } from '../integration/helpers/workspace';

/** SO1 Asker, SO3 Kinn, SO6 Skien: three applications in three pools. */
export const PANEL_FIXTURES = ['so1-asker-eligible', 'so3-kinn-eligible', 'so6-skien-eligible'] as const;
export const ASKER = 'ASK-2021-001';
export const KINN = 'KIN-2021-003';
export const SKIEN = 'SKI-2021-008';

export async function makePanel(dir: string, fixtures: readonly string[] = PANEL_FIXTURES, settings: Partial<RoundSettings> = {}): Promise<Workspace> {
  const ws = await createPanelWorkspace(dir, { schemeId: 'imdi-kommunale-integreringstiltak-2021' }, { settings });
  const results = await importPackages(ws, fixtures.map((name) => (name.startsWith('/') ? name : fixturePackage(name))));
  const refused = results.filter((result) => result.status === 'refused');
  if (refused.length > 0) throw new Error(`panel import: ${refused.map((result) => result.message).join('; ')}`);
  return ws;
}

export interface TestAssessor {
  identity: Identity;
  assessor: Assessor;
}

export async function makeIdentity(name: string): Promise<TestAssessor> {
  const identity = await createIdentity({ name, keyType: 'P-256' });
  const id = name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, '-');
  return { identity, assessor: { id, name } };
}

export async function trustIdentity(ws: Workspace, who: TestAssessor, folder: string): Promise<void> {
  const pem = join(folder, `${who.assessor.id}-${who.identity.fingerprint.slice(0, 5).replace(':', '')}.pem`);
  await writeFile(pem, certificateToPem(who.identity.certificateDer));
  await addTrustedCertificate(ws.dir, pem, { actor: 'test' });
}

/** An assessor's own workspace with the given packages. */
export async function assessorWorkspace(dir: string, fixtures: readonly string[] = PANEL_FIXTURES, choice: SchemeChoice = { schemeId: 'imdi-kommunale-integreringstiltak-2021' }): Promise<Workspace> {
  const ws = await createWorkspace(dir, choice);
  const results = await importPackages(ws, fixtures.map((name) => (name.startsWith('/') ? name : fixturePackage(name))));
  const refused = results.filter((result) => result.status === 'refused');
  if (refused.length > 0) throw new Error(`assessor import: ${refused.map((result) => result.message).join('; ')}`);
  return ws;
}

/** Saves a final assessment through the store (on top of whatever is stored, reopening a final one). */
export async function finalise(ws: Workspace, who: TestAssessor, applicationId: string, plan: AssessmentPlan): Promise<void> {
  const { assessment: current } = await loadAssessment(ws, who.assessor.id, applicationId);
  let version = current?.version ?? 0;
  if (current?.status === 'final') {
    version = (await saveAssessment(ws, current, { reopenReason: 'Ny vurdering etter nye opplysninger.' })).version;
  }
  const record = await getApplication(ws, applicationId);
  const planned = plannedAssessment(ws.scheme, record, who.assessor, plan, new Date().toISOString().replace('Z', '+00:00'));
  await saveAssessment(ws, { ...planned, version, finalisedAt: null });
}

/** `vurder export`'s service: signed PDFs + the exchange file; returns the exchange file's path. */
export async function exportExchange(ws: Workspace, who: TestAssessor, outDir: string): Promise<string> {
  const result = await exportSignedAssessments({ ws, identity: who.identity, outDir, assessorId: who.assessor.id });
  return result.exchangeFile;
}

export const GOOD: AssessmentPlan = { feasibility: 5, transferValue: 5, decision: 'grant', amount: 400_000 };
