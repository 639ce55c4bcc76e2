import { z } from 'zod';

/** Text in both UI languages. Norwegian bokmål is the default; English is required too. */
export const localizedTextSchema = z.object({ nb: z.string().min(1), en: z.string().min(1) }).strict();
export type LocalizedText = z.infer<typeof localizedTextSchema>;

export type Language = 'nb' | 'en';
export const LANGUAGES: readonly Language[] = ['nb', 'en'];
