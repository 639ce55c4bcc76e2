// `vurder report` on a real panel round: assessor workspaces, signed exchange files from the real export,
// merged into a panel workspace, the snapshot read by readPanelSnapshot; the documents checked with pdfsig,
// pdftotext and the file system. Bad input: one line, nothing written.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/command';
import { mergeExchangeFiles } from '../../electron/services/panel/merge';
import { writeIdentityP12 } from '../../electron/services/signing/identity';
import { trustAnchorsForWorkspace } from '../../electron/services/trust/trust-list';
import type { Workspace } from '../../electron/services/workspace/workspace';
import type { TestAssessor } from '../panel/helpers';
import { ASKER, assessorWorkspace, exportExchange, finalise, GOOD, KINN, makeIdentity, makePanel, SKIEN, tempDir, trustIdentity } from '../panel/helpers';
import { run, squash } from '../signing/helpers';

const PASS = 'panel-lead-passphrase';
let dir: string;
let cleanup: () => Promise<void>;
let panel: Workspace;
let lead: TestAssessor;
let p12: string;

async function cli(args: string[], env: Record<string, string> = { LEAD_PASS: PASS }): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text), env, cwd: dir };
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('report-cli'));
  const [kari, oyvind] = await Promise.all([makeIdentity('Kari Nordmann'), makeIdentity('Ola Åsen')]);
  lead = await makeIdentity('Åse Ødegård Lærum');
  p12 = join(dir, 'lead.p12');
  await writeIdentityP12(lead.identity, p12, PASS);
  panel = await makePanel(join(dir, 'panel'));
  const files: string[] = [];
  for (const [who, skien] of [
    [kari, { feasibility: 3, transferValue: 3, decision: 'reject', amount: 0 }],
    [oyvind, { feasibility: 3, transferValue: 3, decision: 'reject', amount: 0 }],
  ] as const) {
    await trustIdentity(panel, who, dir);
    const ws = await assessorWorkspace(join(dir, who.assessor.id));
    await finalise(ws, who, ASKER, GOOD);
    await finalise(ws, who, KINN, GOOD);
    await finalise(ws, who, SKIEN, skien);
    files.push(await exportExchange(ws, who, join(dir, `out-${who.assessor.id}`)));
  }
  const merged = await mergeExchangeFiles(panel, files.map((path) => ({ path, shown: path })), { trustAnchors: await trustAnchorsForWorkspace(panel.dir), allowUntrusted: false });
  expect(JSON.stringify(merged)).not.toContain('refused');
}, 180_000);
afterAll(() => cleanup());

describe('vurder report on a merged panel round', () => {
  let result: { code: number; stdout: string; stderr: string };
  beforeAll(async () => {
    result = await cli(['report', 'panel', '--identity', 'lead.p12', '--passphrase-env', 'LEAD_PASS', '--out', 'rapport', '--letters']);
  }, 60_000);

  it('writes every file with one progress line each and a summary', async () => {
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.trim().split('\n');
    expect(lines).toHaveLength(3 + 3 + 1);
    expect(lines[0]).toMatch(/^\[1\/6\] tildelingsliste \(CSV\): .*rapport\/tildelingsliste\.csv$/);
    expect(lines[1]).toMatch(/^\[2\/6\] innstilling \(PDF\): .*rapport\/innstilling\.pdf$/);
    expect(lines.at(-1)).toContain('Signert av / signed by Åse Ødegård Lærum');
    expect(lines.at(-1)).toContain('3 brev (2 tilskudd, 1 avslag)');
    expect((await readdir(join(dir, 'rapport'))).sort()).toEqual(['brev', 'innstilling.pdf', 'innstilling.xlsx', 'tildelingsliste.csv']);
    expect((await readdir(join(dir, 'rapport', 'brev'))).sort()).toEqual([`avslag-${SKIEN}.pdf`, `tilskuddsbrev-${ASKER}.pdf`, `tilskuddsbrev-${KINN}.pdf`]);
  });

  it('the innstilling is signed by the lead (pdfsig) and names the applicants, reasons and exchange-file hashes', async () => {
    const file = join(dir, 'rapport', 'innstilling.pdf');
    const sig = (await run('pdfsig', [file])).output;
    expect(sig).toContain('Signature is Valid');
    expect(sig).toContain('Åse Ødegård Lærum');
    const text = squash((await run('pdftotext', ['-enc', 'UTF-8', file, '-'])).output);
    expect(text).toContain('Asker kommune');
    expect(text).toContain('Under terskel: Gjennomføringsevne 3 (terskel 4); Overføringsverdi 3 (terskel 4)');
    const snapshotFiles = await readdir(join(panel.dir, 'panel', 'exchange'));
    for (const name of snapshotFiles) expect(text).toContain(name.slice(0, 64));
  });

  it('the award list lists the two grants; the rejection letter gives the thresholds', async () => {
    const csv = await readFile(join(dir, 'rapport', 'tildelingsliste.csv'), 'utf8');
    const rows = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(rows[0]).toBe('Satsingsområde;Søker;Prosjekttittel;Beløp');
    expect(rows).toHaveLength(3);
    const letter = squash((await run('pdftotext', ['-enc', 'UTF-8', join(dir, 'rapport', 'brev', `avslag-${SKIEN}.pdf`), '-'])).output);
    expect(letter).toContain('Gjennomføringsevne: 3 (terskel 4)');
    expect((await run('pdfsig', [join(dir, 'rapport', 'brev', `avslag-${SKIEN}.pdf`)])).output).toContain('Signature is Valid');
  });
});

describe('vurder report refuses bad input with one line and writes nothing', () => {
  it('a wrong passphrase', async () => {
    const result = await cli(['report', 'panel', '--identity', 'lead.p12', '--passphrase-env', 'LEAD_PASS', '--out', 'feil'], { LEAD_PASS: 'wrong' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^vurder report: lead\.p12: feil passordfrase \(lead\.p12: [^\n]+\)\n$/);
    await expect(stat(join(dir, 'feil'))).rejects.toThrow();
  });

  it('a missing identity (without --draft)', async () => {
    const result = await cli(['report', 'panel', '--out', 'uten']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^vurder report: --identity mangler .*\n$/);
    await expect(stat(join(dir, 'uten'))).rejects.toThrow();
  });

  it('an output folder that cannot be written', async () => {
    await writeFile(join(dir, 'fil'), 'x');
    const result = await cli(['report', 'panel', '--identity', 'lead.p12', '--passphrase-env', 'LEAD_PASS', '--out', 'fil/ut']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('fil/ut: ikke en mappe: en del av stien er en fil');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('not a panel workspace', async () => {
    const result = await cli(['report', 'kari-nordmann', '--identity', 'lead.p12', '--passphrase-env', 'LEAD_PASS', '--out', 'ikke-panel']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    await expect(stat(join(dir, 'ikke-panel'))).rejects.toThrow();
  });

  it('a draft needs no identity and is unsigned', async () => {
    const result = await cli(['report', 'panel', '--out', 'utkast', '--draft']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('UTKAST (ikke signert)');
    expect((await run('pdfsig', [join(dir, 'utkast', 'innstilling-UTKAST.pdf')])).output).toContain('does not contain any signatures');
  });
});
