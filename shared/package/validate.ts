// Reads the text of `soknad.json` into an ApplicationPackage, or a list of problems a person can act on:
// one problem per issue, each with the field path and a message in nb and en (docs/package-format.md).
// A UTF-8 byte-order mark is tolerated and stripped: Windows editors write one and it carries no meaning.
import type { LocalizedText } from '../i18n/localized';
import type { Result } from '../result';
import { err, ok } from '../result';
import { appError } from '../errors/format';
import type { CatalogueError } from '../errors/format';
import { formatIssuePath, translateIssue, valueAtPath } from '../errors/zod-issues';
import type { ApplicationPackage } from './schema';
import { applicationPackageSchema } from './schema';
import { fieldLabel } from './field-labels';

export type PackageProblemCode = 'invalid-json' | 'unsupported-version' | 'invalid-field';

export interface PackageProblem {
  code: PackageProblemCode;
  /** The file the problem is in, as the caller labelled it (e.g. "søknad.zip/soknad.json"). */
  file: string;
  /** Field path such as "applicant.organisationNumber" or "budget[0].totalCost"; "" for the whole file. */
  path: string;
  message: LocalizedText;
  /** For invalid JSON: 1-based line and column of the error. */
  line?: number;
  column?: number;
  /** For an unsupported version: the value found, as JSON. */
  version?: string;
}

const BOM = '\uFEFF';

export function validatePackageJson(text: string, fileLabel: string): Result<ApplicationPackage, PackageProblem[]> {
  const body = text.startsWith(BOM) ? text.slice(BOM.length) : text;
  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (thrown) {
    return err([jsonProblem(body, thrown, fileLabel)]);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return err([
      {
        code: 'invalid-field',
        file: fileLabel,
        path: '',
        message: { nb: 'må være et JSON-objekt', en: 'must be a JSON object' },
      },
    ]);
  }
  // A different format version changes what every field means: say that alone instead of 30 field errors.
  const version = (data as { formatVersion?: unknown }).formatVersion;
  if (version !== undefined && version !== 1) {
    return err([
      {
        code: 'unsupported-version',
        file: fileLabel,
        path: 'formatVersion',
        version: JSON.stringify(version),
        message: {
          nb: `formatVersion ${JSON.stringify(version)} støttes ikke; Vurder leser formatVersion 1`,
          en: `formatVersion ${JSON.stringify(version)} is not supported; Vurder reads formatVersion 1`,
        },
      },
    ]);
  }
  const parsed = applicationPackageSchema.safeParse(data);
  if (parsed.success) return ok(parsed.data);
  const problems: PackageProblem[] = [];
  for (const issue of parsed.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      // One problem per unknown key, with the key in the path, so each can be found and removed.
      for (const key of issue.keys) {
        const path = formatIssuePath([...issue.path, key]);
        problems.push({ code: 'invalid-field', file: fileLabel, path, message: { nb: 'ukjent felt', en: 'unknown field' } });
      }
      continue;
    }
    const path = formatIssuePath(issue.path);
    // A failed format check is followed by a refinement on the same value ("not a real date"): the first
    // problem of a field says it; a second one about the same value is noise.
    if (problems.some((problem) => problem.path === path)) continue;
    problems.push({ code: 'invalid-field', file: fileLabel, path, message: translateIssue(issue, valueAtPath(data, issue.path)) });
  }
  return err(problems);
}

function jsonProblem(text: string, thrown: unknown, file: string): PackageProblem {
  // V8 reports "… at position N" (Node 20) or "… (line L column C)" (Node 22); with neither, the text ended early.
  const message = thrown instanceof Error ? thrown.message : '';
  const match = /position (\d+)/.exec(message);
  const position = match?.[1] === undefined ? text.length : Number(match[1]);
  const { line, column } = lineAndColumn(text, position);
  const near = text.slice(position, position + 12).split('\n')[0] ?? '';
  const where = near === '' ? { nb: ' (teksten slutter for tidlig)', en: ' (the text ends too early)' } : { nb: ` ved «${near}»`, en: ` near "${near}"` };
  return {
    code: 'invalid-json',
    file,
    path: '',
    line,
    column,
    message: {
      nb: `ugyldig JSON på linje ${line}, kolonne ${column}${where.nb}`,
      en: `invalid JSON at line ${line}, column ${column}${where.en}`,
    },
  };
}

/** 1-based line and column of a character offset. */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position);
  const lines = before.split('\n');
  return { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
}

const MAX_LISTED = 3;

/** Folds a problem list into one catalogue error: the first few problems on one line, then "+N more". */
export function packageProblemsToError(problems: readonly PackageProblem[], fileLabel: string): CatalogueError {
  const first = problems[0];
  if (first?.code === 'invalid-json') {
    return withText(appError('package.invalid-json', fileLabel, { line: first.line ?? 1, column: first.column ?? 1 }), first.message);
  }
  if (first?.code === 'unsupported-version') {
    return withText(appError('package.unsupported-version', fileLabel, { version: first.version ?? '?' }), first.message);
  }
  const listed = problems.slice(0, MAX_LISTED);
  const rest = problems.length - listed.length;
  const join = (lang: 'nb' | 'en') =>
    // The field's label, never its path (issue 12.8); the path stays in the structured problem list.
    listed.map((p) => `${p.path === '' ? ROOT[lang] : fieldLabel(p.path)[lang]} ${p.message[lang]}`).join('; ') +
    (rest > 0 ? (lang === 'nb' ? ` (+${rest} til)` : ` (+${rest} more)`) : '');
  const nb = appError('package.invalid-field', fileLabel, { count: problems.length, details: join('nb') });
  const en = appError('package.invalid-field', fileLabel, { count: problems.length, details: join('en') });
  return withText(nb, { nb: nb.localized.nb, en: en.localized.en });
}

const ROOT = { nb: '(roten)', en: '(root)' } as const;

/** The problem already carries the precise text (with position or value); keep the code, use that text. */
function withText(error: CatalogueError, text: LocalizedText): CatalogueError {
  return { ...error, message: text.nb, localized: { nb: text.nb, en: text.en } };
}
