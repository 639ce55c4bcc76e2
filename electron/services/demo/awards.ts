// The 2021 award list (resources/demo/awards-2021.json): one entry per awarded project, the seed of the demo round.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { applicationIdSchema, municipalityNumberSchema, organisationNumberSchema } from '../../../shared/package/schema';

const municipalityRefSchema = z
  .object({ number: municipalityNumberSchema, name: z.string().min(1), organisationNumber: organisationNumberSchema })
  .strict();

export const demoAwardSchema = z
  .object({
    id: applicationIdSchema,
    focusArea: z.number().int().min(1).max(6),
    /** Recipient exactly as written in the award table. */
    recipient: z.string().min(1),
    projectTitle: z.string().min(1),
    /** Awarded amount, whole kroner. */
    amount: z.number().int().positive(),
    municipality: municipalityRefSchema,
    /** "<Municipality> kommune" (or "herad"): the legal applicant. */
    applicantName: z.string().min(1),
    /** Set when the recipient is a unit of the municipality (bydel, voksenopplæring, KF …); its number is fictitious. */
    unit: z.object({ name: z.string().min(1), organisationNumber: organisationNumberSchema }).strict().nullable(),
    partnerMunicipalities: z.array(municipalityRefSchema),
  })
  .strict();

export const demoAwardsFileSchema = z
  .object({
    description: z.string(),
    source: z.string(),
    omitted: z.array(
      z
        .object({ focusArea: z.number().int(), recipient: z.string(), projectTitle: z.string(), amount: z.number().int(), reason: z.string() })
        .strict(),
    ),
    awards: z.array(demoAwardSchema).min(1),
  })
  .strict();

export type DemoAward = z.infer<typeof demoAwardSchema>;
export type DemoAwardsFile = z.infer<typeof demoAwardsFileSchema>;

/** The repository's resources/ folder, found from this file; the packaged app passes its own. */
export function defaultResourcesDir(): string {
  return fileURLToPath(new URL('../../../resources', import.meta.url));
}

export async function loadDemoAwards(resourcesDir: string = defaultResourcesDir()): Promise<DemoAwardsFile> {
  const file = join(resourcesDir, 'demo', 'awards-2021.json');
  const text = await readFile(file, 'utf8');
  const parsed = demoAwardsFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${file}: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'invalid award list'}`);
  }
  return parsed.data;
}
