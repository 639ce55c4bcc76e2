// A PanelReportModel built directly (no workspace), for the document tests and the bench: `count`
// applications over the six focus areas with Norwegian names, long titles, every flag state and reason kind.
import { createHash } from 'node:crypto';
import { getBuiltInScheme } from '../../shared/scheme/load';
import type { SchemeDefinition } from '../../shared/scheme/schema';
import type { AssessmentRow, FlagRow, FocusAreaSection, NotRecommendedRow, PanelReportModel, PoolFigures, ReportApplicant } from '../../electron/services/panel-report/model';

const PLACES = ['Ålesund', 'Bærum', 'Tromsø', 'Øygarden', 'Lillestrøm', 'Sør-Varanger', 'Trondheim', 'Bø', 'Værøy', 'Åmli', 'Kinn', 'Drammen'];
const TITLES = [
  'Norskopplæring med flerspråklig støtte',
  'Utprøving av en systematisk erfaringsbasert språkdidaktikk for ungdommer med liten skolebakgrunn i forberedende voksenopplæring – et forsknings- og utviklingsprosjekt',
  'Fontenehuset som inkludering- og integreringsarena',
  'Jobbsjansen Intro',
  'Sosialt entreprenørskap som verktøy for økt arbeidsdeltakelse',
  'Tilpassa løp for fagbrev industrimekaniker – interkommunalt samarbeid',
];

function sha(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export function requireScheme(): SchemeDefinition {
  const scheme = getBuiltInScheme('imdi-kommunale-integreringstiltak-2021');
  if (!scheme) throw new Error('built-in scheme missing');
  return scheme;
}

export function sampleModel(count = 14, generatedAt = new Date('2021-04-15T10:00:00+02:00')): PanelReportModel {
  const scheme = requireScheme();
  const criteria = scheme.criteria.map((criterion) => ({ id: criterion.id, title: criterion.title.nb, weight: criterion.weight, threshold: criterion.threshold }));
  const applicants: ReportApplicant[] = [];
  for (let index = 0; index < count; index += 1) {
    const focusArea = (index % 6) + 1;
    const place = PLACES[index % PLACES.length] ?? 'Oslo';
    applicants.push({
      applicationId: `SO${focusArea}-2021-${String(index + 1).padStart(3, '0')}`,
      applicantName: index === 3 ? `=HYPERLINK("http://x") ${place} kommune` : `${place} kommune`,
      municipalityNumber: String(3000 + index).padStart(4, '0'),
      projectTitle: `${TITLES[index % TITLES.length] ?? 'Prosjekt'}${index >= TITLES.length ? ` (${index + 1})` : ''}`,
      focusArea,
      poolId: scheme.focusAreas[focusArea - 1]?.poolId ?? 'shared',
      packageSha256: sha(`package ${index}`),
      requested: { total: 900_000 + index * 3_000, firstYear: 300_000 + index * 1_000, firstYearYear: 2021 },
    });
  }
  const notRecommended: NotRecommendedRow[] = [];
  const focusAreas: FocusAreaSection[] = scheme.focusAreas.map((area) => ({ focusArea: area.id, code: area.code, title: area.title.nb, poolId: area.poolId, ranked: [] }));
  const remaining = new Map(scheme.budget.pools.map((pool) => [pool.id, pool.amount]));
  applicants.forEach((applicant, index) => {
    if (index % 7 === 5) {
      notRecommended.push({
        applicationId: applicant.applicationId,
        reasons: [{ kind: 'ineligible', rules: [{ id: 'R27', title: 'Minst 10 deltakere', schemeText: 'Det er en forutsetning at prosjektet har minimum 10 deltakere.' }], justification: null }],
      });
      return;
    }
    if (index % 7 === 6) {
      notRecommended.push({
        applicationId: applicant.applicationId,
        reasons: [{ kind: 'below-threshold', scores: [{ criterionId: 'feasibility', title: 'Gjennomføringsevne', score: 3.5, threshold: 4 }] }],
      });
      return;
    }
    const section = focusAreas[applicant.focusArea - 1];
    if (!section) return;
    const requested = applicant.requested.firstYear ?? 0;
    const left = remaining.get(applicant.poolId) ?? 0;
    const first = requested <= left ? requested : 0;
    remaining.set(applicant.poolId, left - first);
    if (first === 0) {
      const pool = scheme.budget.pools.find((candidate) => candidate.id === applicant.poolId);
      notRecommended.push({ applicationId: applicant.applicationId, reasons: [{ kind: 'no-funds', poolId: applicant.poolId, poolTitle: pool?.title.nb ?? '', left, requested }] });
    }
    section.ranked.push({
      rank: section.ranked.length + 1,
      applicationId: applicant.applicationId,
      scores: { feasibility: 6 - (section.ranked.length % 3) * 0.5, transferValue: 5.5 },
      weightedTotal: 11.5 - (section.ranked.length % 3) * 0.5,
      tieNote: section.ranked.length === 2 ? 'lik sum; avgjort på gjennomføringsevne' : null,
      firstYearAmount: first,
      remainderOffered: false,
      laterYears: [
        { year: 2022, amount: first },
        { year: 2023, amount: (applicant.requested.total ?? 0) - 2 * first },
      ],
    });
  });
  const pools: PoolFigures[] = scheme.budget.pools.map((pool) => {
    const allocated = focusAreas.filter((area) => pool.focusAreas.includes(area.focusArea)).flatMap((area) => area.ranked).reduce((sum, row) => sum + row.firstYearAmount, 0);
    return { id: pool.id, title: pool.title.nb, focusAreas: [...pool.focusAreas], reserved: pool.reserved, amount: pool.amount, releasedIn: 0, releasedOut: 0, allocated, left: pool.amount - allocated };
  });
  const assessors = [
    { id: 'kari-nordmann', name: 'Kari Nordmann' },
    { id: 'oyvind-aero-asen', name: 'Øyvind Ærø Åsen' },
  ];
  const assessments: AssessmentRow[] = applicants.flatMap((applicant, index) =>
    assessors.map((assessor, which) => ({
      applicationId: applicant.applicationId,
      assessorId: assessor.id,
      assessorName: assessor.name,
      status: 'included',
      trusted: true,
      version: 1,
      finalisedAt: '2021-03-20T14:00:00+01:00',
      eligibility: 'eligible',
      decision: index % 7 >= 5 ? 'reject' : 'grant',
      amount: applicant.requested.total ?? 0,
      firstYearAmount: applicant.requested.firstYear ?? 0,
      scores: [
        { criterionId: 'feasibility', score: 5 + which, justification: which === 0 ? '-2 poeng for svak plan; ellers god erfaring fra tidligere prosjekter i kommunen.' : 'Solid erfaring, tydelig organisering og realistisk budsjett med egenandel.' },
        { criterionId: 'transferValue', score: 5 + ((index + which) % 2), justification: '+ god spredningsplan til andre kommuner og evaluering med forskningsmiljø.' },
      ],
      comment: which === 0 ? '@lead: se budsjettet' : '',
    })),
  );
  const flags: FlagRow[] = [
    {
      applicationId: applicants[0]?.applicationId ?? '',
      kind: 'spread',
      criterionId: 'feasibility',
      assessorIds: assessors.map((assessor) => assessor.id),
      reason: 'Spredning 3 poeng (2–5) på gjennomføringsevne.',
      state: 'settled',
      justification: 'Panelet legger vekt på den dokumenterte erfaringen fra to tidligere prosjekter og setter 4.',
      by: 'Øyvind Ærø Åsen',
      at: '2021-04-10T09:30:00+02:00',
    },
    {
      applicationId: applicants[1]?.applicationId ?? '',
      kind: 'conflict-of-interest',
      criterionId: null,
      assessorIds: ['kari-nordmann'],
      reason: 'Kari Nordmann har erklært seg inhabil.',
      state: 'automatic',
      justification: null,
      by: null,
      at: null,
    },
  ];
  return {
    scheme,
    schemeSha256: sha('scheme'),
    round: { id: 'imdi-2021-hovedrunde', createdAt: '2021-03-01T09:00:00+01:00' },
    lead: { name: 'Øyvind Ærø Åsen', email: 'oyvind@example.no', fingerprint: 'AB:CD' },
    generatedAt,
    criteria,
    applicants,
    focusAreas,
    pools,
    budgetTotal: scheme.budget.total,
    allocatedTotal: pools.reduce((sum, pool) => sum + pool.allocated, 0),
    shortfall: 'skip',
    notRecommended,
    flags,
    assessments,
    agreement: {
      criteria: criteria.map((criterion, index) => ({ criterionId: criterion.id, title: criterion.title, alphaOrdinal: 0.61 + index / 10, alphaInterval: 0.58 + index / 10, interval: [0.41, 0.77], pairs: count * 2 })),
      assessors: assessors.flatMap((assessor, index) =>
        criteria.map((criterion) => ({ assessorId: assessor.id, name: assessor.name, criterionId: criterion.id, criterionTitle: criterion.title, meanOffset: index === 0 ? -0.5 : 0.25, applications: count })),
      ),
    },
    hashes: {
      packages: applicants.map((applicant) => ({ label: applicant.applicationId, detail: applicant.applicantName, sha256: applicant.packageSha256 })),
      exchangeFiles: assessors.map((assessor) => ({ label: assessor.name, detail: '2021-03-20 14:00 +01:00', sha256: sha(assessor.id) })),
    },
    awardListNotes: [],
    awards: focusAreas.flatMap((area) =>
      area.ranked.filter((row) => row.firstYearAmount > 0).map((row) => {
        const applicant = applicants.find((candidate) => candidate.applicationId === row.applicationId);
        return { focusArea: area.focusArea, applicationId: row.applicationId, applicantName: applicant?.applicantName ?? '', projectTitle: applicant?.projectTitle ?? '', amount: row.firstYearAmount };
      }),
    ),
  };
}
