// Shared helpers for the signing tests: temp folders, external tools, one RSA identity per test file.
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { buildAssessmentPdf } from '../../electron/services/pdf/assessment-report';
import { signPdf } from '../../electron/services/pdf/sign-pdf';
import type { Identity } from '../../electron/services/signing/identity';
import { sampleReportInput } from './sample-report';

const exec = promisify(execFile);

export async function tempDir(prefix: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), `vurder-${prefix}-`));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

/** Run a tool and return stdout + stderr even when it exits non-zero (pdfsig exits 1 on a bad signature). */
export async function run(command: string, args: readonly string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await exec(command, [...args], { encoding: 'utf8' });
    return { code: 0, output: `${stdout}${stderr}` };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : 1, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}` };
  }
}

export async function signedSamplePdf(identity: Identity, applicationId = 'SO1-2021-017'): Promise<Uint8Array> {
  const input = sampleReportInput(applicationId, new Date());
  input.assessor = { name: identity.subjectName, email: identity.email ?? '', fingerprint: identity.fingerprint };
  return signPdf(await buildAssessmentPdf(input), identity);
}

/** Whitespace-normalised text, so wrapped lines compare equal to the original sentence. */
export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
