// hardening.ts driven by the Electron fake (test/electron/fake-electron*.ts), which follows Electron 45's
// documented event order: will-frame-navigate fires first (main frame too), a prevented event stops the
// rest. Against the hardening before issue 14 (openExternal in will-navigate and in the window-open
// handler) the window.open test fails: that code handed https links to the system browser.
import { beforeEach, describe, expect, it } from 'vitest';
import { cspHeader } from '../security/csp';
import { createGestureTracker, GESTURE_WINDOW_MS } from '../security/gesture';
import { FakeApp } from '../../test/electron/fake-electron';
import type { FakeWebContents } from '../../test/electron/fake-electron';
import { FakeSession, FakeShell, recordingLog } from '../../test/electron/fake-electron-services';
import { createExternalLinks, installHardening } from './hardening';

let app: FakeApp;
let session: FakeSession;
let shell: FakeShell;
let log: ReturnType<typeof recordingLog>;
let contents: FakeWebContents;
let clock: number;
let links: ReturnType<typeof createExternalLinks>;

beforeEach(() => {
  app = new FakeApp();
  session = new FakeSession();
  shell = new FakeShell();
  log = recordingLog();
  clock = 1_000_000;
  const gestures = createGestureTracker();
  installHardening({ app, session, log, gestures, now: () => clock });
  contents = app.createWebContents();
  links = createExternalLinks({ shell, gestures, log, now: () => clock });
});

describe('navigation never leaves the app and never opens the system browser', () => {
  it.each(['https://www.imdi.no/', 'https://evil.example/?doc=secret', 'file:///etc/passwd', 'javascript:alert(1)', 'http://localhost:4317/'])(
    'a main-frame navigation to %s is cancelled at will-frame-navigate, logged, and opens nothing',
    (url) => {
      const outcome = contents.navigate(url);
      expect(outcome).toEqual({ fired: ['did-start-navigation', 'will-frame-navigate'], navigated: false });
      expect(contents.url).toBe('app://vurder/index.html');
      expect(shell.opened).toEqual([]);
      expect(log.lines).toEqual([`warn navigation blocked (main frame): ${url}`]);
    },
  );

  it('lets the app navigate within app://vurder (will-navigate sees it too)', () => {
    const outcome = contents.navigate('app://vurder/index.html?view=list');
    expect(outcome.navigated).toBe(true);
    expect(outcome.fired).toEqual(['did-start-navigation', 'will-frame-navigate', 'will-navigate', 'did-frame-navigate', 'did-navigate']);
    expect(log.lines).toEqual([]);
  });

  it('cancels a sub-frame navigation out of the app', () => {
    expect(contents.navigate('https://www.imdi.no/', { isMainFrame: false }).navigated).toBe(false);
    expect(log.lines).toEqual(['warn navigation blocked (frame): https://www.imdi.no/']);
    expect(shell.opened).toEqual([]);
  });

  it('cancels a redirect out of the app', () => {
    const outcome = contents.navigate('app://vurder/index.html', { redirectTo: 'https://evil.example/' });
    expect(outcome.navigated).toBe(false);
    expect(outcome.fired.at(-1)).toBe('will-redirect');
    expect(log.lines).toEqual(['warn redirect blocked: https://evil.example/']);
  });

  it('window.open and target=_blank make no window and open nothing, even for an allowlisted https link after a click', () => {
    contents.mouse('mouseUp');
    expect(contents.windowOpen('https://www.imdi.no/')).toBe('denied');
    expect(contents.windowOpen('https://evil.example/?doc=secret')).toBe('denied');
    expect(shell.opened).toEqual([]);
    expect(log.lines).toEqual(['warn window.open refused: https://www.imdi.no/', 'warn window.open refused: https://evil.example/?doc=secret']);
  });

  it('refuses <webview>', () => {
    expect(contents.attachWebview()).toBe(false);
    expect(log.lines).toEqual(['warn webview blocked']);
  });
});

describe('the session', () => {
  it('grants no permission, sends no request off the machine, puts the CSP on every response, no spellchecker', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid']) expect(session.requestPermission(permission)).toBe(false);
    expect(session.request('https://www.imdi.no/')).toBe('cancelled');
    expect(session.request('wss://evil.example/')).toBe('cancelled');
    expect(session.request('app://vurder/assets/index.js')).toBe('sent');
    expect(session.request('blob:app://vurder/1')).toBe('sent');
    const headers = session.responseHeaders({ 'content-security-policy': ["default-src *"], 'X-Other': ['1'] });
    expect(headers).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [cspHeader()] });
    expect(session.spellChecker).toBe(false);
    expect(log.lines).toContain('warn permission request denied: media');
    expect(log.lines).toContain('warn network request blocked: https://www.imdi.no/');
  });
});

describe('external links (app:open-external and the menu)', () => {
  it('opens an allowlisted https link right after a real click, once per click', async () => {
    contents.mouse('mouseUp');
    clock += 200;
    await expect(links.openFromRenderer('https://lovdata.no/dokument/NL/lov/2020-11-06-127')).resolves.toBe(true);
    await expect(links.openFromRenderer('https://www.imdi.no/')).resolves.toBe(false);
    expect(shell.opened).toEqual(['https://lovdata.no/dokument/NL/lov/2020-11-06-127']);
    expect(log.lines).toEqual(['warn external link refused (renderer, no click or key press just before): https://www.imdi.no/']);
  });

  it('Enter on a focused link counts; a mouse move, a key other than Enter/Space, or a stale click do not', async () => {
    contents.key('keyDown', 'Enter');
    await expect(links.openFromRenderer('https://www.regjeringen.no/')).resolves.toBe(true);
    contents.mouse('mouseMove');
    contents.key('keyDown', 'a');
    await expect(links.openFromRenderer('https://www.imdi.no/')).resolves.toBe(false);
    contents.mouse('mouseDown');
    clock += GESTURE_WINDOW_MS + 1;
    await expect(links.openFromRenderer('https://www.imdi.no/')).resolves.toBe(false);
    expect(shell.opened).toEqual(['https://www.regjeringen.no/']);
  });

  it('refuses and logs a host off the allowlist even right after a click', async () => {
    contents.mouse('mouseUp');
    await expect(links.openFromRenderer('https://evil.example/?doc=Kari%20Nordmann')).resolves.toBe(false);
    expect(shell.opened).toEqual([]);
    expect(log.lines).toEqual(['warn external link refused (renderer, not an https link to an allowlisted host): https://evil.example/?doc=Kari%20Nordmann']);
  });

  it('menu links need no page gesture but the allowlist; a failing OS handler is logged', async () => {
    await expect(links.openFromMenu('https://www.imdi.no/tilskudd/')).resolves.toBe(true);
    await expect(links.openFromMenu('http://www.imdi.no/')).resolves.toBe(false);
    shell.fail = true;
    await expect(links.openFromMenu('https://www.imdi.no/')).resolves.toBe(false);
    expect(shell.opened).toEqual(['https://www.imdi.no/tilskudd/']);
    expect(log.lines.at(-1)).toBe('warn external link failed: https://www.imdi.no/: Failed to open: no handler');
  });
});
