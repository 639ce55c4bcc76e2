// A workspace of N applications for the index bench: six fixture packages are imported for real, then
// cloned under new ids up to N in all (soknad.json rewritten, the lock's hash updated) straight into packages/, which is
// what N imports would leave, in seconds instead of minutes. Every tenth application gets a draft.
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Assessor } from '../../shared/assessment/schema';
import { sha256Hex } from '../../electron/services/hash/sha256';
import { importPackages } from '../../electron/services/import/import-packages';
import { packageHash, packageLockSchema } from '../../electron/services/import/package-lock';
import { newAssessment } from '../../electron/services/store/assessment-store';
import { serialiseAssessment } from '../../electron/services/store/assessment-file';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import type { Workspace } from '../../electron/services/workspace/workspace';

const FIXTURES = ['so1-asker-eligible', 'so2-molde-eligible', 'so3-kinn-eligible', 'so4-gloppen-eligible', 'so5-moss-eligible', 'so6-skien-eligible'];
const fixtureRoot = new URL('../../test/fixtures/packages/', import.meta.url).pathname;

async function filesOf(root: string, dir = root): Promise<Map<string, Buffer>> {
  const found = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) for (const [name, bytes] of await filesOf(root, path)) found.set(name, bytes);
    else found.set(relative(root, path), await readFile(path));
  }
  return found;
}

export async function buildWorkspace(dir: string, count: number, assessor: Assessor): Promise<Workspace> {
  const ws = await createWorkspace(dir);
  await importPackages(ws, FIXTURES.map((name) => join(fixtureRoot, name)));
  const bases = await Promise.all((await readdir(join(dir, 'packages'))).sort().map((id) => filesOf(join(dir, 'packages', id))));
  for (let index = 0; index < count - FIXTURES.length; index += 1) {
    const base = bases[index % bases.length];
    if (base === undefined) throw new Error('no base package');
    const id = `BENCH-${String(index).padStart(5, '0')}`;
    const target = join(dir, 'packages', id);
    const manifest = JSON.parse(String(base.get('soknad.json'))) as { applicationId: string; applicant: { name: string } };
    manifest.applicationId = id;
    const soknad = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    const lock = packageLockSchema.parse(JSON.parse(String(base.get('package.lock.json'))));
    lock.applicationId = id;
    lock.files = lock.files.map((file) => (file.path === 'soknad.json' ? { ...file, size: soknad.length, sha256: sha256Hex(soknad) } : file));
    lock.packageSha256 = packageHash(lock.files, lock.providedFields);
    for (const [path, bytes] of base) {
      await mkdir(join(target, path, '..'), { recursive: true });
      await writeFile(join(target, path), path === 'soknad.json' ? soknad : path === 'package.lock.json' ? `${JSON.stringify(lock, null, 2)}\n` : bytes);
    }
    if (index % 10 === 0) {
      await mkdir(join(dir, 'assessments', assessor.id), { recursive: true });
      await writeFile(join(dir, 'assessments', assessor.id, `${id}.json`), serialiseAssessment({ ...newAssessment(ws, id, assessor), version: 1 }));
    }
  }
  return ws;
}
