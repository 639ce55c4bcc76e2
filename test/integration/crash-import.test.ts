// An import killed with SIGKILL at a random moment leaves either no package or the whole package, never a part:
// staging happens in .staging/ and only one rename makes the package visible.
import { spawn } from 'node:child_process';
import { cp, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../../electron/services/audit/verify';
import { verifyStoredPackage } from '../../electron/services/workspace/verify-package';
import { createWorkspace, openWorkspace } from '../../electron/services/workspace/workspace';
import { fixturePackage, tempDir } from './helpers/workspace';

const importer = fileURLToPath(new URL('../../bench/crash/importer.ts', import.meta.url));
const ROUNDS = 8;

let root: { dir: string; cleanup: () => Promise<void> };
beforeAll(async () => {
  root = await tempDir('crash-import');
});
afterAll(async () => {
  await root.cleanup();
});

/** The Asker package under another id, with 60 extra files so that staging (one fsync per file) takes a while. */
async function makePackage(index: number): Promise<{ path: string; id: string }> {
  const id = `ASK-2021-${String(500 + index)}`;
  const path = join(root.dir, `pkg-${index}`);
  await cp(fixturePackage('so1-asker-eligible'), path, { recursive: true });
  const manifest = join(path, 'soknad.json');
  await writeFile(manifest, (await readFile(manifest, 'utf8')).replace('"ASK-2021-001"', `"${id}"`));
  await cp(join(path, 'vedlegg'), join(path, 'kopier'), { recursive: true });
  for (let i = 0; i < 60; i += 1) await writeFile(join(path, 'kopier', `fil-${i}.txt`), `fil ${i}\n`.repeat(200));
  return { path, id };
}

function importAndKill(ws: string, paths: readonly string[], delayMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', importer, ws, ...paths], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (out === '' && chunk.startsWith('ready')) timer = setTimeout(() => child.kill('SIGKILL'), delayMs);
      out += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => void (err += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL' || code === 0) resolve(out);
      else reject(new Error(`importer failed: ${err.trim()}`));
    });
  });
}

describe('import crash test', () => {
  it(`leaves no partial package after ${ROUNDS} SIGKILLs at random moments`, async () => {
    const ws = await createWorkspace(join(root.dir, 'ws'));
    let complete = 0;
    for (let index = 0; index < ROUNDS; index += 1) {
      const { path, id } = await makePackage(index);
      // Odd rounds are killed early, mostly while staging; even rounds get time to finish (the kill then finds
      // the child gone), so both outcomes are checked on any machine.
      await importAndKill(ws.dir, [path], index % 2 === 1 ? Math.random() * 400 : 30_000);
      const reopened = await openWorkspace(ws.dir);
      expect(await readdir(ws.dir)).not.toContain('.staging');
      if ((await readdir(join(ws.dir, 'packages'))).includes(id)) {
        expect(await verifyStoredPackage(reopened, id)).toMatchObject({ intact: true, problems: [] });
        complete += 1;
      }
      expect((await verifyAuditLog(ws.dir)).ok).toBe(true);
    }
    // Every package directory present is complete; the others were never visible.
    expect((await readdir(join(ws.dir, 'packages'))).length).toBe(complete);
    expect(complete).toBeGreaterThanOrEqual(ROUNDS / 2);
  }, 120_000);

  it('a batch killed at random keeps every package whole or absent, and every reported import durable and recorded', async () => {
    // Batches of five, so packages are read, staged and published at the same time (import-packages.ts).
    const ws = await createWorkspace(join(root.dir, 'ws-batch'));
    for (let round = 0; round < 3; round += 1) {
      const batch = await Promise.all(Array.from({ length: 5 }, (_, index) => makePackage(100 + round * 5 + index)));
      // The kill lands anywhere from before the first package to after the last; the checks hold either way.
      const out = await importAndKill(ws.dir, batch.map((pkg) => pkg.path), 150 + Math.random() * 600);
      const imported = out.split('\n').filter((line) => line.startsWith('done imported ')).map((line) => line.slice('done imported '.length));
      const reopened = await openWorkspace(ws.dir);
      expect(await readdir(ws.dir)).not.toContain('.staging');
      const present = await readdir(join(ws.dir, 'packages'));
      for (const id of present) expect(await verifyStoredPackage(reopened, id), id).toMatchObject({ intact: true, problems: [] });
      // What the child reported as imported is there and has its audit entry.
      const recorded = (await readFile(join(ws.dir, 'audit.log'), 'utf8')).split('\n').filter((line) => line.includes('"package.import"'));
      for (const id of imported) {
        expect(present, id).toContain(id);
        expect(recorded.some((line) => line.includes(`"subject":"${id}"`)), id).toBe(true);
      }
      expect((await verifyAuditLog(ws.dir)).ok).toBe(true);
    }
  }, 120_000);
});
