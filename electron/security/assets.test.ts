import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mimeTypeOf, resolveAppAsset } from './assets';

const root = join('/opt', 'vurder', 'dist', 'renderer');

describe('resolveAppAsset', () => {
  it.each([
    ['app://vurder/', join(root, 'index.html')],
    ['app://vurder/index.html', join(root, 'index.html')],
    ['app://vurder/assets/index-abc123.js', join(root, 'assets', 'index-abc123.js')],
    ['app://vurder/assets/inter%20latin.woff2', join(root, 'assets', 'inter latin.woff2')],
    ['app://vurder/index.html?x=1#/list', join(root, 'index.html')],
    ['app://vurder/../secret', join(root, 'secret')],
    // The URL parser resolves encoded dots before we see the path: it stays inside root all the same.
    ['app://vurder/%2e%2e/%2e%2e/etc/passwd', join(root, 'etc', 'passwd')],
    ['app://vurder/assets/..%2f..%2fetc/passwd', null],
    ['app://vurder/assets/%2e%2e%5c..%5cwindows', null],
    ['app://vurder/assets/..\\..\\windows', null],
    ['app://vurder/C:/Windows/win.ini', null],
    ['app://vurder/assets/%00.js', null],
    ['app://vurder/.env', null],
    ['app://vurder//etc/passwd', null],
    ['app://vurder/%E0%A4%A', null],
    ['app://evil/index.html', null],
    ['app://user@vurder/index.html', null],
    ['file:///etc/passwd', null],
    ['https://vurder/index.html', null],
    ['not a url', null],
  ])('%s → %s', (url, expected) => {
    expect(resolveAppAsset(url, root)).toBe(expected);
  });

  it('gives module scripts a JavaScript type (Chromium refuses modules otherwise)', () => {
    expect(mimeTypeOf('a/index-1.js')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('a/x.MJS')).toBe('text/javascript; charset=utf-8');
    expect(mimeTypeOf('a/unknown.bin')).toBe('application/octet-stream');
  });
});
