// Bench worker: opens the identity once, then builds and signs its share of the batch when told to.
import { parentPort, workerData } from 'node:worker_threads';
import { openIdentity } from '../../electron/services/signing/identity';
import { buildAndSign } from './work';

interface Job {
  p12: Uint8Array;
  passphrase: string;
  first: number;
  count: number;
}

const job = workerData as Job;
const port = parentPort;
if (!port) throw new Error('bench/signing/worker.ts must run as a worker thread');
const identity = await openIdentity(job.p12, job.passphrase);
// Warm up (font parsing, JIT) before the timed run, as the single-process run does.
await buildAndSign(identity, 900, 5);
port.postMessage({ type: 'ready' });
port.once('message', () => {
  void buildAndSign(identity, job.first, job.count).then((times) => port.postMessage({ type: 'done', times }));
});
