// A round-level impartiality declaration (forvaltningsloven § 6, issue 12 point 3): one assessor states once
// that they have no conflict with any of the listed applicants. It covers exactly the applications it lists
// (a package imported later is not covered) and fills in the per-application declaration of an assessment that
// has none yet; a conflict on one application is still declared on that application and locks it as before.
import { z } from 'zod';
import type { Impartiality } from './schema';
import { assessorSchema } from './schema';
import { applicationIdSchema } from '../package/schema';

const instant = z.string().regex(/(Z|[+-]\d{2}:\d{2})$/, { message: 'must carry an offset' });

export const roundDeclarationSchema = z
  .object({
    formatVersion: z.literal(1),
    assessor: assessorSchema,
    declaredAt: instant,
    /** Every application the declaration covers, with the applicant named as the assessor saw it. */
    applications: z.array(z.object({ applicationId: applicationIdSchema, applicantName: z.string() }).strict()).min(1),
  })
  .strict();

export type RoundDeclaration = z.infer<typeof roundDeclarationSchema>;

/** The per-application declaration the round declaration stands for, or null when it does not list the application. */
export function impartialityFromRound(declaration: RoundDeclaration | null, applicationId: string): Impartiality | null {
  if (declaration === null || !declaration.applications.some((entry) => entry.applicationId === applicationId)) return null;
  return { declared: true, conflict: false, reason: '', declaredAt: declaration.declaredAt };
}
