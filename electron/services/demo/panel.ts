// `vurder demo <dir> --panel` and the app's demo offer for a panel lead: a panel workspace for the 2021 demo
// round with five demo assessors (own identities, on the trust list) whose signed exchange files disagree the
// way real ones do, merged through the real merge, with a few of the lead's consensus decisions — so every flag
// kind, the ranking and the allocation show at once (docs/demo.md § Demo panel). One key per identity is made
// and used for all of that assessor's files.
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Assessment } from '../../../shared/assessment/schema';
import { serialiseExchangeFile } from '../exchange/exchange-file';
import { buildExchangeFile } from '../export/export';
import type { ImportResult } from '../import/import-packages';
import { setConsensus } from '../panel/consensus-store';
import type { MergeOutcome } from '../panel/merge';
import { mergeExchangeFiles } from '../panel/merge';
import { createPanelWorkspace } from '../panel/panel-workspace';
import { readPanelSnapshotOf } from '../panel/snapshot';
import { certificateToPem } from '../signing/certificate';
import type { Identity } from '../signing/identity';
import { createIdentity } from '../signing/identity';
import { addTrustedCertificate, trustAnchorsForWorkspace } from '../trust/trust-list';
import type { ApplicationRecord } from '../workspace/applications';
import { listApplications } from '../workspace/applications';
import { isErrno } from '../workspace/errors';
import { osloTimestamp } from '../workspace/time';
import type { Workspace } from '../workspace/workspace';
import { DEMO_SCHEME_ID } from './application';
import type { DemoProgress, DemoWorkspaceOptions } from './create-workspace';
import { importDemoRound } from './create-workspace';
import { plannedAssessment } from './panel-assessments';
import type { DemoAssessor, DemoSpecials } from './panel-round';
import { assessorsFor, chooseSpecials, DEMO_ASSESSORS, DEMO_GUEST, planFor } from './panel-round';

export interface DemoPanelResult {
  workspace: Workspace;
  /** One per demo package, in award order. */
  results: ImportResult[];
  /** One per exchange file the demo assessors sent. */
  merged: MergeOutcome[];
  specials: DemoSpecials;
}

type Person = Pick<DemoAssessor, 'id' | 'name' | 'email'>;

/** Which assessors assess the application at `index`, with the special cases' assessors guaranteed in. */
function panelFor(index: number, id: string, specials: DemoSpecials): DemoAssessor[] {
  const chosen = assessorsFor(index);
  const must = (assessorId: string) => {
    const wanted = DEMO_ASSESSORS.find((assessor) => assessor.id === assessorId);
    if (wanted && !chosen.includes(wanted)) chosen.splice(chosen.length - 1, 1, wanted);
  };
  if (id === specials.conflict) must('mari-holm');
  if (id === specials.eligibilityOpen || id === specials.eligibilitySettled) must('stig-strand');
  if (id === specials.versionConflict) must('jonas-dahl');
  if (id === specials.superseded) must('aina-berg');
  return id === specials.missing ? chosen.slice(0, 2) : chosen;
}

interface PlannedFiles {
  /** File name → the assessor and the assessments it carries. */
  files: Map<string, { person: Person; assessments: Assessment[] }>;
}

function planFiles(ws: Workspace, records: readonly ApplicationRecord[], specials: DemoSpecials, at: string): PlannedFiles {
  const files = new Map<string, { person: Person; assessments: Assessment[] }>();
  const add = (name: string, person: Person, assessment: Assessment) => {
    const entry = files.get(name) ?? { person, assessments: [] };
    entry.assessments.push(assessment);
    files.set(name, entry);
  };
  records.forEach((record, index) => {
    const id = record.summary.applicationId;
    for (const assessor of panelFor(index, id, specials)) {
      const person = { id: assessor.id, name: assessor.name, email: assessor.email };
      const plan = planFor(record, assessor, specials);
      add(`vurderinger-${assessor.id}`, person, plannedAssessment(ws.scheme, record, person, plan, at));
      if (id === specials.versionConflict && assessor.id === 'jonas-dahl') {
        // A second file claiming the same version 1 with other scores: a conflict, never a silent pick.
        const other = { ...plan, feasibility: (plan.feasibility ?? 4) >= 3 ? (plan.feasibility ?? 4) - 2 : (plan.feasibility ?? 4) + 2 };
        add(`vurderinger-${assessor.id}-rettet`, person, plannedAssessment(ws.scheme, record, person, other, at));
      }
      if (id === specials.superseded && assessor.id === 'aina-berg') {
        const newer = { ...plan, feasibility: Math.min(7, (plan.feasibility ?? 4) + 1), version: 3 };
        add(`vurderinger-${assessor.id}-v3`, person, plannedAssessment(ws.scheme, record, person, newer, at));
      }
    }
    if (id === specials.untrusted) {
      const guest = { ...DEMO_GUEST };
      add(`vurderinger-${guest.id}`, guest, plannedAssessment(ws.scheme, record, guest, { feasibility: 7, transferValue: 7, decision: 'grant', amount: record.summary.requestedGrant ?? 0 }, at));
    }
  });
  return { files };
}

async function identitiesFor(people: readonly Person[]): Promise<Map<string, Identity>> {
  const made = await Promise.all(people.map((person) => createIdentity({ name: person.name, email: person.email, keyType: 'P-256' })));
  return new Map(people.map((person, index) => [person.id, made[index] as Identity]));
}

/** The lead's decisions that show settled flags next to open ones. */
async function leadDecisions(ws: Workspace, specials: DemoSpecials): Promise<void> {
  const snapshot = await readPanelSnapshotOf(ws, { agreementResamples: 0 });
  const changes: unknown[] = [
    {
      applicationId: specials.eligibilitySettled,
      eligibility: { verdict: 'eligible', justification: 'R04 er oppfylt: prosjektet utvikler en metode flere kommuner har etterspurt; panelet er enig med flertallet.' },
    },
  ];
  const spread = snapshot.applications.find((application) => application.applicationId !== specials.eligibilitySettled && application.flags.some((flag) => flag.kind === 'spread'));
  const flag = spread?.flags.find((candidate) => candidate.kind === 'spread');
  if (spread && flag?.criterionId) {
    const stats = spread.statistics.find((entry) => entry.criterionId === flag.criterionId);
    changes.push({
      applicationId: spread.applicationId,
      criteria: [{ criterionId: flag.criterionId, score: Math.round(stats?.median ?? 4), justification: 'Panelet drøftet spredningen og landet på midtverdien; den strenge vurderingen vektla en risiko som er håndtert i planen.' }],
    });
  }
  const amounts = snapshot.applications.find((application) => application.applicationId !== spread?.applicationId && application.applicationId !== specials.eligibilitySettled && application.flags.some((entry) => entry.kind === 'amount-difference'));
  if (amounts?.requested.firstYear) {
    changes.push({
      applicationId: amounts.applicationId,
      amount: { firstYearAmount: Math.floor((amounts.requested.firstYear * 8) / 10 / 1000) * 1000, justification: 'Panelet innstiller 80 % av søkt beløp for første år; budsjettposten for innkjøp er satt høyt.' },
    });
  }
  await setConsensus(ws, changes, { by: 'demo-leder' });
}

export async function createDemoPanel(dir: string, onProgress?: (progress: DemoProgress) => void, options: DemoWorkspaceOptions = {}): Promise<DemoPanelResult> {
  const actor = options.actor ?? 'demo';
  const existedBefore = await stat(dir).then(
    () => true,
    (error: unknown) => {
      if (isErrno(error, 'ENOENT')) return false;
      throw error;
    },
  );
  const workspace = await createPanelWorkspace(dir, { schemeId: DEMO_SCHEME_ID }, { settings: { assessorsPerApplication: 3 }, actor });
  const scratch = await mkdtemp(join(tmpdir(), 'vurder-demo-panel-'));
  try {
    const results = await importDemoRound(workspace, actor, onProgress, options.resourcesDir);
    const records = await listApplications(workspace);
    const specials = chooseSpecials(records);
    const { files } = planFiles(workspace, records, specials, osloTimestamp());
    const identities = await identitiesFor([...DEMO_ASSESSORS, DEMO_GUEST]);
    for (const assessor of DEMO_ASSESSORS) {
      const pem = join(scratch, `${assessor.id}.pem`);
      await writeFile(pem, certificateToPem((identities.get(assessor.id) as Identity).certificateDer));
      await addTrustedCertificate(workspace.dir, pem, { actor, name: `${assessor.name} (demo)` });
    }
    const trusted: { path: string; shown: string }[] = [];
    const untrusted: { path: string; shown: string }[] = [];
    for (const [name, { person, assessments }] of [...files.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const envelope = await buildExchangeFile(workspace, assessments, identities.get(person.id) as Identity, person.id, new Date());
      const path = join(scratch, `${name}.vurder.json`);
      await writeFile(path, serialiseExchangeFile(envelope));
      (person.id === DEMO_GUEST.id ? untrusted : trusted).push({ path, shown: `${name}.vurder.json` });
    }
    const trustAnchors = await trustAnchorsForWorkspace(workspace.dir);
    const merged = [
      ...(await mergeExchangeFiles(workspace, trusted, { trustAnchors, actor })).outcomes,
      ...(await mergeExchangeFiles(workspace, untrusted, { trustAnchors, allowUntrusted: true, actor })).outcomes,
    ];
    const refused = merged.filter((outcome) => outcome.status === 'refused');
    if (refused.length > 0) throw new Error(`demo panel: ${refused.map((outcome) => `${outcome.file}: ${outcome.message.en}`).join('; ')}`);
    await leadDecisions(workspace, specials);
    return { workspace, results, merged, specials };
  } catch (error) {
    // Everything in the folder is ours (createPanelWorkspace refuses a non-empty one): leave it as found.
    if (existedBefore) await Promise.all((await readdir(workspace.dir)).map((name) => rm(join(workspace.dir, name), { recursive: true, force: true })));
    else await rm(workspace.dir, { recursive: true, force: true });
    throw error;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
