// The workspace trust list (issue 9 point 1): add/list/remove through the CLI, every change in the audit log,
// `vurder verify --workspace` trusts what the list trusts, and a certificate slipped into trust.json by hand
// (outside Vurder, so not in the audit log) is never trusted.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/command';
import { appendAudit, readAuditLog } from '../../electron/services/audit/audit-log';
import { auditKeyFromIdentity, forgetAuditKey, useAuditKey } from '../../electron/services/audit/audit-key';
import { sha256Hex } from '../../electron/services/hash/sha256';
import { certificateToPem } from '../../electron/services/signing/certificate';
import { createIdentity, writeIdentityP12 } from '../../electron/services/signing/identity';
import type { Identity } from '../../electron/services/signing/identity';
import { trustAnchorsForWorkspace, trustFile } from '../../electron/services/trust/trust-list';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import { signedSamplePdf, tempDir } from '../signing/helpers';

let dir: string;
let cleanup: () => Promise<void>;
let kari: Identity;
let mallory: Identity;

async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { stdout: (text) => void (out += text), stderr: (text) => void (err += text), env: {}, cwd: dir };
  const code = await runCli(args, io);
  return { code, out, err };
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('trust'));
  kari = await createIdentity({ name: 'Kari Nordmann', email: 'kari@example.no', keyType: 'P-256' });
  mallory = await createIdentity({ name: 'Kari Nordmann', email: 'kari@example.no', keyType: 'P-256' });
  await createWorkspace(join(dir, 'ws'));
  await writeFile(join(dir, 'kari.pem'), certificateToPem(kari.certificateDer));
  await writeFile(join(dir, 'kari.der'), kari.certificateDer);
  await writeFile(join(dir, 'kari.pdf'), await signedSamplePdf(kari));
  await writeFile(join(dir, 'mallory.pdf'), await signedSamplePdf(mallory));
});
afterAll(() => cleanup());

describe('vurder trust', () => {
  it('adds (PEM, then the same as DER: no change), lists, verifies with --workspace, removes; each change audited', async () => {
    expect(await cli(['trust', 'list', 'ws'])).toMatchObject({ code: 0, out: 'Klareringslisten er tom.\n' });
    const added = await cli(['trust', 'add', 'ws', 'kari.pem', '--name', 'Kari (vurderer 1)']);
    expect(added.code).toBe(0);
    expect(added.out).toContain(`Lagt til: ${kari.fingerprint}  Kari (vurderer 1) (Kari Nordmann); selvsignert`);
    const again = await cli(['trust', 'add', 'ws', 'kari.der']);
    expect(again.out).toContain('Står allerede i listen');
    const listed = await cli(['trust', 'list', 'ws', '--json']);
    expect(JSON.parse(listed.out)).toEqual([expect.objectContaining({ fingerprint: kari.fingerprint, name: 'Kari (vurderer 1)', subjectName: 'Kari Nordmann' })]);
    expect(await trustAnchorsForWorkspace(join(dir, 'ws'))).toEqual([new Uint8Array(kari.certificateDer)]);

    const trusted = await cli(['verify', 'kari.pdf', '--workspace', 'ws', '--json']);
    expect(JSON.parse(trusted.out)).toMatchObject({ trusted: true });
    // Same name, same e-mail, another key: not Kari.
    const impostor = await cli(['verify', 'mallory.pdf', '--workspace', 'ws', '--json']);
    expect(impostor.code).toBe(1);
    expect(JSON.parse(impostor.out)).toMatchObject({ trusted: false, status: 'invalid' });

    const removed = await cli(['trust', 'remove', 'ws', kari.fingerprint.replace(/:/g, '').toLowerCase()]);
    expect(removed).toMatchObject({ code: 0 });
    expect(removed.out).toContain(`Fjernet: ${kari.fingerprint}`);
    expect(JSON.parse((await cli(['trust', 'list', 'ws', '--json'])).out)).toEqual([]);
    const actions = (await readAuditLog(join(dir, 'ws'))).filter((entry) => entry.action.startsWith('trust.'));
    expect(actions.map((entry) => [entry.action, entry.actor, entry.subject])).toEqual([
      ['trust.add', 'cli', kari.fingerprint],
      ['trust.remove', 'cli', kari.fingerprint],
    ]);
  });

  it('a certificate written into trust.json by hand is refused: the file no longer matches its audit entry', async () => {
    await cli(['trust', 'add', 'ws', 'kari.pem']);
    const path = trustFile(join(dir, 'ws'));
    const stored = JSON.parse(await readFile(path, 'utf8')) as { certificates: Array<Record<string, unknown>> };
    const forged = { ...stored.certificates[0], certificate: Buffer.from(mallory.certificateDer).toString('base64'), fingerprint: mallory.fingerprint };
    await writeFile(path, `${JSON.stringify({ formatVersion: 1, certificates: [...stored.certificates, forged] }, null, 2)}\n`);
    const verified = await cli(['verify', 'mallory.pdf', '--workspace', 'ws']);
    expect(verified.code).toBe(2);
    expect(verified.err).toMatch(/trust\.json: klareringslisten er endret utenfor Vurder/);
    const listed = await cli(['trust', 'list', 'ws']);
    expect(listed.code).toBe(1);
    expect(listed.err.split('\n')).toHaveLength(2);
  });

  it('refuses a file that is not a certificate, an unknown fingerprint, a non-workspace and bad usage with one line', async () => {
    await createWorkspace(join(dir, 'ws2'));
    await writeFile(join(dir, 'junk.pem'), '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    for (const file of ['junk.pem', 'kari.pdf']) {
      const result = await cli(['trust', 'add', 'ws2', file]);
      expect(result.code).toBe(1);
      expect(result.err).toMatch(new RegExp(`${file.replace('.', '\\.')}: er ikke et lesbart X\\.509-sertifikat`));
    }
    const unknown = await cli(['trust', 'remove', 'ws2', 'AB'.repeat(32)]);
    expect(unknown).toMatchObject({ code: 1 });
    expect(unknown.err).toContain('står ikke i klareringslisten');
    expect((await cli(['trust', 'remove', 'ws2', 'xyz'])).err).toContain('er ikke et SHA-256-fingeravtrykk');
    expect((await cli(['trust', 'list', 'kari.pem'])).code).toBe(2);
    expect((await cli(['trust', 'add', 'ws2'])).code).toBe(2);
    expect(JSON.parse((await cli(['trust', 'list', 'ws2', '--json'])).out)).toEqual([]);
  });
});

describe('trust list and the audit key', () => {
  it('with --identity the change is authenticated; a matching entry appended without the key is not trusted', async () => {
    const env = { PASS: 'hemmelig' };
    let out = '';
    let err = '';
    const io: CliIo = { stdout: (text) => void (out += text), stderr: (text) => void (err += text), env, cwd: dir };
    await writeIdentityP12(kari, join(dir, 'kari.p12'), env.PASS);
    const ws = await createWorkspace(join(dir, 'ws-key'));
    expect(await runCli(['trust', 'add', 'ws-key', 'kari.pem', '--identity', 'kari.p12', '--passphrase-env', 'PASS'], io)).toBe(0);
    expect(await runCli(['trust', 'list', 'ws-key', '--identity', 'kari.p12', '--passphrase-env', 'PASS'], io)).toBe(0);
    expect(out).toContain(kari.fingerprint);
    const key = auditKeyFromIdentity(kari, ws.meta.id);
    useAuditKey(ws.dir, key);
    expect(await trustAnchorsForWorkspace(ws.dir)).toHaveLength(1);

    // Someone with write access but without the key: Mallory's certificate into trust.json, and an entry that
    // records the new file's hash (the chain is consistent; only the MAC is missing).
    const path = trustFile(ws.dir);
    const stored = JSON.parse(await readFile(path, 'utf8')) as { certificates: Array<Record<string, unknown>> };
    const forged = `${JSON.stringify({ formatVersion: 1, certificates: [...stored.certificates, { ...stored.certificates[0], certificate: Buffer.from(mallory.certificateDer).toString('base64'), fingerprint: mallory.fingerprint }] }, null, 2)}\n`;
    await writeFile(path, forged);
    await appendAudit(ws.dir, { actor: 'cli', action: 'trust.add', subject: mallory.fingerprint, data: { trustListSha256: sha256Hex(forged) } }, { key: null });
    await expect(trustAnchorsForWorkspace(ws.dir)).rejects.toThrow(/is not authenticated by Kari Nordmann's key/);
    forgetAuditKey(ws.dir);
    err = '';
    // Without the key: the log uses MACs and this entry has none, so the list is not used either.
    expect(await runCli(['verify', 'mallory.pdf', '--workspace', 'ws-key'], io)).toBe(2);
    expect(err).toContain('klareringslistens siste endring (revisjonslogg-oppføring');
    expect(err).toContain('er ikke autentisert, mens loggen ellers er det');
    err = '';
    expect(await runCli(['trust', 'list', 'ws-key', '--identity', 'kari.p12', '--passphrase-env', 'PASS'], io)).toBe(1);
    expect(err).toContain('er ikke bekreftet med nøkkelen til Kari Nordmann');
  });
});
