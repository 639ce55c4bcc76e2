// The identity and verify commands end to end: a local CA made with the CLI issues a person's identity, and
// `vurder verify --trust ca.pem` accepts what that person signs; usage errors and unreadable files exit 2.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../../electron/cli/command';
import { runCli } from '../../electron/cli/main';
import { openIdentity } from '../../electron/services/signing/identity';
import { signedSamplePdf, tempDir } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
beforeAll(async () => ({ dir, cleanup } = await tempDir('cli')));
afterAll(() => cleanup());

function io(env: Record<string, string> = {}): CliIo & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    env,
    cwd: dir,
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

describe('vurder identity + verify', () => {
  it('a CLI-made CA issues an identity; verify trusts what it signs only with the CA in --trust', async () => {
    const env = { CA_PASS: 'ca-hemmelig', MY_PASS: 'mitt-passord' };
    expect(await runCli(['identity', 'create', '--ca', '--name', 'Panelets CA Ørsta', '--out', 'ca.p12', '--passphrase-env', 'CA_PASS', '--cert-out', 'ca.pem'], io(env))).toBe(0);
    const issued = io(env);
    expect(
      await runCli(
        ['identity', 'create', '--name', 'Øyvind Ærø Åsen', '--out', 'me.p12', '--passphrase-env', 'MY_PASS', '--issuer', 'ca.p12', '--issuer-passphrase-env', 'CA_PASS', '--key-type', 'rsa-3072'],
        issued,
      ),
    ).toBe(0);
    const shown = io(env);
    expect(await runCli(['identity', 'show', 'me.p12', '--passphrase-env', 'MY_PASS', '--json'], shown)).toBe(0);
    expect(JSON.parse(shown.out())).toMatchObject({ subjectName: 'Øyvind Ærø Åsen', issuerName: 'Panelets CA Ørsta', selfSigned: false, keyType: 'RSA', chain: 1 });

    const me = await openIdentity(join(dir, 'me.p12'), env.MY_PASS);
    await writeFile(join(dir, 'signed.pdf'), await signedSamplePdf(me));
    const trusted = io();
    expect(await runCli(['verify', 'signed.pdf', '--trust', 'ca.pem'], trusted)).toBe(0);
    expect(trusted.out()).toContain('Klarert / trusted: ja / yes');
    expect(trusted.out()).toContain('Utsteder / issuer: Panelets CA Ørsta');
    const unchecked = io();
    // Without a trust anchor: intact, signer not verified (exit 3, issue 8 point 2).
    expect(await runCli(['verify', 'signed.pdf'], unchecked)).toBe(3);
    expect(unchecked.out()).toContain('ikke kontrollert');
  });

  it('exit 2 with one line for garbage, a missing trust file, bad usage and a missing passphrase variable', async () => {
    await writeFile(join(dir, 'garbage.bin'), 'dette er ikke en PDF');
    const garbage = io();
    expect(await runCli(['verify', 'garbage.bin'], garbage)).toBe(2);
    expect(garbage.err()).toBe('vurder verify: garbage.bin: filen kan ikke leses (verken PDF eller utvekslingsfil fra Vurder) (neither a PDF nor a Vurder exchange file)\n');
    const noTrust = io();
    expect(await runCli(['verify', 'garbage.bin', '--trust', 'finnes-ikke.pem'], noTrust)).toBe(2);
    expect(noTrust.err()).toMatch(/^vurder verify: klareringslisten \S*finnes-ikke\.pem: finnes ikke \(trust list \S*finnes-ikke\.pem: does not exist\)\n$/);
    const usage = io();
    expect(await runCli(['verify'], usage)).toBe(2);
    expect(usage.err()).toMatch(/^vurder verify: bruk: vurder verify/);
    const noPass = io();
    expect(await runCli(['identity', 'create', '--name', 'X', '--out', 'x.p12', '--passphrase-env', 'UNSET_VAR'], noPass)).toBe(2);
    expect(noPass.err()).toContain('miljøvariabelen UNSET_VAR (--passphrase-env) er tom eller mangler');
    expect(noPass.err().split('\n')).toHaveLength(2);
  });
});
