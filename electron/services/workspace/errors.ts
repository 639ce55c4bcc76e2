// Failures of the workspace services carry a catalogue error (shared/errors): a stable code, the file
// concerned, and the message in nb and en. The backend passes `appError` across the bridge unchanged
// (backend/errors.ts); the CLI prints `toLine()`.
import type { ErrorCode, ErrorParams } from '../../../shared/errors/catalogue';
import type { CatalogueError } from '../../../shared/errors/format';
import { appError, formatErrorLine } from '../../../shared/errors/format';
import type { Language } from '../../../shared/i18n/localized';

export class ServiceError extends Error {
  readonly appError: CatalogueError;

  constructor(code: ErrorCode, subject: string, params: ErrorParams = {}, options?: { cause?: unknown }) {
    const error = appError(code, subject, params);
    super(formatErrorLine(error, 'en'), options);
    this.name = 'ServiceError';
    this.appError = error;
  }

  get code(): ErrorCode {
    return this.appError.code;
  }

  /** One line for a person: the file, then the problem. */
  toLine(lang: Language = 'en'): string {
    return formatErrorLine(this.appError, lang);
  }
}

export function isErrno(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
