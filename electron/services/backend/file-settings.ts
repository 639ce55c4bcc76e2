// Settings kept in one JSON file: used by the CLI and by the browser bridge of the e2e tests. The app keeps
// the same data in electron-store (electron/shell/settings.ts) behind the same SettingsStore interface.
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { assessorSchema } from '../../../shared/assessment/schema';
import { appError } from '../../../shared/errors/format';
import { writeFileAtomic } from '../store/atomic-write';
import type { SettingsStore, StoredSettings } from './ports';

export const DEFAULT_SETTINGS: StoredSettings = {
  language: 'nb',
  assessor: null,
  firstRunDone: false,
  recentWorkspaces: [],
};

export const storedSettingsSchema = z.object({
  language: z.enum(['nb', 'en']).catch('nb'),
  assessor: assessorSchema.nullable().catch(null),
  firstRunDone: z.boolean().catch(false),
  recentWorkspaces: z
    .array(z.object({ dir: z.string().min(1), openedAt: z.string() }))
    .catch([]),
});

/**
 * Reads stored settings leniently: a field with a bad value falls back to its default (settings are a
 * convenience, never a reason the app will not start), but a file that is not JSON at all is reported.
 */
export function parseStoredSettings(raw: unknown): StoredSettings {
  const parsed = storedSettingsSchema.safeParse(raw);
  return parsed.success ? parsed.data : { ...DEFAULT_SETTINGS };
}

export function createFileSettingsStore(path: string): SettingsStore {
  return {
    async read() {
      let text: string;
      try {
        text = await readFile(path, 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { ...DEFAULT_SETTINGS };
        throw error;
      }
      try {
        return parseStoredSettings(JSON.parse(text));
      } catch {
        throw appError('settings.unreadable', path, { detail: 'not JSON' });
      }
    },
    async write(settings) {
      await writeFileAtomic(path, `${JSON.stringify(settings, null, 2)}\n`);
    },
  };
}
