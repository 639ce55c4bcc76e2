// `vurder report <panel-ws> --identity id.p12 --passphrase-env VAR --out DIR [--letters] [--draft]`
// The panel's documents (issue 11): signed innstilling PDF, XLSX workbook, award list CSV and, with
// --letters, one signed decision letter per applicant. One progress line per file, then a summary.
// Exit 0 written · 1 refused (open flags, award-list findings, over-allocated pool) · 2 bad input or usage.
import { resolve } from 'node:path';
import { generatePanelReport, ReportError } from '../../services/panel-report/generate';
import { modelFromSnapshot, SnapshotError } from '../../services/panel-report/from-snapshot';
import { LetterError } from '../../services/panel-report/letters';
import { openPanelWorkspace } from '../../services/panel/panel-workspace';
import { readPanelSnapshotOf } from '../../services/panel/snapshot';
import { openIdentity } from '../../services/signing/identity';
import type { Identity } from '../../services/signing/identity';
import { ServiceError } from '../../services/workspace/errors';
import { parseCliArgs } from '../args';
import type { CliCommand, CliIo } from '../command';
import { CliFailure, identityFailure, passphraseFrom, reportFailure } from './identity';

const USAGE = 'vurder report <panel-arbeidsområde> --identity id.p12 --passphrase-env VAR --out MAPPE [--letters] [--draft]';

const KIND_LABEL = {
  innstilling: 'innstilling (PDF)',
  workbook: 'arbeidsbok (XLSX)',
  'award-list': 'tildelingsliste (CSV)',
  'letter-grant': 'tilskuddsbrev',
  'letter-reject': 'avslagsbrev',
} as const;

async function runReport(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseCliArgs(args, { identity: 'string', 'passphrase-env': 'string', out: 'string', letters: 'boolean', draft: 'boolean' });
  if (!parsed.ok) throw new CliFailure(parsed.error.localized.nb, parsed.error.localized.en);
  const value = (name: string) => parsed.value.strings.get(name)?.at(-1);
  const [workspacePath, ...extra] = parsed.value.positionals;
  const identityPath = value('identity');
  const out = value('out');
  const draft = parsed.value.booleans.has('draft');
  if (!workspacePath || !out || extra.length > 0) throw new CliFailure(`bruk: ${USAGE}`, `usage: ${USAGE}`);
  // A draft is never signed, so it may be made without an identity; a final report needs one.
  if (!identityPath && !draft) throw new CliFailure('--identity mangler (en signert innstilling krever panelleders identitet; --draft lager et usignert utkast)', '--identity is required (a signed report needs the panel lead\'s identity; --draft makes an unsigned draft)');
  let identity: Identity | null = null;
  if (identityPath) {
    const passphrase = passphraseFrom(io, value('passphrase-env'), '--passphrase-env');
    identity = await openIdentity(resolve(io.cwd, identityPath), passphrase).catch((error: unknown) => {
      throw identityFailure(identityPath, error);
    });
  }
  try {
    const ws = await openPanelWorkspace(resolve(io.cwd, workspacePath));
    const snapshot = await readPanelSnapshotOf(ws);
    const lead = identity ? { name: identity.subjectName, email: identity.email ?? '', fingerprint: identity.fingerprint } : { name: 'Panelleder (utkast, ikke signert)', email: '', fingerprint: '—' };
    const model = modelFromSnapshot(snapshot, ws.scheme, { lead, generatedAt: new Date() });
    const result = await generatePanelReport({
      model,
      identity,
      outDir: resolve(io.cwd, out),
      letters: parsed.value.booleans.has('letters'),
      draft,
      onProgress: (progress) => io.stdout(`[${progress.done}/${progress.total}] ${KIND_LABEL[progress.kind]}: ${progress.file}\n`),
    });
    for (const warning of result.warnings) io.stderr(`vurder report: UTKAST tross: ${warning.nb} (draft despite: ${warning.en})\n`);
    const letters = result.files.filter((file) => file.kind === 'letter-grant' || file.kind === 'letter-reject');
    const grants = letters.filter((file) => file.kind === 'letter-grant').length;
    io.stdout(
      `${draft ? 'UTKAST (ikke signert) / DRAFT (unsigned)' : 'Signert av / signed by ' + model.lead.name}: innstilling, arbeidsbok, tildelingsliste (${model.awards.length} tildelinger, ${model.allocatedTotal} kr)` +
        `${letters.length > 0 ? `, ${letters.length} brev (${grants} tilskudd, ${letters.length - grants} avslag)` : ''} → ${result.outDir}\n`,
    );
    return 0;
  } catch (error) {
    if (error instanceof ReportError) {
      const listed = error.problems.length > 1 ? error.problems.map((problem) => problem.nb).join('; ') : null;
      throw new CliFailure(`${workspacePath}: ${listed ?? error.nb}`, `${workspacePath}: ${error.problems.length > 1 ? error.problems.map((problem) => problem.en).join('; ') : error.en}`, error.problems.length > 0 ? 1 : 2);
    }
    if (error instanceof SnapshotError) throw new CliFailure(`${workspacePath}: ${error.nb}`, `${workspacePath}: ${error.en}`, 1);
    if (error instanceof LetterError) throw new CliFailure(`${workspacePath}: ${error.nb}`, `${workspacePath}: ${error.en}`, 1);
    if (error instanceof ServiceError) throw new CliFailure(error.toLine('nb'), error.toLine('en'));
    throw error;
  }
}

export const reportCommand: CliCommand = {
  async run(args, io) {
    try {
      return await runReport(args, io);
    } catch (error) {
      return reportFailure(io, 'report', error, args[0]);
    }
  },
};
