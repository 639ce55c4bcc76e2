// Turning whatever a service throws into the AppError that crosses the bridge: a catalogue error passes
// through (without its internal params), anything else becomes "unexpected error: <first line>".
import type { z } from 'zod';
import { unexpectedError } from '../../../shared/errors/format';
import { formatIssuePath } from '../../../shared/errors/zod-issues';
import type { AppError } from '../../../shared/result';

function isAppErrorLike(value: unknown): value is AppError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return typeof candidate.code === 'string' && typeof candidate.message === 'string' && candidate.message !== '';
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Only the fields of the contract's error; nothing else (no stack, no params) leaves main. */
export function toAppError(thrown: unknown): AppError {
  // A service may throw an Error carrying an AppError as `error` or `appError` (wrapped for stack traces).
  const nested = typeof thrown === 'object' && thrown !== null ? (thrown as Record<string, unknown>) : {};
  const candidate = isAppErrorLike(nested.appError) ? nested.appError : isAppErrorLike(nested.error) ? nested.error : thrown;
  const error: AppError =
    isAppErrorLike(candidate) && !(candidate instanceof Error && !('localized' in candidate))
      ? candidate
      : unexpectedError(thrown);
  return {
    code: error.code,
    message: oneLine(error.message),
    ...(error.localized === undefined ? {} : { localized: { nb: oneLine(error.localized.nb), en: oneLine(error.localized.en) } }),
    ...(error.subject === undefined ? {} : { subject: error.subject }),
  };
}

/** The first zod issue as "path: message" (enough for a developer; requests are built by our own renderer). */
export function zodDetail(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'invalid';
  const path = formatIssuePath(issue.path);
  const more = error.issues.length > 1 ? ` (+${error.issues.length - 1})` : '';
  return `${path === '' ? '(root)' : path}: ${issue.message}${more}`;
}
