// Builds the AssessmentReportInput for one application and one final assessment from the workspace:
// the package lock (file hashes), the rule evaluation with the assessor's reviews, scores and stipend.
import type { Assessment } from '../../../shared/assessment/schema';
import { findMunicipality } from '../../../shared/municipality/registry';
import { applyReviews } from '../../../shared/rules/evaluate';
import { thresholdStatus, weightedTotal } from '../../../shared/scoring/scores';
import { formatLongDate, formatMean } from '../../../shared/time/display';
import { formatKroner } from '../pdf/format';
import type { AssessmentReportInput } from '../pdf/report-input';
import type { ApplicationRecord } from '../workspace/applications';
import type { Workspace } from '../workspace/workspace';

const VERDICT: Record<string, string> = {
  eligible: 'Oppfyller de formelle kravene',
  ineligible: 'Oppfyller ikke de formelle kravene',
  'needs-review': 'Må avklares',
};

export interface SignerInfo {
  name: string;
  email: string | undefined;
  fingerprint: string;
}

export function reportInputFor(ws: Workspace, record: ApplicationRecord, assessment: Assessment, signer: SignerInfo, signedAt: Date): AssessmentReportInput {
  const { scheme } = ws;
  const { application } = record;
  const focusArea = scheme.focusAreas.find((area) => area.id === application.focusArea);
  const requested = (application.budget ?? []).reduce((sum, year) => sum + year.requestedGrant, 0);
  const evaluation = record.evaluation ? applyReviews(record.evaluation, assessment.ruleReviews) : null;
  const thresholds = thresholdStatus(assessment.scores, scheme);
  const total = weightedTotal(assessment.scores, scheme);
  const stipend = evaluation?.stipend;
  const municipality = findMunicipality(application.applicant.municipalityNumber);
  return {
    scheme: {
      id: scheme.id,
      title: scheme.title.nb,
      owner: scheme.owner,
      year: scheme.year,
      round: `Søknadsrunde ${scheme.year} (frist ${formatLongDate(scheme.deadline.date, 'nb')})`,
      sha256: ws.meta.schemeSha256,
    },
    application: {
      id: application.applicationId,
      applicant: application.applicant.unitName ? `${application.applicant.name} (${application.applicant.unitName})` : application.applicant.name,
      organisationNumber: application.applicant.organisationNumber,
      municipality: municipality
        ? `${municipality.number} ${municipality.name} (${municipality.countyName})`
        : application.applicant.municipalityNumber,
      projectTitle: application.project.title,
      focusArea: focusArea ? `${focusArea.code} – ${focusArea.title.nb}` : `SO${application.focusArea}`,
      requestedAmount: requested,
      submittedAt: application.submittedAt,
      period: `${formatLongDate(application.project.startDate, 'nb')} – ${formatLongDate(application.project.endDate, 'nb')}`,
    },
    files: record.lock.files.map((file) => ({ path: file.path, sha256: file.sha256, bytes: file.size })),
    evaluation: {
      verdict: evaluation ? (VERDICT[evaluation.verdict] ?? evaluation.verdict) : 'Reglene kunne ikke kjøres',
      rows: (evaluation?.rules ?? [])
        .filter((rule) => rule.status !== 'not-applicable')
        .map((rule) => ({
          ruleId: rule.id,
          title: rule.title.nb,
          severity: rule.severity,
          kind: rule.kind,
          status: rule.status,
          reason: rule.review ? rule.autoReason.nb : rule.reason.nb,
          ...(rule.review ? { review: rule.review } : {}),
        })),
    },
    impartiality: assessment.impartiality
      ? { conflict: assessment.impartiality.conflict, reason: assessment.impartiality.reason, declaredAt: assessment.impartiality.declaredAt }
      : null,
    scores: scheme.criteria.map((criterion) => {
      const entry = assessment.scores.find((score) => score.criterionId === criterion.id);
      const score = entry?.score ?? null;
      const level = criterion.levels.find((candidate) => candidate.score === score);
      return {
        criterionId: criterion.id,
        title: criterion.title.nb,
        weight: criterion.weight,
        threshold: criterion.threshold,
        score,
        scaleMin: scheme.scoring.scale.min,
        scaleMax: scheme.scoring.scale.max,
        levelDescriptor: level ? level.descriptor.nb : '–',
        justification: entry?.justification ?? '',
        thresholdStatus: thresholds.find((status) => status.criterionId === criterion.id)?.status ?? 'missing',
      };
    }),
    totals: {
      // The same "vektet snitt" with two decimals as the assessor's screen (shared/time/display formatMean).
      weightedTotal: total === undefined ? 'ikke beregnet' : formatMean(total, 'nb'),
      maximum: formatMean(scheme.scoring.scale.max, 'nb'),
      thresholdStatus: thresholds
        .map((entry) => {
          const title = scheme.criteria.find((criterion) => criterion.id === entry.criterionId)?.title.nb ?? entry.criterionId;
          const word = entry.status === 'met' ? 'når terskelen' : entry.status === 'not-met' ? 'under terskelen' : 'mangler poeng';
          return `${title}: ${word}, terskel ${entry.threshold}`;
        })
        .join('; '),
    },
    stipend: stipend
      ? {
          lines: stipend.participants.map((participant) => ({
            label: `Deltaker ${participant.participantId} (${formatLongDate(participant.start, 'nb')} – ${formatLongDate(participant.end, 'nb')})${participant.excludedForOtherStipend ? ', har annen stønad' : ''}`,
            amount: participant.grantShare,
          })),
          total: stipend.totalGrantShare,
          note: `Tilskuddets andel per deltaker. Deltakerstønad i alt ${formatKroner(stipend.totalStipend)}, kommunens andel ${formatKroner(stipend.totalMunicipalityShare)}. Per år: ${Object.entries(stipend.grantShareByYear)
            .map(([year, amount]) => `${year} ${formatKroner(amount)}`)
            .join(', ')}. Beregnet måned for måned med G i kraft; årene og deltakerne summerer til totalen.`,
        }
      : null,
    recommendation: assessment.recommendation,
    assessor: { name: signer.name, ...(signer.email ? { email: signer.email } : {}), fingerprint: signer.fingerprint },
    assessmentVersion: assessment.version,
    finalisedAt: assessment.finalisedAt,
    signedAt,
  };
}
