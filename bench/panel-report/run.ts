// `npm run bench -- panel-report`: the panel's full report (innstilling, workbook, award list and one signed
// letter per applicant) for a 65-application round (the size of the 2021 demo round) and for 500, in one
// process (the service as the CLI runs it) and with the letters split over two worker threads. Reference:
// one signed assessment PDF per application, measured in the same run. Prints figures; asserts nothing.
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { BuildOptions } from 'esbuild';
import { build } from 'esbuild';
import { generatePanelReport } from '../../electron/services/panel-report/generate';
import { buildInnstillingPdf } from '../../electron/services/panel-report/innstilling-pdf';
import { awardListCsv } from '../../electron/services/panel-report/award-list';
import { buildWorkbook } from '../../electron/services/panel-report/workbook';
import { buildAssessmentPdf } from '../../electron/services/pdf/assessment-report';
import { signPdf } from '../../electron/services/pdf/sign-pdf';
import { createIdentity, identityToPkcs12 } from '../../electron/services/signing/identity';
import type { Identity } from '../../electron/services/signing/identity';
import { sampleModel } from '../../test/panel-report/sample-model';
import { sampleReportInput } from '../../test/signing/sample-report';
import { heading, line, ratio, timed } from '../support';

const PASS = 'bench-passphrase';
const SIZES = [65, 500];
const AT = new Date('2021-04-15T10:00:00+02:00');

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

async function bundledWorker(): Promise<URL> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const outfile = `${root}dist/bench/panel-report/worker.mjs`;
  // Plain JavaScript shared with scripts/build-cli.mjs (a string specifier: it has no type declarations).
  const optionsModule: string = '../../scripts/node-bundle.mjs';
  const { nodeBundleOptions } = (await import(optionsModule)) as { nodeBundleOptions: BuildOptions };
  await build({ ...nodeBundleOptions, absWorkingDir: root, entryPoints: ['bench/panel-report/worker.ts'], outfile });
  return new URL(`file://${outfile}`);
}

function modelFor(size: number, identity: Identity): ReturnType<typeof sampleModel> {
  const model = sampleModel(size, AT);
  model.lead = { name: identity.subjectName, email: identity.email ?? '', fingerprint: identity.fingerprint };
  return model;
}

/** Reference: build and sign one assessment PDF per application, in this process. */
async function reference(identity: Identity, count: number): Promise<number> {
  const run = await timed(async () => {
    for (let index = 0; index < count; index += 1) {
      const input = sampleReportInput(`SO1-2021-${String(index).padStart(3, '0')}`, AT);
      input.assessor = { name: identity.subjectName, email: identity.email ?? '', fingerprint: identity.fingerprint };
      await signPdf(await buildAssessmentPdf(input), identity);
    }
  });
  return run.wallMs;
}

async function twoWorkers(identity: Identity, size: number, workerUrl: URL, dir: string): Promise<{ wallMs: number; withStartupMs: number }> {
  const model = modelFor(size, identity);
  const ids = model.applicants.map((applicant) => applicant.applicationId);
  const p12 = identityToPkcs12(identity, PASS);
  const spawnedAt = performance.now();
  const halves = [ids.filter((_, index) => index % 2 === 0), ids.filter((_, index) => index % 2 === 1)];
  const pool = halves.map((applicationIds) => new Worker(workerUrl, { workerData: { p12, passphrase: PASS, size, applicationIds, outDir: dir } }));
  await Promise.all(pool.map((worker) => new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', () => resolve());
  })));
  const start = performance.now();
  const done = pool.map((worker) => new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', () => resolve());
    worker.postMessage('go');
  }));
  // The main thread makes the innstilling, workbook and award list meanwhile, as a two-worker service would.
  await Promise.all([
    (async () => {
      await signPdf(await buildInnstillingPdf(model, { draft: false }), identity);
      await buildWorkbook(model);
      awardListCsv(model);
    })(),
    ...done,
  ]);
  const end = performance.now();
  await Promise.all(pool.map((worker) => worker.terminate()));
  return { wallMs: end - start, withStartupMs: end - spawnedAt };
}

heading('Panel report bench (issue 11): innstilling + workbook + award list + one signed letter per applicant');
const identity = await createIdentity({ name: 'Øyvind Ærø Åsen', email: 'oyvind@example.no', keyType: 'P-256' });
const root = await mkdtemp(join(tmpdir(), 'vurder-bench-panel-'));
try {
  // Warm up fonts, JIT and the identity in this process.
  await generatePanelReport({ model: modelFor(10, identity), identity, outDir: join(root, 'warm'), letters: true, draft: false });
  const workerUrl = await bundledWorker();
  for (const size of SIZES) {
    process.stdout.write(`\n${size} applications\n`);
    const referenceMs = await reference(identity, size);
    line(`  reference: ${size} signed assessment PDFs, one process`, seconds(referenceMs));
    const one = await timed(() => generatePanelReport({ model: modelFor(size, identity), identity, outDir: join(root, `one-${size}`), letters: true, draft: false }));
    line(`  full report, ${one.value.files.length} files, one process (one core)`, `${seconds(one.wallMs)} wall, ${seconds(one.cpuMs)} CPU (${ratio(one.wallMs, referenceMs)} of reference)`);
    const dir = join(root, `two-${size}`);
    await mkdir(dir);
    const two = await twoWorkers(identity, size, workerUrl, dir);
    line('  same work, letters over two worker threads (two cores)', `${seconds(two.wallMs)} wall, ${seconds(two.withStartupMs)} with worker start (${ratio(two.wallMs, one.wallMs)} of one core)`);
  }
} finally {
  await rm(root, { recursive: true, force: true });
}
