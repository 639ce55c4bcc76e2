// Pure URL decisions of the Electron shell (docs/security.md). Kept free of `electron` so they are unit-tested
// with tables of hostile inputs; the shell only wires them to events.

/** The renderer is served from this privileged custom scheme, never from http or file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'vurder';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** Longer URLs are refused outright: nothing legitimate in this app needs them. */
const MAX_URL_LENGTH = 2048;

// Control characters, whitespace and bidi/zero-width/invisible characters: URL parsers strip or keep them
// inconsistently, so a string containing one is never trusted. Ranges of code points, inclusive.
const SUSPICIOUS_RANGES: readonly (readonly [number, number])[] = [
  [0x0000, 0x0020], [0x007f, 0x00a0], [0x00ad, 0x00ad], [0x061c, 0x061c], [0x115f, 0x1160], [0x17b4, 0x17b5],
  [0x180e, 0x180e], [0x2000, 0x200f], [0x2028, 0x202f], [0x205f, 0x206f], [0x3000, 0x3000], [0x3164, 0x3164],
  [0xfeff, 0xfeff], [0xffa0, 0xffa0],
];

function hasSuspiciousCharacter(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (SUSPICIOUS_RANGES.some(([low, high]) => code >= low && code <= high)) return true;
  }
  return false;
}

function parse(raw: unknown): URL | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return null;
  if (hasSuspiciousCharacter(raw)) return null;
  try {
    return new URL(raw);
  } catch {
    // Not a URL at all: the caller refuses it, which is the answer.
    return null;
  }
}

/** True for a URL of the app's own origin (app://vurder/...), the only place the window may be. */
export function isAppUrl(raw: unknown): boolean {
  const url = parse(raw);
  if (url === null) return false;
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '' && url.port === '';
}

/**
 * May the main window navigate to `raw`? Only within the app's own origin. Every other target
 * (http(s), file:, data:, javascript:, blob:, about:) is refused; links out go through isSafeExternalUrl.
 */
export function isAllowedNavigation(raw: unknown): boolean {
  return isAppUrl(raw);
}

/**
 * May `raw` be handed to the operating system (shell.openExternal)? Only plain https links to an ASCII host
 * name: no userinfo (`https://imdi.no@evil.example`), no IP literals, no IDN/punycode (homograph risk),
 * no custom port, no control or invisible characters. The URL is parsed, never matched as text.
 */
export function isSafeExternalUrl(raw: unknown): boolean {
  if (typeof raw !== 'string' || !/^https:\/\/[^/\\]/i.test(raw)) return false;
  // The raw host part must already be plain ASCII: the parser would turn "imdі.no" (Cyrillic і) into punycode.
  const rawHost = raw.slice('https://'.length).split(/[/?#]/, 1)[0] ?? '';
  if (!/^[A-Za-z0-9.-]+$/.test(rawHost)) return false;
  const url = parse(raw);
  if (url === null) return false;
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '') return false;
  const host = url.hostname;
  if (host.length === 0 || host.length > 253 || !host.includes('.')) return false;
  const labels = host.split('.');
  if (labels.some((label) => label.length === 0 || label.length > 63 || label.startsWith('-') || label.endsWith('-'))) return false;
  if (labels.some((label) => label.startsWith('xn--'))) return false;
  // A numeric last label means an IP literal (or a trick like https://3232235777.1/); links name hosts.
  if (/^\d+$/.test(labels.at(-1) ?? '')) return false;
  return true;
}

/**
 * The hosts (and their subdomains) a link may open in the system browser (docs/security.md § External links):
 * the agency and the grant scheme (imdi.no), the law (lovdata.no), the ministry and regulations
 * (regjeringen.no). Anything else is refused and logged, however it was asked for.
 */
export const EXTERNAL_LINK_DOMAINS: readonly string[] = ['imdi.no', 'lovdata.no', 'regjeringen.no'];

/** A plain https URL (isSafeExternalUrl) whose host is an allowlisted domain or one of its subdomains. */
export function isAllowedExternalUrl(raw: unknown): boolean {
  if (!isSafeExternalUrl(raw)) return false;
  const host = new URL(raw as string).hostname.toLowerCase();
  return EXTERNAL_LINK_DOMAINS.some((domain) => host === domain || host.endsWith(`.${domain}`));
}

export interface SenderFrame {
  /** The sending frame's URL; null/undefined when the frame is gone. */
  url: string | null | undefined;
  /** True only for the top-level frame of the window. */
  isMainFrame: boolean;
}

/**
 * Is an IPC message from our own page? The frame must exist, be the main frame (no iframe, however it got
 * there), and be at the app's own origin. This is the only sender check in the app (electron/shell/ipc.ts).
 */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (frame === null || frame === undefined || frame.isMainFrame !== true) return false;
  return isAppUrl(frame.url);
}
