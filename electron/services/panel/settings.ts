// Round settings of a panel workspace (panel/settings.json): written at `panel init`, changed only through
// updateRoundSettings (atomic write + audit entry).
import { readFile } from 'node:fs/promises';
import { roundSettingsSchema } from '../../../shared/panel/types';
import type { RoundSettings } from '../../../shared/panel/types';
import { appendAudit } from '../audit/audit-log';
import { writeFileAtomic } from '../store/atomic-write';
import { ServiceError } from '../workspace/errors';
import type { Workspace } from '../workspace/workspace';
import { settingsFile } from './layout';

export function serialiseSettings(settings: RoundSettings): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}

/** Checks the settings against the schema only (before a scheme is at hand). */
export function checkSettingsShape(input: unknown, subject: string): RoundSettings {
  const parsed = roundSettingsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ServiceError('panel.settings-invalid', subject, { detail: issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid' });
  }
  return parsed.data;
}

/** Checks the settings against the schema and the scheme (released pools must be reserved pools of it). */
export function checkSettings(input: unknown, ws: Pick<Workspace, 'scheme'>, subject: string): RoundSettings {
  const parsed = { data: checkSettingsShape(input, subject) };
  const reserved = ws.scheme.budget.pools.filter((pool) => pool.reserved).map((pool) => pool.id);
  for (const pool of parsed.data.releasedReserves) {
    if (!reserved.includes(pool)) throw new ServiceError('panel.unknown-pool', subject, { pool, allowed: reserved.map((id) => id.toUpperCase()).join(', ') });
  }
  return { ...parsed.data, releasedReserves: [...new Set(parsed.data.releasedReserves)].sort() };
}

export async function readRoundSettings(ws: Workspace): Promise<RoundSettings> {
  const path = settingsFile(ws.dir);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ServiceError('workspace.damaged', path, { detail: 'panel/settings.json cannot be read' }, { cause: error });
  }
  return checkSettings(json, ws, path);
}

export async function writeRoundSettings(ws: Workspace, settings: RoundSettings, actor: string, action: 'panel.settings' | 'panel.create'): Promise<RoundSettings> {
  const checked = checkSettings(settings, ws, settingsFile(ws.dir));
  await writeFileAtomic(settingsFile(ws.dir), serialiseSettings(checked));
  if (action === 'panel.settings') await appendAudit(ws.dir, { actor, action, subject: ws.meta.id, data: { settings: checked } });
  return checked;
}

/** Changes some settings; the rest stay. Every change is in the audit log. */
export type RoundSettingsChange = Partial<Omit<RoundSettings, 'formatVersion' | 'flagThresholds'>> & { flagThresholds?: Partial<RoundSettings['flagThresholds']> };

export async function updateRoundSettings(ws: Workspace, change: RoundSettingsChange, actor = 'cli'): Promise<RoundSettings> {
  const current = await readRoundSettings(ws);
  return writeRoundSettings(ws, { ...current, ...change, flagThresholds: { ...current.flagThresholds, ...change.flagThresholds } }, actor, 'panel.settings');
}

/** A pool named on the command line (SO1, so1 …) → the scheme's reserved pool id, or a clear error. */
export function reservedPoolId(ws: Pick<Workspace, 'scheme'>, name: string, subject: string): string {
  const reserved = ws.scheme.budget.pools.filter((pool) => pool.reserved);
  const match = reserved.find((pool) => pool.id.toLowerCase() === name.trim().toLowerCase());
  if (!match) throw new ServiceError('panel.unknown-pool', subject, { pool: name, allowed: reserved.map((pool) => pool.id.toUpperCase()).join(', ') });
  return match.id;
}
