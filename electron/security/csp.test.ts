import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { cspHeader, cspMeta, parseCsp, securityHeaders } from './csp';

describe('Content-Security-Policy', () => {
  it('allows nothing inline, nothing eval, nothing remote', () => {
    const policy = parseCsp(cspHeader());
    expect(policy.get('default-src')).toEqual(["'none'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    for (const [name, sources] of policy) {
      for (const source of sources) {
        expect(source, `${name} ${source}`).not.toMatch(/unsafe|\*|https?:|wss?:|file:/);
      }
    }
  });

  it('is the same policy as the <meta> tag in renderer/index.html', async () => {
    const html = await readFile(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const content = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1];
    expect(content, 'renderer/index.html has a CSP meta tag').toBeDefined();
    expect(parseCsp(content ?? '')).toEqual(parseCsp(cspMeta()));
  });

  it('sends nosniff and isolation headers with every app response', () => {
    expect(securityHeaders()).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Content-Security-Policy': cspHeader(),
    });
  });
});
