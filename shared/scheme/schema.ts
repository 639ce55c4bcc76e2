// Scheme definition (DESIGN.md §2): everything year-specific, so the 2022 scheme is a new JSON file, not new code.
import { z } from 'zod';
import { localizedTextSchema } from '../i18n/localized';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date YYYY-MM-DD' });
const kroner = z.number().int({ message: 'must be whole kroner' }).nonnegative();

export const focusAreaDefinitionSchema = z
  .object({
    id: z.number().int().min(1).max(6),
    code: z.string().regex(/^SO[1-6]$/),
    title: localizedTextSchema,
    targetGroup: localizedTextSchema,
    priorityThemes: z.array(localizedTextSchema),
    /** Rule ids (R17 …) that apply to this focus area in addition to the general rules. */
    requirementIds: z.array(z.string().regex(/^R\d{2}$/)),
    /** The budget pool this focus area draws from. */
    poolId: z.string().min(1),
    /** Minimum participants when the scheme sets one (SO3, SO4, SO6: 10). */
    minimumParticipants: z.number().int().positive().optional(),
  })
  .strict();

export const budgetPoolSchema = z
  .object({
    id: z.string().min(1),
    title: localizedTextSchema,
    focusAreas: z.array(z.number().int().min(1).max(6)).min(1),
    amount: kroner,
    /** Reserved for its focus areas; unused funds are released to the shared pool only when the lead says so. */
    reserved: z.boolean(),
  })
  .strict();

export const grunnbelopEntrySchema = z
  .object({ from: isoDate, amount: kroner })
  .strict();

export const rubricLevelSchema = z
  .object({ score: z.number().int(), descriptor: localizedTextSchema })
  .strict();

export const subAspectSchema = z
  .object({
    id: z.string().min(1),
    title: localizedTextSchema,
    guidance: localizedTextSchema,
    /** Only these focus areas (e.g. the SO3 supervisor); absent means every focus area. */
    focusAreas: z.array(z.number().int().min(1).max(6)).min(1).optional(),
  })
  .strict();

export const criterionSchema = z
  .object({
    id: z.enum(['feasibility', 'transferValue']),
    title: localizedTextSchema,
    description: localizedTextSchema,
    weight: z.number().positive(),
    /** Minimum score to pass on this criterion. */
    threshold: z.number().int(),
    subAspects: z.array(subAspectSchema),
    levels: z.array(rubricLevelSchema).min(2),
  })
  .strict();

/** What the decision letters quote from the scheme (R10, R12, R13, R14), so another year needs no code. */
export const decisionTextsSchema = z
  .object({
    /** R12: "Tilskuddet tildeles for ett år av gangen og utbetales i to terminer, vår og høst." */
    payment: z.object({ terms: z.array(localizedTextSchema).min(1), text: localizedTextSchema }).strict(),
    /** R10: the reservation that goes with every later year, e.g. "med forbehold om Stortingets bevilgning". */
    commitmentReservation: localizedTextSchema,
    /** R13: duties besides the dated reportingDeadlines; focusAreas limits a duty (SO1 individual reporting). */
    reportingDuties: z.array(z.object({ text: localizedTextSchema, focusAreas: z.array(z.number().int().min(1).max(6)).min(1).optional() }).strict()),
    /** Who may check that the funds are used as intended. */
    control: localizedTextSchema.optional(),
    /** R14: the scheme's statement on appeal, quoted in every letter. */
    appeal: localizedTextSchema,
    /** Where the applicant can ask questions. */
    contact: localizedTextSchema,
  })
  .strict();

export const schemeDefinitionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: localizedTextSchema,
    owner: z.string().min(1),
    year: z.number().int(),
    source: z.string().min(1),
    deadline: z
      .object({
        /** Last day applications are accepted; the whole day counts, in timeZone. */
        date: isoDate,
        timeZone: z.literal('Europe/Oslo'),
        /** The instant the deadline ends, with offset, derived from date + timeZone and stored for audit. */
        endsAt: z.string().regex(/(Z|[+-]\d{2}:\d{2})$/),
      })
      .strict(),
    focusAreas: z.array(focusAreaDefinitionSchema).length(6),
    budget: z.object({ total: kroner, pools: z.array(budgetPoolSchema).min(1) }).strict(),
    maxDurationYears: z.number().int().positive(),
    reportingDeadlines: z.array(z.object({ date: isoDate, title: localizedTextSchema }).strict()),
    grunnbelop: z.array(grunnbelopEntrySchema).min(1),
    stipend: z
      .object({
        so1: z
          .object({
            annualG: z.number().positive(),
            youngAgeLimit: z.number().int().positive(),
            /** Fraction of the full stipend for participants under youngAgeLimit, as numerator/denominator. */
            youngFraction: z.object({ numerator: z.number().int().positive(), denominator: z.number().int().positive() }).strict(),
            grantCapG: z.number().positive(),
          })
          .strict(),
        so2: z.object({ grantCapG: z.number().positive(), requiresNoOtherStipend: z.boolean() }).strict(),
      })
      .strict(),
    scoring: z
      .object({
        scale: z.object({ min: z.number().int(), max: z.number().int() }).strict(),
        justificationMinLength: z.number().int().nonnegative(),
        /** Why thresholds and weights are what they are (the scheme text is silent on thresholds). */
        note: localizedTextSchema,
      })
      .strict(),
    criteria: z.array(criterionSchema).length(2),
    /** Texts for the decision letters; a scheme without them cannot produce letters (vurder report --letters). */
    decision: decisionTextsSchema.optional(),
  })
  .strict();

export type SchemeDefinition = z.infer<typeof schemeDefinitionSchema>;
export type FocusAreaDefinition = z.infer<typeof focusAreaDefinitionSchema>;
export type Criterion = z.infer<typeof criterionSchema>;
export type CriterionId = Criterion['id'];
export type BudgetPool = z.infer<typeof budgetPoolSchema>;
export type SubAspect = z.infer<typeof subAspectSchema>;
export type DecisionTexts = z.infer<typeof decisionTextsSchema>;
export type GrunnbelopEntry = z.infer<typeof grunnbelopEntrySchema>;
