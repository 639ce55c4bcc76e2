import { describe, expect, expectTypeOf, it } from 'vitest';
import type { Channel, IpcResult, RequestArgs, ResponseOf, VurderApi } from './contract';
import { CHANNELS, EVENTS, channels, isChannel, isEventName, resultSchemaOf } from './contract';
import type { z } from 'zod';
import type { Evaluation } from '../rules/types';
import { absolutePathSchema, settingsPatchSchema } from './schemas';
import type { evaluationSchema } from './schemas';

describe('IPC contract', () => {
  it('names every channel and event domain:verb', () => {
    for (const name of [...CHANNELS, ...EVENTS]) {
      expect(name).toMatch(/^[a-z]+:[a-z]+(-[a-z]+)*$/);
    }
  });

  it('has no name that is both a channel and an event', () => {
    expect(CHANNELS.filter((name) => (EVENTS as string[]).includes(name))).toEqual([]);
  });

  it('recognises only own channel names (no prototype keys)', () => {
    expect(isChannel('workspace:open')).toBe(true);
    expect(isChannel('toString')).toBe(false);
    expect(isChannel('__proto__')).toBe(false);
    expect(isChannel('constructor')).toBe(false);
    expect(isChannel(42)).toBe(false);
    expect(isEventName('import:progress')).toBe(true);
    expect(isEventName('workspace:open')).toBe(false);
  });

  it('accepts no argument for channels without a request and refuses one', () => {
    expect(channels['app:info'].request.safeParse(undefined).success).toBe(true);
    expect(channels['app:info'].request.safeParse({ x: 1 }).success).toBe(false);
  });

  it('refuses unknown keys in requests', () => {
    expect(channels['workspace:open'].request.safeParse({ dir: '/tmp/ws', extra: true }).success).toBe(false);
    expect(settingsPatchSchema.safeParse({ language: 'nb', evil: 1 }).success).toBe(false);
  });

  it.each([
    ['/home/a/ws', true],
    ['C:\\Users\\a\\ws', true],
    ['c:/Users/a/ws', true],
    ['\\\\server\\share\\ws', true],
    ['relative/ws', false],
    ['./ws', false],
    ['', false],
    ['/tmp/a\0b', false],
    ['file:///tmp/ws', false],
  ])('absolute path %j → %s', (value, expected) => {
    expect(absolutePathSchema.safeParse(value).success).toBe(expected);
  });

  it('refuses a reopen without a reason and an import without paths', () => {
    expect(channels['assessment:reopen'].request.safeParse({ applicationId: 'A-1', reason: '   ' }).success).toBe(false);
    expect(channels['import:packages'].request.safeParse({ paths: [] }).success).toBe(false);
  });

  it('refuses an application id that could walk out of the store', () => {
    expect(channels['applications:get'].request.safeParse({ applicationId: '../x' }).success).toBe(false);
    expect(channels['applications:get'].request.safeParse({ applicationId: 'IMDI-2021-001' }).success).toBe(true);
  });

  it('checks the envelope of an answer', () => {
    const schema = resultSchemaOf('workspace:current');
    expect(schema.safeParse({ ok: true, value: null }).success).toBe(true);
    expect(schema.safeParse({ ok: false, error: { code: 'workspace.none', message: 'No workspace' } }).success).toBe(true);
    expect(schema.safeParse({ ok: false, error: { message: 'no code' } }).success).toBe(false);
    expect(schema.safeParse({ ok: true }).success).toBe(false);
  });

  it('carries document bytes as a Uint8Array', () => {
    const response = channels['documents:read'].response;
    const bytes = new TextEncoder().encode('%PDF-1.7');
    const sha256 = 'a'.repeat(64);
    expect(response.safeParse({ path: 'a.pdf', mediaType: 'application/pdf', sha256, bytes }).success).toBe(true);
    expect(response.safeParse({ path: 'a.pdf', mediaType: 'application/pdf', sha256, bytes: [37, 80] }).success).toBe(false);
  });
});

describe('VurderApi types', () => {
  it('derives request and response types from the contract (checked by tsc)', () => {
    type Invoke<C extends Channel> = (channel: C, ...args: RequestArgs<C>) => Promise<IpcResult<C>>;
    expectTypeOf<VurderApi['invoke']>().toExtend<Invoke<'app:info'>>();
    expectTypeOf<RequestArgs<'app:info'>>().toEqualTypeOf<[request?: undefined]>();
    expectTypeOf<RequestArgs<'workspace:open'>>().toEqualTypeOf<[request: { dir: string }]>();
    expectTypeOf<ResponseOf<'workspace:recent'>>().toEqualTypeOf<{ dir: string; openedAt: string; exists: boolean }[]>();
    expectTypeOf<RequestArgs<'workspace:open'>>().not.toEqualTypeOf<[request?: undefined]>();
    // The rules engine's Evaluation fits the contract's view of it, so the backend passes it through unchanged.
    expectTypeOf<Evaluation>().toExtend<z.input<typeof evaluationSchema>>();
  });
});
