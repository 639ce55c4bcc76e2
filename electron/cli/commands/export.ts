// `vurder export <workspace> --identity id.p12 --passphrase-env VAR --out DIR [--application ID]... [--assessor ID]`
// Every final assessment → one signed PDF each plus one signed exchange file; one progress line per document.
// Exit 0 done · 1 nothing to export / refused · 2 unreadable input or bad usage.
import { resolve } from 'node:path';
import { auditKeyFromIdentity } from '../../services/audit/audit-key';
import { ExportError, exportSignedAssessments } from '../../services/export/export';
import { openIdentity } from '../../services/signing/identity';
import { ServiceError } from '../../services/workspace/errors';
import { openWorkspace } from '../../services/workspace/workspace';
import { parseCliArgs } from '../args';
import type { CliCommand, CliIo } from '../command';
import { CliFailure, identityFailure, passphraseFrom, reportFailure } from './identity';

const USAGE = 'vurder export <arbeidsområde> --identity id.p12 --passphrase-env VAR --out MAPPE [--application ID]... [--assessor ID]';

async function runExport(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(args, { identity: 'string', 'passphrase-env': 'string', out: 'string', application: 'string', assessor: 'string' });
  if (!parsed.ok) throw new CliFailure(parsed.error.localized.nb, parsed.error.localized.en);
  const value = (name: string) => parsed.value.strings.get(name)?.at(-1);
  const [workspacePath, ...extra] = parsed.value.positionals;
  const identityPath = value('identity');
  const out = value('out');
  if (!workspacePath || !identityPath || !out || extra.length > 0) throw new CliFailure(`bruk: ${USAGE}`, `usage: ${USAGE}`);
  const passphrase = passphraseFrom(io, value('passphrase-env'), '--passphrase-env');
  // Opened once for the whole batch: decrypting the PKCS#12 per document would cost ~50 ms each.
  const identity = await openIdentity(resolve(io.cwd, identityPath), passphrase).catch((error: unknown) => {
    throw identityFailure(identityPath, error);
  });
  let ws;
  try {
    // The identity's audit key is registered before anything is adopted or appended (the export checkpoint).
    ws = await openWorkspace(resolve(io.cwd, workspacePath), { auditKey: async (meta) => auditKeyFromIdentity(identity, meta.id) });
  } catch (error) {
    if (error instanceof ServiceError) throw new CliFailure(error.toLine('nb'), error.toLine('en'));
    throw error;
  }
  const applicationIds = parsed.value.strings.get('application');
  const assessorId = value('assessor');
  try {
    const result = await exportSignedAssessments({
      ws,
      identity,
      outDir: resolve(io.cwd, out),
      ...(applicationIds ? { applicationIds } : {}),
      ...(assessorId ? { assessorId } : {}),
      onProgress: (progress) => io.stdout(`[${progress.done}/${progress.total}] ${progress.file}\n`),
    });
    for (const skip of result.skipped) io.stderr(`vurder export: ${skip.applicationId}: hoppet over, ${skip.reason.nb} (skipped, ${skip.reason.en})\n`);
    io.stdout(`${result.pdfs.length} signerte PDF-er og 1 utvekslingsfil / signed PDFs and 1 exchange file: ${result.exchangeFile}\n`);
    return result.skipped.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof ExportError) throw new CliFailure(`${workspacePath}: ${error.nb}`, `${workspacePath}: ${error.en}`, 1);
    if (error instanceof ServiceError) throw new CliFailure(error.toLine('nb'), error.toLine('en'));
    throw error;
  }
}

export const exportCommand: CliCommand = {
  async run(args, io) {
    try {
      return await runExport(args, io);
    } catch (error) {
      return reportFailure(io, 'export', error, args[0]);
    }
  },
};
