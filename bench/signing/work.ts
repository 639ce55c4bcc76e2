// One unit of bench work shared by the main thread and the workers: build and sign `count` PDFs.
import { buildAssessmentPdf } from '../../electron/services/pdf/assessment-report';
import { signPdf } from '../../electron/services/pdf/sign-pdf';
import type { Identity } from '../../electron/services/signing/identity';
import { sampleReportInput } from '../../test/signing/sample-report';

export interface BatchTimes {
  count: number;
  generateMs: number;
  signMs: number;
  bytes: number;
}

export async function buildAndSign(identity: Identity, first: number, count: number): Promise<BatchTimes> {
  const times: BatchTimes = { count, generateMs: 0, signMs: 0, bytes: 0 };
  for (let index = first; index < first + count; index++) {
    const input = sampleReportInput(`SO1-2021-${String(index).padStart(3, '0')}`, new Date());
    input.assessor = { name: identity.subjectName, email: identity.email ?? '', fingerprint: identity.fingerprint };
    const start = performance.now();
    const prepared = await buildAssessmentPdf(input);
    const built = performance.now();
    const signed = await signPdf(prepared, identity);
    times.signMs += performance.now() - built;
    times.generateMs += built - start;
    times.bytes += signed.byteLength;
  }
  return times;
}
