// The package limits as options of `vurder check` and `vurder import`: real zips built from a fixture,
// judged once with the defaults and once with a lowered or raised limit.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import { makeZip, zipFolder } from '../fixtures/zip-tools';
import { fixturesRoot, runInProcess, spawnVurder } from './cli-harness';

let dir: string;
let plainZip: string;
let bombZip: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vurder-limit-options-'));
  // soknad.json + two attachments = 3 entries: passes the default 1000, refused by --max-entries 2.
  plainZip = join(dir, 'plain.zip');
  await writeFile(plainZip, await zipFolder(join(fixturesRoot, 'so1-asker-eligible')));
  // The same package plus 2 MiB of zeros: about 1000:1, refused by the default ratio 100, accepted by --max-ratio 5000.
  bombZip = join(dir, 'bomb.zip');
  const root = join(fixturesRoot, 'so1-asker-eligible');
  const entries = [{ name: 'soknad.json', content: await readFile(join(root, 'soknad.json')) }];
  for (const name of await readdir(join(root, 'vedlegg'))) entries.push({ name: `vedlegg/${name}`, content: await readFile(join(root, 'vedlegg', name)) });
  entries.push({ name: 'vedlegg/nuller.bin', content: Buffer.alloc(2 * 1024 * 1024) });
  await writeFile(bombZip, await makeZip(entries));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('vurder check with limit options', () => {
  it('accepts a 3-entry zip by default and refuses it with --max-entries 2', async () => {
    expect(await runInProcess(['check', plainZip, '--json'])).toMatchObject({ code: 0, stderr: '' });
    const refused = await runInProcess(['check', plainZip, '--max-entries', '2', '--lang', 'en']);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(`vurder check: ${plainZip}: the package has 3 entries; the limit is 2\n`);
  });

  it('refuses a highly compressed file by default and accepts it with --max-ratio 5000', async () => {
    const refused = await runInProcess(['check', bombZip, '--lang', 'en']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('vedlegg/nuller.bin');
    expect(refused.stderr).toContain('100 times');
    const accepted = await runInProcess(['check', bombZip, '--json', '--max-ratio=5000']);
    expect(accepted).toMatchObject({ code: 0, stderr: '' });
  });

  it('refuses a file over --max-file-mb 1 and a package over --max-total-mb 1', async () => {
    const file = await runInProcess(['check', bombZip, '--max-ratio', '5000', '--max-file-mb', '1', '--lang', 'en']);
    expect(file.code).toBe(2);
    expect(file.stderr).toContain('vedlegg/nuller.bin');
    const total = await runInProcess(['check', bombZip, '--max-ratio', '5000', '--max-total-mb', '1', '--lang', 'en']);
    expect(total.code).toBe(2);
    expect(total.stderr).toBe(`vurder check: ${bombZip}: the package unpacks to more than 1048576 bytes\n`);
  });

  it.each(['0', '-3', '2.5', 'ten', '1e3', ''])('refuses --max-entries "%s" in one line', async (value) => {
    const run = await runInProcess(['check', plainZip, `--max-entries=${value}`, '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`vurder check: --max-entries cannot be "${value}"; use 1 | 2 | 3 …\n`);
  });
});

describe('vurder import with limit options', () => {
  it('refuses with --max-entries 2, then imports with the default limits (real CLI)', async () => {
    const workspace = join(dir, 'arbeidsmappe');
    await createWorkspace(workspace);
    const refused = await spawnVurder(['import', workspace, plainZip, '--max-entries', '2', '--lang', 'en']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^REFUSED: /);
    const bad = await spawnVurder(['import', workspace, plainZip, '--max-total-mb', 'lots', '--lang', 'en']);
    expect(bad).toMatchObject({ code: 2, stdout: '', stderr: 'vurder import: --max-total-mb cannot be "lots"; use 1 | 2 | 3 …\n' });
    const imported = await spawnVurder(['import', workspace, plainZip, '--lang', 'en']);
    expect(imported).toMatchObject({ code: 0, stderr: '' });
    expect(imported.stdout).toMatch(/^imported: /);
  });
});
