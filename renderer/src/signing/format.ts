// Presentation helpers of the signing screens. Pure functions (tested in format.test.ts).
import { nameSlug } from '../../../shared/text/slug';

/**
 * A SHA-256 fingerprint "AB:CD:…" (or plain hex) as groups of four hex digits, "ABCD EF01 …", so two people
 * can read it aloud and compare. Anything that is not hex is returned unchanged rather than mangled.
 */
export function groupFingerprint(fingerprint: string): string {
  const hex = fingerprint.replace(/[:\s]/g, '').toUpperCase();
  if (!/^[0-9A-F]+$/.test(hex) || hex.length % 2 !== 0) return fingerprint;
  return (hex.match(/.{1,4}/g) ?? []).join(' ');
}

/** The last segment of a path, for lists where the full path is too long (the full path goes in a title). */
export function baseName(path: string): string {
  return path.split(/[\\/]/).filter((part) => part !== '').pop() ?? path;
}

/** A file name for the exported certificate: the signer's name as a slug (æøå transliterated) + ".pem". */
export function certificateFileName(subjectName: string): string {
  const slug = nameSlug(subjectName);
  return `${slug === '' ? 'sertifikat' : slug}.pem`;
}
