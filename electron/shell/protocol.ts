// The app:// scheme that serves the built renderer. Registered as privileged (standard, secure) so the page
// has a real origin for CSP 'self' and fetch, instead of file:// where every file is same-origin.
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { mimeTypeOf, resolveAppAsset } from '../security/assets';
import { securityHeaders } from '../security/csp';
import { APP_SCHEME } from '../security/urls';
import { log } from './log';

/** Must run before app 'ready'. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

export function serveRenderer(rendererRoot: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppAsset(request.url, rendererRoot);
    if (file === null || request.method !== 'GET') {
      log.warn(`app:// refused: ${request.method} ${request.url.slice(0, 200)}`);
      return new Response('Not found', { status: 404, headers: securityHeaders() });
    }
    try {
      const bytes = await readFile(file);
      return new Response(bytes, { status: 200, headers: { ...securityHeaders(), 'Content-Type': mimeTypeOf(file) } });
    } catch (error) {
      log.warn(`app:// missing file ${file}: ${error instanceof Error ? error.message : String(error)}`);
      return new Response('Not found', { status: 404, headers: securityHeaders() });
    }
  });
}
