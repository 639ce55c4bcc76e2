// Stores an assessor's round-level impartiality declaration in impartiality/<assessorId>.json (outside
// assessments/, whose every file is an assessment), written atomically and recorded in the audit log with its
// SHA-256, like every other record the log binds.
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Assessor } from '../../../shared/assessment/schema';
import { roundDeclarationSchema } from '../../../shared/assessment/round-impartiality';
import type { RoundDeclaration } from '../../../shared/assessment/round-impartiality';
import { appendAudit } from '../audit/audit-log';
import { sha256Hex } from '../hash/sha256';
import { isErrno, ServiceError } from '../workspace/errors';
import { osloTimestamp } from '../workspace/time';
import type { Workspace } from '../workspace/workspace';
import { writeFileAtomic } from './atomic-write';

export const IMPARTIALITY_DIR = 'impartiality';

export function roundDeclarationFile(dir: string, assessorId: string): string {
  return join(dir, IMPARTIALITY_DIR, `${assessorId}.json`);
}

export async function readRoundDeclaration(ws: Workspace, assessorId: string): Promise<RoundDeclaration | null> {
  const path = roundDeclarationFile(ws.dir, assessorId);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return null;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // A declaration that cannot be read covers nothing; the person is told and declares again.
    throw new ServiceError('impartiality.round-damaged', path, { detail: 'not valid JSON' });
  }
  const parsed = roundDeclarationSchema.safeParse(json);
  if (!parsed.success) throw new ServiceError('impartiality.round-damaged', path, { detail: parsed.error.issues[0]?.message ?? 'invalid' });
  return parsed.data;
}

/** Declares for the given applications (each must be imported); replaces an earlier round declaration. */
export async function declareRound(ws: Workspace, assessor: Assessor, applications: readonly { applicationId: string; applicantName: string }[]): Promise<RoundDeclaration> {
  const declaration: RoundDeclaration = roundDeclarationSchema.parse({
    formatVersion: 1,
    assessor,
    declaredAt: osloTimestamp(),
    applications: [...applications].sort((a, b) => (a.applicationId < b.applicationId ? -1 : 1)),
  });
  const text = `${JSON.stringify(declaration, null, 2)}\n`;
  const path = roundDeclarationFile(ws.dir, assessor.id);
  await mkdir(join(ws.dir, IMPARTIALITY_DIR), { recursive: true });
  await writeFileAtomic(path, text);
  await appendAudit(ws.dir, {
    actor: assessor.id,
    action: 'impartiality.round',
    subject: assessor.id,
    data: { sha256: sha256Hex(text), applications: declaration.applications.map((entry) => entry.applicationId) },
  });
  return declaration;
}
