// Panel bench (issue 9, docs/panel.md § Performance): (1) the merge and statistics step for 25 assessors × 500
// applications, signatures already verified — deriving the merged state from the stored files' contents and
// building every application's statistics, flags and consensus — against the 100 ms goal; (2) exchange files
// verified per second (strict JSON, canonical form, CMS signature, trust list). References measured in the
// same run: grouping the same assessments in a Map (the least any merge does) and parsing + canonicalising
// the files without the signature check.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Assessment } from '../../shared/assessment/schema';
import type { ApplicationBasis, StoredExchange } from '../../shared/panel/derive';
import { cachedVerdicts, deriveMergedState } from '../../shared/panel/derive';
import { buildPanelApplication } from '../../shared/panel/application';
import { randomInt, seededRandom } from '../../shared/panel/prng';
import { DEFAULT_ROUND_SETTINGS } from '../../shared/panel/types';
import { applyReviews, evaluateApplication } from '../../shared/rules/evaluate';
import { getBuiltInScheme } from '../../shared/scheme/load';
import { applicationPackageSchema } from '../../shared/package/schema';
import { canonicalBytes } from '../../electron/services/exchange/canonical';
import { createExchangeFile, serialiseExchangeFile, verifyExchangeFile } from '../../electron/services/exchange/exchange-file';
import { decodeUtf8Strict, parseStrictJson } from '../../electron/services/exchange/strict-json';
import { sha256Json } from '../../electron/services/hash/sha256';
import { createIdentity } from '../../electron/services/signing/identity';
import { heading, line, median, ms, ratio, timed } from '../support';

const ASSESSORS = 25;
const APPLICATIONS = 500;
const ROUNDS = 7;
const GOAL_MS = 100;
const FILES = 40;
const PER_FILE = 20;

const builtIn = getBuiltInScheme('imdi-kommunale-integreringstiltak-2021');
if (!builtIn) throw new Error('built-in 2021 scheme missing');
const scheme = builtIn;
const root = fileURLToPath(new URL('../../', import.meta.url));
const template = JSON.parse(readFileSync(`${root}docs/examples/assessment.json`, 'utf8')) as Assessment;
// One real package and its real rule evaluation: each assessor's verdict is applyReviews on it, as in the service.
const application = applicationPackageSchema.parse(JSON.parse(readFileSync(`${root}test/fixtures/packages/so1-asker-eligible/soknad.json`, 'utf8')));
const evaluation = evaluateApplication({ application, scheme });
const random = seededRandom(9);
const ids = Array.from({ length: APPLICATIONS }, (_, index) => `APP-${String(index + 1).padStart(4, '0')}`);

function assessment(assessorIndex: number, applicationId: string): Assessment {
  const score = () => randomInt(random, 2, 7);
  return {
    ...template,
    applicationId,
    assessor: { id: `assessor-${assessorIndex}`, name: `Vurderer ${assessorIndex}` },
    version: 1,
    finalisedAt: template.updatedAt,
    impartiality: template.impartiality ? { ...template.impartiality, conflict: false } : null,
    scores: template.scores.map((entry) => ({ ...entry, score: score() })),
    recommendation: { ...template.recommendation, amount: randomInt(random, 5, 10) * 100_000 },
  };
}

const stored: StoredExchange[] = Array.from({ length: ASSESSORS }, (_, assessorIndex) => ({
  sha256: sha256Json(['file', assessorIndex]),
  storedAs: `panel/exchange/${assessorIndex}.vurder.json`,
  trusted: true,
  signerFingerprint: `FP-${assessorIndex}`,
  createdAt: template.updatedAt,
  assessor: { id: `assessor-${assessorIndex}`, name: `Vurderer ${assessorIndex}` },
  assessments: ids.map((id) => {
    const made = assessment(assessorIndex, id);
    return { assessment: made, sha256: sha256Json(made) };
  }),
}));
// Built inside the timed step, like the service does per merge, so the verdict cache starts empty each round.
const basesFor = () =>
  new Map<string, ApplicationBasis>(ids.map((id) => [id, { verdictWith: cachedVerdicts((reviews) => applyReviews(evaluation, reviews).verdict), firstYearRequested: 1_000_000, totalRequested: 2_000_000 }]));
const facts = (id: string) => ({
  applicationId: id,
  applicantName: 'Asker kommune',
  municipalityNumber: '3025',
  title: 'Prosjekt',
  focusArea: 1,
  poolId: 'so1',
  packageSha256: '0'.repeat(64),
  packageFiles: [],
  requested: { total: 2_000_000, firstYear: 1_000_000, firstYearYear: 2021 },
  panelVerdict: 'eligible' as const,
});

function mergeAndStatistics(): number {
  const state = deriveMergedState(stored, basesFor());
  const byApplication = new Map<string, typeof state.assessments>();
  for (const entry of state.assessments) {
    const list = byApplication.get(entry.applicationId);
    if (list) list.push(entry);
    else byApplication.set(entry.applicationId, [entry]);
  }
  let flags = 0;
  for (const id of ids) flags += buildPanelApplication(facts(id), byApplication.get(id) ?? [], scheme, DEFAULT_ROUND_SETTINGS, null).flags.length;
  return flags;
}

function grouping(): number {
  const groups = new Map<string, number[]>();
  for (const file of stored) for (const entry of file.assessments) {
    const key = `${entry.assessment.applicationId}/${entry.assessment.assessor.id}`;
    const list = groups.get(key);
    if (list) list.push(entry.assessment.version);
    else groups.set(key, [entry.assessment.version]);
  }
  return groups.size;
}

/** Median wall time; CPU time is printed beside it because a busy machine stretches wall time, not CPU. */
async function medianOf(task: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) times.push((await timed(task)).wallMs);
  return median(times);
}

async function medianCpu(task: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) times.push((await timed(task)).cpuMs);
  return median(times);
}

heading(`Panel merge (issue 9): ${ASSESSORS} assessors × ${APPLICATIONS} applications = ${ASSESSORS * APPLICATIONS} assessments, median of ${ROUNDS}`);
mergeAndStatistics();
const reference = await medianOf(grouping);
const merge = await medianOf(mergeAndStatistics);
line('  reference: group the assessments by assessor and application', ms(reference));
const mergeCpu = await medianCpu(mergeAndStatistics);
line('  merge + statistics + flags + consensus (signatures already verified)', `${ms(merge)} (${ratio(merge, reference)} of reference, ${ratio(merge, GOAL_MS)} of the ${GOAL_MS} ms goal)`);
line('    the same, CPU time', `${ms(mergeCpu)} (${ratio(mergeCpu, GOAL_MS)} of the goal)`);

// Exchange files: FILES files of PER_FILE assessments each, signed by five identities, verified against them.
const identities = await Promise.all(Array.from({ length: 5 }, (_, index) => createIdentity({ name: `Vurderer ${index}`, keyType: 'P-256' })));
const files: Uint8Array[] = [];
for (let index = 0; index < FILES; index += 1) {
  const assessorIndex = index % identities.length;
  const identity = identities[assessorIndex];
  if (!identity) throw new Error('no identity');
  const envelope = await createExchangeFile(
    {
      format: 'vurder-assessments',
      formatVersion: 1,
      createdAt: '2021-03-15T10:00:00+01:00',
      assessor: { id: `assessor-${assessorIndex}`, name: identity.subjectName },
      scheme: { id: scheme.id, sha256: '0'.repeat(64) },
      assessments: ids.slice(0, PER_FILE).map((id) => ({
        assessment: { ...assessment(assessorIndex, id), assessor: { id: `assessor-${assessorIndex}`, name: identity.subjectName } },
        schemeSha256: '0'.repeat(64),
        packageFiles: [{ path: 'soknad.json', sha256: '1'.repeat(64), bytes: 4000 }, { path: 'vedlegg/soknad.pdf', sha256: '2'.repeat(64), bytes: 90_000 }],
      })),
    },
    identity,
  );
  files.push(new TextEncoder().encode(serialiseExchangeFile(envelope)));
}
const anchors = identities.map((identity) => identity.certificateDer);
const parseOnly = await medianOf(() => files.map((bytes) => canonicalBytes((parseStrictJson(decodeUtf8Strict(bytes)) as { payload: unknown }).payload)));
const verify = await medianOf(async () => {
  for (const [index, bytes] of files.entries()) {
    const { report } = await verifyExchangeFile(`file-${index}`, bytes, anchors);
    if (report.status !== 'valid') throw new Error(`file ${index}: ${report.problems[0]?.en ?? report.status}`);
  }
});
heading(`Exchange files verified (${FILES} files × ${PER_FILE} assessments, ${(files.reduce((sum, bytes) => sum + bytes.byteLength, 0) / FILES / 1024).toFixed(0)} KB each), median of ${ROUNDS}`);
line('  reference: strict parse + canonical form only', `${ms(parseOnly)} (${((FILES * 1000) / parseOnly).toFixed(0)} files/s)`);
line('  verifyExchangeFile (signature + trust list)', `${ms(verify)} (${((FILES * 1000) / verify).toFixed(0)} files/s, ${ratio(verify, parseOnly)} of reference)`);
