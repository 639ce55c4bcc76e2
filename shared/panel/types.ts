// The panel round's data (DESIGN.md §7, docs/panel.md): round settings, merged assessments, per-application
// statistics and flags, the lead's consensus, and the snapshot that reports and screens read
// (electron/services/panel/snapshot.ts readPanelSnapshot). zod schemas so the IPC layer can validate them.
import { z } from 'zod';
import { localizedTextSchema } from '../i18n/localized';
import type { AllocationResult } from './allocation';
import type { RankingResult } from './ranking';
import type { PanelAgreement } from './round';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const instant = z.string().regex(/(Z|[+-]\d{2}:\d{2})$/, { message: 'must carry an offset' });
const kroner = z.number().int().nonnegative();
const criterionId = z.enum(['feasibility', 'transferValue']);
const assessorId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);
const applicationId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/);
const verdict = z.enum(['eligible', 'ineligible', 'needs-review']);

// ---------------------------------------------------------------------------------------------------------
// Round settings (panel/settings.json)

export const consensusMethodSchema = z.enum(['median', 'mean']);
/** What allocation does when the next application in rank order does not fit what is left of its pool. */
export const allocationShortfallSchema = z.enum(['skip', 'offer-remainder']);

export const roundSettingsSchema = z
  .object({
    formatVersion: z.literal(1),
    /** Assessments each application needs; fewer gives the too-few-assessments flag. */
    assessorsPerApplication: z.number().int().min(1).max(50),
    flagThresholds: z
      .object({
        /** A criterion's spread (max − min score) at or above this is flagged. */
        spread: z.number().int().min(1),
        /** Recommended amounts are flagged when max − min is more than this percentage of min. */
        amountDifferencePercent: z.number().int().min(0).max(1000),
      })
      .strict(),
    /** How the computed consensus score is made from the included assessors' scores. */
    consensusMethod: consensusMethodSchema,
    /** Minimum length (characters, trimmed) of the lead's justification for a consensus decision. */
    consensusJustificationMinLength: z.number().int().min(1).max(2000),
    allocationShortfall: allocationShortfallSchema,
    /** Reserved pools (scheme pool ids) whose unused funds the lead has released to the shared pool. */
    releasedReserves: z.array(z.string().min(1)),
  })
  .strict();

export type ConsensusMethod = z.infer<typeof consensusMethodSchema>;
export type AllocationShortfall = z.infer<typeof allocationShortfallSchema>;
export type RoundSettings = z.infer<typeof roundSettingsSchema>;

export const DEFAULT_ROUND_SETTINGS: RoundSettings = {
  formatVersion: 1,
  assessorsPerApplication: 2,
  flagThresholds: { spread: 2, amountDifferencePercent: 25 },
  consensusMethod: 'median',
  consensusJustificationMinLength: 40,
  allocationShortfall: 'skip',
  releasedReserves: [],
};

// ---------------------------------------------------------------------------------------------------------
// Merged assessments (derived from the stored exchange files)

/**
 * included: counts in every figure. conflict-of-interest: the assessor declared inhabilitet; kept, shown,
 * excluded from every figure. version-conflict: two different files claim this assessor's same version;
 * excluded until a newer version is merged. superseded: an older version, kept for the record.
 */
export const mergedStatusSchema = z.enum(['included', 'conflict-of-interest', 'version-conflict', 'superseded']);

export const mergedAssessmentSchema = z
  .object({
    applicationId,
    assessorId,
    assessorName: z.string().min(1),
    version: z.number().int().nonnegative(),
    status: mergedStatusSchema,
    /** SHA-256 of the canonical assessment JSON: two files with the same assessment are not a conflict. */
    assessmentSha256: sha256Hex,
    /** Every stored exchange file that carries this exact assessment (sorted). */
    exchangeFileSha256s: z.array(sha256Hex).min(1),
    signerFingerprint: z.string(),
    /** False when merged with --allow-untrusted (unsigned signer not on the trust list): shown everywhere. */
    trusted: z.boolean(),
    finalisedAt: instant.nullable(),
    conflictOfInterest: z.object({ reason: z.string() }).strict().nullable(),
    scores: z.array(z.object({ criterionId, score: z.number().int().nullable(), justification: z.string() }).strict()),
    /** The assessor's verdict: the rules on the panel's copy of the package with this assessor's rule reviews. */
    eligibility: verdict,
    recommendation: z
      .object({
        decision: z.enum(['undecided', 'grant', 'reject']),
        /** For the whole project period, as the assessor recommended it. */
        amount: kroner,
        /** The first budget year's share of amount (amount × first-year request ÷ total request, rounded down). */
        firstYearAmount: kroner,
        comment: z.string(),
      })
      .strict(),
  })
  .strict();

export type MergedStatus = z.infer<typeof mergedStatusSchema>;
export type MergedAssessment = z.infer<typeof mergedAssessmentSchema>;

// ---------------------------------------------------------------------------------------------------------
// Flags

export const flagKindSchema = z.enum([
  'too-few-assessments',
  'conflict-of-interest',
  'spread',
  'threshold-split',
  'eligibility-disagreement',
  'grant-vs-reject',
  'amount-difference',
  'version-conflict',
  'untrusted-input',
]);

export type FlagKind = z.infer<typeof flagKindSchema>;

/** The flags the lead settles by an explicit, justified decision to go on (no consensus value answers them). */
export const acknowledgeableFlagKindSchema = z.enum(['too-few-assessments', 'version-conflict', 'untrusted-input']);
export type AcknowledgeableFlagKind = z.infer<typeof acknowledgeableFlagKindSchema>;

/**
 * open: needs the lead (or more input). settled: the lead recorded a consensus decision that answers it.
 * automatic: handled by a fixed rule (a conflicted assessor is excluded); shown, needs nothing.
 */
export const flagSettlementSchema = z
  .object({
    state: z.enum(['open', 'settled', 'automatic']),
    /** The consensus decision that settled it (settled only). */
    justification: z.string().nullable(),
    by: z.string().nullable(),
    at: instant.nullable(),
  })
  .strict();

export const flagSchema = z
  .object({
    kind: flagKindSchema,
    applicationId,
    /** Set for per-criterion flags (spread, threshold-split). */
    criterionId: criterionId.nullable(),
    /** The assessors concerned, sorted. */
    assessorIds: z.array(assessorId),
    reason: localizedTextSchema,
    /** True when ranking is held back until it is settled (an eligibility disagreement). */
    blocksRanking: z.boolean(),
    settlement: flagSettlementSchema,
  })
  .strict();

export type FlagSettlement = z.infer<typeof flagSettlementSchema>;
export type Flag = z.infer<typeof flagSchema>;

// ---------------------------------------------------------------------------------------------------------
// Consensus (panel/consensus/<applicationId>.json, written by the lead)

export const consensusCriterionEntrySchema = z
  .object({
    criterionId,
    /** computed: the lead accepts the computed value (and says why); lead: the lead's own score. */
    source: z.enum(['computed', 'lead']),
    /** The lead's score (source lead) on the scheme's scale; null for computed. */
    score: z.number().int().nullable(),
    justification: z.string().min(1),
    at: instant,
    by: z.string().min(1),
  })
  .strict();

export const consensusRecordSchema = z
  .object({
    formatVersion: z.literal(1),
    applicationId,
    /** Optimistic concurrency and history, as for assessments. */
    version: z.number().int().nonnegative(),
    updatedAt: instant,
    criteria: z.array(consensusCriterionEntrySchema),
    eligibility: z
      .object({ verdict: z.enum(['eligible', 'ineligible']), justification: z.string().min(1), at: instant, by: z.string().min(1) })
      .strict()
      .nullable(),
    /** The consensus amount for the FIRST budget year, whole kroner. */
    amount: z.object({ firstYearAmount: kroner, justification: z.string().min(1), at: instant, by: z.string().min(1) }).strict().nullable(),
    /**
     * Flags no score, verdict or amount can answer, which the lead settles by deciding to go on (docs/panel.md §
     * Flags): too few assessments (rank on those there are), a version conflict (rank without that assessor's
     * clashing versions) and untrusted input (the lead checked the signer another way; the file stays marked).
     * Optional, so records written before it stay valid.
     */
    acknowledged: z
      .array(z.object({ kind: acknowledgeableFlagKindSchema, justification: z.string().min(1), at: instant, by: z.string().min(1) }).strict())
      .optional(),
  })
  .strict();

export type ConsensusCriterionEntry = z.infer<typeof consensusCriterionEntrySchema>;
export type ConsensusRecord = z.infer<typeof consensusRecordSchema>;

/** A change asked for by `vurder consensus set` / the screens; every field optional, each with its justification. */
export const consensusChangeSchema = z
  .object({
    applicationId,
    criteria: z
      .array(
        z
          .object({
            criterionId,
            /** A number: the lead's own score. "computed": accept the computed value. null: remove the lead's entry. */
            score: z.union([z.number().int(), z.literal('computed'), z.null()]),
            justification: z.string(),
          })
          .strict(),
      )
      .optional(),
    eligibility: z
      .object({ verdict: z.union([z.enum(['eligible', 'ineligible']), z.null()]), justification: z.string() })
      .strict()
      .optional(),
    amount: z.object({ firstYearAmount: z.union([kroner, z.null()]), justification: z.string() }).strict().optional(),
    /** The lead goes on despite a flag of this kind (see consensusRecordSchema.acknowledged). */
    acknowledge: z.object({ kind: acknowledgeableFlagKindSchema, justification: z.string() }).strict().optional(),
  })
  .strict();

export type ConsensusChange = z.infer<typeof consensusChangeSchema>;

// ---------------------------------------------------------------------------------------------------------
// Statistics and the effective consensus per application

export const criterionStatisticsSchema = z
  .object({
    criterionId,
    weight: z.number(),
    threshold: z.number().int(),
    /** Included assessors' scores (conflicted, conflicting and missing scores left out), by assessor id. */
    scores: z.array(z.object({ assessorId, score: z.number().int() }).strict()),
    count: z.number().int().nonnegative(),
    mean: z.number().nullable(),
    median: z.number().nullable(),
    min: z.number().int().nullable(),
    max: z.number().int().nullable(),
    /** max − min; null without scores. */
    spread: z.number().int().nullable(),
  })
  .strict();

export type CriterionStatistics = z.infer<typeof criterionStatisticsSchema>;

export const consensusValueSource = z.enum(['computed', 'lead', 'none']);

export const effectiveConsensusSchema = z
  .object({
    criteria: z.array(
      z
        .object({
          criterionId,
          /** The consensus score: the lead's, or the computed median/mean; null without scores. */
          value: z.number().nullable(),
          computed: z.number().nullable(),
          source: consensusValueSource,
          justification: z.string().nullable(),
          meetsThreshold: z.boolean().nullable(),
        })
        .strict(),
    ),
    /** Σ weight × value, null when a criterion has no value. */
    weightedTotal: z.number().nullable(),
    meetsEveryThreshold: z.boolean(),
    /** unsettled: assessors disagree and the lead has not decided; the application is not ranked. */
    eligibility: z.object({ verdict: z.enum(['eligible', 'ineligible', 'unsettled']), source: consensusValueSource, justification: z.string().nullable() }).strict(),
    /** First-year consensus amount in whole kroner (never above the first-year request). */
    amount: z.object({ firstYearAmount: kroner.nullable(), source: consensusValueSource, justification: z.string().nullable() }).strict(),
  })
  .strict();

export type EffectiveConsensus = z.infer<typeof effectiveConsensusSchema>;

export const panelApplicationSchema = z
  .object({
    applicationId,
    applicantName: z.string(),
    municipalityNumber: z.string(),
    title: z.string(),
    focusArea: z.number().int().min(1).max(6),
    /** The scheme pool this focus area draws from. */
    poolId: z.string(),
    /** The panel's own copy of the package: its identity hash and every file's hash. */
    packageSha256: sha256Hex,
    packageFiles: z.array(z.object({ path: z.string(), sha256: sha256Hex, bytes: z.number().int().nonnegative() }).strict()),
    requested: z.object({ total: kroner.nullable(), firstYear: kroner.nullable(), firstYearYear: z.number().int().nullable() }).strict(),
    /** The panel's own rule verdict on its copy (no reviews). */
    panelVerdict: verdict.nullable(),
    /** Newest version per assessor (included, conflict-of-interest or version-conflict), sorted by assessor id. */
    assessments: z.array(mergedAssessmentSchema),
    /** Older versions, kept for the record. */
    superseded: z.array(mergedAssessmentSchema),
    statistics: z.array(criterionStatisticsSchema),
    /** First-year amounts of the included assessors who recommend a grant. */
    amounts: z.object({ count: z.number().int(), mean: z.number().nullable(), median: z.number().nullable(), min: kroner.nullable(), max: kroner.nullable() }).strict(),
    flags: z.array(flagSchema),
    consensus: effectiveConsensusSchema,
    /** The stored consensus record (null before the lead's first decision). */
    consensusRecord: consensusRecordSchema.nullable(),
  })
  .strict();

export type PanelApplication = z.infer<typeof panelApplicationSchema>;

// ---------------------------------------------------------------------------------------------------------
// The snapshot

export const mergedExchangeFileSchema = z
  .object({
    sha256: sha256Hex,
    /** Relative to the workspace, e.g. panel/exchange/<sha256>.vurder.json. */
    storedAs: z.string(),
    assessorId,
    assessorName: z.string(),
    signerFingerprint: z.string(),
    createdAt: instant,
    trusted: z.boolean(),
    applicationIds: z.array(applicationId),
  })
  .strict();

export type MergedExchangeFile = z.infer<typeof mergedExchangeFileSchema>;

export const panelAssessorSchema = z
  .object({
    assessorId,
    name: z.string(),
    fingerprints: z.array(z.string()),
    /** False when any of this assessor's merged files came in untrusted. */
    trusted: z.boolean(),
    /** Applications with an included assessment from this assessor. */
    included: z.number().int(),
    conflictsOfInterest: z.number().int(),
  })
  .strict();

export type PanelAssessor = z.infer<typeof panelAssessorSchema>;

export const panelSnapshotSchema = z
  .object({
    formatVersion: z.literal(1),
    workspace: z.object({ dir: z.string(), id: z.string(), schemeId: z.string(), schemeSha256: sha256Hex, createdAt: instant }).strict(),
    settings: roundSettingsSchema,
    exchangeFiles: z.array(mergedExchangeFileSchema),
    assessors: z.array(panelAssessorSchema),
    /** Sorted by application id. */
    applications: z.array(panelApplicationSchema),
    flagCounts: z.object({ total: z.number().int(), open: z.number().int() }).strict(),
    /** RankingResult of shared/panel/ranking.ts (rankApplications on the effective consensus). */
    ranking: z.unknown(),
    /** AllocationResult of shared/panel/allocation.ts with the round settings; null when allocationProblem says why. */
    allocation: z.unknown(),
    allocationProblem: localizedTextSchema.nullable(),
    /** PanelAgreement[] of shared/panel/round.ts: Krippendorff's α per criterion, with assessor offsets. */
    agreement: z.unknown(),
  })
  .strict();

/** The snapshot with panelmath's result types filled in (the zod schema keeps them opaque). */
export type PanelSnapshot = Omit<z.infer<typeof panelSnapshotSchema>, 'ranking' | 'allocation' | 'agreement'> & {
  ranking: RankingResult;
  allocation: AllocationResult | null;
  agreement: PanelAgreement[];
};
