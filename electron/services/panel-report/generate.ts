// `vurder report` as a service (issue 11 point 5): the innstilling PDF, the workbook, the award list and, on
// request, one decision letter per applicant, written into a temporary folder beside the target and moved
// into place only when every file is done, so a failure leaves nothing half-written. The screens call this
// with their own progress callback; the CLI prints one line per file.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readdir, rename, rm, rmdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { signPdf } from '../pdf/sign-pdf';
import type { Identity } from '../signing/identity';
import { writeFileAtomic } from '../store/atomic-write';
import { isErrno } from '../workspace/errors';
import { awardListFindings } from './award-check';
import { awardListCsv } from './award-list';
import { allocationProblems, openFlagProblem } from './checks';
import type { ReportProblem } from './checks';
import { buildInnstillingPdf } from './innstilling-pdf';
import { buildLetterPdf, letterKind, letterValues } from './letters';
import type { PanelReportModel } from './model';
import { buildWorkbook } from './workbook';

export type ReportFileKind = 'innstilling' | 'workbook' | 'award-list' | 'letter-grant' | 'letter-reject';

export interface ReportProgress {
  done: number;
  total: number;
  kind: ReportFileKind;
  /** The file's final path (it appears there when the whole report is moved into place). */
  file: string;
}

export interface ReportFile {
  kind: ReportFileKind;
  file: string;
  applicationId: string | null;
  sha256: string;
  signed: boolean;
}

export interface ReportOptions {
  model: PanelReportModel;
  /** The panel lead's identity, opened once for the batch; null only for a draft. */
  identity: Identity | null;
  outDir: string;
  letters: boolean;
  /** "UTKAST" across every page, nothing signed, open flags and award-list findings allowed. */
  draft: boolean;
  onProgress?: (progress: ReportProgress) => void;
}

export interface ReportResult {
  outDir: string;
  files: ReportFile[];
  draft: boolean;
  /** Problems a draft was written despite. */
  warnings: ReportProblem[];
}

export class ReportError extends Error {
  constructor(
    readonly nb: string,
    readonly en: string,
    readonly problems: readonly ReportProblem[] = [],
  ) {
    super(en);
  }
}

function letterName(applicationId: string, kind: 'grant' | 'reject', suffix: string): string {
  return `${kind === 'grant' ? 'tilskuddsbrev' : 'avslag'}-${applicationId.replace(/[^A-Za-z0-9._-]/g, '_')}${suffix}.pdf`;
}

/** The report's target must be new or empty: the finished folder replaces it in one rename. */
async function checkTarget(outDir: string): Promise<void> {
  try {
    const entries = await readdir(outDir);
    if (entries.length > 0) throw new ReportError(`${outDir}: mappen finnes og er ikke tom; velg en ny eller tom mappe`, `${outDir}: the folder exists and is not empty; choose a new or empty folder`);
  } catch (error) {
    if (error instanceof ReportError) throw error;
    if (isErrno(error, 'ENOENT')) return;
    if (isErrno(error, 'ENOTDIR')) throw new ReportError(`${outDir}: ikke en mappe: en del av stien er en fil`, `${outDir}: not a folder: a part of the path is a file`);
    throw error;
  }
}

function problemsOf(options: ReportOptions): ReportProblem[] {
  const problems: ReportProblem[] = [];
  const flags = openFlagProblem(options.model);
  if (flags) problems.push(flags);
  problems.push(...allocationProblems(options.model));
  return problems;
}

function refusal(refusing: readonly ReportProblem[]): ReportError {
  const first = refusing[0] as ReportProblem;
  const more = refusing.length > 1 ? ` (+${refusing.length - 1})` : '';
  return new ReportError(`${first.nb}${more}${first.draftAllowed ? '; bruk --draft for et usignert utkast' : ''}`, `${first.en}${more}${first.draftAllowed ? '; use --draft for an unsigned draft' : ''}`, refusing);
}

export async function generatePanelReport(options: ReportOptions): Promise<ReportResult> {
  const { model, draft } = options;
  const problems = problemsOf(options);
  const warnings = [...problems];
  const refusing = problems.filter((problem) => !draft || !problem.draftAllowed);
  if (refusing.length > 0) throw refusal(refusing);
  if (!draft && !options.identity) throw new ReportError('en signert innstilling krever panelleders identitet', 'a signed report needs the panel lead\'s identity');

  // Every letter's values first: a letter without grounds stops the report before anything is written.
  const applicationIds = options.letters ? model.applicants.map((applicant) => applicant.applicationId) : [];
  for (const applicationId of applicationIds) letterValues(model, applicationId, draft);

  const outDir = options.outDir.replace(/[\\/]+$/, '');
  await checkTarget(outDir);
  const temp = join(dirname(outDir), `.${basename(outDir)}.vurder-tmp-${randomBytes(6).toString('hex')}`);
  try {
    await mkdir(temp, { recursive: false });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new ReportError(`${outDir}: kan ikke skrive i ${dirname(outDir)} (${code})`, `${outDir}: cannot write in ${dirname(outDir)} (${code})`);
  }

  const total = 3 + applicationIds.length;
  const files: ReportFile[] = [];
  const sign = async (prepared: Uint8Array): Promise<Uint8Array> => (draft || !options.identity ? prepared : signPdf(prepared, options.identity));
  const write = async (kind: ReportFileKind, name: string, bytes: Uint8Array | string, applicationId: string | null, signed: boolean): Promise<void> => {
    await writeFileAtomic(join(temp, name), bytes);
    const file = join(outDir, name);
    files.push({ kind, file, applicationId, sha256: createHash('sha256').update(bytes).digest('hex'), signed });
    options.onProgress?.({ done: files.length, total, kind, file });
  };
  try {
    const suffix = draft ? '-UTKAST' : '';
    // The award list first: read back and checked before any signed document is made.
    const awardList = `tildelingsliste${suffix}.csv`;
    await write('award-list', awardList, awardListCsv(model), null, false);
    const findings = await awardListFindings(join(temp, awardList), model);
    const awardProblems = findings.map((finding): ReportProblem => ({ code: 'award-list', nb: `tildelingslisten: ${finding.nb}`, en: `award list: ${finding.en}`, draftAllowed: true }));
    const blocking = awardProblems.filter((_, index) => findings[index]?.blocking);
    if (blocking.length > 0 && !draft) throw refusal(blocking);
    warnings.push(...awardProblems);
    // The innstilling shows what the award-list check found, blocking or not.
    const documentModel: PanelReportModel = { ...model, awardListNotes: findings.map((finding) => finding.nb) };
    await write('innstilling', `innstilling${suffix}.pdf`, await sign(await buildInnstillingPdf(documentModel, { draft })), null, !draft);
    await write('workbook', `innstilling${suffix}.xlsx`, await buildWorkbook(model), null, false);
    if (applicationIds.length > 0) await mkdir(join(temp, 'brev'));
    for (const applicationId of applicationIds) {
      const kind = letterKind(model, applicationId);
      const bytes = await sign(await buildLetterPdf(model, applicationId, { draft }));
      await write(kind === 'grant' ? 'letter-grant' : 'letter-reject', `brev/${letterName(applicationId, kind, suffix)}`, bytes, applicationId, !draft);
    }
    // An empty target folder is replaced; a new one is created by the rename.
    await rmdir(outDir).catch((error: unknown) => {
      if (!isErrno(error, 'ENOENT')) throw error;
    });
    await rename(temp, outDir);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
  return { outDir, files, draft, warnings };
}
