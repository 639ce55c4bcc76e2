// `vurder demo` and the app's first-start offer: a new workspace with the 2021 scheme and one imported package per
// 2021 award, through the same workspace and import services as any other import.
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ImportResult } from '../import/import-packages';
import { importPackages } from '../import/import-packages';
import { isErrno } from '../workspace/errors';
import type { Workspace } from '../workspace/workspace';
import { createWorkspace } from '../workspace/workspace';
import { DEMO_SCHEME_ID } from './application';
import { generateDemoPackages, writeDemoPackage } from './generate';

export interface DemoProgress {
  /** generate: building packages and PDFs; import: copying them into the workspace. */
  phase: 'generate' | 'import';
  done: number;
  total: number;
}

export interface DemoWorkspaceResult {
  workspace: Workspace;
  /** One per demo package, in award order. */
  results: ImportResult[];
}

export interface DemoWorkspaceOptions {
  /** The resources/ folder (award list, fonts); defaults to the repository's. */
  resourcesDir?: string;
  /** Recorded in the audit log as who imported the packages. */
  actor?: string;
}

/**
 * Creates the workspace `dir` (which must not exist or be empty: createWorkspace refuses otherwise, before
 * anything is generated) and imports the demo round into it. If generation or import fails, the folder is
 * left as it was found (absent or empty) and the error is rethrown.
 */
export async function createDemoWorkspace(
  dir: string,
  onProgress?: (progress: DemoProgress) => void,
  options: DemoWorkspaceOptions = {},
): Promise<DemoWorkspaceResult> {
  const actor = options.actor ?? 'demo';
  const existedBefore = await exists(dir);
  const workspace = await createWorkspace(dir, { schemeId: DEMO_SCHEME_ID }, actor);
  try {
    return { workspace, results: await importDemoRound(workspace, actor, onProgress, options.resourcesDir) };
  } catch (error) {
    // createWorkspace only accepts an empty or missing folder, so everything in it is ours: remove it, so the
    // offer can be retried in the same place instead of failing with "not empty".
    if (existedBefore) await Promise.all((await readdir(workspace.dir)).map((name) => rm(join(workspace.dir, name), { recursive: true, force: true })));
    else await rm(workspace.dir, { recursive: true, force: true });
    throw error;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return false;
    throw error;
  }
}

/** Generates the demo packages and imports them into `workspace` (an assessor's or a panel's). */
export async function importDemoRound(
  workspace: Workspace,
  actor: string,
  onProgress: ((progress: DemoProgress) => void) | undefined,
  resourcesDir: string | undefined,
): Promise<ImportResult[]> {
  const packages = await generateDemoPackages({
    ...(resourcesDir ? { resourcesDir } : {}),
    onProgress: (done, total) => onProgress?.({ phase: 'generate', done, total }),
  });
  // The importer reads packages from disk like any user's; the generated folders live only until imported.
  const sourceDir = await mkdtemp(join(tmpdir(), 'vurder-demo-'));
  try {
    const paths: string[] = [];
    for (const demo of packages) paths.push(await writeDemoPackage(sourceDir, demo));
    return await importPackages(workspace, paths, {
      actor,
      onProgress: (event) => {
        if (event.phase === 'done') onProgress?.({ phase: 'import', done: event.index + 1, total: event.total });
      },
    });
  } finally {
    await rm(sourceDir, { recursive: true, force: true });
  }
}
