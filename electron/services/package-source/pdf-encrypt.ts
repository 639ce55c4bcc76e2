// Is a PDF encrypted? Encryption is declared by an /Encrypt key in the trailer dictionary, or in the
// dictionary of a cross-reference stream (ISO 32000-1 §7.5.5, §7.5.8), and an incremental update's trailer
// repeats every entry of the previous one (§7.5.6). So the key is always in the dictionary the last
// `startxref` points to, or just before that keyword (a classic trailer). Only those places are read: a 5 MB
// attachment costs three 64 KB windows instead of a scan of 5 MB (import speed, issue 13.2). A PDF without a
// readable `startxref` (damaged, or not quite a PDF) is scanned whole, as before, so it is never missed.

/** "/Encrypt" as a name key followed by a delimiter, as it appears in a trailer or xref-stream dictionary. */
const ENCRYPT_NAME = Buffer.from('/Encrypt', 'latin1');
/** White space and the delimiters that may follow the key: \0 \t \n \f \r space / < [ ( */
const AFTER_KEY = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20, 0x2f, 0x3c, 0x5b, 0x28]);
const STARTXREF = Buffer.from('startxref', 'latin1');
/**
 * Bytes read at each place: far more than any trailer or xref-stream dictionary. The first window covers a
 * linearized file's first-page trailer (its /Encrypt repeats the main one) and small files entirely.
 */
export const ENCRYPT_WINDOW = 64 * 1024;

function hasKeyIn(content: Buffer, start: number, end: number): boolean {
  const region = content.subarray(Math.max(0, start), Math.min(content.length, end));
  for (let at = region.indexOf(ENCRYPT_NAME); at !== -1; at = region.indexOf(ENCRYPT_NAME, at + 1)) {
    const next = region[at + ENCRYPT_NAME.length];
    // A key cut off at the window's end counts: the window is only an optimisation, never a reason to miss one.
    if (next === undefined || AFTER_KEY.has(next)) return true;
  }
  return false;
}

/** The offset after the last `startxref` in the tail, or undefined when there is none or it is not a number. */
function lastStartxref(content: Buffer, tailStart: number): number | undefined {
  const at = content.lastIndexOf(STARTXREF);
  if (at < tailStart) return undefined;
  const digits = /^\s*(\d{1,15})/.exec(content.toString('latin1', at + STARTXREF.length, Math.min(content.length, at + STARTXREF.length + 32)));
  const offset = digits ? Number(digits[1]) : NaN;
  return Number.isSafeInteger(offset) && offset < content.length ? offset : undefined;
}

export function hasEncryptKey(content: Buffer): boolean {
  const window = ENCRYPT_WINDOW;
  if (content.length <= 3 * window) return hasKeyIn(content, 0, content.length);
  const tailStart = content.length - window;
  if (hasKeyIn(content, tailStart, content.length) || hasKeyIn(content, 0, window)) return true;
  const offset = lastStartxref(content, tailStart);
  // No usable startxref: the file is damaged, so nothing says where its trailer is; look everywhere.
  if (offset === undefined) return hasKeyIn(content, window, tailStart);
  return hasKeyIn(content, offset, offset + window);
}
