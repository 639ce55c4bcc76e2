// A final assessment that passes shared/assessment/schema.ts, for exchange-file tests.
import type { Assessment } from '../../shared/assessment/schema';

export function sampleAssessment(applicationId = 'SO1-2021-017', name = 'Øyvind Ærø Åsen'): Assessment {
  return {
    formatVersion: 1,
    applicationId,
    schemeId: 'imdi-kommunale-integreringstiltak-2021',
    assessor: { id: 'oyvind', name, email: 'oyvind@example.no' },
    status: 'final',
    version: 7,
    updatedAt: '2021-03-15T10:25:00+01:00',
    impartiality: { declared: true, conflict: false, reason: '', declaredAt: '2021-03-14T09:00:00+01:00' },
    ruleReviews: [
      { ruleId: 'R05', action: 'override', status: 'pass', comment: 'Prosjekt fra 2019 er beskrevet i vedlegg 2.', at: '2021-03-14T10:00:00+01:00' },
    ],
    scores: [
      { criterionId: 'feasibility', score: 4, justification: 'God plan og realistisk budsjett.' },
      { criterionId: 'transferValue', score: 3, justification: 'Noe overføringsverdi.' },
    ],
    recommendation: { decision: 'grant', amount: 1_100_000, comment: 'Redusert beløp.' },
    finalisedAt: '2021-03-15T10:25:00+01:00',
    reopenings: [],
  };
}
