// Checks one entry name of a package (zip entry or file inside a folder) before anything is read from it.
// Names are relative, forward-slash paths; anything that could escape the package or mean different files on
// different systems is refused.
import type { ErrorCode } from '../../../shared/errors/catalogue';
import { hasUnsafeNameCharacter } from '../../../shared/text/unsafe-name';

export interface NameProblem {
  code: ErrorCode;
  detail?: { nb: string; en: string };
}


/** `name` without a trailing "/" (folders in zips end with one). Returns null when the name is safe. */
export function checkEntryName(name: string): NameProblem | null {
  if (name === '') return { code: 'package.invalid-name', detail: { nb: 'tomt navn', en: 'empty name' } };
  // Controls (forbidden on Windows) and bidi/invisible characters (a name that shows as something else).
  if (hasUnsafeNameCharacter(name)) {
    return { code: 'package.invalid-name', detail: { nb: 'kontrolltegn, retningstegn eller usynlig tegn', en: 'control, bidi or invisible character' } };
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
  // The files are copied into a workspace that may live on Windows: there "a.pdf:x" is an alternate data
  // stream and "NUL.pdf" a device, so names that mean something else there are refused everywhere.
  if (segments.some((segment) => WINDOWS_FORBIDDEN.test(segment))) {
    return { code: 'package.invalid-name', detail: { nb: 'tegn som ikke er tillatt i filnavn (<>:"|?*)', en: 'characters not allowed in file names (<>:"|?*)' } };
  }
  if (segments.some((segment) => WINDOWS_DEVICE.test(segment) || /[. ]$/.test(segment))) {
    return { code: 'package.invalid-name', detail: { nb: 'reservert navn i Windows', en: 'a name reserved on Windows' } };
  }
  if (name.length > MAX_NAME_LENGTH || segments.some((segment) => new TextEncoder().encode(segment).length > MAX_SEGMENT_BYTES)) {
    return { code: 'package.invalid-name', detail: { nb: 'for langt navn', en: 'name too long' } };
  }
  return null;
}

const WINDOWS_FORBIDDEN = /[<>:"|?*]/;
/** CON, PRN, AUX, NUL, COM1–9, LPT1–9, with or without an extension. */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/i;
/** Bytes per path segment on common file systems, and a whole path well within every OS limit. */
const MAX_SEGMENT_BYTES = 255;
const MAX_NAME_LENGTH = 1024;

/** Key for duplicate detection: Unicode NFC and lower case, because Windows and macOS would merge these files. */
export function duplicateKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}
