// One application as the panel sees it: the merged assessments, statistics, flags and effective consensus.
// Pure; readPanelSnapshot supplies the package facts and the stored records.
import type { SchemeDefinition } from '../scheme/schema';
import { effectiveConsensus } from './consensus';
import { flagsFor } from './flags';
import { amountStatistics, criterionStatistics, includedAssessments } from './statistics';
import type { ConsensusRecord, MergedAssessment, PanelApplication, RoundSettings } from './types';

/** What the panel's own copy of the package says, before any assessment. */
export type ApplicationFacts = Pick<
  PanelApplication,
  'applicationId' | 'applicantName' | 'municipalityNumber' | 'title' | 'focusArea' | 'poolId' | 'packageSha256' | 'packageFiles' | 'requested' | 'panelVerdict'
>;

export function buildPanelApplication(
  facts: ApplicationFacts,
  merged: readonly MergedAssessment[],
  scheme: Pick<SchemeDefinition, 'criteria'>,
  settings: RoundSettings,
  record: ConsensusRecord | null,
): PanelApplication {
  const current = merged.filter((assessment) => assessment.status !== 'superseded');
  const included = includedAssessments(current);
  const statistics = scheme.criteria.map((criterion) => criterionStatistics(criterion, included));
  return {
    ...facts,
    assessments: current,
    superseded: merged.filter((assessment) => assessment.status === 'superseded'),
    statistics,
    amounts: amountStatistics(included),
    flags: flagsFor({ applicationId: facts.applicationId, scheme, settings, assessments: current, statistics, record }),
    consensus: effectiveConsensus(scheme, settings, statistics, included, record),
    consensusRecord: record,
  };
}
