import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isAtomicTempFile, removeStaleTempFiles, writeFileAtomic } from './atomic-write';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vurder-atomic-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates and then replaces a file without leaving temp files', async () => {
    const target = join(dir, 'a.json');
    await writeFileAtomic(target, '{"v":1}');
    await writeFileAtomic(target, '{"v":2}');
    expect(await readFile(target, 'utf8')).toBe('{"v":2}');
    expect(await readdir(dir)).toEqual(['a.json']);
  });

  it('fails with the folder named when the folder does not exist', async () => {
    await expect(writeFileAtomic(join(dir, 'missing', 'a.json'), 'x')).rejects.toThrow(/missing/);
  });

  it('recognises and removes stale temp files only', async () => {
    await writeFile(join(dir, '.a.json.vurder-tmp-abc'), 'half');
    await writeFile(join(dir, 'a.json'), 'whole');
    expect(isAtomicTempFile('a.json')).toBe(false);
    expect(await removeStaleTempFiles(dir)).toEqual(['.a.json.vurder-tmp-abc']);
    expect(await readdir(dir)).toEqual(['a.json']);
  });
});
