// The panel part of a panel workspace (docs/workspace.md § Panel workspace). Every panel path is built here.
import { join } from 'node:path';

export const PANEL_DIR = 'panel';
export const SETTINGS_FILE = 'settings.json';
/** Derived from the stored exchange files; rewritten after every merge, never edited. */
export const MERGED_FILE = 'merged.json';
export const EXCHANGE_EXTENSION = '.vurder.json';

export type ExchangeStore = 'exchange' | 'untrusted';
export const EXCHANGE_STORES: readonly ExchangeStore[] = ['exchange', 'untrusted'];

export function panelDir(dir: string): string {
  return join(dir, PANEL_DIR);
}

export function settingsFile(dir: string): string {
  return join(dir, PANEL_DIR, SETTINGS_FILE);
}

export function mergedFile(dir: string): string {
  return join(dir, PANEL_DIR, MERGED_FILE);
}

/** exchange/: verified and trusted. untrusted/: taken in with --allow-untrusted, marked wherever it shows. */
export function exchangeStoreDir(dir: string, store: ExchangeStore): string {
  return join(dir, PANEL_DIR, store);
}

export function storedExchangeName(sha256: string): string {
  return `${sha256}${EXCHANGE_EXTENSION}`;
}

/** Relative to the workspace, with forward slashes (shown in reports). */
export function storedExchangeRelative(store: ExchangeStore, sha256: string): string {
  return `${PANEL_DIR}/${store}/${storedExchangeName(sha256)}`;
}

export function consensusDir(dir: string): string {
  return join(dir, PANEL_DIR, 'consensus');
}

/** Callers validate applicationId with applicationIdSchema first. */
export function consensusFile(dir: string, applicationId: string): string {
  return join(consensusDir(dir), `${applicationId}.json`);
}

export function consensusHistoryDir(dir: string, applicationId: string): string {
  return join(consensusDir(dir), 'history', applicationId);
}
