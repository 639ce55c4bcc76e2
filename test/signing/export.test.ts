// Batch export on a real workspace with a real imported package and a final assessment, through the
// service and through `vurder export`; the results are checked with pdfsig, pdftotext and our verifier.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/command';
import { exportSignedAssessments } from '../../electron/services/export/export';
import type { ExportProgress } from '../../electron/services/export/export';
import { importPackages } from '../../electron/services/import/import-packages';
import { certificateToPem } from '../../electron/services/signing/certificate';
import { createIdentity } from '../../electron/services/signing/identity';
import type { Identity } from '../../electron/services/signing/identity';
import { verifyFile } from '../../electron/services/signing/verify';
import { saveAssessment } from '../../electron/services/store/assessment-store';
import { getApplication } from '../../electron/services/workspace/applications';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import type { Workspace } from '../../electron/services/workspace/workspace';
import { exampleAssessment } from '../integration/helpers/assessment';
import { fixturePackage } from '../integration/helpers/workspace';
import { formatKroner } from '../../electron/services/pdf/format';
import { run, squash, tempDir } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
let ws: Workspace;
let kari: Identity;

function captureIo(env: Record<string, string> = {}): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (text) => out.push(text), stderr: (text) => err.push(text), env, cwd: dir };
}

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('export'));
  ws = await createWorkspace(join(dir, 'ws'));
  await importPackages(ws, [fixturePackage('so1-asker-eligible')]);
  await saveAssessment(ws, exampleAssessment());
  kari = await createIdentity({ name: 'Kari Nordmann', email: 'kari.nordmann@imdi.no', keyType: 'P-256' });
});
afterAll(() => cleanup());

describe('exportSignedAssessments', () => {
  it('writes one signed PDF per final assessment and one exchange file, with progress', async () => {
    const progress: ExportProgress[] = [];
    const out = join(dir, 'out');
    const result = await exportSignedAssessments({ ws, identity: kari, outDir: out, onProgress: (event) => progress.push(event) });
    expect(result.assessorId).toBe('kari-nordmann');
    expect(result.pdfs.map((pdf) => pdf.applicationId)).toEqual(['ASK-2021-001']);
    expect(progress.map((event) => `${event.done}/${event.total}`)).toEqual(['1/2', '2/2']);
    expect((await readdir(out)).sort()).toEqual(['vurdering-ASK-2021-001-kari-nordmann.pdf', 'vurderinger-kari-nordmann.vurder.json']);

    const pdf = result.pdfs[0]?.file ?? '';
    expect((await run('pdfsig', [pdf])).output).toContain('Signature is Valid');
    const pdfReport = await verifyFile(pdf, { trusted: [kari.certificateDer] });
    expect(pdfReport.status).toBe('valid');

    const text = squash((await run('pdftotext', ['-enc', 'UTF-8', pdf, '-'])).output);
    const assessment = exampleAssessment();
    for (const score of assessment.scores) expect(text).toContain(squash(score.justification));
    expect(text).toContain('Gjennomføringsevne: 5 av 7');
    expect(text).toContain(ws.meta.schemeSha256);
    const record = await getApplication(ws, 'ASK-2021-001');
    for (const file of record.lock.files) expect(text).toContain(file.sha256);
    expect(text).toContain('Kommunen viser til to tidligere prosjekter med gode sluttrapporter.');

    // Page 1 (issue 12.9): applicant, project, verdict, both scores against the thresholds, the weighted mean,
    // the recommendation and the amount – before the rule table, which starts on page 2.
    const first = squash((await run('pdftotext', ['-enc', 'UTF-8', '-f', '1', '-l', '1', pdf, '-'])).output);
    for (const expected of [
      'Søker Asker kommune',
      'Prosjekt 4. år intro - Asker',
      'Formelt resultat Oppfyller de formelle kravene',
      'Gjennomføringsevne 5 av 7 4 1 når terskelen',
      'Overføringsverdi 6 av 7 4 1 når terskelen',
      'Vektet snitt: 5,50 av 7,00',
      'Anbefaling Tilskudd anbefales',
      `Beløp ${squash(formatKroner(assessment.recommendation.amount))}`,
    ]) {
      expect(first).toContain(expected);
    }
    expect(first).not.toContain('R01');
    // Norwegian throughout: no English status codes or glosses in the nb PDF.
    expect(text).not.toMatch(/\((pass|fail|review|eligible|ineligible|grant|reject|undecided|met|not met|missing|assessment|scores|signature)\)/i);
    expect(text).not.toMatch(/\[(reject|priority|info), (auto|manual|auto-override)\]/);
    expect(text).toContain('[krav, automatisk]');

    const exchange = await verifyFile(result.exchangeFile, { trusted: [kari.certificateDer] });
    expect(exchange.status).toBe('valid');
    expect(exchange.contents?.applicationIds).toEqual(['ASK-2021-001']);
    const envelope = JSON.parse(await readFile(result.exchangeFile, 'utf8')) as { payload: { assessments: { packageFiles: unknown[]; schemeSha256: string }[] } };
    expect(envelope.payload.assessments[0]?.schemeSha256).toBe(ws.meta.schemeSha256);
    expect(envelope.payload.assessments[0]?.packageFiles).toHaveLength(record.lock.files.length);
  });

  it('refuses an identity that does not belong to the assessor', async () => {
    const other = await createIdentity({ name: 'Ola Nordmann', keyType: 'P-256' });
    await expect(exportSignedAssessments({ ws, identity: other, outDir: join(dir, 'other') })).rejects.toThrow(/Kari Nordmann.*Ola Nordmann/);
  });
});

describe('vurder export / verify / identity (CLI)', () => {
  it('creates an identity, exports with progress lines and verifies the results with exit codes', async () => {
    const env = { VURDER_PASS: 'hemmelig passord' };
    const created = captureIo(env);
    expect(
      await runCli(['identity', 'create', '--name', 'Kari Nordmann', '--email', 'kari.nordmann@imdi.no', '--out', 'kari.p12', '--passphrase-env', 'VURDER_PASS', '--cert-out', 'kari.pem'], created),
    ).toBe(0);
    expect(created.out.join('')).toMatch(/Fingeravtrykk \/ fingerprint \(SHA-256\): ([0-9A-F]{2}:){31}[0-9A-F]{2}/);

    const exported = captureIo(env);
    expect(await runCli(['export', 'ws', '--identity', 'kari.p12', '--passphrase-env', 'VURDER_PASS', '--out', 'cli-out'], exported)).toBe(0);
    expect(exported.out[0]).toMatch(/^\[1\/2\] .*vurdering-ASK-2021-001-kari-nordmann\.pdf\n$/);
    expect(exported.out[1]).toMatch(/^\[2\/2\] .*vurderinger-kari-nordmann\.vurder\.json\n$/);

    const verified = captureIo();
    expect(await runCli(['verify', 'cli-out/vurdering-ASK-2021-001-kari-nordmann.pdf', '--trust', 'kari.pem', '--json'], verified)).toBe(0);
    const report = JSON.parse(verified.out.join('')) as { status: string; trusted: boolean; signer: { subjectName: string } };
    expect(report).toMatchObject({ status: 'valid', trusted: true, signer: { subjectName: 'Kari Nordmann' } });

    // The in-process identity "Kari Nordmann" is another key than the CLI-made one: same name, not trusted.
    const untrusted = captureIo();
    await writeFile(join(dir, 'other.pem'), certificateToPem(kari.certificateDer));
    expect(await runCli(['verify', 'cli-out/vurderinger-kari-nordmann.vurder.json', '--trust', 'other.pem'], untrusted)).toBe(1);
    expect(untrusted.out.join('')).toContain('UGYLDIG / INVALID');

    const missing = captureIo();
    expect(await runCli(['verify', 'cli-out/finnes-ikke.pdf'], missing)).toBe(2);
    expect(missing.err.join('')).toMatch(/^vurder verify: cli-out\/finnes-ikke\.pdf: filen kan ikke leses \(finnes ikke\) \(does not exist\)/);

    const wrongPass = captureIo({ VURDER_PASS: 'feil' });
    expect(await runCli(['export', 'ws', '--identity', 'kari.p12', '--passphrase-env', 'VURDER_PASS', '--out', 'x'], wrongPass)).toBe(2);
    expect(wrongPass.err.join('')).toMatch(/^vurder export: kari\.p12: feil passordfrase .*wrong passphrase.*\n$/);
  });
});
