// `vurder check <package>... [--json] [--lang nb|en]`: reads packages (folders, .zip files, or folders of
// packages) and runs the formal eligibility rules on each (docs/cli.md). Per package: exit 0 eligible or
// needs-review, 1 ineligible, 2 unreadable; the command exits with the worst. `--json` writes JSON Lines, one
// object per package. Failures are one stderr line naming the file, routed through shared/errors.
import type { Language } from '../../../shared/i18n/localized';
import type { LocalizedText } from '../../../shared/i18n/localized';
import type { CatalogueError } from '../../../shared/errors/format';
import { appError, formatErrorLine, unexpectedError } from '../../../shared/errors/format';
import type { StipendSummary } from '../../../shared/money/stipend';
import { evaluateApplication } from '../../../shared/rules/evaluate';
import type { Evaluation, RuleKind, RuleSeverity, RuleStatus, Verdict } from '../../../shared/rules/types';
import { getBuiltInScheme } from '../../../shared/scheme/load';
import type { ApplicationPackage } from '../../../shared/package/schema';
import { manifestLabel, openPackage } from '../../services/package-source/index';
import type { PackageFlag, PackageLimits } from '../../services/package-source/index';
import { choiceOption, parseCliArgs } from '../args';
import { LIMIT_OPTION_SPEC, LIMIT_USAGE, limitsFromArgs } from '../limit-options';
import type { CliCommand, CliIo } from '../command';
import { expandCheckTargets } from './check-targets';
import type { CheckTarget } from './check-targets';

const USAGE = `vurder check <pakke|package>... [--json] [--lang nb|en] ${LIMIT_USAGE}`;

/** The stable `--json` output, documented in docs/cli.md. Fields are only ever added, never renamed. */
export interface CheckJsonOutput {
  applicationId: string;
  schemeId: string;
  focusArea: number;
  verdict: Verdict;
  rules: { id: string; status: RuleStatus; severity: RuleSeverity; kind: RuleKind; reason: LocalizedText }[];
  stipend?: StipendSummary;
  /** Attachment warnings that did not stop the check (encrypted or damaged PDFs). */
  flags: { code: string; path: string; message: LocalizedText }[];
}

export function toCheckJson(evaluation: Evaluation, flags: readonly PackageFlag[]): CheckJsonOutput {
  return {
    applicationId: evaluation.applicationId,
    schemeId: evaluation.schemeId,
    focusArea: evaluation.focusArea,
    verdict: evaluation.verdict,
    rules: evaluation.rules.map((rule) => ({ id: rule.id, status: rule.status, severity: rule.severity, kind: rule.kind, reason: rule.reason })),
    ...(evaluation.stipend === undefined ? {} : { stipend: evaluation.stipend }),
    flags: flags.map((flag) => ({ code: flag.code, path: flag.path, message: flag.message })),
  };
}

export function exitCodeFor(verdict: Verdict): number {
  switch (verdict) {
    case 'eligible':
    case 'needs-review':
      return 0;
    case 'ineligible':
      return 1;
  }
}

const STATUS_WORDS: Record<RuleStatus, LocalizedText> = {
  pass: { nb: 'oppfylt', en: 'pass' },
  fail: { nb: 'IKKE OPPFYLT', en: 'FAIL' },
  review: { nb: 'vurderes', en: 'review' },
  'not-applicable': { nb: 'gjelder ikke', en: 'n/a' },
};

const SEVERITY_WORDS: Record<RuleSeverity, LocalizedText> = {
  reject: { nb: 'krav', en: 'reject' },
  priority: { nb: 'prioritet', en: 'priority' },
  info: { nb: 'info', en: 'info' },
};

const VERDICT_WORDS: Record<Verdict, LocalizedText> = {
  eligible: { nb: 'oppfyller de formelle kravene', en: 'eligible' },
  'needs-review': { nb: 'trenger manuell vurdering', en: 'needs review' },
  ineligible: { nb: 'oppfyller ikke de formelle kravene', en: 'ineligible' },
};

const HEADINGS = {
  nb: { rule: 'Regel', status: 'Status', severity: 'Alvor', reason: 'Begrunnelse', verdict: 'Resultat', notApplicable: 'regler gjelder ikke dette satsingsområdet' },
  en: { rule: 'Rule', status: 'Status', severity: 'Severity', reason: 'Reason', verdict: 'Verdict', notApplicable: 'rules do not apply to this focus area' },
} as const;

// One formatter per language, made on first use: a new Intl.NumberFormat costs ~0.15 ms, three per table.
const kronerFormats: Partial<Record<Language, Intl.NumberFormat>> = {};

function kroner(amount: number, lang: Language): string {
  kronerFormats[lang] ??= new Intl.NumberFormat(lang === 'nb' ? 'nb-NO' : 'en-GB', { style: 'currency', currency: 'NOK', maximumFractionDigits: 0 });
  return kronerFormats[lang].format(amount);
}

/** The readable table: one row per rule that applies, then the verdict, stipend and attachment flags. */
export function renderCheckTable(application: ApplicationPackage, evaluation: Evaluation, flags: readonly PackageFlag[], lang: Language): string {
  const h = HEADINGS[lang];
  const applicable = evaluation.rules.filter((rule) => rule.status !== 'not-applicable');
  const statusWidth = Math.max(h.status.length, ...applicable.map((rule) => STATUS_WORDS[rule.status][lang].length));
  const severityWidth = Math.max(h.severity.length, ...applicable.map((rule) => SEVERITY_WORDS[rule.severity][lang].length));
  const row = (a: string, b: string, c: string, d: string) => `${a.padEnd(5)} ${b.padEnd(statusWidth)}  ${c.padEnd(severityWidth)}  ${d}`;
  const lines = [
    `${application.applicationId} · ${application.applicant.name} · SO${application.focusArea} · ${application.project.title}`,
    '',
    row(h.rule, h.status, h.severity, h.reason),
    row('-----', '-'.repeat(statusWidth), '-'.repeat(severityWidth), '-'.repeat(h.reason.length)),
    ...applicable.map((rule) => row(rule.id, STATUS_WORDS[rule.status][lang], SEVERITY_WORDS[rule.severity][lang], rule.reason[lang])),
    '',
    `(${evaluation.rules.length - applicable.length} ${h.notApplicable})`,
  ];
  const { stipend } = evaluation;
  if (stipend !== undefined) {
    lines.push(
      lang === 'nb'
        ? `Deltakerstønad: ${kroner(stipend.totalStipend, lang)} i alt, tilskuddsandel ${kroner(stipend.totalGrantShare, lang)}, kommunens andel ${kroner(stipend.totalMunicipalityShare, lang)}`
        : `Participant stipend: ${kroner(stipend.totalStipend, lang)} in total, grant share ${kroner(stipend.totalGrantShare, lang)}, municipality's share ${kroner(stipend.totalMunicipalityShare, lang)}`,
    );
  }
  for (const flag of flags) lines.push(`! ${flag.message[lang]}`);
  lines.push(`${h.verdict}: ${VERDICT_WORDS[evaluation.verdict][lang]} (${evaluation.verdict})`);
  return `${lines.join('\n')}\n`;
}

function guessLanguage(args: readonly string[]): Language {
  const at = args.indexOf('--lang');
  return args.includes('--lang=en') || (at >= 0 && args[at + 1] === 'en') ? 'en' : 'nb';
}

export interface CheckOptions {
  /** Package limits; the defaults are DEFAULT_PACKAGE_LIMITS. Tests pass small ones. */
  limits?: Partial<PackageLimits>;
}

/** Runs the check; returns the exit code. Never throws: the last resort is still one line naming the package. */
export async function runCheck(args: readonly string[], io: CliIo, options: CheckOptions = {}): Promise<number> {
  const parsed = parseCliArgs(args, { json: 'boolean', lang: 'string', ...LIMIT_OPTION_SPEC });
  const lang = parsed.ok ? choiceOption(parsed.value, 'lang', ['nb', 'en'] as const, 'nb') : undefined;
  // A usage error needs a language before parsing succeeded: honour a plain "--lang en" anywhere.
  const language: Language = lang?.ok === true ? lang.value : guessLanguage(args);
  const fail = (error: CatalogueError) => {
    io.stderr(`vurder check: ${formatErrorLine(error, language)}\n`);
    return 2;
  };
  if (!parsed.ok) return fail(parsed.error);
  if (lang !== undefined && !lang.ok) return fail(lang.error);
  const fromArgs = limitsFromArgs(parsed.value);
  if (!fromArgs.ok) return fail(fromArgs.error);
  const given = parsed.value.positionals;
  if (given.length === 0) return fail(appError('cli.wrong-arguments', undefined, { usage: USAGE }));
  const json = parsed.value.booleans.has('json');
  const limits = { ...fromArgs.value, ...options.limits };
  let targets: CheckTarget[];
  try {
    targets = await expandCheckTargets(io.cwd, given);
  } catch (thrown) {
    return fail(unexpectedError(thrown, given[0]));
  }
  let worst = 0;
  for (const [index, target] of targets.entries()) {
    // Tables of several packages are separated by a blank line; JSON Lines need nothing between objects.
    if (!json && index > 0) io.stdout('\n');
    worst = Math.max(worst, await checkOne(target, limits, json, language, io, fail));
  }
  return worst;
}

async function checkOne(
  target: CheckTarget,
  limits: Partial<PackageLimits>,
  json: boolean,
  language: Language,
  io: CliIo,
  fail: (error: CatalogueError) => number,
): Promise<number> {
  try {
    const opened = await openPackage(target.path, limits, target.label);
    if (!opened.ok) return fail(opened.error);
    const { application, flags } = opened.value;
    const scheme = getBuiltInScheme(application.schemeId);
    if (scheme === undefined) return fail(appError('cli.scheme-unknown', manifestLabel(target.label), { schemeId: application.schemeId }));
    const evaluation = evaluateApplication({ application, scheme });
    if (json) io.stdout(`${JSON.stringify(toCheckJson(evaluation, flags))}\n`);
    else io.stdout(renderCheckTable(application, evaluation, flags, language));
    return exitCodeFor(evaluation.verdict);
  } catch (thrown) {
    // Something nobody foresaw (a defect, an I/O error mid-way): one line, no stack trace.
    return fail(unexpectedError(thrown, target.label));
  }
}

export const checkCommand: CliCommand = { run: (args, io) => runCheck(args, io) };
