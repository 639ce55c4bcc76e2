// A batch import where the next package is read while the current one is written (import-packages.ts): a
// hostile or broken package in the middle of the batch is refused on its own, the packages around it are
// imported whole and intact, nothing of the refused ones reaches the workspace, and no staging is left.
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPackages } from '../../electron/services/import/import-packages';
import { verifyStoredPackage } from '../../electron/services/workspace/verify-package';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import type { Workspace } from '../../electron/services/workspace/workspace';
import { fakeUncompressedSize, makeZip, patchBytes, zipFolder } from '../fixtures/zip-tools';
import { fixturePackage, tempDir } from './helpers/workspace';

let root: { dir: string; cleanup: () => Promise<void> };
let ws: Workspace;
beforeEach(async () => {
  root = await tempDir('batch');
  ws = await createWorkspace(join(root.dir, 'ws'));
});
afterEach(async () => {
  await root.cleanup();
});

async function at(name: string, bytes: Buffer): Promise<string> {
  const path = join(root.dir, name);
  await writeFile(path, bytes);
  return path;
}

describe('batch import, read ahead', () => {
  it('refuses the hostile and broken packages alone and imports the others whole', async () => {
    const good = await Promise.all(
      ['so1-asker-eligible', 'so2-molde-eligible', 'so3-kinn-eligible'].map(async (name) => at(`${name}.zip`, await zipFolder(fixturePackage(name)))),
    );
    // yazl refuses "..": patch the stored name (same length) so the entry climbs out of the package.
    const climbing = await at('klatrer.zip', patchBytes(await makeZip([{ name: 'soknad.json', content: '{}' }, { name: 'vedlegg/ut.txt', content: 'x' }]), 'vedlegg/ut.txt', '../../../ut.tx'));
    const lying = await at('lyver.zip', fakeUncompressedSize(await zipFolder(fixturePackage('so4-gloppen-eligible')), 'soknad.json', 10));
    const truncated = await at('avkortet.zip', (await zipFolder(fixturePackage('so5-moss-eligible'))).subarray(0, 200));
    const batch = [good[0], climbing, good[1], lying, truncated, good[2]].map((path) => path ?? '');
    const results = await importPackages(ws, batch);
    expect(results.map((result) => result.status)).toEqual(['imported', 'refused', 'imported', 'refused', 'refused', 'imported']);
    expect(results.map((result) => result.source)).toEqual(batch);
    expect(results.map((result) => result.code ?? null)).toEqual([null, 'package.zip-slip', null, 'package.zip-size-mismatch', 'package.zip-truncated', null]);
    const stored = (await readdir(join(ws.dir, 'packages'))).sort();
    expect(stored).toEqual(results.filter((result) => result.status === 'imported').map((result) => result.applicationId).sort());
    for (const id of stored) expect((await verifyStoredPackage(ws, id)).intact, id).toBe(true);
    expect(await readdir(ws.dir)).not.toContain('.staging');
  });
});
