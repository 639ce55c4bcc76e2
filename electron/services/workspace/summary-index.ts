// The workspace index (docs/workspace.md § Workspace index): one cached ApplicationSummary per application
// for one assessor, so a workspace of thousands of applications is listed from one file instead of
// re-reading every package and re-running every rule. Never trusted blindly: each entry carries the
// fingerprints (inode, size, mtime, ctime in ns) of the three files it was built from, taken *before*
// they were read, and is rebuilt when any of them differs on disk; the file carries a checksum and a key
// (index format, rule catalogue, scheme, assessor), and a damaged or foreign file is rebuilt whole.
import { mkdir, readFile } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Assessor } from '../../../shared/assessment/schema';
import { sha256Hex } from '../hash/sha256';
import { writeFileAtomic } from '../store/atomic-write';
import { runExclusive } from '../store/file-queue';
import type { ApplicationSummary } from './applications';
import { applicationIds, readApplication } from './applications';
import { isErrno } from './errors';
import { assessmentFile, MANIFEST_FILE, PACKAGE_LOCK_FILE, packageDir } from './layout';
import { rulesVersion } from './rules-version';
import type { Workspace } from './workspace';

export const INDEX_DIR = '.index';
const INDEX_FORMAT = 1;
/** Saves mark the index dirty; it is written at most this often (it is a cache: losing it costs a rebuild). */
const PERSIST_DELAY_MS = 1_000;

const entrySchema = z.object({
  packageSha256: z.string(),
  assessmentVersion: z.number().int().nullable(),
  /** Fingerprints of soknad.json, package.lock.json and the assessor's assessment file ('-' = absent). */
  files: z.tuple([z.string(), z.string(), z.string()]),
  summary: z.custom<ApplicationSummary>((value) => typeof value === 'object' && value !== null),
});
type Entry = z.infer<typeof entrySchema>;

const indexFileSchema = z.object({
  format: z.literal(INDEX_FORMAT),
  key: z.string(),
  checksum: z.string(),
  entries: z.record(z.string(), entrySchema),
});

interface IndexState {
  file: string;
  key: string;
  entries: Map<string, Entry>;
  dirty: boolean;
  timer: NodeJS.Timeout | null;
}

export interface IndexStats {
  /** Entries taken from the index after their fingerprints matched. */
  reused: number;
  /** Entries (re)built from the files: new, stale, edited behind the index's back, or a damaged index. */
  rebuilt: number;
  /** Why the index file itself was not used: 'missing', 'damaged', 'other-key', or null when it was. */
  fileProblem: 'missing' | 'damaged' | 'other-key' | null;
}

// One in-memory index per opened workspace and assessor; an open makes a new Workspace, so a new check.
const states = new WeakMap<Workspace, Map<string, IndexState>>();

function indexKey(ws: Workspace, assessor: Assessor | null): string {
  return sha256Hex(JSON.stringify([INDEX_FORMAT, rulesVersion(), ws.meta.schemeSha256, assessor?.id ?? null]));
}

function indexFile(ws: Workspace, assessor: Assessor | null): string {
  // The assessor id is [a-z0-9-] (assessment store), so it is a safe file name; '_' is no assessor.
  return join(ws.dir, INDEX_DIR, `${assessor?.id ?? '_'}.json`);
}

function fingerprint(path: string): string {
  try {
    const stat = statSync(path, { bigint: true });
    return `${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return '-';
    throw error;
  }
}

function fingerprints(ws: Workspace, applicationId: string, assessor: Assessor | null): Entry['files'] {
  const dir = packageDir(ws.dir, applicationId);
  return [
    fingerprint(join(dir, MANIFEST_FILE)),
    fingerprint(join(dir, PACKAGE_LOCK_FILE)),
    assessor === null ? '-' : fingerprint(assessmentFile(ws.dir, assessor.id, applicationId)),
  ];
}

function checksumOf(entries: Record<string, Entry>): string {
  return sha256Hex(JSON.stringify(entries));
}

async function loadState(ws: Workspace, assessor: Assessor | null): Promise<{ state: IndexState; problem: IndexStats['fileProblem'] }> {
  const file = indexFile(ws, assessor);
  const key = indexKey(ws, assessor);
  const state: IndexState = { file, key, entries: new Map(), dirty: true, timer: null };
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return { state, problem: 'missing' };
    throw error;
  }
  let parsed: z.infer<typeof indexFileSchema>;
  try {
    const result = indexFileSchema.safeParse(JSON.parse(text));
    if (!result.success || checksumOf(result.data.entries) !== result.data.checksum) return { state, problem: 'damaged' };
    parsed = result.data;
  } catch {
    // Not JSON (cut short, overwritten): a cache, so it is rebuilt, and the stats say so.
    return { state, problem: 'damaged' };
  }
  if (parsed.key !== key) return { state, problem: 'other-key' };
  state.entries = new Map(Object.entries(parsed.entries));
  state.dirty = false;
  return { state, problem: null };
}

async function stateFor(ws: Workspace, assessor: Assessor | null): Promise<{ state: IndexState; problem: IndexStats['fileProblem'] }> {
  let perWorkspace = states.get(ws);
  if (perWorkspace === undefined) {
    perWorkspace = new Map();
    states.set(ws, perWorkspace);
  }
  const key = indexKey(ws, assessor);
  const known = perWorkspace.get(key);
  if (known !== undefined) return { state: known, problem: null };
  const loaded = await loadState(ws, assessor);
  perWorkspace.set(key, loaded.state);
  return loaded;
}

async function rebuildEntry(ws: Workspace, applicationId: string, assessor: Assessor | null): Promise<Entry> {
  // Fingerprints before the read: a write in between leaves a mismatch, so the next check rebuilds again.
  const files = fingerprints(ws, applicationId, assessor);
  const { record, assessmentVersion } = await readApplication(ws, applicationId, assessor);
  return { packageSha256: record.lock.packageSha256, assessmentVersion, files, summary: record.summary };
}

async function persist(ws: Workspace, state: IndexState): Promise<void> {
  if (state.timer !== null) clearTimeout(state.timer);
  state.timer = null;
  if (!state.dirty) return;
  state.dirty = false;
  const entries = Object.fromEntries(state.entries);
  const text = JSON.stringify({ format: INDEX_FORMAT, key: state.key, checksum: checksumOf(entries), entries });
  await runExclusive(state.file, async () => {
    await mkdir(join(ws.dir, INDEX_DIR), { recursive: true });
    await writeFileAtomic(state.file, text);
  });
}

function schedulePersist(ws: Workspace, state: IndexState): void {
  state.dirty = true;
  if (state.timer !== null) return;
  state.timer = setTimeout(() => {
    persist(ws, state).catch((error: unknown) => {
      // The index is a cache: a failed write only means the next open rebuilds; say so, do not crash.
      console.warn(`${state.file}: workspace index not written (${error instanceof Error ? error.message : String(error)})`);
    });
  }, PERSIST_DELAY_MS);
  // A CLI process must not wait for the cache; the next open verifies and rebuilds what is missing.
  state.timer.unref();
}

/**
 * The summaries of every imported application for `assessor`, sorted by id: each from the index when its
 * files are unchanged, otherwise rebuilt from the files (and the index written back).
 */
export async function listSummaries(ws: Workspace, assessor: Assessor | null = null): Promise<{ summaries: ApplicationSummary[]; stats: IndexStats }> {
  const ids = await applicationIds(ws);
  const { state, problem } = await stateFor(ws, assessor);
  const stats: IndexStats = { reused: 0, rebuilt: 0, fileProblem: problem };
  const summaries: ApplicationSummary[] = [];
  const present = new Set(ids);
  for (const id of state.entries.keys()) {
    if (!present.has(id)) {
      state.entries.delete(id);
      state.dirty = true;
    }
  }
  for (const id of ids) {
    const known = state.entries.get(id);
    const files = fingerprints(ws, id, assessor);
    if (known !== undefined && known.files.every((value, i) => value === files[i])) {
      stats.reused += 1;
      summaries.push(known.summary);
      continue;
    }
    const entry = await rebuildEntry(ws, id, assessor);
    state.entries.set(id, entry);
    state.dirty = true;
    stats.rebuilt += 1;
    summaries.push(entry.summary);
  }
  await persist(ws, state);
  return { summaries, stats };
}

/** One application's summary, rebuilt from its files (after a save); the index is updated in memory. */
export async function refreshSummary(ws: Workspace, applicationId: string, assessor: Assessor | null = null): Promise<ApplicationSummary> {
  const entry = await rebuildEntry(ws, applicationId, assessor);
  const { state } = await stateFor(ws, assessor);
  state.entries.set(applicationId, entry);
  schedulePersist(ws, state);
  return entry.summary;
}

/** Writes a pending index now (tests, and a process about to exit). */
export async function flushIndex(ws: Workspace): Promise<void> {
  for (const state of states.get(ws)?.values() ?? []) await persist(ws, state);
}
