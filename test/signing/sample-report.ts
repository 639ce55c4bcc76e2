// A complete AssessmentReportInput with Norwegian text, used by the signing tests and the bench.
import type { AssessmentReportInput } from '../../electron/services/pdf/report-input';

export const FEASIBILITY_JUSTIFICATION =
  'Kommunen har gjennomført to tilsvarende prosjekter med god kvalitet, og prosjektleder har relevant erfaring. Budsjettet er realistisk og egenandelen er tydelig.';
export const TRANSFER_JUSTIFICATION =
  'Modellen for arbeidsrettet norskopplæring kan overføres til andre kommuner; veilederen fra høgskolen sikrer dokumentasjon.';

export function sampleReportInput(applicationId = 'SO1-2021-017', signedAt = new Date('2021-03-15T09:30:00Z')): AssessmentReportInput {
  return {
    scheme: {
      id: 'imdi-kommunale-integreringstiltak-2021',
      title: 'Tilskudd til utvikling av kommunale integreringstiltak 2021',
      owner: 'Integrerings- og mangfoldsdirektoratet (IMDi)',
      year: 2021,
      round: 'Søknadsrunde 2021 (frist 9. februar 2021)',
      sha256: 'a3f1c2d4e5b60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00',
    },
    application: {
      id: applicationId,
      applicant: 'Bærum kommune',
      organisationNumber: '974550156',
      municipality: '3024 Bærum (Viken)',
      projectTitle: 'Utvidet opplæring – fra introduksjonsprogram til fagbrev',
      focusArea: 'SO1 – Utvidet introduksjonsprogram',
      requestedAmount: 1_250_000,
      submittedAt: '2021-02-08T14:12:00+01:00',
      period: '2021-08-01 – 2023-07-31',
    },
    files: [
      { path: 'soknad.json', sha256: '0f5e1c9b7a3d2e4f6a8b0c1d2e3f405162738495a6b7c8d9e0f1a2b3c4d5e6f7', bytes: 5812 },
      { path: 'vedlegg/budsjett-ærlig.pdf', sha256: '9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4938271605f4e3d2c1b0a9f8e7d6c5b4a3', bytes: 48211 },
    ],
    evaluation: {
      verdict: 'Kvalifisert (eligible)',
      rows: [
        { ruleId: 'R01', title: 'Søker er en kommune', severity: 'reject', kind: 'auto', status: 'pass', reason: 'Bærum kommune (3024) finnes i kommunelisten 2020.' },
        { ruleId: 'R02', title: 'Mottatt innen fristen', severity: 'reject', kind: 'auto', status: 'pass', reason: 'Mottatt 8. februar 2021, før fristen.' },
        {
          ruleId: 'R05',
          title: 'Tidligere relevante prosjekter',
          severity: 'reject',
          kind: 'auto-override',
          status: 'pass',
          reason: 'Ingen tidligere prosjekter oppgitt i søknaden.',
          review: { action: 'override', status: 'pass', comment: 'Prosjekt fra 2019 er beskrevet i vedlegg 2, side 3.', at: '2021-03-14T10:00:00+01:00' },
        },
        { ruleId: 'R06', title: 'Egenandel', severity: 'reject', kind: 'auto', status: 'pass', reason: 'Egenandel 300 000 kr.' },
        { ruleId: 'R17', title: 'Fullført år 3 i introduksjonsprogrammet', severity: 'reject', kind: 'manual', status: 'pass', reason: 'Bekreftet av saksbehandler.' },
      ],
    },
    impartiality: { conflict: false, reason: '', declaredAt: '2021-03-14T09:00:00+01:00' },
    scores: [
      {
        criterionId: 'feasibility',
        title: 'Gjennomføringsevne',
        weight: 0.6,
        threshold: 3,
        score: 4,
        scaleMin: 1,
        scaleMax: 5,
        levelDescriptor: 'God: tydelig plan, realistisk budsjett og relevant erfaring.',
        justification: FEASIBILITY_JUSTIFICATION,
      },
      {
        criterionId: 'transferValue',
        title: 'Overføringsverdi',
        weight: 0.4,
        threshold: 3,
        score: 3,
        scaleMin: 1,
        scaleMax: 5,
        levelDescriptor: 'Middels: noe overføringsverdi, begrenset dokumentasjon.',
        justification: TRANSFER_JUSTIFICATION,
      },
    ],
    totals: { weightedTotal: '3,6', maximum: '5,0', thresholdStatus: 'Over terskel på begge kriterier (above both thresholds)' },
    stipend: {
      lines: [
        { label: '4 deltakere over 25 år, 12 måneder, 1 G per år', amount: 425_596 },
        { label: '2 deltakere under 25 år, 12 måneder, 2/3 av 2 G, inntil 1 G', amount: 212_798 },
      ],
      total: 638_394,
      note: 'Beregnet måned for måned med G i kraft hver måned; avrundet til hele kroner til slutt.',
    },
    recommendation: { decision: 'grant', amount: 1_100_000, comment: 'Anbefales med redusert beløp for drift.' },
    assessor: { name: 'Øyvind Ærø Åsen', email: 'oyvind@example.no', fingerprint: '00:11:22' },
    assessmentVersion: 7,
    finalisedAt: '2021-03-15T10:25:00+01:00',
    signedAt,
  };
}
