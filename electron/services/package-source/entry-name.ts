// Checks one entry name of a package (zip entry or file inside a folder) before anything is read from it.
// Names are relative, forward-slash paths; anything that could escape the package or mean different files on
// different systems is refused.
import type { ErrorCode } from '../../../shared/errors/catalogue';

export interface NameProblem {
  code: ErrorCode;
  detail?: { nb: string; en: string };
}

// C0 controls and DEL: invisible in messages and forbidden on Windows.
// eslint-disable-next-line no-control-regex -- matching control characters is the point of this pattern
const CONTROL = /[\u0000-\u001f\u007f]/;

/** `name` without a trailing "/" (folders in zips end with one). Returns null when the name is safe. */
export function checkEntryName(name: string): NameProblem | null {
  if (name === '') return { code: 'package.invalid-name', detail: { nb: 'tomt navn', en: 'empty name' } };
  if (CONTROL.test(name)) {
    return { code: 'package.invalid-name', detail: { nb: 'kontrolltegn', en: 'control character' } };
  }
  if (name.includes('\uFFFD')) {
    return { code: 'package.invalid-name', detail: { nb: 'ugyldige tegn', en: 'invalid characters' } };
  }
  if (name.includes('\\')) return { code: 'package.backslash-path' };
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return { code: 'package.absolute-path' };
  const segments = name.split('/');
  if (segments.includes('..')) return { code: 'package.zip-slip' };
  if (segments.some((segment) => segment === '' || segment === '.')) {
    return { code: 'package.invalid-name', detail: { nb: 'tomt ledd eller «.»', en: 'empty or "." segment' } };
  }
  return null;
}

/** Key for duplicate detection: Unicode NFC and lower case, because Windows and macOS would merge these files. */
export function duplicateKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}
