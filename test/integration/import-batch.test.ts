// A batch import where the next package is read while the current one is written (import-packages.ts): a
// hostile or broken package in the middle of the batch is refused on its own, the packages around it are
// imported whole and intact, nothing of the refused ones reaches the workspace, and no staging is left.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importPackages } from '../../electron/services/import/import-packages';
import { verifyStoredPackage } from '../../electron/services/workspace/verify-package';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import type { Workspace } from '../../electron/services/workspace/workspace';
import { READ_AHEAD } from '../../electron/services/import/import-packages';
import { fakeUncompressedSize, makeZip, patchBytes, zipFolder } from '../fixtures/zip-tools';
import type { ZipEntrySpec } from '../fixtures/zip-tools';
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

  /** The fixture package with a new id and a PDF of its own, every entry stored (not deflated) or deflated. */
  async function variant(id: string, pdf: Buffer, compress: boolean): Promise<ZipEntrySpec[]> {
    const dir = fixturePackage('so1-asker-eligible');
    const manifest = JSON.parse(await readFile(join(dir, 'soknad.json'), 'utf8')) as { applicationId: string; attachments: { path: string }[] };
    manifest.applicationId = id;
    const entries: ZipEntrySpec[] = [{ name: 'soknad.json', content: JSON.stringify(manifest), compress }];
    for (const attachment of manifest.attachments) entries.push({ name: attachment.path, content: Buffer.concat([pdf, Buffer.from(`\n% ${id} ${attachment.path}\n%%EOF\n`)]), compress });
    return entries;
  }

  it('keeps each package its own bytes while later archives reuse the read buffers', async () => {
    // More packages than are read at once, stored and deflated alternately: a stored entry is a slice of its
    // archive's buffer until copied, so a reused buffer would show up as another package's bytes.
    const pdf = await readFile(join(fixturePackage('so1-asker-eligible'), 'vedlegg', 'prosjektbeskrivelse.pdf'));
    const count = 2 * (READ_AHEAD + 1) + 1;
    const paths: string[] = [];
    const expected = new Map<string, Map<string, Buffer>>();
    for (let index = 0; index < count; index += 1) {
      const id = `ASK-2021-${String(500 + index)}`;
      const entries = await variant(id, pdf, index % 2 === 0);
      expected.set(id, new Map(entries.map((entry) => [entry.name, Buffer.from(entry.content ?? '')])));
      paths.push(await at(`${id}.zip`, await makeZip(entries)));
    }
    const results = await importPackages(ws, paths);
    expect(results.map((result) => result.status)).toEqual(paths.map(() => 'imported'));
    for (const [id, files] of expected) {
      expect((await verifyStoredPackage(ws, id)).intact, id).toBe(true);
      for (const [name, bytes] of files) expect((await readFile(join(ws.dir, 'packages', id, name))).equals(bytes), `${id} ${name}`).toBe(true);
    }
  });

  it('decides the same id twice in one batch in order: the second is already imported or a conflict', async () => {
    const pdf = await readFile(join(fixturePackage('so1-asker-eligible'), 'vedlegg', 'prosjektbeskrivelse.pdf'));
    const first = await at('first.zip', await makeZip(await variant('ASK-2021-600', pdf, true)));
    const again = await at('again.zip', await makeZip(await variant('ASK-2021-600', pdf, false)));
    const other = await at('other.zip', await makeZip(await variant('ASK-2021-600', Buffer.concat([pdf, Buffer.from('% endret\n')]), true)));
    // All three are prepared (staged) before the first is published; only the first may land.
    const results = await importPackages(ws, [first, again, other]);
    expect(results.map((result) => result.status)).toEqual(['imported', 'already-imported', 'refused']);
    expect(results[2]?.code).toBe('import.conflict');
    expect(await readdir(join(ws.dir, 'packages'))).toEqual(['ASK-2021-600']);
    expect((await verifyStoredPackage(ws, 'ASK-2021-600')).intact).toBe(true);
    expect(await readdir(ws.dir)).not.toContain('.staging');
    const imports = (await readFile(join(ws.dir, 'audit.log'), 'utf8')).split('\n').filter((line) => line.includes('"package.import"'));
    expect(imports).toHaveLength(1);
  });

  it('takes a package out again when its audit entry cannot be written, and says why', async () => {
    // The log replaced by a folder: appending fails after the package was renamed into packages/.
    await rm(join(ws.dir, 'audit.log'));
    await mkdir(join(ws.dir, 'audit.log'));
    const path = await at('asker.zip', await zipFolder(fixturePackage('so1-asker-eligible')));
    const [result] = await importPackages(ws, [path]);
    expect(result).toMatchObject({ status: 'refused', code: 'import.write-failed' });
    expect(result?.message).toBe(`${path}: ble ikke importert: skrivefeil (EISDIR); ingenting av pakken er lagt i arbeidsmappen, prøv igjen når feilen er rettet`);
    expect(await readdir(join(ws.dir, 'packages')).catch(() => [])).toEqual([]);
    expect(await readdir(ws.dir)).not.toContain('.staging');
  });

  it('keeps a package whose audit entry was written when only the audit head could not be', async () => {
    // The head replaced by a folder that is not empty: the entry reaches the log, the head update fails.
    await rm(join(ws.dir, 'audit.head.json'));
    await mkdir(join(ws.dir, 'audit.head.json', 'x'), { recursive: true });
    const path = await at('asker.zip', await zipFolder(fixturePackage('so1-asker-eligible')));
    const [result] = await importPackages(ws, [path]);
    expect(result).toMatchObject({ status: 'imported', applicationId: 'ASK-2021-001' });
    expect(await readdir(join(ws.dir, 'packages'))).toEqual(['ASK-2021-001']);
    expect((await verifyStoredPackage(ws, 'ASK-2021-001')).intact).toBe(true);
    const last = (await readFile(join(ws.dir, 'audit.log'), 'utf8')).trimEnd().split('\n').at(-1) ?? '';
    expect(JSON.parse(last)).toMatchObject({ action: 'package.import', subject: 'ASK-2021-001' });
  });
});
