// The renderer's only way to the disk: typed calls over window.api that unwrap the result envelope.
// A failure becomes an ApiError whose message is the one line main wrote for a person (naming the file).
import type { AppError } from '../../../shared/result';
import type { Channel, EventName, EventPayloadOf, RequestArgs, ResponseOf, Unsubscribe, VurderApi } from '../../../shared/ipc/contract';

declare global {
  interface Window {
    api?: VurderApi;
  }
}

export class ApiError extends Error {
  readonly code: string;
  readonly localized: { nb: string; en: string } | undefined;
  constructor(error: AppError) {
    super(error.message);
    this.name = 'ApiError';
    this.code = error.code;
    this.localized = error.localized;
  }
}

function api(): VurderApi {
  if (!window.api) {
    throw new ApiError({
      code: 'api.missing',
      message: 'window.api is missing: start Vurder through Electron or `npm run preview:chromium`.',
    });
  }
  return window.api;
}

/** Calls one channel; resolves to the value or throws ApiError. */
export async function call<C extends Channel>(channel: C, ...args: RequestArgs<C>): Promise<ResponseOf<C>> {
  const result = await api().invoke(channel, ...args);
  if (result.ok) return result.value;
  throw new ApiError(result.error);
}

export function subscribe<E extends EventName>(event: E, listener: (payload: EventPayloadOf<E>) => void): Unsubscribe {
  if (!window.api) return () => undefined;
  return window.api.on(event, listener);
}

export function pathOfDroppedFile(file: File): string {
  return window.api ? window.api.getPathForFile(file) : '';
}

/** The paths of everything dropped (files or folders); those the shell could not resolve are left out. */
export function pathsOfDrop(files: FileList): string[] {
  return Array.from(files)
    .map((file) => pathOfDroppedFile(file))
    .filter((path) => path !== '');
}

/** The message to show for any failure, in the UI language when main gave both. */
export function messageOf(reason: unknown, language: string): string {
  if (reason instanceof ApiError) return (language === 'en' ? reason.localized?.en : reason.localized?.nb) ?? reason.message;
  if (reason instanceof Error) return reason.message;
  return String(reason);
}
