// Flags of one application: what the panel lead should look at before ranking, each with a reason in nb and en
// and how it was settled (docs/panel.md § Flags). Pure; thresholds come from the round settings.
import type { SchemeDefinition } from '../scheme/schema';
import { formatKroner } from '../money/kroner';
import type { ConsensusRecord, CriterionStatistics, Flag, FlagKind, FlagSettlement, MergedAssessment, RoundSettings } from './types';

export interface FlagInput {
  applicationId: string;
  scheme: Pick<SchemeDefinition, 'criteria'>;
  settings: Pick<RoundSettings, 'assessorsPerApplication' | 'flagThresholds'>;
  /** The newest version per assessor (included, conflict-of-interest, version-conflict). */
  assessments: readonly MergedAssessment[];
  statistics: readonly CriterionStatistics[];
  record: ConsensusRecord | null;
}

const OPEN: FlagSettlement = { state: 'open', justification: null, by: null, at: null };
const AUTOMATIC: FlagSettlement = { state: 'automatic', justification: null, by: null, at: null };

function settledBy(decision: { justification: string; by: string; at: string } | null | undefined): FlagSettlement {
  return decision ? { state: 'settled', justification: decision.justification, by: decision.by, at: decision.at } : OPEN;
}

function ids(assessments: readonly MergedAssessment[]): string[] {
  return [...new Set(assessments.map((assessment) => assessment.assessorId))].sort();
}

const VERDICT_WORD = {
  eligible: { nb: 'oppfyller kravene', en: 'eligible' },
  ineligible: { nb: 'oppfyller ikke kravene', en: 'ineligible' },
  'needs-review': { nb: 'må vurderes', en: 'needs review' },
} as const;

export function flagsFor(input: FlagInput): Flag[] {
  const { applicationId, scheme, settings, assessments, statistics, record } = input;
  const flags: Flag[] = [];
  const add = (kind: FlagKind, who: readonly MergedAssessment[], reason: Flag['reason'], settlement: FlagSettlement, criterionId: Flag['criterionId'] = null) =>
    flags.push({ kind, applicationId, criterionId, assessorIds: ids(who), reason, blocksRanking: kind === 'eligibility-disagreement' && settlement.state === 'open', settlement });
  const included = assessments.filter((assessment) => assessment.status === 'included');
  const acknowledged = (kind: FlagKind) => settledBy(record?.acknowledged?.find((entry) => entry.kind === kind));

  const needed = settings.assessorsPerApplication;
  if (included.length < needed) {
    add('too-few-assessments', included, { nb: `${included.length} av ${needed} nødvendige vurderinger`, en: `${included.length} of the ${needed} assessments needed` }, acknowledged('too-few-assessments'));
  }
  for (const assessment of assessments.filter((a) => a.status === 'conflict-of-interest')) {
    const ground = assessment.conflictOfInterest?.reason.trim() || '–';
    add(
      'conflict-of-interest',
      [assessment],
      {
        nb: `${assessment.assessorName} har meldt seg inhabil (${ground}) og er holdt utenfor alle tall`,
        en: `${assessment.assessorName} declared a conflict of interest (${ground}) and is left out of every figure`,
      },
      AUTOMATIC,
    );
  }
  for (const assessorId of ids(assessments.filter((a) => a.status === 'version-conflict'))) {
    const clashing = assessments.filter((a) => a.status === 'version-conflict' && a.assessorId === assessorId);
    const version = clashing[0]?.version ?? 0;
    const files = clashing.flatMap((a) => a.exchangeFileSha256s.map((sha) => sha.slice(0, 12))).join(', ');
    add(
      'version-conflict',
      clashing,
      {
        nb: `to ulike filer fra ${clashing[0]?.assessorName ?? assessorId} har samme versjon ${version} (${files}); vurderingen er holdt utenfor til en nyere versjon er flettet inn`,
        en: `two different files from ${clashing[0]?.assessorName ?? assessorId} claim the same version ${version} (${files}); the assessment is left out until a newer version is merged`,
      },
      acknowledged('version-conflict'),
    );
  }
  const untrusted = assessments.filter((a) => !a.trusted);
  if (untrusted.length > 0) {
    const names = untrusted.map((a) => a.assessorName).join(', ');
    add('untrusted-input', untrusted, { nb: `ikke klarert signatur: ${names} (flettet med --allow-untrusted)`, en: `signature not trusted: ${names} (merged with --allow-untrusted)` }, acknowledged('untrusted-input'));
  }

  for (const criterion of scheme.criteria) {
    const stats = statistics.find((entry) => entry.criterionId === criterion.id);
    if (!stats || stats.count === 0) continue;
    const decision = settledBy(record?.criteria.find((entry) => entry.criterionId === criterion.id));
    const scored = included.filter((a) => stats.scores.some((entry) => entry.assessorId === a.assessorId));
    const title = criterion.title;
    if (stats.spread !== null && stats.spread >= settings.flagThresholds.spread) {
      add(
        'spread',
        scored,
        {
          nb: `${title.nb}: poengsummene sprer ${stats.spread} poeng (${stats.min}–${stats.max}); grensen er ${settings.flagThresholds.spread}`,
          en: `${title.en}: the scores spread ${stats.spread} points (${stats.min}–${stats.max}); the limit is ${settings.flagThresholds.spread}`,
        },
        decision,
        criterion.id,
      );
    }
    const below = stats.scores.filter((entry) => entry.score < criterion.threshold).length;
    if (below > 0 && below < stats.count) {
      add(
        'threshold-split',
        scored,
        {
          nb: `${title.nb}: ${below} av ${stats.count} poengsummer er under terskelen ${criterion.threshold}, resten over`,
          en: `${title.en}: ${below} of ${stats.count} scores are below the threshold ${criterion.threshold}, the rest at or above`,
        },
        decision,
        criterion.id,
      );
    }
  }

  const verdicts = new Set(included.map((a) => a.eligibility));
  if (verdicts.size > 1) {
    const listed = included.map((a) => `${a.assessorName}: ${VERDICT_WORD[a.eligibility].nb}`).join('; ');
    const listedEn = included.map((a) => `${a.assessorName}: ${VERDICT_WORD[a.eligibility].en}`).join('; ');
    add(
      'eligibility-disagreement',
      included,
      { nb: `uenighet om formell kvalifisering (${listed}); lederen må avgjøre før rangering`, en: `disagreement on eligibility (${listedEn}); the lead must settle it before ranking` },
      settledBy(record?.eligibility),
    );
  }
  const granting = included.filter((a) => a.recommendation.decision === 'grant');
  const rejecting = included.filter((a) => a.recommendation.decision === 'reject');
  if (granting.length > 0 && rejecting.length > 0) {
    add(
      'grant-vs-reject',
      [...granting, ...rejecting],
      {
        nb: `${granting.map((a) => a.assessorName).join(', ')} anbefaler tilskudd, ${rejecting.map((a) => a.assessorName).join(', ')} avslag`,
        en: `${granting.map((a) => a.assessorName).join(', ')} recommend a grant, ${rejecting.map((a) => a.assessorName).join(', ')} a rejection`,
      },
      settledBy(record?.amount),
    );
  }
  if (granting.length > 1) {
    const amounts = granting.map((a) => a.recommendation.amount);
    const low = Math.min(...amounts);
    const high = Math.max(...amounts);
    const percent = settings.flagThresholds.amountDifferencePercent;
    // Integers only: (high − low) / low > percent / 100, compared without division.
    if ((high - low) * 100 > percent * low) {
      add(
        'amount-difference',
        granting,
        {
          nb: `anbefalte beløp ligger mer enn ${percent} % fra hverandre (${formatKroner(low, 'nb')} – ${formatKroner(high, 'nb')})`,
          en: `recommended amounts are more than ${percent} % apart (${formatKroner(low, 'en')} – ${formatKroner(high, 'en')})`,
        },
        settledBy(record?.amount),
      );
    }
  }
  return flags;
}
