// `vurder verify <file.pdf|exchange file> [--json] [--trust cert.pem]... [--workspace <ws>]`
// --workspace adds the workspace's stored trust list (docs/workspace.md § Trust list) to any --trust files.
// Exit 0 valid (intact, every signer trusted) · 1 invalid (modified, changed after a signature, bad or untrusted
// signature) · 2 unreadable or bad usage · 3 intact but signer not verified (no --trust, no --workspace list).
import { resolve } from 'node:path';
import type { CertificateSummary } from '../../services/signing/certificate';
import type { SignatureReport, VerificationReport } from '../../services/signing/report';
import { readTrustList, verifyFile } from '../../services/signing/verify';
import { trustAnchorsForWorkspace } from '../../services/trust/trust-list';
import { ServiceError } from '../../services/workspace/errors';
import { parseCliArgs } from '../args';
import type { CliCommand, CliIo } from '../command';
import { CliFailure, reportFailure } from './identity';
import { openForCli } from './workspace';

const USAGE = 'vurder verify <fil.pdf|utvekslingsfil> [--json] [--trust sertifikat.pem]... [--workspace <mappe>]';

export function exitCodeForReport(report: VerificationReport): number {
  switch (report.status) {
    case 'valid':
      return 0;
    case 'invalid':
      return 1;
    case 'unreadable':
      return 2;
    case 'unverified':
      return 3;
  }
}

const STATUS: Record<VerificationReport['status'], string> = {
  valid: 'GYLDIG / VALID',
  unverified: 'UENDRET, MEN SIGNATAREN ER IKKE VERIFISERT / INTACT, SIGNER NOT VERIFIED',
  invalid: 'UGYLDIG / INVALID',
  unreadable: 'KAN IKKE LESES / UNREADABLE',
};

function signerLine(signer: CertificateSummary): string {
  return `${signer.subjectName}${signer.email ? ` <${signer.email}>` : ''}`;
}

const CHANGES: Record<SignatureReport['changesAfter'], string> = {
  none: 'ingenting / nothing',
  'signatures-only': 'bare senere signaturer / only later signatures',
  modified: 'DOKUMENTET ER ENDRET / THE DOCUMENT WAS CHANGED',
};

function trustText(trusted: boolean | null): string {
  return trusted === null ? 'ikke kontrollert (ingen --trust eller --workspace) / not checked' : trusted ? 'ja / yes' : 'nei / no';
}

export function renderReport(report: VerificationReport): string {
  const lines = [`${report.file}: ${STATUS[report.status]}`];
  if (report.signer) {
    lines.push(`  Signert av / signed by: ${signerLine(report.signer)}`);
    lines.push(`  Utsteder / issuer: ${report.signer.issuerName}${report.signer.selfSigned ? ' (selvsignert / self-signed)' : ''}`);
    lines.push(`  Fingeravtrykk / fingerprint: ${report.signer.fingerprint}`);
  }
  if (report.signingTime) lines.push(`  Signeringstid / signing time: ${report.signingTime}`);
  lines.push(`  Uendret / intact: ${report.intact ? 'ja / yes' : 'nei / no'}`);
  lines.push(`  Klarert / trusted: ${trustText(report.trusted)}`);
  if (report.contents) lines.push(`  Innhold / contents: ${report.contents.assessor}: ${report.contents.applicationIds.join(', ')}`);
  if (report.signatures && report.signatures.length > 1) {
    for (const entry of report.signatures) {
      lines.push(`  Signatur / signature ${entry.index}: ${entry.signer ? signerLine(entry.signer) : '–'}${entry.signer ? ` (${entry.signer.fingerprint})` : ''}`);
      lines.push(`    dekker hele dokumentet / covers the whole document: ${entry.coversWholeDocument ? 'ja / yes' : 'nei / no'}`);
      lines.push(`    endret etterpå / changed after it: ${CHANGES[entry.changesAfter]}; klarert / trusted: ${trustText(entry.trusted)}`);
    }
  }
  for (const entry of report.problems) lines.push(`  ! ${entry.nb} (${entry.en})`);
  return `${lines.join('\n')}\n`;
}

async function runVerify(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(args, { json: 'boolean', trust: 'string', workspace: 'string' });
  if (!parsed.ok) throw new CliFailure(parsed.error.localized.nb, parsed.error.localized.en);
  const [file, ...extra] = parsed.value.positionals;
  if (!file || extra.length > 0) throw new CliFailure(`bruk: ${USAGE}`, `usage: ${USAGE}`);
  const trustPaths = parsed.value.strings.get('trust') ?? [];
  let trusted: Uint8Array[] | undefined;
  if (trustPaths.length > 0) {
    try {
      trusted = await readTrustList(trustPaths.map((path) => resolve(io.cwd, path)));
    } catch (error) {
      if (error instanceof ServiceError) throw new CliFailure(`klareringslisten ${error.toLine('nb')}`, `trust list ${error.toLine('en')}`);
      throw error;
    }
  }
  const workspaceDir = parsed.value.strings.get('workspace')?.at(-1);
  if (workspaceDir !== undefined) {
    const opened = await openForCli(workspaceDir, io, 'nb');
    if (!opened.ok) return opened.error;
    try {
      trusted = [...(trusted ?? []), ...(await trustAnchorsForWorkspace(opened.value.dir))];
    } catch (error) {
      if (error instanceof ServiceError) throw new CliFailure(error.toLine('nb'), error.toLine('en'));
      throw error;
    }
  }
  const report = await verifyFile(resolve(io.cwd, file), trusted ? { trusted } : {});
  report.file = file;
  if (parsed.value.booleans.has('json')) io.stdout(`${JSON.stringify(report, null, 2)}\n`);
  else io.stdout(renderReport(report));
  if (report.status === 'unreadable') io.stderr(`vurder verify: ${file}: ${report.problems[0]?.nb ?? ''} (${report.problems[0]?.en ?? ''})\n`);
  return exitCodeForReport(report);
}

export const verifyCommand: CliCommand = {
  async run(args, io) {
    try {
      return await runVerify(args, io);
    } catch (error) {
      return reportFailure(io, 'verify', error, args[0]);
    }
  },
};
