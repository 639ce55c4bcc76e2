// Bench worker: opens the lead's identity once, builds the same sample model as the main thread, then
// builds, signs and writes the decision letters it is given when told to.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { buildLetterPdf } from '../../electron/services/panel-report/letters';
import { signPdf } from '../../electron/services/pdf/sign-pdf';
import { openIdentity } from '../../electron/services/signing/identity';
import { sampleModel } from '../../test/panel-report/sample-model';

interface Job {
  p12: Uint8Array;
  passphrase: string;
  size: number;
  applicationIds: string[];
  outDir: string;
}

const job = workerData as Job;
const port = parentPort;
if (!port) throw new Error('bench/panel-report/worker.ts must run as a worker thread');
const identity = await openIdentity(job.p12, job.passphrase);
const model = sampleModel(job.size, new Date('2021-04-15T10:00:00+02:00'));
model.lead = { name: identity.subjectName, email: identity.email ?? '', fingerprint: identity.fingerprint };
// Warm up (font parsing, JIT) before the timed run, as the main thread does.
if (job.applicationIds[0]) await signPdf(await buildLetterPdf(model, job.applicationIds[0], { draft: false }), identity);
port.postMessage('ready');
port.once('message', () => {
  void (async () => {
    for (const id of job.applicationIds) await writeFile(join(job.outDir, `${id}.pdf`), await signPdf(await buildLetterPdf(model, id, { draft: false }), identity));
    port.postMessage('done');
  })();
});
