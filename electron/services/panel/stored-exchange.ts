// Reading back what the panel has merged: the content-addressed exchange files in panel/exchange/ and
// panel/untrusted/, and the facts about the panel's own packages the derivation needs. Then the derived state
// (panel/merged.json) is rebuilt from them — never patched — so merging is order-independent.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { applyReviews } from '../../../shared/rules/evaluate';
import type { ApplicationBasis, MergedState, StoredExchange } from '../../../shared/panel/derive';
import { cachedVerdicts, deriveMergedState } from '../../../shared/panel/derive';
import { exchangeEnvelopeSchema, exchangePayloadSchema } from '../exchange/format';
import { decodeUtf8Strict, parseStrictJson } from '../exchange/strict-json';
import { sha256Hex, sha256Json } from '../hash/sha256';
import { fingerprintSha256 } from '../signing/certificate';
import { writeFileAtomic } from '../store/atomic-write';
import type { ApplicationRecord } from '../workspace/applications';
import { getApplication } from '../workspace/applications';
import { isErrno, ServiceError } from '../workspace/errors';
import type { Workspace } from '../workspace/workspace';
import type { ExchangeStore } from './layout';
import { EXCHANGE_EXTENSION, EXCHANGE_STORES, exchangeStoreDir, mergedFile, storedExchangeRelative } from './layout';

/** The stored file names (sha256) per store. */
export async function storedHashes(ws: Workspace, store: ExchangeStore): Promise<string[]> {
  try {
    return (await readdir(exchangeStoreDir(ws.dir, store)))
      .filter((name) => name.endsWith(EXCHANGE_EXTENSION) && /^[0-9a-f]{64}\./.test(name))
      .map((name) => name.slice(0, 64))
      .sort();
  } catch (error) {
    if (isErrno(error, 'ENOENT')) return [];
    throw error;
  }
}

/** Parses a stored file; its name is its SHA-256, so a file changed on disk is reported, not used. */
export function parseStoredExchange(bytes: Uint8Array, sha256: string, store: ExchangeStore, path: string): StoredExchange {
  if (sha256Hex(bytes) !== sha256) throw new ServiceError('workspace.damaged', path, { detail: 'a merged exchange file was changed after merging (SHA-256 differs from its name)' });
  const envelope = exchangeEnvelopeSchema.parse(parseStrictJson(decodeUtf8Strict(bytes)));
  const payload = exchangePayloadSchema.parse(envelope.payload);
  return {
    sha256,
    storedAs: storedExchangeRelative(store, sha256),
    trusted: store === 'exchange',
    signerFingerprint: fingerprintSha256(new Uint8Array(Buffer.from(envelope.signature.certificate, 'base64'))),
    createdAt: payload.createdAt,
    assessor: { id: payload.assessor.id, name: payload.assessor.name },
    assessments: payload.assessments.map((entry) => ({ assessment: entry.assessment, sha256: sha256Json(entry.assessment) })),
  };
}

export async function readStoredExchanges(ws: Workspace): Promise<StoredExchange[]> {
  const stored: StoredExchange[] = [];
  for (const store of EXCHANGE_STORES) {
    for (const sha256 of await storedHashes(ws, store)) {
      const path = join(exchangeStoreDir(ws.dir, store), `${sha256}${EXCHANGE_EXTENSION}`);
      try {
        stored.push(parseStoredExchange(await readFile(path), sha256, store, path));
      } catch (error) {
        if (error instanceof ServiceError) throw error;
        throw new ServiceError('workspace.damaged', path, { detail: 'a merged exchange file no longer reads' }, { cause: error });
      }
    }
  }
  return stored;
}

export function firstYearOf(record: ApplicationRecord): { firstYear: number | null; firstYearYear: number | null; total: number | null } {
  if (record.summary.requestedGrant === null) return { firstYear: null, firstYearYear: null, total: null };
  const first = [...record.application.budget].sort((a, b) => a.year - b.year)[0];
  return { firstYear: first?.requestedGrant ?? null, firstYearYear: first?.year ?? null, total: record.summary.requestedGrant };
}

export function basisOf(record: ApplicationRecord): ApplicationBasis {
  const { firstYear, total } = firstYearOf(record);
  const { evaluation } = record;
  return {
    // Without a rule evaluation (a rules defect, reported as a flag on the package) nothing can be decided.
    verdictWith: cachedVerdicts((reviews) => (evaluation ? applyReviews(evaluation, reviews).verdict : 'needs-review')),
    firstYearRequested: firstYear,
    totalRequested: total,
  };
}

/** The merged state from the stored files, with the package records it was derived against. */
export async function deriveFromStore(ws: Workspace, records?: ReadonlyMap<string, ApplicationRecord>): Promise<MergedState> {
  const stored = await readStoredExchanges(ws);
  const ids = [...new Set(stored.flatMap((file) => file.assessments.map((entry) => entry.assessment.applicationId)))].sort();
  const bases = new Map<string, ApplicationBasis>();
  for (const id of ids) bases.set(id, basisOf(records?.get(id) ?? (await getApplication(ws, id))));
  return deriveMergedState(stored, bases);
}

/**
 * Rebuilds panel/merged.json from the stored files: the same set of files always gives the same bytes. The
 * snapshot derives in memory the same way, so this file is the on-disk record of the state, never an input.
 */
export async function rebuildMergedState(ws: Workspace): Promise<MergedState> {
  const state = await deriveFromStore(ws);
  await writeFileAtomic(mergedFile(ws.dir), serialiseState(state));
  return state;
}

export function serialiseState(state: MergedState): string {
  return `${JSON.stringify(state, null, 2)}\n`;
}
