// Presentation helpers of the signing screens. Pure functions (tested in format.test.ts).

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
  const slug = subjectName
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
  return `${slug === '' ? 'sertifikat' : slug}.pem`;
}
