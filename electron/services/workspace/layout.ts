// The workspace folder layout (docs/workspace.md). Every path into a workspace is built here.
import { join } from 'node:path';

export const WORKSPACE_FILE = 'workspace.json';
export const SCHEME_FILE = 'scheme.json';
export const PACKAGES_DIR = 'packages';
export const ASSESSMENTS_DIR = 'assessments';
export const STAGING_DIR = '.staging';
export const PACKAGE_LOCK_FILE = 'package.lock.json';
export const MANIFEST_FILE = 'soknad.json';

export function workspaceFile(dir: string): string {
  return join(dir, WORKSPACE_FILE);
}

export function schemeFile(dir: string): string {
  return join(dir, SCHEME_FILE);
}

export function packagesDir(dir: string): string {
  return join(dir, PACKAGES_DIR);
}

/** Callers validate applicationId with applicationIdSchema first, so it cannot climb out of packages/. */
export function packageDir(dir: string, applicationId: string): string {
  return join(dir, PACKAGES_DIR, applicationId);
}

export function stagingDir(dir: string): string {
  return join(dir, STAGING_DIR);
}

export function assessorDir(dir: string, assessorId: string): string {
  return join(dir, ASSESSMENTS_DIR, assessorId);
}

export function assessmentFile(dir: string, assessorId: string, applicationId: string): string {
  return join(assessorDir(dir, assessorId), `${applicationId}.json`);
}

export function assessmentHistoryDir(dir: string, assessorId: string, applicationId: string): string {
  return join(assessorDir(dir, assessorId), 'history', applicationId);
}
