// Turning failures into one line a person understands: "<file>: <problem>". Used by the CLI (stderr) and
// by the app (IPC error messages). Never a stack trace, never a raw library message on its own.
import type { Language } from '../i18n/localized';
import type { AppError } from '../result';
import type { ErrorCode, ErrorParams } from './catalogue';
import { localizeError } from './catalogue';

/** An AppError whose code is in the catalogue; params are kept so callers (and tests) can inspect them. */
export interface CatalogueError extends AppError {
  code: ErrorCode;
  localized: { nb: string; en: string };
  params: ErrorParams;
}

/**
 * Makes an error from the catalogue. `subject` is the file the error is about (a package path, or
 * `package/soknad.json`); `message` is the Norwegian text, the app's default language.
 */
export function appError(code: ErrorCode, subject: string | undefined, params: ErrorParams = {}): CatalogueError {
  const localized = localizeError(code, params);
  return {
    code,
    message: localized.nb,
    localized,
    params,
    ...(subject === undefined ? {} : { subject }),
  };
}

/** Collapses whitespace so that a message (even one with a line break from a library) stays on one line. */
function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** "<subject>: <message>" in the chosen language, on one line. */
export function formatErrorLine(error: AppError, lang: Language): string {
  const text = error.localized?.[lang] ?? error.message;
  return oneLine(error.subject === undefined ? text : `${error.subject}: ${text}`);
}

/** Only the first line of a thrown value's message: enough to identify it, never a stack trace. */
export function describeThrown(thrown: unknown): string {
  if (thrown instanceof Error) {
    const code = (thrown as { code?: unknown }).code;
    const first = thrown.message.split('\n')[0] ?? '';
    return typeof code === 'string' && !first.includes(code) ? `${code}: ${first}` : first;
  }
  return String(thrown).split('\n')[0] ?? '';
}

/** Wraps something unforeseen (a thrown value) into the catalogue's last-resort error. */
export function unexpectedError(thrown: unknown, subject?: string): CatalogueError {
  return appError('internal.unexpected', subject, { detail: oneLine(describeThrown(thrown)) });
}
