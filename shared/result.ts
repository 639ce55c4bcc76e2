/** A value or a failure that a person can read. Used across the IPC bridge and by services. */
export type Result<T, E = AppError> = { ok: true; value: T } | { ok: false; error: E };

/** A failure with a stable machine code and a message in both UI languages. */
export interface AppError {
  code: string;
  message: string;
  /** The same message in nb and en where the producer has both. */
  localized?: { nb: string; en: string };
  /** The file (or field path) the error is about, when there is one. */
  subject?: string;
}

export function ok<T>(value: T): Result<T, never> {
  return { ok: true, value };
}

export function err<E = AppError>(error: E): Result<never, E> {
  return { ok: false, error };
}
