// The audit chain stays one chain when several processes append at once (the app and `vurder` together).
import { execFile } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, readAuditLog } from '../../electron/services/audit/audit-log';
import { verifyAuditLog } from '../../electron/services/audit/verify';
import { tempDir } from './helpers/workspace';

const run = promisify(execFile);
const child = fileURLToPath(new URL('./helpers/append-child.ts', import.meta.url));

let root: { dir: string; cleanup: () => Promise<void> };
beforeEach(async () => {
  root = await tempDir('audit-mp');
});
afterEach(async () => {
  await root.cleanup();
});

describe('audit log across processes', () => {
  it('three processes appending 40 entries each give one intact chain of 120', async () => {
    await Promise.all(['a', 'b', 'c'].map((name) => run(process.execPath, ['--import', 'tsx', child, root.dir, '40', name])));
    const entries = await readAuditLog(root.dir);
    expect(entries.map((entry) => entry.seq)).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));
    expect(new Set(entries.map((entry) => entry.actor))).toEqual(new Set(['a', 'b', 'c']));
    expect(await verifyAuditLog(root.dir)).toEqual({ ok: true, entries: 120, problems: [] });
    expect(await readdir(root.dir)).toEqual(['audit.head.json', 'audit.log']);
  }, 60_000);

  it('takes over a lock left by a process that no longer exists', async () => {
    // pid 2^22 + 1 is above Linux's default pid_max, so no live process has it.
    await writeFile(join(root.dir, 'audit.lock'), String(4_194_305));
    const entry = await appendAudit(root.dir, { actor: 'a', action: 'x', subject: 's' });
    expect(entry.seq).toBe(1);
    expect(await readdir(root.dir)).toEqual(['audit.head.json', 'audit.log']);
  });
});
