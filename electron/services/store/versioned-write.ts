// The versioned write every stored record uses (assessments, the panel's consensus): the new version goes to
// history/<version>.json first, then atomically over the main file, then history is pruned. A kill in between
// leaves the previous version in the main file and the new one in history (docs/workspace.md § Assessments).
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { HISTORY_NAME, historyName } from './assessment-file';
import { writeFileAtomic } from './atomic-write';
import { nodeFiles } from './file-port';
import type { FilePort } from './file-port';

export interface VersionedWriteOptions {
  /** The file layer (tests inject write faults through it). */
  files?: FilePort;
  /** Runs after the history copy and before the main file (the assessment store appends its audit record). */
  beforeMain?: () => Promise<void>;
}

/** History keeps this many newest versions per record (final versions included). */
export const HISTORY_KEEP = 50;

export async function writeVersioned(file: string, historyDir: string, version: number, text: string, options: VersionedWriteOptions = {}): Promise<void> {
  const files = options.files ?? nodeFiles;
  await mkdir(historyDir, { recursive: true });
  // History first: if we die before the main file is replaced, the main file still holds the previous version.
  await writeFileAtomic(join(historyDir, historyName(version)), text, files);
  await options.beforeMain?.();
  await writeFileAtomic(file, text, files);
  // Pruning is housekeeping after a complete save: its failure must not report the save as failed.
  await pruneHistory(historyDir).catch((error: unknown) => {
    process.emitWarning(`${historyDir}: old history versions could not be pruned (${error instanceof Error ? error.message : String(error)})`);
  });
}

async function pruneHistory(historyDir: string): Promise<void> {
  const names = (await readdir(historyDir)).filter((n) => HISTORY_NAME.test(n));
  // Prune in batches so an autosave does not delete a file on every keystroke.
  if (names.length <= HISTORY_KEEP + 10) return;
  const surplus = names.sort().slice(0, names.length - HISTORY_KEEP);
  await Promise.all(surplus.map((name) => rm(join(historyDir, name), { force: true })));
}
