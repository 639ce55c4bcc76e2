// The rest of the Electron 45 fake (see fake-electron.ts): session, protocol, ipcMain, safeStorage, shell.
// Each behaviour cites its page under https://www.electronjs.org/docs/latest/api/.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { IpcMainInvokeEvent } from 'electron';
import { Emitter } from './fake-electron';

type PermissionHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
type BeforeRequest = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;
type HeadersReceived = (
  details: { responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders: Record<string, string[]> }) => void,
) => void;

/** session (api/session): the handlers are asked for every request; an unanswered callback is a hang. */
export class FakeSession {
  spellChecker = true;
  private permissionHandler: PermissionHandler | null = null;
  private permissionCheck: (() => boolean) | null = null;
  private deviceCheck: (() => boolean) | null = null;
  private beforeRequest: BeforeRequest | null = null;
  private headersReceived: HeadersReceived | null = null;

  readonly webRequest = {
    onBeforeRequest: (listener: BeforeRequest) => {
      this.beforeRequest = listener;
    },
    onHeadersReceived: (listener: HeadersReceived) => {
      this.headersReceived = listener;
    },
  };

  setPermissionRequestHandler(handler: PermissionHandler): void {
    this.permissionHandler = handler;
  }

  setPermissionCheckHandler(handler: () => boolean): void {
    this.permissionCheck = handler;
  }

  setDevicePermissionHandler(handler: () => boolean): void {
    this.deviceCheck = handler;
  }

  setSpellCheckerEnabled(enabled: boolean): void {
    this.spellChecker = enabled;
  }

  /** session#sessetpermissionrequesthandlerhandler: without a handler Electron grants by default. */
  requestPermission(permission: string): boolean {
    if (this.permissionHandler === null) return true;
    let granted: boolean | undefined;
    this.permissionHandler({}, permission, (answer) => {
      granted = answer;
    });
    if (granted === undefined) throw new Error(`permission ${permission}: the handler never called back`);
    return granted && (this.permissionCheck?.() ?? true) && (this.deviceCheck?.() ?? true);
  }

  /** web-request#webrequestonbeforerequestfilter-listener: `{cancel: true}` cancels the request. */
  request(url: string): 'cancelled' | 'sent' {
    if (this.beforeRequest === null) return 'sent';
    let cancel: boolean | undefined;
    this.beforeRequest({ url }, (response) => {
      cancel = response.cancel;
    });
    if (cancel === undefined) throw new Error(`${url}: onBeforeRequest never called back`);
    return cancel ? 'cancelled' : 'sent';
  }

  /** web-request#webrequestonheadersreceivedfilter-listener: the callback's responseHeaders replace them. */
  responseHeaders(headers: Record<string, string[]>): Record<string, string[]> {
    if (this.headersReceived === null) return headers;
    let result: Record<string, string[]> | undefined;
    this.headersReceived({ responseHeaders: headers }, (response) => {
      result = response.responseHeaders;
    });
    if (result === undefined) throw new Error('onHeadersReceived never called back');
    return result;
  }
}

/** protocol (api/protocol): privileged schemes, and `handle` answering a Request with a Response. */
export class FakeProtocol {
  readonly privileged: Electron.CustomScheme[] = [];
  private readonly handlers = new Map<string, (request: Request) => Response | Promise<Response>>();
  ready = false;

  /** protocol#protocolregisterschemesasprivilegedcustomschemes: "can only be used before the ready event". */
  registerSchemesAsPrivileged(schemes: Electron.CustomScheme[]): void {
    if (this.ready) throw new Error('registerSchemesAsPrivileged can only be used before the app is ready');
    this.privileged.push(...schemes);
  }

  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void {
    if (this.handlers.has(scheme)) throw new Error(`scheme ${scheme} is already handled`);
    this.handlers.set(scheme, handler);
  }

  /** What the renderer's request for `url` gets (protocol#protocolhandlescheme-handler). */
  async fetch(url: string, init?: RequestInit): Promise<Response> {
    const handler = this.handlers.get(new URL(url).protocol.slice(0, -1));
    if (handler === undefined) throw new Error(`no handler for ${url} (net::ERR_UNKNOWN_URL_SCHEME)`);
    return handler(new Request(url, init));
  }
}

type InvokeListener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

/** ipcMain (api/ipc-main): one `handle` per channel; `on` listeners are an EventEmitter's. */
export class FakeIpcMain extends Emitter {
  readonly handlers = new Map<string, InvokeListener>();

  /** ipc-main#ipcmainhandlechannel-listener: a second handler for a channel throws. */
  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** ipcRenderer.invoke from a frame: the sender frame and the window's main frame as Electron reports them. */
  invoke(channel: string, frame: { url: string; isMainFrame: boolean } | null, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (handler === undefined) return Promise.reject(new Error(`No handler registered for '${channel}'`));
    const main = { processId: 4, routingId: 1 };
    const senderFrame = frame === null ? null : { url: frame.url, parent: frame.isMainFrame ? null : main, processId: 4, routingId: frame.isMainFrame ? 1 : 2 };
    return handler({ senderFrame, sender: { mainFrame: main } } as unknown as IpcMainInvokeEvent, ...args);
  }

  /** Whether anything answers `channel` (a handler or `on` listeners). */
  answers(channel: string): boolean {
    return this.handlers.has(channel) || this.listenerCount(channel) > 0;
  }
}

/**
 * What the libraries register when imported/constructed, read from their sources: electron-log 5.4
 * `src/main/index.js` (ipcMain.on + ipcMain.handle '__ELECTRON_LOG__'), electron-store 12 `index.js`
 * (ipcMain.on 'electron-store-get-data').
 */
export function registerLibraryChannels(ipcMain: FakeIpcMain): void {
  ipcMain.on('__ELECTRON_LOG__', () => undefined);
  ipcMain.handle('__ELECTRON_LOG__', async () => ({ levels: [] }));
  ipcMain.on('electron-store-get-data', () => undefined);
}

/**
 * safeStorage (api/safe-storage). Electron 45: "The synchronous API (isEncryptionAvailable/encryptString/
 * decryptString) is deprecated and will be removed in Electron 46"; data the sync API wrote decrypts with
 * decryptStringAsync. On Linux `getSelectedStorageBackend()` is 'basic_text' when no keyring is found
 * (a hard-coded key). Without a usable backend encryption "throws" (here: rejects). Real AES-GCM under a
 * per-instance key stands in for the OS key, so another machine/user (another instance) cannot decrypt.
 */
export class FakeSafeStorage {
  readonly deprecatedCalls: string[] = [];
  private readonly key = randomBytes(32);

  constructor(private readonly options: { available: boolean; backend: 'basic_text' | 'gnome_libsecret' | 'kwallet6' | 'unknown' }) {}

  async isAsyncEncryptionAvailable(): Promise<boolean> {
    return this.options.available;
  }

  getSelectedStorageBackend(): 'basic_text' | 'gnome_libsecret' | 'kwallet6' | 'unknown' {
    return this.options.backend;
  }

  async encryptStringAsync(plain: string): Promise<Buffer> {
    if (!this.options.available) throw new Error('Error while encrypting the text provided to safeStorage.encryptStringAsync.');
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  async decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }> {
    if (!this.options.available) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptStringAsync.');
    const decipher = createDecipheriv('aes-256-gcm', this.key, encrypted.subarray(0, 12));
    decipher.setAuthTag(encrypted.subarray(12, 28));
    return { shouldReEncrypt: false, result: Buffer.concat([decipher.update(encrypted.subarray(28)), decipher.final()]).toString('utf8') };
  }

  /** Deprecated in Electron 45: recorded, and fails the call so a test sees it. */
  isEncryptionAvailable(): boolean {
    return this.deprecated('isEncryptionAvailable');
  }

  encryptString(): Buffer {
    return this.deprecated('encryptString');
  }

  decryptString(): string {
    return this.deprecated('decryptString');
  }

  private deprecated(name: string): never {
    this.deprecatedCalls.push(name);
    throw new Error(`safeStorage.${name} is deprecated in Electron 45 (removed in 46); use the async API`);
  }
}

/** shell (api/shell#shellopenexternalurl-options): records what would reach the system browser. */
export class FakeShell {
  readonly opened: string[] = [];
  fail = false;

  async openExternal(url: string): Promise<void> {
    if (this.fail) throw new Error('Failed to open: no handler');
    this.opened.push(url);
  }
}

/** A ShellLog that keeps the lines, for tests that a refusal was logged. */
export function recordingLog(): { warn(message: string): void; error(message: string): void; lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    warn: (message) => lines.push(`warn ${message}`),
    error: (message) => lines.push(`error ${message}`),
  };
}
