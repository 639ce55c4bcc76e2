// Session and web-contents hardening (docs/security.md). Every decision is a pure helper from
// electron/security/; this file only wires them to Electron's events. The Electron objects are passed in
// (structural types below, which the real ones satisfy) so hardening.test.ts drives this code with a fake
// that follows Electron 45's documented event order.
import { cspHeader } from '../security/csp';
import type { GestureTracker } from '../security/gesture';
import { isAllowedExternalUrl, isAllowedNavigation } from '../security/urls';
import type { ExternalLinks } from '../services/backend/ports';
import type { ShellLog } from './shell-log';
import { describeError } from './shell-log';

interface Preventable {
  preventDefault(): void;
}

/** The part of a WebContents the hardening listens to. */
export interface HardenedContents {
  on(event: 'will-frame-navigate', listener: (event: Preventable & { url: string; isMainFrame: boolean }) => void): unknown;
  on(event: 'will-navigate', listener: (event: Preventable, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: Preventable, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: Preventable) => void): unknown;
  on(event: 'before-mouse-event', listener: (event: unknown, mouse: { type: string; button?: string }) => void): unknown;
  on(event: 'before-input-event', listener: (event: unknown, input: { type: string; key: string }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface HardenedSession {
  setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void;
  setPermissionCheckHandler(handler: () => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
  setSpellCheckerEnabled(enabled: boolean): void;
  webRequest: {
    onBeforeRequest(listener: (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void): void;
    onHeadersReceived(
      listener: (details: { responseHeaders?: Record<string, string[]> }, callback: (response: { responseHeaders: Record<string, string[]> }) => void) => void,
    ): void;
  };
}

export interface HardeningApp {
  on(event: 'web-contents-created', listener: (event: unknown, contents: HardenedContents) => void): unknown;
}

export interface ExternalShell {
  openExternal(url: string): Promise<void>;
}

/** The shell's links policy: the ExternalLinks port for the renderer, plus the menu's own links. */
export interface ShellExternalLinks extends ExternalLinks {
  /** A menu item was clicked (main sees the click itself): only the allowlist applies. */
  openFromMenu(url: string): Promise<boolean>;
}

export interface ExternalLinkDeps {
  shell: ExternalShell;
  gestures: GestureTracker;
  log: ShellLog;
  now?: () => number;
}

/**
 * External links (docs/security.md § External links): https to an allowlisted host only, and from the
 * renderer only right after a real click or key press in the window. Refusals are logged.
 */
export function createExternalLinks(deps: ExternalLinkDeps): ShellExternalLinks {
  const now = deps.now ?? Date.now;
  async function open(url: string, origin: string): Promise<boolean> {
    if (!isAllowedExternalUrl(url)) {
      deps.log.warn(`external link refused (${origin}, not an https link to an allowlisted host): ${url.slice(0, 200)}`);
      return false;
    }
    try {
      await deps.shell.openExternal(url);
      return true;
    } catch (error) {
      deps.log.warn(`external link failed: ${url.slice(0, 200)}: ${describeError(error)}`);
      return false;
    }
  }
  return {
    openFromRenderer(url) {
      // Used up whatever the answer, so one click cannot be replayed for a second link.
      if (!deps.gestures.consume(now())) {
        deps.log.warn(`external link refused (renderer, no click or key press just before): ${url.slice(0, 200)}`);
        return Promise.resolve(false);
      }
      return open(url, 'renderer');
    },
    openFromMenu: (url) => open(url, 'menu'),
  };
}

/** Schemes a page of ours may load from; everything else (http, https, ws, file, ftp …) is cancelled. */
const ALLOWED_REQUEST = /^(app|blob|data|devtools):/i;

export function hardenSession(target: HardenedSession, log: ShellLog): void {
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

/**
 * Navigation away from app://vurder is cancelled and logged, and never opens anything: a page (or a
 * compromised renderer) cannot reach the system browser by navigating or by window.open. Links out go
 * through the `app:open-external` channel (createExternalLinks). Electron 45 fires `will-frame-navigate`
 * first, for the main frame too, and a cancelled navigation fires nothing after it (docs: web-contents
 * § Navigation Events), so `will-navigate` only repeats the check for a navigation already allowed.
 */
export function hardenContents(contents: HardenedContents, log: ShellLog, gestures: GestureTracker, now: () => number = Date.now): void {
  contents.on('will-frame-navigate', (event) => {
    if (isAllowedNavigation(event.url)) return;
    event.preventDefault();
    log.warn(`navigation blocked (${event.isMainFrame ? 'main frame' : 'frame'}): ${event.url.slice(0, 200)}`);
  });
  contents.on('will-navigate', (event, url) => {
    if (isAllowedNavigation(url)) return;
    event.preventDefault();
    log.warn(`navigation blocked: ${url.slice(0, 200)}`);
  });
  contents.on('will-redirect', (event, url) => {
    if (isAllowedNavigation(url)) return;
    event.preventDefault();
    log.warn(`redirect blocked: ${url.slice(0, 200)}`);
  });
  // window.open and target=_blank never make a new window and never open the system browser.
  contents.setWindowOpenHandler(({ url }) => {
    log.warn(`window.open refused: ${url.slice(0, 200)}`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log.warn('webview blocked');
  });
  // Real input only (the page cannot synthesise these events in main): the gesture app:open-external needs.
  contents.on('before-mouse-event', (_event, mouse) => gestures.record({ device: 'mouse', type: mouse.type, button: mouse.button }, now()));
  contents.on('before-input-event', (_event, input) => gestures.record({ device: 'keyboard', type: input.type, key: input.key }, now()));
}

export interface HardeningDeps {
  app: HardeningApp;
  session: HardenedSession;
  log: ShellLog;
  gestures: GestureTracker;
  /** The clock gestures are timed with (the same one createExternalLinks uses). */
  now?: () => number;
}

/** Installs the hardening for every web contents the app will ever create. Call before the first window. */
export function installHardening(deps: HardeningDeps): void {
  deps.app.on('web-contents-created', (_event, contents) => hardenContents(contents, deps.log, deps.gestures, deps.now));
  hardenSession(deps.session, deps.log);
}
