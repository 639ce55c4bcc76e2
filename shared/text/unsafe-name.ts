// Characters a file name must not carry (issue 8 point 3): C0/C1 controls and DEL, and the invisible and
// bidirectional formatting characters that make a name look like something else — "rapport\u202Efdp.exe" shows
// as "rapportexe.pdf". Names with them are refused, and shown escaped ("\u202e") so the person sees why.

// eslint-disable-next-line no-control-regex -- matching control characters is the point of this pattern
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/;
// eslint-disable-next-line no-control-regex -- as above, every occurrence
const UNSAFE_ALL = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

export function hasUnsafeNameCharacter(name: string): boolean {
  return UNSAFE.test(name);
}

/** The name with every unsafe character written as \uXXXX. */
export function escapeName(name: string): string {
  return name.replace(UNSAFE_ALL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
