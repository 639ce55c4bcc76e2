// Application package format v1 (DESIGN.md §4): the schema of `soknad.json`.
// Every field is documented in docs/package-format.md. Only optional fields may be added to v1.
import { z } from 'zod';
import { isValidOrganisationNumber } from './organisation-number';

/** ISO 8601 date-time that carries an explicit offset (Z or ±hh:mm): a deadline is meaningless without one. */
export const offsetDateTimeSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/, {
    message: 'must be an ISO 8601 date-time with an offset, e.g. 2021-02-09T12:00:00+01:00',
  })
  .refine((value) => !Number.isNaN(Date.parse(value)), { message: 'is not a real date-time' });

/** Calendar date (no time, no zone) in YYYY-MM-DD. */
export const calendarDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date in the form YYYY-MM-DD' })
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
    message: 'is not a real calendar date',
  });

export const organisationNumberSchema = z
  .string()
  .regex(/^\d{9}$/, { message: 'must be 9 digits' })
  .refine(isValidOrganisationNumber, { message: 'fails the MOD11 check digit' });

export const municipalityNumberSchema = z.string().regex(/^\d{4}$/, { message: 'must be 4 digits, e.g. "0301"' });

/** Whole kroner. Money is never a float. */
export const kronerSchema = z.number().int({ message: 'must be whole kroner (an integer)' }).nonnegative();

export const applicationIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'must be 1–64 letters, digits, ".", "_" or "-"' });

const contactSchema = z
  .object({ name: z.string().min(1), email: z.string().email(), phone: z.string().optional() })
  .strict();

export const applicantSchema = z
  .object({
    name: z.string().min(1),
    organisationNumber: organisationNumberSchema,
    municipalityNumber: municipalityNumberSchema,
    /** Name of the applying unit when it is not the municipality itself (bydel, voksenopplæring, KF …). */
    unitName: z.string().optional(),
    contact: contactSchema,
  })
  .strict();

export const partnerMunicipalitySchema = z
  .object({
    municipalityNumber: municipalityNumberSchema,
    name: z.string().min(1),
    organisationNumber: organisationNumberSchema.optional(),
  })
  .strict();

export const projectSchema = z
  .object({
    title: z.string().min(1),
    summary: z.string().min(1),
    goals: z.array(z.string().min(1)),
    targetGroup: z.string().min(1),
    priorityThemes: z.array(z.string().min(1)),
    startDate: calendarDateSchema,
    endDate: calendarDateSchema,
    /** The project tests measures outside introduksjonsloven (R08). */
    outsideIntroductionAct: z.boolean(),
    /** An exemption has been requested from Kunnskapsdepartementet (R08). */
    exemptionRequested: z.boolean(),
    /** SO1: the measures are education-oriented (R18). */
    educationOriented: z.boolean().optional(),
    /** SO1: participants are informed that personal data is collected for research (R22). */
    participantsInformedOfResearch: z.boolean().optional(),
    /** Cooperation with voluntary organisations (R15). */
    volunteerCooperation: z.boolean().optional(),
  })
  .strict();

export const genderSchema = z.enum(['female', 'male', 'other', 'unknown']);

export const participantSchema = z
  .object({
    id: z.string().min(1),
    birthDate: calendarDateSchema,
    /** SO1: has completed year 3 of the introduction programme (R17). */
    completedIntroYear3: z.boolean().optional(),
    /** SO1: the date year 3 was completed; the offer should follow without a gap (R17). */
    introYear3CompletedOn: calendarDateSchema.optional(),
    /** Receives a stipend from another scheme (R24). */
    otherStipend: z.boolean(),
    gender: genderSchema,
    /** SO1: the extended course is anchored in the participant's individual plan (R19). */
    anchoredInIndividualPlan: z.boolean().optional(),
    /** First and last day of the stipend period; default: the project period. */
    stipendStart: calendarDateSchema.optional(),
    stipendEnd: calendarDateSchema.optional(),
  })
  .strict();

export const participantsSchema = z
  .object({
    count: z.number().int().nonnegative(),
    /** SO1/SO2: one entry per participant. */
    list: z.array(participantSchema).optional(),
  })
  .strict();

export const budgetYearSchema = z
  .object({
    year: z.number().int().min(2000).max(2100),
    totalCost: kronerSchema,
    ownContribution: kronerSchema,
    requestedGrant: kronerSchema,
    otherFunding: kronerSchema,
    /** Part of requestedGrant that is participant stipend (SO1/SO2). */
    stipendRequested: kronerSchema,
  })
  .strict();

export const previousProjectSchema = z
  .object({
    title: z.string().min(1),
    year: z.number().int(),
    description: z.string().min(1),
    fundedBy: z.string().optional(),
    outcome: z.string().optional(),
  })
  .strict();

export const partnerKindSchema = z.enum([
  'social-entrepreneur',
  'voluntary-organisation',
  'university',
  'college',
  'nav',
  'county',
  'health-service',
  'employer',
  'other',
]);

export const orgFormSchema = z.enum(['AS', 'stiftelse', 'frivillig-organisasjon', 'SA', 'ANS', 'ENK', 'kommunalt-foretak', 'other']);

export const partnerSchema = z
  .object({
    kind: partnerKindSchema,
    name: z.string().min(1),
    organisationNumber: organisationNumberSchema.optional(),
    orgForm: orgFormSchema.optional(),
    /** SO2: statutes forbid taking out dividends (R23). */
    noDividendInStatutes: z.boolean().optional(),
    /** SO2: how the social entrepreneur sustains itself (R23). */
    businessModel: z.string().optional(),
    /** SO2: the social problem it answers and the social results that drive it (R23). */
    socialMission: z.string().optional(),
  })
  .strict();

export const supervisorSchema = z
  .object({
    name: z.string().min(1),
    institution: z.string().min(1),
    institutionKind: z.enum(['university', 'college', 'other']),
    financedInBudget: z.boolean(),
    involvedInApplication: z.boolean(),
  })
  .strict();

export const deliverySchema = z
  .object({
    classroom: z.boolean(),
    online: z.boolean(),
    /** Results published as guidance resources for teachers (R30). */
    teacherGuidance: z.boolean(),
    /** Digital tools are tested for higher learning outcome (R29). */
    digitalToolsLearningOutcome: z.boolean().optional(),
  })
  .strict();

export const healthSchema = z
  .object({
    interdisciplinary: z.boolean(),
    referralBased: z.boolean(),
    usesHelsedirektoratetGuide: z.boolean(),
    /** Work-oriented model (e.g. Fontenehus) or method for progression (R39). */
    workOrientedModel: z.string().optional(),
  })
  .strict();

export const attachmentKindSchema = z.enum(['application', 'budget', 'letter-of-intent', 'statutes', 'cv', 'plan', 'other']);

export const attachmentSchema = z
  .object({
    /** Relative path inside the package, forward slashes, no "..". */
    path: z
      .string()
      .min(1)
      .refine((p) => !p.startsWith('/') && !p.includes('\\') && !/^[A-Za-z]:/.test(p) && !p.split('/').includes('..'), {
        message: 'must be a relative path inside the package without ".." or backslashes',
      }),
    kind: attachmentKindSchema,
    title: z.string().min(1),
  })
  .strict();

export const applicationPackageSchema = z
  .object({
    formatVersion: z.literal(1),
    schemeId: z.string().min(1),
    applicationId: applicationIdSchema,
    submittedAt: offsetDateTimeSchema,
    applicant: applicantSchema,
    partnerMunicipalities: z.array(partnerMunicipalitySchema),
    focusArea: z.number().int().min(1, { message: 'must be a focus area 1–6' }).max(6, { message: 'must be a focus area 1–6' }),
    project: projectSchema,
    participants: participantsSchema,
    budget: z.array(budgetYearSchema).min(1),
    previousProjects: z.array(previousProjectSchema),
    partners: z.array(partnerSchema),
    supervisor: supervisorSchema.optional(),
    delivery: deliverySchema.optional(),
    health: healthSchema.optional(),
    evaluationPlan: z.string(),
    attachments: z.array(attachmentSchema),
  })
  .strict();

export type ApplicationPackage = z.infer<typeof applicationPackageSchema>;
export type Participant = z.infer<typeof participantSchema>;
export type BudgetYear = z.infer<typeof budgetYearSchema>;
export type Partner = z.infer<typeof partnerSchema>;
export type Attachment = z.infer<typeof attachmentSchema>;
export type FocusAreaNumber = 1 | 2 | 3 | 4 | 5 | 6;
