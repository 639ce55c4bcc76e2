// `npm run bench`: per-PDF generation and signing times and signed PDFs per second for a batch of 200,
// in one process and on all cores with worker_threads. Prints figures and ratios; asserts nothing.
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { BuildOptions } from 'esbuild';
import { createIdentity, identityToPkcs12 } from '../../electron/services/signing/identity';
import type { Identity } from '../../electron/services/signing/identity';
import type { BatchTimes } from './work';
import { buildAndSign } from './work';
import { setFontProgramSharing } from '../../electron/services/pdf/font-program-cache';

const BATCH = Number(process.argv[2] ?? 200);
const GOAL_PER_SECOND = 100;
const GOAL_CPU_MS = 15;
const PASS = 'bench-passphrase';

function line(label: string, value: string): void {
  process.stdout.write(`${label.padEnd(44)} ${value}\n`);
}

async function singleProcess(identity: Identity): Promise<{ wallMs: number; cpuMs: number; times: BatchTimes }> {
  await buildAndSign(identity, 900, 5);
  const cpu = process.cpuUsage();
  const start = performance.now();
  const times = await buildAndSign(identity, 0, BATCH);
  const used = process.cpuUsage(cpu);
  return { wallMs: performance.now() - start, cpuMs: (used.user + used.system) / 1000, times };
}

/**
 * The worker as one esbuild bundle, started by plain Node: no TypeScript loader in the worker threads (it
 * cost each worker ~1 s of start-up compiling the graph). Three folders deep, like the CLI, so the services
 * find resources/.
 */
async function bundledWorker(): Promise<URL> {
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const outfile = `${root}dist/bench/signing/worker.mjs`;
  // Plain JavaScript shared with scripts/build-cli.mjs (a string specifier: it has no type declarations).
  const optionsModule: string = '../../scripts/node-bundle.mjs';
  const { nodeBundleOptions } = (await import(optionsModule)) as { nodeBundleOptions: BuildOptions };
  await build({ ...nodeBundleOptions, absWorkingDir: root, entryPoints: ['bench/signing/worker.ts'], outfile });
  return new URL(`file://${outfile}`);
}

async function workers(identity: Identity, count: number): Promise<{ wallMs: number; withStartupMs: number; times: BatchTimes[] }> {
  const p12 = identityToPkcs12(identity, PASS);
  const workerUrl = await bundledWorker();
  const spawnedAt = performance.now();
  const share = Math.ceil(BATCH / count);
  const pool = Array.from({ length: count }, (_, index) => {
    const first = index * share;
    const size = Math.max(0, Math.min(share, BATCH - first));
    return new Worker(workerUrl, {
      workerData: { p12, passphrase: PASS, first, count: size },
    });
  });
  await Promise.all(pool.map((worker) => new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('message', () => resolve());
  })));
  const start = performance.now();
  const results = await Promise.all(
    pool.map(
      (worker) =>
        new Promise<BatchTimes>((resolve, reject) => {
          worker.once('error', reject);
          worker.once('message', (message: { times: BatchTimes }) => resolve(message.times));
          worker.postMessage('go');
        }),
    ),
  );
  const end = performance.now();
  await Promise.all(pool.map((worker) => worker.terminate()));
  return { wallMs: end - start, withStartupMs: end - spawnedAt, times: results };
}

const cores = availableParallelism();
process.stdout.write(`Vurder signing bench: batch ${BATCH}, ${cores} cores, Node ${process.version}\n`);
// Figures from a loaded machine say little; print the load so a reader can judge them.
process.stdout.write(`Load average before the run: ${loadavg().map((value) => value.toFixed(1)).join(' ')}\n\n`);
const p256 = await createIdentity({ name: 'Øyvind Ærø Åsen', email: 'oyvind@example.no', keyType: 'P-256' });
// Reference, same run: font programs not shared, so every PDF builds and deflates its own subsets (as before
// issue 13.4; the certificate is still encoded once per identity in both runs).
setFontProgramSharing(false);
const reference = await singleProcess(p256);
setFontProgramSharing(true);
const single = await singleProcess(p256);
const perDoc = (ms: number, n: number) => `${(ms / n).toFixed(1)} ms`;
line('P-256, 1 process: generation per PDF', perDoc(single.times.generateMs, BATCH));
line('P-256, 1 process: signing per PDF', perDoc(single.times.signMs, BATCH));
line('P-256, 1 process: average size', `${Math.round(single.times.bytes / BATCH / 1024)} KB`);
const singleRate = (BATCH * 1000) / single.wallMs;
line('P-256, 1 process: signed PDFs per second', singleRate.toFixed(1));
// CPU time is what other load on the machine does not inflate; it bounds what idle cores could do.
const cpuPerDoc = single.cpuMs / BATCH;
line('P-256, 1 process: CPU time per signed PDF', `${cpuPerDoc.toFixed(1)} ms`);
line('reference: font subsets built per PDF, CPU time per signed PDF', `${(reference.cpuMs / BATCH).toFixed(1)} ms (${(cpuPerDoc / (reference.cpuMs / BATCH)).toFixed(3)}× of it)`);
line(`Goal CPU time per signed PDF ≤ ${GOAL_CPU_MS} ms`, cpuPerDoc <= GOAL_CPU_MS ? 'reached' : 'NOT reached');
line(`Projected on ${cores} idle cores (CPU time)`, `${((cores * 1000) / cpuPerDoc).toFixed(1)} PDFs/s`);

const parallel = await workers(p256, cores);
const parallelRate = (BATCH * 1000) / parallel.wallMs;
line(`P-256, ${cores} workers: signed PDFs per second`, parallelRate.toFixed(1));
line(`P-256, ${cores} workers: incl. worker start-up`, ((BATCH * 1000) / parallel.withStartupMs).toFixed(1));
line(`Speed-up ${cores} workers / 1 process`, `${(parallelRate / singleRate).toFixed(2)}×`);

const rsa = await createIdentity({ name: 'Øyvind Ærø Åsen', keyType: 'RSA-3072' });
const rsaTimes = await buildAndSign(rsa, 0, Math.min(50, BATCH));
line('RSA-3072, 1 process: signing per PDF', perDoc(rsaTimes.signMs, rsaTimes.count));
line('Signing cost RSA-3072 / P-256', `${(rsaTimes.signMs / rsaTimes.count / (single.times.signMs / BATCH)).toFixed(2)}×`);
line('Load average after the run', loadavg().map((value) => value.toFixed(1)).join(' '));
process.stdout.write(
  `\nGoal ≥ ${GOAL_PER_SECOND} signed PDFs/s on ${cores} cores: ${parallelRate >= GOAL_PER_SECOND ? 'reached' : 'NOT reached'} (${parallelRate.toFixed(1)}/s)\n`,
);
