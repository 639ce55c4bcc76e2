// `vurder merge`: take assessors' signed exchange files into a panel workspace (docs/panel.md § Merge rules).
// Each file is verified (signature, signer on the trust list, scheme, every package against the panel's own
// copy) and taken whole or refused with one reason; nothing of a refused file touches the disk. Accepted files
// are stored content-addressed and the merged state is rebuilt from the whole set of stored files.
import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { ErrorCode, ErrorParams } from '../../../shared/errors/catalogue';
import { ERROR_CATALOGUE, fillTemplate } from '../../../shared/errors/catalogue';
import type { LocalizedText } from '../../../shared/i18n/localized';
import type { MergedState } from '../../../shared/panel/derive';
import { appendAudit } from '../audit/audit-log';
import { verifyExchangeFile } from '../exchange/exchange-file';
import { exchangeEnvelopeSchema, exchangePayloadSchema } from '../exchange/format';
import type { ExchangePayload } from '../exchange/format';
import { decodeUtf8Strict, parseStrictJson } from '../exchange/strict-json';
import { sha256Hex } from '../hash/sha256';
import { readPackageLock } from '../import/package-lock';
import { writeFileAtomic } from '../store/atomic-write';
import { runExclusive } from '../store/file-queue';
import type { Workspace } from '../workspace/workspace';
import type { ExchangeStore } from './layout';
import { exchangeStoreDir, panelDir, storedExchangeName } from './layout';
import { rebuildMergedState, storedHashes } from './stored-exchange';

/** An exchange file larger than this is refused unread (a real one is a few hundred kB per 100 applications). */
export const MAX_EXCHANGE_BYTES = 64 * 1024 * 1024;

export interface MergeOptions {
  /** The round's trust anchors (DER): the assessors' certificates or the CA that issued them. */
  trustAnchors: readonly Uint8Array[];
  /** Take in files whose signer is not on the trust list (intact signatures only), marked as untrusted. */
  allowUntrusted?: boolean;
  actor?: string;
}

export type MergeStatus = 'merged' | 'already-merged' | 'refused';

export interface MergeOutcome {
  /** The path as given (a file inside a given folder: folder/name). */
  file: string;
  status: MergeStatus;
  /** SHA-256 of the file's bytes (its name in the store), when it could be read. */
  sha256: string | null;
  trusted: boolean | null;
  assessorId: string | null;
  applicationIds: string[];
  /** For a refusal: the catalogue code and why, naming the problem; else what happened. */
  code: ErrorCode | null;
  message: LocalizedText;
}

export interface MergeResult {
  outcomes: MergeOutcome[];
  /** The merged state after the merge (rebuilt from every stored file). */
  state: MergedState | null;
}

class Refusal extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams,
    readonly paramsEn: ErrorParams = params,
  ) {
    super(code);
  }

  localized(): LocalizedText {
    const template = ERROR_CATALOGUE[this.code];
    return { nb: fillTemplate(template.nb, this.params), en: fillTemplate(template.en, this.paramsEn) };
  }
}

/** Files given on the command line: a folder stands for every *.json directly in it, by name. */
export async function expandMergeInputs(paths: readonly string[], display: (path: string) => string = (path) => path): Promise<{ path: string; shown: string }[]> {
  const files: { path: string; shown: string }[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) {
      const names = (await readdir(path)).filter((name) => name.toLowerCase().endsWith('.json')).sort();
      for (const name of names) files.push({ path: join(path, name), shown: join(display(path), name) });
    } else {
      files.push({ path, shown: display(path) });
    }
  }
  return files;
}

interface Accepted {
  bytes: Uint8Array;
  sha256: string;
  trusted: boolean;
  payload: ExchangePayload;
  signer: string;
}

async function readInput(path: string): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw new Refusal('merge.unreadable', { detail: (error as NodeJS.ErrnoException).code ?? 'error' });
  }
  if (!info.isFile()) throw new Refusal('merge.unreadable', { detail: 'ikke en vanlig fil' }, { detail: 'not a regular file' });
  if (info.size > MAX_EXCHANGE_BYTES) {
    throw new Refusal('merge.unreadable', { detail: `${info.size} byte, grensen er ${MAX_EXCHANGE_BYTES}` }, { detail: `${info.size} bytes, the limit is ${MAX_EXCHANGE_BYTES}` });
  }
  return new Uint8Array(await readFile(path));
}

async function check(ws: Workspace, path: string, shown: string, options: MergeOptions): Promise<Accepted> {
  const bytes = await readInput(path);
  const { report, payload: verified } = await verifyExchangeFile(shown, bytes, options.trustAnchors);
  const first = report.problems[0];
  if (report.status === 'unreadable') throw new Refusal('merge.not-exchange', { detail: first?.nb ?? '' }, { detail: first?.en ?? '' });
  const onlyUntrusted = report.intact && report.problems.length > 0 && report.problems.every((entry) => entry.code === 'untrusted');
  const signer = report.signer ? `${report.signer.subjectName} (${report.signer.fingerprint})` : '?';
  if (report.status !== 'valid' && !onlyUntrusted) throw new Refusal('merge.invalid-signature', { detail: first?.nb ?? '' }, { detail: first?.en ?? '' });
  if (onlyUntrusted && !options.allowUntrusted) throw new Refusal('merge.untrusted', { signer });
  // verifyExchangeFile gives the payload only for a valid (trusted) file; an intact untrusted one is parsed the
  // same way here — the signature over exactly these bytes was checked above.
  const payload = verified ?? exchangePayloadSchema.parse(exchangeEnvelopeSchema.parse(parseStrictJson(decodeUtf8Strict(bytes))).payload);
  await checkContents(ws, payload);
  return { bytes, sha256: sha256Hex(bytes), trusted: !onlyUntrusted, payload, signer };
}

async function checkContents(ws: Workspace, payload: ExchangePayload): Promise<void> {
  if (payload.scheme.id !== ws.meta.schemeId) throw new Refusal('merge.wrong-scheme', { found: payload.scheme.id, expected: ws.meta.schemeId });
  const seen = new Set<string>();
  for (const entry of payload.assessments) {
    const { assessment } = entry;
    const applicationId = assessment.applicationId;
    if (assessment.schemeId !== ws.meta.schemeId) throw new Refusal('merge.wrong-scheme', { found: assessment.schemeId, expected: ws.meta.schemeId });
    for (const found of [payload.scheme.sha256, entry.schemeSha256]) {
      if (found !== ws.meta.schemeSha256) throw new Refusal('merge.scheme-changed', { found, expected: ws.meta.schemeSha256 });
    }
    if (seen.has(applicationId)) throw new Refusal('merge.duplicate-application', { applicationId });
    seen.add(applicationId);
    if (assessment.assessor.id !== payload.assessor.id || assessment.assessor.name !== payload.assessor.name) {
      throw new Refusal(
        'merge.not-exchange',
        { detail: `vurderingen av ${applicationId} er ført opp på ${assessment.assessor.name}, filen er signert av ${payload.assessor.name}` },
        { detail: `the assessment of ${applicationId} names ${assessment.assessor.name}, the file is signed by ${payload.assessor.name}` },
      );
    }
    if (assessment.status !== 'final') throw new Refusal('merge.not-final', { applicationId });
    const lock = await readPackageLock(ws.dir, applicationId);
    if (!lock) throw new Refusal('merge.unknown-application', { applicationId });
    const ours = lock.files.map((file) => `${file.path}\u0000${file.sha256}\u0000${file.size}`);
    const theirs = entry.packageFiles.map((file) => `${file.path}\u0000${file.sha256}\u0000${file.bytes}`);
    const differing = [...ours.filter((line) => !theirs.includes(line)), ...theirs.filter((line) => !ours.includes(line))].map((line) => line.split('\u0000')[0] ?? '');
    if (differing.length > 0) {
      const names = [...new Set(differing)].sort().join(', ');
      throw new Refusal('merge.package-mismatch', { applicationId, detail: `ulik fil: ${names}` }, { applicationId, detail: `differing file: ${names}` });
    }
  }
}

async function storedIn(ws: Workspace, sha256: string): Promise<ExchangeStore | null> {
  if ((await storedHashes(ws, 'exchange')).includes(sha256)) return 'exchange';
  if ((await storedHashes(ws, 'untrusted')).includes(sha256)) return 'untrusted';
  return null;
}

function outcomeOf(file: string, status: MergeStatus, accepted: Accepted, message: LocalizedText): MergeOutcome {
  return {
    file,
    status,
    sha256: accepted.sha256,
    trusted: accepted.trusted,
    assessorId: accepted.payload.assessor.id,
    applicationIds: accepted.payload.assessments.map((entry) => entry.assessment.applicationId),
    code: null,
    message,
  };
}

/** Stores one accepted file (or upgrades an untrusted copy that now verifies as trusted). */
async function store(ws: Workspace, file: string, accepted: Accepted, actor: string): Promise<MergeOutcome> {
  const where = await storedIn(ws, accepted.sha256);
  const target: ExchangeStore = accepted.trusted ? 'exchange' : 'untrusted';
  const count = accepted.payload.assessments.length;
  const name = accepted.payload.assessor.name;
  if (where === 'exchange' || (where === 'untrusted' && target === 'untrusted')) {
    return outcomeOf(file, 'already-merged', accepted, { nb: `allerede flettet inn (${name}, samme fil)`, en: `already merged (${name}, the same file)` });
  }
  await writeFileAtomic(join(exchangeStoreDir(ws.dir, target), storedExchangeName(accepted.sha256)), accepted.bytes);
  if (where === 'untrusted') await rm(join(exchangeStoreDir(ws.dir, 'untrusted'), storedExchangeName(accepted.sha256)));
  await appendAudit(ws.dir, {
    actor,
    action: 'panel.merge',
    subject: accepted.sha256,
    data: {
      file: basename(file),
      assessorId: accepted.payload.assessor.id,
      signer: accepted.signer,
      trusted: accepted.trusted,
      applicationIds: accepted.payload.assessments.map((entry) => entry.assessment.applicationId),
      ...(where === 'untrusted' ? { upgradedFromUntrusted: true } : {}),
    },
  });
  const mark = accepted.trusted ? { nb: '', en: '' } : { nb: ' – IKKE KLARERT', en: ' – NOT TRUSTED' };
  return outcomeOf(file, 'merged', accepted, {
    nb: `flettet inn: ${name}, ${count} vurderinger${mark.nb}`,
    en: `merged: ${name}, ${count} assessments${mark.en}`,
  });
}

export async function mergeExchangeFiles(ws: Workspace, inputs: readonly { path: string; shown: string }[], options: MergeOptions): Promise<MergeResult> {
  // One merge at a time per workspace in this process: the store and merged.json are rewritten as a whole.
  return runExclusive(panelDir(ws.dir), async () => {
    const outcomes: MergeOutcome[] = [];
    let changed = false;
    for (const input of inputs) {
      try {
        const accepted = await check(ws, input.path, input.shown, options);
        const outcome = await store(ws, input.shown, accepted, options.actor ?? 'cli');
        changed ||= outcome.status === 'merged';
        outcomes.push(outcome);
      } catch (error) {
        if (!(error instanceof Refusal)) throw error;
        outcomes.push({ file: input.shown, status: 'refused', sha256: null, trusted: null, assessorId: null, applicationIds: [], code: error.code, message: error.localized() });
      }
    }
    return { outcomes, state: changed ? await rebuildMergedState(ws) : null };
  });
}
