// Records bound to the audit log (issue 8 point 1): an assessment edited on disk after it was made final is found
// by `vurder workspace verify` and refused by `vurder export`, also when the attacker appends an audit line to
// "record" the edit. On the code before this, the 5 → 7 edit gave "intact, 0 problems" and export signed the 7.
import { appendFile, chmod, readFile, readdir, utimes, writeFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/command';
import { forgetAuditKey } from '../../electron/services/audit/audit-key';
import { hashAuditEntry, readAuditHead, readAuditLog } from '../../electron/services/audit/audit-log';
import type { AuditEntry } from '../../electron/services/audit/audit-log';
import { sha256Hex } from '../../electron/services/hash/sha256';
import { createIdentity, writeIdentityP12 } from '../../electron/services/signing/identity';
import { EXAMPLE_ASSESSMENT_PATH } from './helpers/assessment';
import { fixturePackage, tempDir } from './helpers/workspace';

const exec = promisify(execFile);

let root: { dir: string; cleanup: () => Promise<void> };
let out = '';
let errors = '';
const env: Record<string, string | undefined> = { VURDER_PASS: 'hemmelig' };
let p12 = '';
let ws = '';
let file = '';

async function vurder(...args: string[]): Promise<number> {
  out = '';
  errors = '';
  const io: CliIo = { stdout: (text) => void (out += text), stderr: (text) => void (errors += text), env, cwd: root.dir };
  return runCli(args, io);
}

const withIdentity = (): string[] => ['--identity', p12, '--passphrase-env', 'VURDER_PASS'];

beforeAll(async () => {
  root = await tempDir('records');
  p12 = join(root.dir, 'kari.p12');
  await writeIdentityP12(await createIdentity({ name: 'Kari Nordmann', email: 'kari.nordmann@imdi.no', keyType: 'P-256' }), p12, 'hemmelig');
});
afterAll(async () => {
  await root.cleanup();
});

let round = 0;
beforeEach(async () => {
  round += 1;
  ws = join(root.dir, `ws${round}`);
  expect(await vurder('workspace', 'init', ws)).toBe(0);
  expect(await vurder('import', ws, fixturePackage('so1-asker-eligible'))).toBe(0);
  expect(await vurder('assess', ws, 'ASK-2021-001', '--from', EXAMPLE_ASSESSMENT_PATH, ...withIdentity())).toBe(0);
  forgetAuditKey(ws); // each command is its own run: no key stays registered between them
  file = join(ws, 'assessments', 'kari-nordmann', 'ASK-2021-001.json');
});

/** The attack: feasibility 5 → 7 in the final file, and its mtime set to a known moment. */
async function editScore(): Promise<void> {
  const text = await readFile(file, 'utf8');
  expect(text).toContain('"score": 5');
  await writeFile(file, text.replace('"score": 5', '"score": 7'));
  await utimes(file, new Date('2026-11-30T10:15:00Z'), new Date('2026-11-30T10:15:00Z'));
}

describe('records bound to the audit log', () => {
  it('an honest workspace verifies with the identity, exports, and carries the audit head into the PDF and the exchange file', async () => {
    expect(await vurder('workspace', 'verify', ws, '--lang', 'en', ...withIdentity())).toBe(0);
    expect(errors).toBe('');
    expect(out).toMatch(/the audit log is authenticated with Kari Nordmann's key up to entry 4/);
    const head = await readAuditHead(ws);
    expect(await vurder('export', ws, ...withIdentity(), '--out', 'out1')).toBe(0);
    const exchange = JSON.parse(await readFile(join(root.dir, 'out1', 'vurderinger-kari-nordmann.vurder.json'), 'utf8')) as { payload: { auditHead: unknown } };
    expect(exchange.payload.auditHead).toEqual({ seq: head?.seq, hash: head?.hash });
    const last = (await readAuditLog(ws)).at(-1);
    expect(last).toMatchObject({ action: 'assessment.export', data: { auditHead: { seq: head?.seq, hash: head?.hash } } });
    expect(last?.mac).toBeDefined();
    // Exit 3: intact, signer not verified (no trust anchor given; docs/signing.md).
    expect(await vurder('verify', join(root.dir, 'out1', 'vurderinger-kari-nordmann.vurder.json'))).toBe(3);
    const [pdf] = (await readdir(join(root.dir, 'out1'))).filter((name) => name.endsWith('.pdf'));
    const { stdout: text } = await exec('pdftotext', [join(root.dir, 'out1', pdf ?? ''), '-']);
    expect(text.replace(/\s+/g, ' ')).toContain(`Revisjonslogg ved eksport: oppføring ${String(head?.seq)}, SHA-256 ${String(head?.hash)}`);
  });

  it('the score edited on disk 5 → 7: verify names the file, export refuses it', async () => {
    await editScore();
    expect(await vurder('workspace', 'verify', ws, '--lang', 'en')).toBe(1);
    expect(errors).toMatch(new RegExp(`^${file}: changed outside Vurder on 2026-11-30 11:15:00 \\+01:00 \\(the audit log recorded version 1 on \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} [+-]\\d{2}:\\d{2} with SHA-256 [0-9a-f]{16}, the file now has [0-9a-f]{16}\\)\\n$`));
    expect(await vurder('export', ws, ...withIdentity(), '--out', 'out2')).toBe(1);
    expect(errors).toContain(`${file}: endret utenfor Vurder 2026-11-30 11:15:00 +01:00`);
    await expect(readdir(join(root.dir, 'out2'))).rejects.toThrow(/ENOENT/);
  });

  it('the edit plus a forged audit line recording the new hash: refused, the line reported as not authenticated', async () => {
    await editScore();
    const entries = await readAuditLog(ws);
    const final = entries.find((entry) => entry.action === 'assessment.final') as AuditEntry;
    const last = entries.at(-1) as AuditEntry;
    const body = { ...final, seq: last.seq + 1, prevHash: last.hash, data: { ...final.data, sha256: sha256Hex(await readFile(file, 'utf8')) } };
    delete (body as Partial<AuditEntry>).mac;
    delete (body as Partial<AuditEntry>).hash;
    await appendFile(join(ws, 'audit.log'), `${JSON.stringify({ ...body, hash: hashAuditEntry(body) })}\n`);
    expect(await vurder('export', ws, ...withIdentity(), '--out', 'out3')).toBe(1);
    expect(errors).toContain(`${file}: endret utenfor Vurder`);
    expect(await vurder('workspace', 'verify', ws, '--lang', 'en', ...withIdentity())).toBe(1);
    expect(errors).toMatch(/audit.log line 5: entry 5 \(assessment.final kari-nordmann\/ASK-2021-001\) is not authenticated by Kari Nordmann's key/);
    expect(errors).toMatch(/ASK-2021-001\.json: changed outside Vurder/);
    expect((await readAuditHead(ws))?.seq).toBe(4);
  });

  it('a history version edited on disk is reported too', async () => {
    const history = join(ws, 'assessments', 'kari-nordmann', 'history', 'ASK-2021-001', '00000001.json');
    await writeFile(history, (await readFile(history, 'utf8')).replace('"score": 5', '"score": 7'));
    expect(await vurder('workspace', 'verify', ws, '--lang', 'en')).toBe(1);
    expect(errors).toMatch(new RegExp(`^${history}: changed outside Vurder on `));
  });

  it('every CLI writer takes --identity: an import with it stays authenticated, one without it is reported', async () => {
    expect(await vurder('import', ws, fixturePackage('so3-kinn-eligible'), ...withIdentity())).toBe(0);
    forgetAuditKey(ws);
    expect(await vurder('workspace', 'verify', ws, '--lang', 'en', ...withIdentity())).toBe(0);
    forgetAuditKey(ws);
    expect(await vurder('import', ws, fixturePackage('so4-gloppen-eligible'))).toBe(0);
    expect(await vurder('workspace', 'verify', ws, '--lang', 'en', ...withIdentity())).toBe(1);
    expect(errors).toMatch(/entry 6 \(package.import [A-Z0-9-]+\) is not authenticated by Kari Nordmann's key/);
  });

  it('a package and its lock rewritten consistently are caught by the import record', async () => {
    const dir = join(ws, 'packages', 'ASK-2021-001');
    const lockPath = join(dir, 'package.lock.json');
    const lock = JSON.parse(await readFile(lockPath, 'utf8')) as { packageSha256: string };
    lock.packageSha256 = 'e'.repeat(64);
    await chmod(lockPath, 0o644);
    await writeFile(lockPath, JSON.stringify(lock));
    expect(await vurder('workspace', 'verify', ws, '--lang', 'en')).toBe(1);
    expect(errors).toContain(`${lockPath}: the package lock was changed outside Vurder (the audit log recorded package SHA-256`);
  });
});
