// One assessor's assessment of one application. Stored per assessor and application in the workspace.
import { z } from 'zod';
import { applicationIdSchema } from '../package/schema';

const instant = z.string().regex(/(Z|[+-]\d{2}:\d{2})$/, { message: 'must carry an offset' });

export const assessorSchema = z
  .object({
    /** Stable slug used in file names: lower-case letters, digits and "-". */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/),
    name: z.string().min(1),
    email: z.string().email().optional(),
  })
  .strict();

export const impartialitySchema = z
  .object({
    /** The assessor has considered forvaltningsloven § 6 for this application. */
    declared: z.literal(true),
    /** True when the assessor is disqualified (inhabil); scoring is then blocked. */
    conflict: z.boolean(),
    /** Required when conflict is true: the ground, e.g. relation to the applicant. */
    reason: z.string(),
    declaredAt: instant,
  })
  .strict();

/** The assessor's decision on one rule: confirm a manual rule, or override an auto result with a reason. */
export const ruleReviewSchema = z
  .object({
    ruleId: z.string().regex(/^R\d{2}$/),
    action: z.enum(['confirm', 'override']),
    status: z.enum(['pass', 'fail', 'not-applicable']),
    comment: z.string().min(1),
    at: instant,
  })
  .strict();

export const criterionScoreSchema = z
  .object({
    criterionId: z.enum(['feasibility', 'transferValue']),
    score: z.number().int().nullable(),
    justification: z.string(),
  })
  .strict();

export const recommendationSchema = z
  .object({
    decision: z.enum(['undecided', 'grant', 'reject']),
    /** Recommended amount in whole kroner; never above the requested amount. */
    amount: z.number().int().nonnegative(),
    comment: z.string(),
  })
  .strict();

export const assessmentSchema = z
  .object({
    formatVersion: z.literal(1),
    applicationId: applicationIdSchema,
    schemeId: z.string().min(1),
    assessor: assessorSchema,
    status: z.enum(['draft', 'final']),
    /** Increases by one on every save; the store refuses a save from an older version. */
    version: z.number().int().nonnegative(),
    updatedAt: instant,
    impartiality: impartialitySchema.nullable(),
    ruleReviews: z.array(ruleReviewSchema),
    scores: z.array(criterionScoreSchema),
    recommendation: recommendationSchema,
    finalisedAt: instant.nullable(),
    reopenings: z.array(z.object({ at: instant, reason: z.string().min(1) }).strict()),
  })
  .strict();

export type Assessor = z.infer<typeof assessorSchema>;
export type Impartiality = z.infer<typeof impartialitySchema>;
export type RuleReview = z.infer<typeof ruleReviewSchema>;
export type CriterionScore = z.infer<typeof criterionScoreSchema>;
export type Recommendation = z.infer<typeof recommendationSchema>;
export type Assessment = z.infer<typeof assessmentSchema>;
