// `vurder list <workspace> [--json] [--assessor-id ID] [--lang nb|en]`: the imported applications with the
// rule verdict, flags and (with --assessor-id) that assessor's status. The --json shape is stable
// (docs/workspace.md § CLI): fields are only ever added.
import { join } from 'node:path';
import { formatErrorLine } from '../../../shared/errors/format';
import type { Language } from '../../../shared/i18n/localized';
import { verifyAuditLog } from '../../services/audit/verify';
import type { ApplicationRecord, MyStatus } from '../../services/workspace/applications';
import { listApplications } from '../../services/workspace/applications';
import type { CliCommand } from '../command';
import { errorLine, openForCli, parseWithLang, usageError } from './workspace';

const USAGE = 'vurder list <arbeidsmappe|workspace> [--json] [--assessor-id ID] [--lang nb|en]';

export interface ListJsonEntry {
  applicationId: string;
  applicantName: string;
  municipalityNumber: string;
  title: string;
  focusArea: number;
  requestedGrant: number | null;
  submittedAt: string;
  verdict: string | null;
  assessmentStatus: MyStatus;
  packageSha256: string;
  flags: { code: string; path: string }[];
  providedFields: string[] | null;
  rules: { id: string; status: string }[];
}

export function toListJson(records: readonly ApplicationRecord[]): ListJsonEntry[] {
  return records.map(({ summary, lock, flags, providedFields, evaluation }) => ({
    applicationId: summary.applicationId,
    applicantName: summary.applicantName,
    municipalityNumber: summary.municipalityNumber,
    title: summary.title,
    focusArea: summary.focusArea,
    requestedGrant: summary.requestedGrant,
    submittedAt: summary.submittedAt,
    verdict: summary.verdict,
    assessmentStatus: summary.myStatus,
    packageSha256: lock.packageSha256,
    flags: flags.map((flag) => ({ code: flag.code, path: flag.path })),
    providedFields,
    rules: (evaluation?.rules ?? []).map((rule) => ({ id: rule.id, status: rule.status })),
  }));
}

const VERDICT: Record<string, Record<Language, string>> = {
  eligible: { nb: 'oppfyller', en: 'eligible' },
  ineligible: { nb: 'avvises', en: 'ineligible' },
  'needs-review': { nb: 'vurderes', en: 'needs review' },
};
const STATUS: Record<MyStatus, Record<Language, string>> = {
  'not-started': { nb: 'ikke startet', en: 'not started' },
  draft: { nb: 'utkast', en: 'draft' },
  final: { nb: 'endelig', en: 'final' },
  conflict: { nb: 'inhabil', en: 'conflict' },
};

function renderTable(records: readonly ApplicationRecord[], lang: Language): string {
  const money = new Intl.NumberFormat(lang === 'nb' ? 'nb-NO' : 'en-GB', { maximumFractionDigits: 0 });
  const head = lang === 'nb' ? ['Søknad', 'SO', 'Søker', 'Omsøkt (kr)', 'Formelt', 'Status', 'Merknader', 'Tittel'] : ['Application', 'FA', 'Applicant', 'Requested (NOK)', 'Formal', 'Status', 'Flags', 'Title'];
  const rows = records.map(({ summary }) => [
    summary.applicationId,
    String(summary.focusArea),
    summary.applicantName,
    summary.requestedGrant === null ? '–' : money.format(summary.requestedGrant),
    summary.verdict === null ? '–' : (VERDICT[summary.verdict]?.[lang] ?? summary.verdict),
    STATUS[summary.myStatus][lang],
    String(summary.flagCount),
    summary.title,
  ]);
  const widths = head.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]): string => cells.map((cell, column) => (column === cells.length - 1 ? cell : cell.padEnd(widths[column] ?? 0))).join('  ');
  const empty = lang === 'nb' ? '(ingen søknader importert)' : '(no applications imported)';
  return [line(head), ...(rows.length === 0 ? [empty] : rows.map(line))].join('\n');
}

export const listCommand: CliCommand = {
  async run(args, io) {
    const options = parseWithLang(args, { json: 'boolean', 'assessor-id': 'string' }, io);
    if (!options) return 2;
    const { parsed, lang } = options;
    const [dir, ...extra] = parsed.positionals;
    if (dir === undefined || extra.length > 0) {
      io.stderr(`vurder list: ${formatErrorLine(usageError(USAGE), lang)}\n`);
      return 2;
    }
    const opened = await openForCli(dir, io, lang);
    if (!opened.ok) return opened.error;
    const assessorId = parsed.strings.get('assessor-id')?.at(-1);
    try {
      const records = await listApplications(opened.value, assessorId === undefined ? null : { id: assessorId, name: assessorId });
      io.stdout(parsed.booleans.has('json') ? `${JSON.stringify(toListJson(records), null, 2)}\n` : `${renderTable(records, lang)}\n`);
      // The list is still useful with a broken audit log, but nobody should miss that it is broken.
      const audit = await verifyAuditLog(opened.value.dir);
      const problem = audit.problems[0];
      if (problem) io.stderr(`${join(opened.value.dir, 'audit.log')}: ${lang === 'nb' ? 'revisjonsloggen er ikke intakt' : 'the audit log is not intact'} (${lang === 'nb' ? problem.messageNb : problem.message})\n`);
      return 0;
    } catch (thrown) {
      io.stderr(`${errorLine(thrown, lang, dir)}\n`);
      return 2;
    }
  },
};
