// Make and open a panel workspace: a workspace with role "panel" (same scheme copy, same import and hashing as
// an assessor's) plus panel/ with the round settings (docs/workspace.md § Panel workspace).
import { mkdir } from 'node:fs/promises';
import { DEFAULT_ROUND_SETTINGS } from '../../../shared/panel/types';
import type { RoundSettings } from '../../../shared/panel/types';
import { appendAudit } from '../audit/audit-log';
import { ServiceError } from '../workspace/errors';
import { workspaceFile } from '../workspace/layout';
import type { OpenOptions, SchemeChoice, Workspace } from '../workspace/workspace';
import { createWorkspace, openWorkspace, workspaceRole } from '../workspace/workspace';
import { consensusDir, EXCHANGE_STORES, exchangeStoreDir } from './layout';
import type { RoundSettingsChange } from './settings';
import { checkSettingsShape, writeRoundSettings } from './settings';

export interface PanelInitOptions {
  settings?: RoundSettingsChange;
  actor?: string;
  /** Passed to createWorkspace (the audit key of an authenticated log). */
  open?: OpenOptions;
}

export async function createPanelWorkspace(dir: string, choice: SchemeChoice, options: PanelInitOptions = {}): Promise<Workspace> {
  const actor = options.actor ?? 'cli';
  const settings: RoundSettings = {
    ...DEFAULT_ROUND_SETTINGS,
    ...options.settings,
    flagThresholds: { ...DEFAULT_ROUND_SETTINGS.flagThresholds, ...options.settings?.flagThresholds },
  };
  // The shape is checked before the folder is touched, so a bad option leaves nothing behind; the pools (which
  // need the scheme) are checked when the settings are written.
  checkSettingsShape(settings, 'settings');
  const ws = await createWorkspace(dir, choice, actor, { ...options.open, role: 'panel' });
  for (const store of EXCHANGE_STORES) await mkdir(exchangeStoreDir(ws.dir, store), { recursive: true });
  await mkdir(consensusDir(ws.dir), { recursive: true });
  const written = await writeRoundSettings(ws, settings, actor, 'panel.create');
  await appendAudit(ws.dir, { actor, action: 'panel.create', subject: ws.meta.id, data: { settings: written } });
  return ws;
}

/** Opens a workspace and refuses one that is not a panel's (`panel.not-panel`). */
export async function openPanelWorkspace(dir: string, options: OpenOptions = {}): Promise<Workspace> {
  const ws = await openWorkspace(dir, options);
  if (workspaceRole(ws.meta) !== 'panel') throw new ServiceError('panel.not-panel', workspaceFile(ws.dir));
  return ws;
}
