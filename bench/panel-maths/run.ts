// Panel maths bench (issue #9 points 5–7, docs/panel.md § The maths): agreement with its bootstrap interval,
// ranking with exact totals, allocation, at a large round (500 applications, 5 assessors each). References
// measured in the same run: the bootstrap run once per level (what criterionAgreement shares), and a ranking
// sorted by float totals (what exact fractions cost).
import { allocate } from '../../shared/panel/allocation';
import type { ReliabilityMatrix } from '../../shared/panel/agreement';
import { bootstrapAlpha, criterionAgreement } from '../../shared/panel/agreement';
import { randomInt, seededRandom } from '../../shared/panel/prng';
import type { RankingCandidate } from '../../shared/panel/ranking';
import { rankApplications } from '../../shared/panel/ranking';
import { getBuiltInScheme } from '../../shared/scheme/load';
import { heading, line, median, ms, ratio, timed } from '../support';

const APPLICATIONS = Number(process.env.BENCH_PANEL_APPLICATIONS ?? 500);
const ASSESSORS = 5;
const ROUNDS = 5;

const scheme = getBuiltInScheme('imdi-kommunale-integreringstiltak-2021');
if (!scheme) throw new Error('built-in 2021 scheme missing');
const random = seededRandom(2021);
// Each application's "true" score plus an assessor's ±1 noise; one in ten scores missing.
const matrix: ReliabilityMatrix = Array.from({ length: APPLICATIONS }, () => {
  const truth = randomInt(random, 2, 6);
  return Array.from({ length: ASSESSORS }, () => (random() < 0.1 ? null : truth + randomInt(random, -1, 1)));
});
const consensus = matrix.map((row) => row.find((value) => value !== null) ?? null);
const assessorIds = Array.from({ length: ASSESSORS }, (_, index) => `assessor-${index + 1}`);

async function medianOf(task: () => unknown): Promise<number> {
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) times.push((await timed(task)).wallMs);
  return median(times);
}

heading(`Panel maths (issue 9.5–9.7): ${APPLICATIONS} applications × ${ASSESSORS} assessors, median of ${ROUNDS}`);
const shared = await medianOf(() => criterionAgreement(matrix, consensus, assessorIds));
const separate = await medianOf(() => [bootstrapAlpha(matrix, 'ordinal'), bootstrapAlpha(matrix, 'interval')]);
line('  reference: bootstrap per level (2 × 1000 resamples)', ms(separate));
line('  criterionAgreement (ordinal + interval, shared resamples)', `${ms(shared)} (${ratio(shared, separate)} of reference)`);

const candidates: RankingCandidate[] = matrix.map((row, index) => ({
  applicationId: `APP-${String(index).padStart(4, '0')}`,
  focusArea: (index % 6) + 1,
  eligibility: { eligible: true, failedRuleIds: [] },
  scores: { feasibility: row[0] ?? 4, transferValue: row[1] ?? 4 },
  firstYearRequest: randomInt(random, 1, 20) * 100_000,
}));
const floatSort = await medianOf(() =>
  [...candidates].sort((a, b) => Number(b.scores.feasibility) + Number(b.scores.transferValue) - (Number(a.scores.feasibility) + Number(a.scores.transferValue))),
);
const ranking = await medianOf(() => rankApplications(candidates, scheme.criteria));
line('  reference: sort by float total (no exclusions, no ties)', ms(floatSort));
line('  rankApplications (exact totals, tie steps, merit order)', `${ms(ranking)} (${ratio(ranking, floatSort)} of reference)`);

const ranked = rankApplications(candidates, scheme.criteria);
const requests = ranked.focusAreas.flatMap((area) =>
  area.ranked.map((entry) => ({ applicationId: entry.applicationId, focusArea: entry.focusArea, meritOrder: entry.meritOrder, firstYear: entry.firstYearRequest, laterYears: [entry.firstYearRequest] })),
);
const allocation = await medianOf(() => allocate(requests, scheme, { noFit: 'skip', releaseReserve: ['so1', 'so2', 'so5'] }));
line('  allocate (skip, all reserves released: two runs)', ms(allocation));
