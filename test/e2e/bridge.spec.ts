// The browser bridge itself: window.api in Chromium has the preload's shape and reaches the real services.
// A blank routed page stands in for the renderer, so this test does not depend on the UI.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CHANNELS } from '../../shared/ipc/contract';
import type { VurderApi } from '../../shared/ipc/contract';
import { expect, test } from './bridge';
import { fixture } from './support';

/** The page's window as the bridge makes it (a type only: page functions cannot close over values). */
type Bridged = { api: VurderApi };

const PAGE = 'http://127.0.0.1:4318/__bridge-test__';

test.use({ bridgeOptions: { settings: { assessor: { id: 'kari-nordmann', name: 'Kari Nordmann' } }, dropRoot: '/srv/drop' } });

test.beforeEach(async ({ page }) => {
  await page.route(PAGE, (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bridge</title>' }));
  await page.goto(PAGE);
});

test('window.api has exactly the preload shape and cannot be replaced', async ({ page }) => {
  const shape = await page.evaluate(() => {
    const api = (window as unknown as { api: Record<string, unknown> }).api;
    const before = api;
    try {
      (window as unknown as { api: unknown }).api = { invoke: () => 'hijacked' };
    } catch {
      // Strict-mode pages throw on the write; either way the api must stay.
    }
    return {
      keys: Object.keys(api).sort(),
      frozen: Object.isFrozen(api),
      same: (window as unknown as { api: unknown }).api === before,
    };
  });
  expect(shape).toEqual({ keys: ['getPathForFile', 'invoke', 'on'], frozen: true, same: true });
});

test('one binding per contract channel reaches the real handlers', async ({ page }) => {
  const bindings = await page.evaluate(() => Object.keys(window).filter((key) => key.startsWith('__vurder_')).length);
  expect(bindings).toBe(CHANNELS.length);
  const info = await page.evaluate(() => (window as unknown as Bridged).api.invoke('app:info'));
  expect(info).toMatchObject({ ok: true, value: { name: 'Vurder', transport: 'browser-bridge' } });
  const settings = await page.evaluate(() => (window as unknown as Bridged).api.invoke('settings:get'));
  expect(settings).toMatchObject({ ok: true, value: { assessor: { id: 'kari-nordmann' } } });
  const unknown = await page.evaluate(() => ((window as unknown as Bridged).api.invoke as (channel: string) => Promise<unknown>)('fs:delete-everything'));
  expect(unknown).toMatchObject({ ok: false, error: { code: 'ipc.unknown-channel' } });
  const invalid = await page.evaluate(() => (window as unknown as Bridged).api.invoke('workspace:open', { dir: 'relative' }));
  expect(invalid).toMatchObject({ ok: false, error: { code: 'ipc.invalid-request' } });
});

test('events reach subscribers until they unsubscribe; bytes arrive as a Uint8Array', async ({ page, bridge }) => {
  const dir = join(bridge.root, 'ws');
  // Main accepts a folder to create a workspace in only when a dialog returned it (docs/security.md).
  bridge.dialogs.answerDirectory(dir);
  await page.evaluate(async (workspaceDir) => {
    const api = (window as unknown as Bridged).api;
    await api.invoke('dialog:choose-directory', { purpose: 'create-workspace' });
    return api.invoke('workspace:create', { dir: workspaceDir });
  }, dir);
  await page.evaluate(() => {
    const seen: unknown[] = [];
    (window as unknown as { seen: unknown[] }).seen = seen;
    const off = (window as unknown as Bridged).api.on('import:progress', (payload) => {
      seen.push(payload);
      if (seen.length === 2) off();
    });
  });
  const hostile = join(bridge.root, 'hostile');
  await mkdir(hostile, { recursive: true });
  await writeFile(join(hostile, 'x.txt'), 'no manifest');
  const result = await page.evaluate(
    (paths) => (window as unknown as Bridged).api.invoke('import:packages', { paths }),
    [fixture('so1-asker-eligible'), hostile],
  );
  expect(result.ok && result.value.results.map((entry) => entry.status)).toEqual(['imported', 'refused']);
  // Four events were emitted; the listener unsubscribed after two.
  await expect.poll(() => bridge.emitted.length).toBe(4);
  const seen = await page.evaluate(() => (window as unknown as { seen: { phase: string }[] }).seen.map((event) => event.phase));
  expect(seen).toEqual(['started', 'done']);

  const applicationId = result.ok ? (result.value.results[0]?.applicationId ?? '') : '';
  const doc = await page.evaluate(async (id) => {
    const detail = await (window as unknown as Bridged).api.invoke('applications:get', { applicationId: id });
    const pdf = detail.ok ? detail.value.files.find((file) => file.mediaType === 'application/pdf') : undefined;
    const read = await (window as unknown as Bridged).api.invoke('documents:read', { applicationId: id, path: pdf?.path ?? '' });
    return read.ok
      ? { isBytes: read.value.bytes instanceof Uint8Array, head: String.fromCharCode(...read.value.bytes.slice(0, 5)), size: read.value.bytes.length, expected: pdf?.size }
      : read.error;
  }, applicationId);
  expect(doc).toMatchObject({ isBytes: true, head: '%PDF-' });
  expect((doc as { size: number }).size).toBe((doc as { expected: number }).expected);
  expect(bridge.eventErrors).toEqual([]);
});

test('getPathForFile answers from the drop root; scripted dialogs answer in order, then cancel', async ({ page, bridge }) => {
  const path = await page.evaluate(() => (window as unknown as Bridged).api.getPathForFile(new File(['x'], 'pakke.zip')));
  expect(path).toBe('/srv/drop/pakke.zip');
  bridge.dialogs.answerDirectory('/srv/ws');
  const first = await page.evaluate(() => (window as unknown as Bridged).api.invoke('dialog:choose-directory', { purpose: 'create-workspace' }));
  const second = await page.evaluate(() => (window as unknown as Bridged).api.invoke('dialog:choose-directory', { purpose: 'open-workspace' }));
  expect([first, second]).toEqual([
    { ok: true, value: '/srv/ws' },
    { ok: true, value: null },
  ]);
  expect(bridge.dialogs.opened).toEqual(['create-workspace', 'open-workspace']);
});
