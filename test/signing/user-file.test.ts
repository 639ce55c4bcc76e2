// Issue 8 point 3: `vurder verify` (and every path that reads a file the person names) reads only a regular file
// under a size limit. Before: /dev/zero grew past 11 GB, a FIFO hung the process.
import { execFile } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/command';
import { readUserFile } from '../../electron/services/input/user-file';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import { tempDir } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('user-file'));
  await promisify(execFile)('mkfifo', [join(dir, 'pipe')]);
  await mkdir(join(dir, 'folder'));
  await createWorkspace(join(dir, 'ws'));
});
afterAll(() => cleanup());

async function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number; out: string; err: string; ms: number }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (text) => void (out += text), stderr: (text) => void (err += text), env, cwd: dir };
  const started = Date.now();
  const code = await runCli(args, io);
  return { code, out, err, ms: Date.now() - started };
}

describe('user-chosen files', () => {
  it.each([
    ['/dev/zero', 'er en enhet; bare vanlige filer kan leses'],
    ['pipe', 'er en rørledning (FIFO); bare vanlige filer kan leses'],
    ['folder', 'er en mappe; bare vanlige filer kan leses'],
    ['missing.pdf', 'finnes ikke'],
  ])('vurder verify %s is refused at once with one line (exit 2)', async (file, message) => {
    const result = await cli(['verify', file]);
    expect(result.code).toBe(2);
    expect(result.err.split('\n')).toHaveLength(2);
    expect(result.err).toContain(message);
    expect(result.ms).toBeLessThan(5000);
  });

  it('--trust /dev/zero and trust add of a FIFO are refused the same way', async () => {
    await writeFile(join(dir, 'x.pdf'), '%PDF-1.7\n');
    const trust = await cli(['verify', 'x.pdf', '--trust', '/dev/zero']);
    expect(trust.code).toBe(2);
    expect(trust.err).toContain('/dev/zero: er en enhet');
    const add = await cli(['trust', 'add', 'ws', 'pipe']);
    expect(add.code).toBe(1);
    expect(add.err).toMatch(/pipe: er en rørledning \(FIFO\)/);
  });

  it('a FIFO as --identity, --scheme and assess --from is refused at once, naming it', async () => {
    const identity = await cli(['identity', 'show', 'pipe', '--passphrase-env', 'X'], { X: 'x' });
    expect(identity.code).toBe(2);
    expect(identity.err).toContain('pipe: is a pipe (FIFO); only regular files can be read');
    await promisify(execFile)('mkfifo', [join(dir, 'ordning.json')]);
    const scheme = await cli(['workspace', 'init', 'ny', '--scheme', 'ordning.json']);
    expect(scheme.code).toBe(1);
    expect(scheme.err).toMatch(/ordning\.json: er en rørledning \(FIFO\)/);
    const assess = await cli(['assess', 'ws', 'ASK-2021-001', '--from', 'pipe', '--assessor-name', 'Kari']);
    expect(assess.code).toBe(2);
    expect(assess.err).toMatch(/pipe: .*er en rørledning \(FIFO\)/);
    for (const result of [identity, scheme, assess]) expect(result.ms).toBeLessThan(5000);
  });

  it('a file over the limit is refused without reading it', async () => {
    await writeFile(join(dir, 'big.bin'), Buffer.alloc(2048));
    await expect(readUserFile(join(dir, 'big.bin'), 1024)).rejects.toThrow(/the file is 2048 bytes; the limit is 1024 bytes/);
    expect((await readUserFile(join(dir, 'big.bin'), 4096)).length).toBe(2048);
  });
});
