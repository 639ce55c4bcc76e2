// `vurder workspace init | import | list | assess` through runCli on real folders, zips and a real PKCS#12.
import { chmod, cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/command';
import { createIdentity, writeIdentityP12 } from '../../electron/services/signing/identity';
import { EXAMPLE_ASSESSMENT_PATH } from './helpers/assessment';
import { FIXTURE_PACKAGES, fixturePackage, hashTree, tempDir } from './helpers/workspace';

let root: { dir: string; cleanup: () => Promise<void> };
let out: string;
let errors: string;
let env: Record<string, string | undefined>;

function io(): CliIo {
  return { stdout: (text) => void (out += text), stderr: (text) => void (errors += text), env, cwd: root.dir };
}

async function vurder(...args: string[]): Promise<number> {
  out = '';
  errors = '';
  return runCli(args, io());
}

beforeEach(async () => {
  root = await tempDir('cli');
  env = {};
});
afterEach(async () => {
  await root.cleanup();
});

describe('vurder workspace init', () => {
  it('creates a workspace with the built-in scheme and refuses a folder that is not empty', async () => {
    expect(await vurder('workspace', 'init', 'ws')).toBe(0);
    expect(out).toMatch(/^Arbeidsmappe opprettet: .*\/ws \(ordning imdi-kommunale-integreringstiltak-2021, SHA-256 [0-9a-f]{64}\)\n$/);
    expect(await vurder('workspace', 'init', 'ws', '--lang', 'en')).toBe(1);
    expect(errors).toBe(`${join(root.dir, 'ws')}: the folder is not empty; choose a new or empty folder\n`);
  });

  it('takes --scheme as a file and refuses an unknown scheme id', async () => {
    const schemeFile = join(root.dir, 'scheme.json');
    await cp(join(import.meta.dirname, '../../resources/schemes/imdi-kommunale-integreringstiltak-2021.json'), schemeFile);
    expect(await vurder('workspace', 'init', 'ws', '--scheme', schemeFile)).toBe(0);
    expect(await vurder('workspace', 'init', 'ws2', '--scheme', 'finnes-ikke', '--lang', 'en')).toBe(1);
    expect(errors).toBe('finnes-ikke: scheme "finnes-ikke" not found\n');
  });

  it('verify checks the audit log and every package, naming each changed file (exit 1)', async () => {
    await vurder('workspace', 'init', 'ws');
    await vurder('import', 'ws', fixturePackage('so1-asker-eligible'));
    expect(await vurder('workspace', 'verify', 'ws', '--lang', 'en')).toBe(0);
    expect(out).toBe(`${join(root.dir, 'ws')}: audit log intact (2 entries), 1 applications checked, 0 problem(s)\n`);
    const pdf = join(root.dir, 'ws', 'packages', 'ASK-2021-001', 'vedlegg', 'budsjett.pdf');
    await chmod(pdf, 0o644);
    await writeFile(pdf, '%PDF-1.7 endret');
    expect(await vurder('workspace', 'verify', 'ws')).toBe(1);
    expect(errors).toBe(`${pdf}: er endret etter import\n`);
  });

  it('verify reports a workspace whose audit.log and audit.head.json were both deleted (exit 1)', async () => {
    await vurder('workspace', 'init', 'ws');
    const log = join(root.dir, 'ws', 'audit.log');
    await rm(log);
    await rm(join(root.dir, 'ws', 'audit.head.json'));
    expect(await vurder('workspace', 'verify', 'ws')).toBe(1);
    expect(errors).toBe(`${log}: audit.log linje 1: loggen mangler eller er tom, men arbeidsområdet finnes; den skal starte med oppføringen workspace.create (loggen er slettet)\n`);
    expect(out).toBe(`${join(root.dir, 'ws')}: revisjonslogg IKKE intakt (0 oppføringer), 0 søknader kontrollert, 1 problem(er)\n`);
  });

  it('prints usage for a wrong sub-command (exit 2)', async () => {
    expect(await vurder('workspace', 'create', 'ws')).toBe(2);
    expect(errors).toMatch(/^vurder workspace: feil antall argumenter; bruk: vurder workspace init/);
  });
});

describe('vurder import', () => {
  beforeEach(async () => {
    await vurder('workspace', 'init', 'ws');
  });

  it('prints one line per package and exits 0 when nothing is refused', async () => {
    const asker = fixturePackage('so1-asker-eligible');
    expect(await vurder('import', 'ws', asker, fixturePackage('so3-kinn-eligible'), asker, '--lang', 'en')).toBe(0);
    expect(out).toBe(
      [`imported: ${asker}: imported as ASK-2021-001`, `imported: ${fixturePackage('so3-kinn-eligible')}: imported as KIN-2021-003`, `already imported: ${asker}: already imported (ASK-2021-001, same content)`, ''].join('\n'),
    );
  });

  it('imports every fixture package (exit 0, one line each)', async () => {
    const names = (await readdir(FIXTURE_PACKAGES, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(await vurder('import', 'ws', ...names.map(fixturePackage))).toBe(0);
    expect(errors).toBe('');
    expect(out.trimEnd().split('\n')).toHaveLength(names.length);
  });

  it('exits 1 when any package is refused, with the refusal on stderr naming the file', async () => {
    const broken = join(root.dir, 'broken');
    await mkdir(broken);
    expect(await vurder('import', 'ws', fixturePackage('so1-asker-eligible'), broken)).toBe(1);
    expect(out).toContain('importert: ');
    expect(errors).toBe(`AVVIST: ${broken}: mangler soknad.json i roten av pakken\n`);
  });

  it('exits 2 when the workspace cannot be opened, and changes nothing', async () => {
    const before = await hashTree(root.dir);
    expect(await vurder('import', 'nowhere', fixturePackage('so1-asker-eligible'), '--lang', 'en')).toBe(2);
    expect(errors).toBe(`${join(root.dir, 'nowhere')}: is not a workspace (workspace.json is missing)\n`);
    expect(await hashTree(root.dir)).toBe(before);
  });
});

describe('vurder list', () => {
  it('prints a table, and stable JSON with --json', async () => {
    await vurder('workspace', 'init', 'ws');
    await vurder('import', 'ws', fixturePackage('so1-asker-eligible'), fixturePackage('so6-melhus-late'));
    expect(await vurder('list', 'ws')).toBe(0);
    expect(out.split('\n')[0]).toMatch(/^Søknad\s+SO\s+Søker\s+Omsøkt \(kr\)\s+Formelt\s+Status\s+Merknader\s+Tittel$/);
    expect(out).toMatch(/ASK-2021-001\s+1\s+Asker kommune\s+1\u00a0056\u00a0000\s+vurderes\s+ikke startet\s+0\s+4\. år intro - Asker/);
    expect(await vurder('list', 'ws', '--json')).toBe(0);
    const entries = JSON.parse(out) as Record<string, unknown>[];
    expect(entries.map((entry) => [entry.applicationId, entry.verdict])).toEqual([
      ['ASK-2021-001', 'needs-review'],
      ['MEL-2021-014', 'ineligible'],
    ]);
    expect(errors).toBe('');
    // An edited audit log is reported on stderr; the list itself still prints.
    const log = join(root.dir, 'ws', 'audit.log');
    await writeFile(log, (await readFile(log, 'utf8')).replace('"workspace.create"', '"workspace.created"'));
    expect(await vurder('list', 'ws', '--lang', 'en')).toBe(0);
    expect(errors).toBe(`${log}: the audit log is not intact (audit.log line 1: entry 1 was changed after it was written (hash mismatch))\n`);
    expect(await vurder('list', 'ws', '--json')).toBe(0);
    expect(Object.keys(entries[0] ?? {}).sort()).toEqual(
      ['applicantName', 'applicationId', 'assessmentStatus', 'flags', 'focusArea', 'municipalityNumber', 'packageSha256', 'providedFields', 'requestedGrant', 'rules', 'submittedAt', 'title', 'verdict'].sort(),
    );
  });
});

describe('vurder assess', () => {
  beforeEach(async () => {
    await vurder('workspace', 'init', 'ws');
    await vurder('import', 'ws', fixturePackage('so1-asker-eligible'));
  });

  it('stores docs/examples/assessment.json as the assessor named on the command line', async () => {
    expect(await vurder('assess', 'ws', 'ASK-2021-001', '--from', EXAMPLE_ASSESSMENT_PATH, '--assessor-name', 'Ola Åsen', '--lang', 'en')).toBe(0);
    expect(out).toBe('ASK-2021-001: stored as final, version 1, assessor Ola Åsen (ola-asen)\n');
    const stored = JSON.parse(await readFile(join(root.dir, 'ws', 'assessments', 'ola-asen', 'ASK-2021-001.json'), 'utf8')) as { status: string };
    expect(stored.status).toBe('final');
    // Final now: a second run is refused unless it reopens with a reason.
    expect(await vurder('assess', 'ws', 'ASK-2021-001', '--from', EXAMPLE_ASSESSMENT_PATH, '--assessor-name', 'Ola Åsen', '--lang', 'en')).toBe(1);
    expect(errors).toMatch(/ASK-2021-001\.json: the assessment is final; reopen it with a reason to change it\n$/);
    expect(await vurder('assess', 'ws', 'ASK-2021-001', '--from', EXAMPLE_ASSESSMENT_PATH, '--assessor-name', 'Ola Åsen', '--reopen-reason', 'Ny budsjettinformasjon')).toBe(0);
    expect(out).toBe('ASK-2021-001: lagret som endelig, versjon 3, vurderer Ola Åsen (ola-asen)\n');
  });

  it('takes the assessor from a PKCS#12 identity opened with the passphrase from the environment', async () => {
    const identity = await createIdentity({ name: 'Kari Nordmann', email: 'kari@example.no', keyType: 'P-256' });
    const p12 = join(root.dir, 'kari.p12');
    await writeIdentityP12(identity, p12, 'hemmelig');
    env.VURDER_PASS = 'hemmelig';
    expect(await vurder('assess', 'ws', 'ASK-2021-001', '--from', EXAMPLE_ASSESSMENT_PATH, '--identity', p12, '--passphrase-env', 'VURDER_PASS')).toBe(0);
    expect(out).toBe('ASK-2021-001: lagret som endelig, versjon 1, vurderer Kari Nordmann (kari-nordmann)\n');
    env.VURDER_PASS = 'feil';
    expect(await vurder('assess', 'ws', 'ASK-2021-001', '--from', EXAMPLE_ASSESSMENT_PATH, '--identity', p12, '--passphrase-env', 'VURDER_PASS')).toBe(2);
    expect(errors.startsWith(`${p12}: `)).toBe(true);
    expect(errors.split('\n')).toHaveLength(2);
  });

  it('refuses input that is not JSON or fails the schema, naming the file', async () => {
    const bad = join(root.dir, 'bad.json');
    await writeFile(bad, '{ not json');
    expect(await vurder('assess', 'ws', 'ASK-2021-001', '--from', bad, '--assessor-name', 'Kari')).toBe(2);
    expect(errors.startsWith(`${bad}: `)).toBe(true);
    await writeFile(bad, JSON.stringify({ applicationId: 'ASK-2021-001', status: 'final' }));
    expect(await vurder('assess', 'ws', 'ASK-2021-001', '--from', bad, '--assessor-name', 'Kari', '--lang', 'en')).toBe(1);
    expect(errors.startsWith(`${bad}: the assessment is invalid (`)).toBe(true);
  });
});
