import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, AUDIT_HEAD_FILE, AUDIT_LOG_FILE, GENESIS_HASH, readAuditLog } from './audit-log';
import { verifyAuditLog } from './verify';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vurder-audit-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writeFive(): Promise<string[]> {
  for (let i = 1; i <= 5; i += 1) await appendAudit(dir, { actor: 'cli', action: 'test.step', subject: `s${i}`, data: { i } });
  return (await readFile(join(dir, AUDIT_LOG_FILE), 'utf8')).trimEnd().split('\n');
}

async function rewrite(lines: string[]): Promise<void> {
  await writeFile(join(dir, AUDIT_LOG_FILE), `${lines.join('\n')}\n`);
}

describe('audit log', () => {
  it('chains entries from the genesis hash, with seq, offset time and actor', async () => {
    await Promise.all([1, 2, 3].map((i) => appendAudit(dir, { actor: 'a', action: 'x', subject: String(i) })));
    const entries = await readAuditLog(dir);
    expect(entries.map((entry) => entry.seq)).toEqual([1, 2, 3]);
    expect(entries[0]?.prevHash).toBe(GENESIS_HASH);
    expect(entries[1]?.prevHash).toBe(entries[0]?.hash);
    expect(entries[0]?.time).toMatch(/[+-]\d{2}:\d{2}$/);
    expect(await verifyAuditLog(dir)).toEqual({ ok: true, entries: 3, problems: [] });
  });

  it('reports an edited entry with its line number', async () => {
    const lines = await writeFive();
    lines[2] = (lines[2] ?? '').replace('"s3"', '"s9"');
    await rewrite(lines);
    const result = await verifyAuditLog(dir);
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ kind: 'edited', line: 3 });
  });

  it('reports reordered entries', async () => {
    const lines = await writeFive();
    await rewrite([lines[0], lines[2], lines[1], lines[3], lines[4]] as string[]);
    const result = await verifyAuditLog(dir);
    expect(result.problems[0]).toMatchObject({ kind: 'reordered', line: 2 });
  });

  it('reports entries cut from the middle', async () => {
    const lines = await writeFive();
    await rewrite([lines[0], lines[1], lines[4]] as string[]);
    expect((await verifyAuditLog(dir)).problems[0]).toMatchObject({ kind: 'truncated', line: 3, message: expect.stringContaining('entries 3–4 are missing') as string });
  });

  it('reports a log cut at the end, which only the head file can reveal', async () => {
    const lines = await writeFive();
    await rewrite(lines.slice(0, 3));
    const result = await verifyAuditLog(dir);
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'truncated', line: 4 })]);
    expect(result.problems[0]?.message).toContain('ends at entry 3 but audit.head.json records entry 5');
  });

  it('accepts a head that lags by one entry (crash between append and head update)', async () => {
    await writeFive();
    const entries = await readAuditLog(dir);
    await writeFile(join(dir, AUDIT_HEAD_FILE), JSON.stringify({ seq: 4, hash: entries[3]?.hash }));
    expect((await verifyAuditLog(dir)).ok).toBe(true);
  });

  it('cuts a torn last line (power loss) and continues the chain from the last whole entry', async () => {
    await writeFive();
    await writeFile(join(dir, AUDIT_LOG_FILE), `${await readFile(join(dir, AUDIT_LOG_FILE), 'utf8')}{"seq":6,"ti`);
    const entry = await appendAudit(dir, { actor: 'a', action: 'x', subject: 'after' });
    expect(entry.seq).toBe(6);
    expect(await verifyAuditLog(dir)).toMatchObject({ ok: true, entries: 6 });
  });

  it('reports a line that is not JSON', async () => {
    const lines = await writeFive();
    lines[1] = 'garbage';
    await rewrite(lines);
    expect((await verifyAuditLog(dir)).problems[0]).toMatchObject({ kind: 'malformed', line: 2 });
  });
});

describe('repairAuditHead', () => {
  it('catches up a head that lags by one, and leaves a broken log alone', async () => {
    const { repairAuditHead } = await import('./verify');
    await writeFive();
    const entries = await readAuditLog(dir);
    await writeFile(join(dir, AUDIT_HEAD_FILE), JSON.stringify({ seq: 4, hash: entries[3]?.hash }));
    await repairAuditHead(dir);
    expect(JSON.parse(await readFile(join(dir, AUDIT_HEAD_FILE), 'utf8'))).toEqual({ seq: 5, hash: entries[4]?.hash });
    // Two kills in a row without a repair in between would otherwise look like entries added behind the head's back.
    await writeFile(join(dir, AUDIT_HEAD_FILE), JSON.stringify({ seq: 3, hash: entries[2]?.hash }));
    expect((await repairAuditHead(dir)).ok).toBe(false);
    expect(JSON.parse(await readFile(join(dir, AUDIT_HEAD_FILE), 'utf8'))).toEqual({ seq: 3, hash: entries[2]?.hash });
  });
});
