// Reading and writing one assessment file's bytes; shared by the store and the application list.
import { readFile } from 'node:fs/promises';
import { assessmentSchema } from '../../../shared/assessment/schema';
import type { Assessment } from '../../../shared/assessment/schema';
import { isErrno } from '../workspace/errors';
import { assessmentFile } from '../workspace/layout';

export function serialiseAssessment(assessment: Assessment): string {
  return `${JSON.stringify(assessment, null, 2)}\n`;
}

/** The assessment, or undefined when the text is not JSON or fails the schema (a damaged file). */
export function parseAssessment(text: string): Assessment | undefined {
  try {
    const parsed = assessmentSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function historyName(version: number): string {
  return `${String(version).padStart(8, '0')}.json`;
}

export const HISTORY_NAME = /^\d{8}\.json$/;

/** Reads without recovering: null when absent, 'damaged' when unreadable. For lists and status badges. */
export async function peekAssessment(workspaceDir: string, assessorId: string, applicationId: string): Promise<Assessment | null | 'damaged'> {
  try {
    return parseAssessment(await readFile(assessmentFile(workspaceDir, assessorId, applicationId), 'utf8')) ?? 'damaged';
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return null;
    throw error;
  }
}
