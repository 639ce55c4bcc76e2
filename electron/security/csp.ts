// The Content-Security-Policy of the app window. The shell sends it as a response header for every app://
// response (and via session.webRequest); renderer/index.html carries the same policy in a <meta> tag so the
// browser bridge and `vite preview` run under it too. csp.test.ts checks the two stay equal.

/** Directive → sources. No 'unsafe-inline', no 'unsafe-eval', no remote origin anywhere. */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'none'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'", 'blob:', 'data:'],
  // pdf.js runs its worker from the app or a blob URL.
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/** Only in the header: meta-delivered CSP cannot carry frame-ancestors. */
const HEADER_ONLY: Readonly<Record<string, readonly string[]>> = {
  'frame-ancestors': ["'none'"],
};

function serialise(directives: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(directives)
    .map(([name, sources]) => `${name} ${sources.join(' ')}`)
    .join('; ');
}

/** The policy as the <meta http-equiv> tag has it. */
export function cspMeta(): string {
  return serialise(CSP_DIRECTIVES);
}

/** The policy as the response header has it (the meta policy plus header-only directives). */
export function cspHeader(): string {
  return serialise({ ...CSP_DIRECTIVES, ...HEADER_ONLY });
}

/** Parses a policy string into directive → sources, for comparing policies regardless of spacing. */
export function parseCsp(policy: string): Map<string, string[]> {
  const result = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name !== undefined && name !== '') result.set(name.toLowerCase(), sources);
  }
  return result;
}

/** Headers every app:// response carries. */
export function securityHeaders(): Record<string, string> {
  return {
    'Content-Security-Policy': cspHeader(),
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
  };
}
