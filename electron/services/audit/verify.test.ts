// verifyAuditLog on a real workspace: the log must start with the workspace's own creation entry, so deleting
// audit.log and audit.head.json together, or replacing them with a fresh consistent chain, is detected.
import { mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testScheme } from '../../../test/integration/helpers/scheme';
import { createWorkspace } from '../workspace/workspace';
import type { Workspace } from '../workspace/workspace';
import { appendAudit, AUDIT_HEAD_FILE, AUDIT_LOG_FILE } from './audit-log';
import { verifyAuditLog } from './verify';

let root: string;
let ws: Workspace;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'vurder-verify-'));
  const schemePath = join(root, 'scheme-in.json');
  await writeFile(schemePath, JSON.stringify(testScheme(), null, 2));
  ws = await createWorkspace(join(root, 'ws'), { schemeFile: schemePath }, 'tester');
  await appendAudit(ws.dir, { actor: 'cli', action: 'package.import', subject: 'ASK-2021-001' });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function deleteLogAndHead(): Promise<void> {
  await unlink(join(ws.dir, AUDIT_LOG_FILE));
  await unlink(join(ws.dir, AUDIT_HEAD_FILE));
}

describe('verifyAuditLog in a workspace', () => {
  it('accepts the log createWorkspace started', async () => {
    expect(await verifyAuditLog(ws.dir)).toEqual({ ok: true, entries: 2, problems: [] });
  });

  it('reports a deleted log and head as missing at line 1', async () => {
    await deleteLogAndHead();
    const result = await verifyAuditLog(ws.dir);
    expect(result).toMatchObject({ ok: false, entries: 0 });
    expect(result.problems).toEqual([
      {
        kind: 'missing',
        line: 1,
        message: expect.stringContaining('audit.log line 1: the log is missing or empty') as string,
        messageNb: expect.stringContaining('audit.log linje 1: loggen mangler eller er tom') as string,
      },
    ]);
  });

  it('reports an emptied log with its head deleted', async () => {
    await writeFile(join(ws.dir, AUDIT_LOG_FILE), '');
    await unlink(join(ws.dir, AUDIT_HEAD_FILE));
    expect((await verifyAuditLog(ws.dir)).problems).toEqual([expect.objectContaining({ kind: 'missing', line: 1 })]);
  });

  it('reports a fresh valid chain without the creation entry', async () => {
    await deleteLogAndHead();
    await appendAudit(ws.dir, { actor: 'cli', action: 'package.import', subject: 'ASK-2021-001' });
    await appendAudit(ws.dir, { actor: 'cli', action: 'assessment.final', subject: 'kari/ASK-2021-001' });
    const result = await verifyAuditLog(ws.dir);
    expect(result).toMatchObject({ ok: false, entries: 2 });
    expect(result.problems).toEqual([
      {
        kind: 'missing',
        line: 1,
        message: `audit.log line 1: the first entry is package.import ASK-2021-001, not workspace.create for ${ws.meta.id}; the log was replaced or its start removed`,
        messageNb: expect.stringContaining(`ikke workspace.create for ${ws.meta.id}`) as string,
      },
    ]);
  });

  it('reports a fresh chain that starts with the creation entry of another workspace', async () => {
    await deleteLogAndHead();
    await appendAudit(ws.dir, { actor: 'tester', action: 'workspace.create', subject: '00000000-0000-4000-8000-000000000000' });
    const result = await verifyAuditLog(ws.dir);
    expect(result.ok).toBe(false);
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'missing', line: 1, message: expect.stringContaining(ws.meta.id) as string })]);
  });

  it('reports a first line that is already broken only once', async () => {
    await writeFile(join(ws.dir, AUDIT_LOG_FILE), 'not json\n');
    const result = await verifyAuditLog(ws.dir);
    expect(result.ok).toBe(false);
    expect(result.problems.filter((problem) => problem.line === 1)).toEqual([expect.objectContaining({ kind: 'malformed' })]);
  });

  it('still reports a deleted log whose head remains as cut off', async () => {
    await unlink(join(ws.dir, AUDIT_LOG_FILE));
    expect((await verifyAuditLog(ws.dir)).problems).toEqual([expect.objectContaining({ kind: 'truncated', line: 1 })]);
  });
});

describe('verifyAuditLog in a bare audit directory (no workspace.json)', () => {
  it('has no creation entry to require: an empty directory and a chain of other actions verify', async () => {
    const dir = await mkdtemp(join(root, 'bare-'));
    expect(await verifyAuditLog(dir)).toEqual({ ok: true, entries: 0, problems: [] });
    await appendAudit(dir, { actor: 'a', action: 'test.step', subject: 's' });
    expect(await verifyAuditLog(dir)).toEqual({ ok: true, entries: 1, problems: [] });
  });
});
