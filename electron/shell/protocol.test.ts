// protocol.ts with the protocol fake: the handler gets real Request objects and must answer real Responses.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cspHeader } from '../security/csp';
import { FakeProtocol, recordingLog } from '../../test/electron/fake-electron-services';
import { registerAppScheme, serveRenderer } from './protocol';

let root: string;
const protocol = new FakeProtocol();
const log = recordingLog();

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'vurder-protocol-'));
  await mkdir(join(root, 'renderer', 'assets'), { recursive: true });
  await writeFile(join(root, 'renderer', 'index.html'), '<!doctype html><title>Vurder</title>');
  await writeFile(join(root, 'renderer', 'assets', 'index-1.js'), 'export {};');
  await writeFile(join(root, 'secret.txt'), 'outside the renderer');
  registerAppScheme(protocol);
  protocol.ready = true;
  serveRenderer(protocol, join(root, 'renderer'), log);
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('app:// scheme', () => {
  it('is registered before ready as a standard, secure scheme with fetch', () => {
    expect(protocol.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
    expect(() => registerAppScheme(protocol)).toThrow(/before the app is ready/);
  });

  it('serves index.html for / and assets with their type, with the CSP and nosniff on every answer', async () => {
    const index = await protocol.fetch('app://vurder/');
    expect(index.status).toBe(200);
    expect(await index.text()).toContain('<title>Vurder</title>');
    expect(index.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(index.headers.get('content-security-policy')).toBe(cspHeader());
    const script = await protocol.fetch('app://vurder/assets/index-1.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it.each([
    ['app://vurder/..%2fsecret.txt', 'GET'],
    ['app://evil/index.html', 'GET'],
    ['app://vurder/index.html', 'POST'],
  ])('refuses %s (%s) with a 404 that still carries the CSP, and logs it', async (url, method) => {
    const response = await protocol.fetch(url, { method });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-security-policy')).toBe(cspHeader());
    expect(log.lines.at(-1)).toBe(`warn app:// refused: ${method} ${url}`);
  });

  it('answers 404 for a file that is not there, naming it in the log', async () => {
    const response = await protocol.fetch('app://vurder/assets/missing.js');
    expect(response.status).toBe(404);
    expect(log.lines.at(-1)).toContain(`app:// missing file ${join(root, 'renderer', 'assets', 'missing.js')}`);
  });
});
