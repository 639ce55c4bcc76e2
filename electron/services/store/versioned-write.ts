// The versioned write every stored record uses (assessments, the panel's consensus): the new version goes to
// history/<version>.json first, then atomically over the main file, then history is pruned. A kill in between
// leaves the previous version in the main file and the new one in history (docs/workspace.md § Assessments).
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { HISTORY_NAME, historyName } from './assessment-file';
import { writeFileAtomic } from './atomic-write';

/** History keeps this many newest versions per record (final versions included). */
export const HISTORY_KEEP = 50;

export async function writeVersioned(file: string, historyDir: string, version: number, text: string): Promise<void> {
  await mkdir(historyDir, { recursive: true });
  // History first: if we die before the main file is replaced, the main file still holds the previous version.
  await writeFileAtomic(join(historyDir, historyName(version)), text);
  await writeFileAtomic(file, text);
  await pruneHistory(historyDir);
}

async function pruneHistory(historyDir: string): Promise<void> {
  const names = (await readdir(historyDir)).filter((n) => HISTORY_NAME.test(n));
  // Prune in batches so an autosave does not delete a file on every keystroke.
  if (names.length <= HISTORY_KEEP + 10) return;
  const surplus = names.sort().slice(0, names.length - HISTORY_KEEP);
  await Promise.all(surplus.map((name) => rm(join(historyDir, name), { force: true })));
}
