// The app:// scheme that serves the built renderer. Registered as privileged (standard, secure) so the page
// has a real origin for CSP 'self' and fetch, instead of file:// where every file is same-origin.
// `protocol` is passed in (protocol.test.ts uses a fake that calls the handler like Electron 45 does).
import { readFile } from 'node:fs/promises';
import type { Protocol } from 'electron';
import { mimeTypeOf, resolveAppAsset } from '../security/assets';
import { securityHeaders } from '../security/csp';
import { APP_SCHEME } from '../security/urls';
import type { ShellLog } from './shell-log';
import { describeError } from './shell-log';

export type AppProtocol = Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;

/** Must run before app 'ready' (Electron: registerSchemesAsPrivileged "can only be used before the ready event"). */
export function registerAppScheme(protocol: AppProtocol): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

export function serveRenderer(protocol: AppProtocol, rendererRoot: string, log: ShellLog): void {
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
      log.warn(`app:// missing file ${file}: ${describeError(error)}`);
      return new Response('Not found', { status: 404, headers: securityHeaders() });
    }
  });
}
