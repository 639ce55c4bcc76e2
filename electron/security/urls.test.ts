import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, EXTERNAL_LINK_DOMAINS, isAllowedExternalUrl, isAllowedNavigation, isSafeExternalUrl, isTrustedSender } from './urls';

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://www.imdi.no/tilskudd/', true],
    ['https://lovdata.no/dokument/NL/lov/2003-07-04-80', true],
    ['https://www.regjeringen.no/no/id4/?q=a#b', true],
    ['HTTPS://WWW.IMDI.NO/', true],
    ['http://www.imdi.no/', false],
    ['javascript:alert(1)', false],
    ['JAVASCRIPT:alert(1)', false],
    [' https://www.imdi.no/', false],
    ['https://www.imdi.no/ ', false],
    ['\thttps://www.imdi.no/', false],
    ['https://www.imdi.no/\n', false],
    ['https://www.imdi.no\u200b/', false],
    ['https://\u202eon.idmi.www/', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['file:///etc/passwd', false],
    ['FILE:///C:/Windows/System32/calc.exe', false],
    ['app://vurder/index.html', false],
    ['blob:https://www.imdi.no/uuid', false],
    ['about:blank', false],
    ['ms-msdt:/id PCWDiagnostic', false],
    ['smb://evil.example/share', false],
    ['//evil.example/path', false],
    ['/relative/path', false],
    ['https://imdi.no@evil.example/', false],
    ['https://user:pass@www.imdi.no/', false],
    ['https://www.imdi.no:8443/', false],
    ['https://127.0.0.1/', false],
    ['https://[::1]/', false],
    ['https://3232235777/', false],
    ['https://localhost/', false],
    ['https://xn--imd-5cd.no/', false],
    ['https://imdі.no/', false],
    ['https://blåbær.no/', false],
    ['https:\\\\evil.example', false],
    ['https:/\\evil.example', false],
    ['https:evil.example', false],
    ['https://', false],
    ['https://-evil.example/', false],
    ['https://evil..example/', false],
    ['https://www.imdi.no/LONG', false],
    ['', false],
    [null, false],
    [undefined, false],
    [42, false],
    [{ toString: () => 'https://www.imdi.no/' }, false],
  ])('%j → %s', (input, expected) => {
    const value = input === 'https://www.imdi.no/LONG' ? `https://www.imdi.no/${'a'.repeat(3000)}` : input;
    expect(isSafeExternalUrl(value)).toBe(expected);
  });
});

describe('isAllowedNavigation', () => {
  it.each([
    [APP_ENTRY_URL, true],
    ['app://vurder/', true],
    ['app://vurder/index.html#/applications/IMDI-1', true],
    ['APP://VURDER/index.html', false],
    ['app://evil/index.html', false],
    ['app://vurder.evil.example/', false],
    ['app://user@vurder/', false],
    ['app://vurder:1234/', false],
    ['https://www.imdi.no/', false],
    ['http://localhost:4317/', false],
    ['file:///tmp/index.html', false],
    ['javascript:alert(1)', false],
    ['data:text/html,hi', false],
    ['about:blank', false],
    ['blob:app://vurder/abc', false],
    ['chrome://settings', false],
    ['devtools://devtools/bundled/inspector.html', false],
    [' app://vurder/', false],
    ['app://vurder/\u0000', false],
    ['', false],
    [undefined, false],
  ])('%j → %s', (input, expected) => {
    expect(isAllowedNavigation(input)).toBe(expected);
  });
});

describe('isTrustedSender', () => {
  it.each([
    [{ url: APP_ENTRY_URL, isMainFrame: true }, true],
    [{ url: 'app://vurder/index.html#/x', isMainFrame: true }, true],
    [{ url: APP_ENTRY_URL, isMainFrame: false }, false],
    [{ url: 'https://evil.example/', isMainFrame: true }, false],
    [{ url: 'file:///tmp/index.html', isMainFrame: true }, false],
    [{ url: 'about:blank', isMainFrame: true }, false],
    [{ url: 'data:text/html,x', isMainFrame: true }, false],
    [{ url: 'app://evil/index.html', isMainFrame: true }, false],
    [{ url: '', isMainFrame: true }, false],
    [{ url: null, isMainFrame: true }, false],
    [{ url: undefined, isMainFrame: true }, false],
    [null, false],
    [undefined, false],
  ])('%j → %s', (frame, expected) => {
    expect(isTrustedSender(frame)).toBe(expected);
  });
});

describe('isAllowedExternalUrl (the link allowlist)', () => {
  it.each([
    ['https://www.imdi.no/tilskudd/kommunale-integreringstiltak/', true],
    ['https://imdi.no/', true],
    ['https://lovdata.no/dokument/NL/lov/2020-11-06-127', true],
    ['https://www.regjeringen.no/no/dokumenter/', true],
    ['HTTPS://WWW.IMDI.NO/', true],
    ['http://www.imdi.no/', false],
    ['https://imdi.no.evil.example/', false],
    ['https://evilimdi.no/', false],
    ['https://imdi.no@evil.example/', false],
    ['https://www.imdi.no:444/', false],
    ['https://example.com/', false],
    ['https://xn--imd-5cd.no/', false],
    ['javascript:alert(1)', false],
    [undefined, false],
  ])('%j → %s', (input, expected) => {
    expect(isAllowedExternalUrl(input)).toBe(expected);
  });

  it('every allowlisted domain is one the external-link check accepts on its own', () => {
    for (const domain of EXTERNAL_LINK_DOMAINS) expect(isSafeExternalUrl(`https://${domain}/`), domain).toBe(true);
  });
});
