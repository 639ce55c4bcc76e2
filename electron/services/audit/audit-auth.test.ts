// The audit log's authentication (docs/security.md § Audit log authentication): attacks by someone who can
// write the workspace but does not hold the assessor's private key.
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createIdentity } from '../signing/identity';
import type { Identity } from '../signing/identity';
import { createWorkspace, openWorkspace } from '../workspace/workspace';
import type { Workspace } from '../workspace/workspace';
import { appendAudit, AUDIT_HEAD_FILE, AUDIT_LOG_FILE, hashAuditEntry, readAuditHead, readAuditLog } from './audit-log';
import type { AuditEntry } from './audit-log';
import { auditKeyFromIdentity, forgetAuditKey, useAuditKey } from './audit-key';
import { verifyAuditLog } from './verify';

let identity: Identity;
let intruder: Identity;
let root: string;
let ws: Workspace;

beforeAll(async () => {
  identity = await createIdentity({ name: 'Kari Nordmann', email: 'kari@example.no', keyType: 'P-256' });
  intruder = await createIdentity({ name: 'Kari Nordmann', email: 'kari@example.no', keyType: 'P-256' });
});
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'vurder-audit-auth-'));
  ws = await createWorkspace(join(root, 'ws'));
  useAuditKey(ws.dir, auditKeyFromIdentity(identity, ws.meta.id));
  await appendAudit(ws.dir, { actor: 'kari-nordmann', action: 'assessment.final', subject: 'kari-nordmann/A', data: { version: 3, sha256: 'a'.repeat(64) } });
});
afterEach(async () => {
  forgetAuditKey(ws.dir);
  await rm(root, { recursive: true, force: true });
});

/** What someone with write access but no key can do: a line that chains correctly onto the last one. */
function forgedAfter(last: AuditEntry, data: Record<string, unknown>): AuditEntry {
  const body = { seq: last.seq + 1, time: last.time, actor: 'kari-nordmann', action: 'assessment.final', subject: 'kari-nordmann/A', data, prevHash: last.hash };
  return { ...body, hash: hashAuditEntry(body) };
}

describe('audit log authentication', () => {
  it('derives one key per identity and workspace, the same in every process, with a public id only', async () => {
    const again = auditKeyFromIdentity(identity, ws.meta.id);
    expect(again.id).toBe(auditKeyFromIdentity(identity, ws.meta.id).id);
    expect(again.id).not.toBe(auditKeyFromIdentity(identity, 'another-workspace').id);
    expect(again.id).not.toBe(auditKeyFromIdentity(intruder, ws.meta.id).id);
    const text = await readFile(join(ws.dir, AUDIT_LOG_FILE), 'utf8');
    expect(text).not.toContain(again.secret.toString('hex'));
    const last = (await readAuditLog(ws.dir)).at(-1);
    expect(last?.mac?.keyId).toBe(again.id);
    expect((await readAuditHead(ws.dir))?.mac).toEqual(last?.mac);
    expect(await verifyAuditLog(ws.dir)).toMatchObject({ ok: true, authenticated: { through: 2, holder: 'Kari Nordmann' } });
  });

  it('never adopts a forged line appended without touching the head, and reports it (with and without the key)', async () => {
    const last = (await readAuditLog(ws.dir)).at(-1) as AuditEntry;
    await appendFile(join(ws.dir, AUDIT_LOG_FILE), `${JSON.stringify(forgedAfter(last, { version: 4, sha256: 'b'.repeat(64) }))}\n`);
    forgetAuditKey(ws.dir);
    await openWorkspace(ws.dir); // `vurder list` without an identity
    useAuditKey(ws.dir, auditKeyFromIdentity(identity, ws.meta.id));
    await openWorkspace(ws.dir); // the app with the identity
    expect((await readAuditHead(ws.dir))?.seq).toBe(2);
    const withKey = await verifyAuditLog(ws.dir);
    expect(withKey.ok).toBe(false);
    expect(withKey.problems).toEqual([expect.objectContaining({ kind: 'unauthenticated', line: 3 })]);
    expect(withKey.problems[0]?.message).toMatch(/entry 3 \(assessment.final kari-nordmann\/A\) is not authenticated/);
    const withoutKey = await verifyAuditLog(ws.dir, { keys: [] });
    expect(withoutKey.problems.map((problem) => problem.kind)).toEqual(['unauthenticated']);
  });

  it('reports a forged line that also moved the head, and one carrying a made-up MAC', async () => {
    const last = (await readAuditLog(ws.dir)).at(-1) as AuditEntry;
    const forged = { ...forgedAfter(last, { version: 4 }), mac: { keyId: 'f'.repeat(16), value: '0'.repeat(64) } };
    await appendFile(join(ws.dir, AUDIT_LOG_FILE), `${JSON.stringify(forged)}\n`);
    await writeFile(join(ws.dir, AUDIT_HEAD_FILE), `${JSON.stringify({ seq: forged.seq, hash: forged.hash, mac: forged.mac })}\n`);
    const result = await verifyAuditLog(ws.dir);
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'unauthenticated', line: 3 })]);
  });

  it('reports a rewritten entry whose chain was recomputed: the MACs no longer match', async () => {
    await appendAudit(ws.dir, { actor: 'kari-nordmann', action: 'assessment.save', subject: 'kari-nordmann/B', data: { version: 1 } });
    const entries = await readAuditLog(ws.dir);
    // Change entry 2's score record and recompute every hash after it, keeping the old MACs (no key to redo them).
    let prevHash = entries[0]?.hash ?? '';
    const rewritten = entries.map((entry, index) => {
      const { hash: _hash, mac, ...body } = entry;
      const changed = { ...body, prevHash: index === 0 ? body.prevHash : prevHash, data: index === 1 ? { version: 3, sha256: 'c'.repeat(64) } : body.data };
      const hash = hashAuditEntry(changed);
      prevHash = hash;
      return { ...changed, hash, ...(mac ? { mac } : {}) };
    });
    await writeFile(join(ws.dir, AUDIT_LOG_FILE), rewritten.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
    const tail = rewritten.at(-1) as AuditEntry;
    await writeFile(join(ws.dir, AUDIT_HEAD_FILE), `${JSON.stringify({ seq: tail.seq, hash: tail.hash, mac: tail.mac })}\n`);
    const result = await verifyAuditLog(ws.dir);
    expect(result.problems.map((problem) => [problem.kind, problem.line])).toEqual([
      ['forged', 2],
      ['forged', 3],
      ['forged', 1],
    ]);
    expect(result.authenticated?.through).toBe(0);
    // Without the key only the chain can be checked, and it was recomputed consistently.
    expect((await verifyAuditLog(ws.dir, { keys: [] })).ok).toBe(true);
  });

  it("reports entries written with another identity's key as unauthenticated for this one", async () => {
    await appendAudit(ws.dir, { actor: 'x', action: 'assessment.save', subject: 'kari-nordmann/A', data: {} }, { key: auditKeyFromIdentity(intruder, ws.meta.id) });
    const result = await verifyAuditLog(ws.dir);
    expect(result.problems).toEqual([expect.objectContaining({ kind: 'unauthenticated', line: 3 })]);
  });

  it('adopts a lagging entry after a crash when its MAC verifies', async () => {
    const before = await readAuditHead(ws.dir);
    await appendAudit(ws.dir, { actor: 'kari-nordmann', action: 'assessment.save', subject: 'kari-nordmann/A', data: {} });
    await writeFile(join(ws.dir, AUDIT_HEAD_FILE), `${JSON.stringify(before)}\n`); // the kill between line and head
    await openWorkspace(ws.dir);
    expect((await readAuditHead(ws.dir))?.seq).toBe(3);
    expect((await verifyAuditLog(ws.dir)).ok).toBe(true);
  });
});
