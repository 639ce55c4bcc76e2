// A failed write (disk full, I/O error, read-only or unreachable disk …) as one catalogue error naming the
// assessment file, in nb and en: `store.write-failed`. The store's write order guarantees the last saved
// version is still there when this is thrown (docs/workspace.md § Write faults).
import type { LocalizedText } from '../../../shared/i18n/localized';
import { ServiceError } from '../workspace/errors';

const REASONS: Record<string, LocalizedText> = {
  ENOSPC: { nb: 'disken er full (ENOSPC)', en: 'the disk is full (ENOSPC)' },
  EDQUOT: { nb: 'diskkvoten er brukt opp (EDQUOT)', en: 'the disk quota is used up (EDQUOT)' },
  EIO: { nb: 'lese-/skrivefeil på disken (EIO)', en: 'an input/output error on the disk (EIO)' },
  EROFS: { nb: 'disken er skrivebeskyttet (EROFS)', en: 'the disk is read-only (EROFS)' },
  EACCES: { nb: 'mangler skrivetilgang (EACCES)', en: 'no permission to write (EACCES)' },
  EPERM: { nb: 'mangler skrivetilgang (EPERM)', en: 'no permission to write (EPERM)' },
  ENOENT: { nb: 'mappen finnes ikke lenger (ENOENT)', en: 'the folder no longer exists (ENOENT)' },
};

function errnoCode(error: unknown): string | undefined {
  if (error instanceof AggregateError) return errnoCode(error.errors[0]);
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) ? code : undefined;
}

/** Why a write failed, in words, when it is a file-system failure (an errno code); undefined otherwise. */
export function writeFailureReason(error: unknown): LocalizedText | undefined {
  const code = errnoCode(error);
  if (code === undefined) return undefined;
  return REASONS[code] ?? { nb: `skrivefeil (${code})`, en: `write error (${code})` };
}

/** The error to show for a failed write of `file`, or the error itself when it is not a file-system failure. */
export function asWriteFailure(error: unknown, file: string): unknown {
  if (error instanceof ServiceError) return error;
  const reason = writeFailureReason(error);
  if (reason === undefined) return error;
  return new ServiceError('store.write-failed', file, { reasonNb: reason.nb, reasonEn: reason.en }, { cause: error });
}
