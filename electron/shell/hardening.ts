// Session and web-contents hardening (docs/security.md). Every decision is a pure helper from
// electron/security/; this file only wires them to Electron's events.
import { app, session, shell } from 'electron';
import type { Session, WebContents } from 'electron';
import { cspHeader } from '../security/csp';
import { isAllowedNavigation, isSafeExternalUrl } from '../security/urls';
import { log } from './log';

/** Opens a link in the system browser only when it is a plain https URL (parsed, see isSafeExternalUrl). */
export function openExternalSafely(url: string): void {
  if (!isSafeExternalUrl(url)) {
    log.warn(`external link refused: ${url.slice(0, 200)}`);
    return;
  }
  shell.openExternal(url).catch((error: unknown) => {
    log.warn(`external link failed: ${url.slice(0, 200)}: ${error instanceof Error ? error.message : String(error)}`);
  });
}

/** Schemes a page of ours may load from; everything else (http, https, ws, file, ftp …) is cancelled. */
const ALLOWED_REQUEST = /^(app|blob|data|devtools):/i;

export function hardenSession(target: Session): void {
  // No permission is ever granted: camera, microphone, geolocation, notifications, clipboard-read, HID …
  target.setPermissionRequestHandler((_contents, permission, callback) => {
    log.warn(`permission request denied: ${permission}`);
    callback(false);
  });
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);
  // Offline by design: no request leaves the machine, whatever the page tries.
  target.webRequest.onBeforeRequest((details, callback) => {
    const allowed = ALLOWED_REQUEST.test(details.url);
    if (!allowed) log.warn(`network request blocked: ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
  // The CSP also rides on every response header (protocol.ts sets it on app:// responses too), so no
  // document in this session is ever without it, whatever served it.
  target.webRequest.onHeadersReceived((details, callback) => {
    const headers = Object.fromEntries(
      Object.entries(details.responseHeaders ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'),
    );
    callback({ responseHeaders: { ...headers, 'Content-Security-Policy': [cspHeader()] } });
  });
  target.setSpellCheckerEnabled(false);
}

function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url)) {
      event.preventDefault();
      log.warn(`navigation blocked: ${url.slice(0, 200)}`);
      openExternalSafely(url);
    }
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAllowedNavigation(event.url)) {
      event.preventDefault();
      log.warn(`frame navigation blocked: ${event.url.slice(0, 200)}`);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url)) {
      event.preventDefault();
      log.warn(`redirect blocked: ${url.slice(0, 200)}`);
    }
  });
  // window.open and target=_blank never make a new window; an https link goes to the system browser.
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('webview blocked');
  });
}

/** Installs the hardening for every web contents the app will ever create. Call before the first window. */
export function installHardening(): void {
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  hardenSession(session.defaultSession);
}
