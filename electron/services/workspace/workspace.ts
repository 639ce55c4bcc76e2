// Create and open a workspace folder: a frozen copy of the scheme with its SHA-256, packages, assessments and
// the audit log (docs/workspace.md). Plain Node, so the CLI and tests use exactly what the app uses.
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { parseSchemeDefinition } from '../../../shared/scheme/load';
import type { SchemeDefinition } from '../../../shared/scheme/schema';
import { appendAudit } from '../audit/audit-log';
import { useAuditKey } from '../audit/audit-key';
import type { AuditKey } from '../audit/audit-key';
import { repairAuditHead } from '../audit/verify';
import { sha256Hex } from '../hash/sha256';
import { writeFileAtomic } from '../store/atomic-write';
import type { FilePort } from '../store/file-port';
import { readUserFile } from '../input/user-file';
import { isErrno, ServiceError } from './errors';
import { ASSESSMENTS_DIR, packagesDir, schemeFile, stagingDir, workspaceFile } from './layout';
import { osloTimestamp } from './time';

export const workspaceMetaSchema = z
  .object({
    formatVersion: z.literal(1),
    id: z.string().uuid(),
    createdAt: z.string().regex(/(Z|[+-]\d{2}:\d{2})$/),
    schemeId: z.string().min(1),
    /** SHA-256 of the bytes of scheme.json; checked on every open. */
    schemeSha256: z.string().regex(/^[0-9a-f]{64}$/),
    /** Absent for an assessor's workspace (every workspace made before panels existed); "panel" for a lead's. */
    role: z.literal('panel').optional(),
  })
  .strict();

export type WorkspaceMeta = z.infer<typeof workspaceMetaSchema>;

export interface Workspace {
  /** Absolute path of the workspace folder. */
  dir: string;
  meta: WorkspaceMeta;
  scheme: SchemeDefinition;
  /** The file layer the assessment store and its audit entries write through; default node:fs (tests inject faults). */
  files?: FilePort;
}

export type SchemeChoice = { schemeId: string } | { schemeFile: string };

export interface OpenOptions {
  /**
   * The audit key for this workspace (auditKeyFromIdentity), asked for once its id is known and registered
   * (useAuditKey) before anything is appended or adopted: the app passes its unlocked identity, the CLI the
   * one given with --identity. Undefined → the log is written and checked without authentication.
   */
  auditKey?: (meta: WorkspaceMeta) => Promise<AuditKey | undefined>;
}

async function registerKey(dir: string, meta: WorkspaceMeta, options: OpenOptions): Promise<void> {
  const key = options.auditKey ? await options.auditKey(meta) : undefined;
  if (key) useAuditKey(dir, key);
}

export type WorkspaceRole = 'assessor' | 'panel';

export interface CreateOptions extends OpenOptions {
  /** Default assessor; "panel" makes a panel lead's workspace (written in workspace.json). */
  role?: WorkspaceRole;
}

export function workspaceRole(meta: WorkspaceMeta): WorkspaceRole {
  return meta.role ?? 'assessor';
}

export const DEFAULT_SCHEME_ID = 'imdi-kommunale-integreringstiltak-2021';

/** A scheme definition is tens of KB; far more is not a scheme. */
const SCHEME_FILE_LIMIT = 5 * 1024 * 1024;

const builtInSchemesDir = fileURLToPath(new URL('../../../resources/schemes/', import.meta.url));

async function readSchemeBytes(choice: SchemeChoice): Promise<{ bytes: Buffer; path: string }> {
  const path = 'schemeFile' in choice ? resolve(choice.schemeFile) : resolve(builtInSchemesDir, `${choice.schemeId}.json`);
  if ('schemeId' in choice && !/^[a-z0-9-]+$/.test(choice.schemeId)) {
    throw new ServiceError('scheme.not-found', choice.schemeId, { schemeId: choice.schemeId });
  }
  try {
    // A scheme file the person names: a regular file under the limit only (issue 8 point 3).
    return { bytes: await readUserFile(path, SCHEME_FILE_LIMIT), path };
  } catch (error) {
    if (isErrno(error, 'ENOENT') || (error instanceof ServiceError && error.code === 'file.not-found')) {
      const subject = 'schemeId' in choice ? choice.schemeId : path;
      throw new ServiceError('scheme.not-found', subject, { schemeId: subject }, { cause: error });
    }
    throw error;
  }
}

function parseScheme(bytes: Uint8Array, subject: string): SchemeDefinition {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw new ServiceError('scheme.invalid', subject, { detail: 'not valid UTF-8 JSON' }, { cause: error });
  }
  // parseSchemeDefinition adds the cross-field checks (pools add up, deadline instant …) to the zod shape.
  const parsed = parseSchemeDefinition(json);
  if (!parsed.ok) throw new ServiceError('scheme.invalid', subject, { detail: parsed.error.message });
  return parsed.value;
}

/** The scheme a choice names, read and checked, for commands that need a scheme but no workspace (awards check). */
export async function loadScheme(choice: SchemeChoice): Promise<SchemeDefinition> {
  const { bytes, path } = await readSchemeBytes(choice);
  return parseScheme(bytes, path);
}

export async function createWorkspace(
  dir: string,
  choice: SchemeChoice = { schemeId: DEFAULT_SCHEME_ID },
  actor = 'system',
  options: CreateOptions = {},
): Promise<Workspace> {
  const root = resolve(dir);
  try {
    if ((await readdir(root)).length > 0) {
      throw new ServiceError('workspace.not-empty', root);
    }
  } catch (error) {
    if (!isErrno(error, 'ENOENT')) throw error;
  }
  const { bytes, path } = await readSchemeBytes(choice);
  const scheme = parseScheme(bytes, path);
  const meta: WorkspaceMeta = { formatVersion: 1, id: randomUUID(), createdAt: osloTimestamp(), schemeId: scheme.id, schemeSha256: sha256Hex(bytes) };
  // An assessor's workspace.json stays as it always was; only a panel's says its role.
  if (options.role === 'panel') meta.role = 'panel';
  await mkdir(packagesDir(root), { recursive: true });
  await mkdir(resolve(root, ASSESSMENTS_DIR), { recursive: true });
  await writeFileAtomic(schemeFile(root), bytes);
  // workspace.json last: a folder without it is not a workspace, so a crash mid-create leaves nothing half-open.
  await writeFileAtomic(workspaceFile(root), `${JSON.stringify(meta, null, 2)}\n`);
  await registerKey(root, meta, options);
  await appendAudit(root, { actor, action: 'workspace.create', subject: meta.id, data: { schemeId: meta.schemeId, schemeSha256: meta.schemeSha256, ...(meta.role ? { role: meta.role } : {}) } });
  return { dir: root, meta, scheme };
}

export async function openWorkspace(dir: string, options: OpenOptions = {}): Promise<Workspace> {
  const root = resolve(dir);
  let metaText: string;
  try {
    metaText = await readFile(workspaceFile(root), 'utf8');
  } catch (error) {
    if (isErrno(error, 'ENOENT') || isErrno(error, 'ENOTDIR')) {
      throw new ServiceError('workspace.not-found', root, {}, { cause: error });
    }
    throw error;
  }
  let meta: WorkspaceMeta;
  try {
    meta = workspaceMetaSchema.parse(JSON.parse(metaText));
  } catch (error) {
    throw new ServiceError('workspace.damaged', workspaceFile(root), { detail: 'not a valid workspace.json' }, { cause: error });
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(schemeFile(root));
  } catch (error) {
    throw new ServiceError('workspace.damaged', schemeFile(root), { detail: 'scheme.json cannot be read' }, { cause: error });
  }
  const actual = sha256Hex(bytes);
  if (actual !== meta.schemeSha256) {
    throw new ServiceError('workspace.scheme-changed', schemeFile(root), { actual, expected: meta.schemeSha256 });
  }
  const scheme = parseScheme(bytes, schemeFile(root));
  // Leftovers of an import that was killed mid-way; they were never visible as packages.
  await rm(stagingDir(root), { recursive: true, force: true });
  await registerKey(root, meta, options);
  // A kill between appending an audit line and updating the head leaves the head one behind; catch it up
  // (only with an entry that can be authenticated, see repairAuditHead).
  await repairAuditHead(root);
  return { dir: root, meta, scheme };
}
