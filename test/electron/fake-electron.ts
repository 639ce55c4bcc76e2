// A fake of the Electron 45 objects the shell uses, for testing electron/shell/ without the binary (it
// cannot be downloaded here). It is not a mock of the shell: it plays Electron's documented behaviour —
// event order, what preventDefault stops, what a deny answer means — and each behaviour cites its doc page.
// Only the parts the shell touches exist; calling anything else is a TypeError, on purpose.
// Doc pages are under https://www.electronjs.org/docs/latest/api/ (the Electron 45 docs).
type Listener = (...args: never[]) => unknown;

/** Electron's main-process Event: `preventDefault()` and `defaultPrevented` (api/structures/event). */
export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

/** Node's EventEmitter semantics (listeners in registration order, `once` removed after one call). */
export class Emitter {
  private readonly listeners = new Map<string, { listener: Listener; once: boolean }[]>();

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), { listener, once: false }]);
    return this;
  }

  once(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), { listener, once: true }]);
    return this;
  }

  removeAllListeners(event: string): this {
    this.listeners.delete(event);
    return this;
  }

  listenerCount(event: string): number {
    return this.listeners.get(event)?.length ?? 0;
  }

  emit(event: string, ...args: unknown[]): void {
    for (const entry of this.listeners.get(event) ?? []) {
      if (entry.once) this.listeners.set(event, (this.listeners.get(event) ?? []).filter((other) => other !== entry));
      (entry.listener as (...args: unknown[]) => unknown)(...args);
    }
  }
}

export interface NavigationOutcome {
  /** The events emitted, in order. */
  fired: string[];
  navigated: boolean;
}

/** webContents (api/web-contents): navigation events, window.open, input events, send. */
export class FakeWebContents extends Emitter {
  readonly sent: { channel: string; args: unknown[] }[] = [];
  url = 'app://vurder/index.html';
  destroyed = false;
  crashed = false;
  private windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;

  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void {
    this.windowOpenHandler = handler;
  }

  /**
   * A document navigation started by the page or a click (`https://www.electronjs.org/docs/latest/api/web-contents#navigation-events`):
   * did-start-navigation, will-frame-navigate (every frame, main frame included), will-navigate (main frame
   * only), will-redirect (only on a redirect), did-frame-navigate, did-navigate (main frame only).
   * "Subsequent events will not fire if event.preventDefault() is called on any of the cancellable events."
   * will-frame-navigate gets one details-event (url, isMainFrame); will-navigate and will-redirect get
   * (event, url).
   */
  navigate(url: string, options: { isMainFrame?: boolean; redirectTo?: string } = {}): NavigationOutcome {
    const isMainFrame = options.isMainFrame ?? true;
    const fired: string[] = [];
    const cancellable = (name: string, event: FakeEvent, ...args: unknown[]): boolean => {
      fired.push(name);
      this.emit(name, event, ...args);
      return event.defaultPrevented;
    };
    fired.push('did-start-navigation');
    this.emit('did-start-navigation', new FakeEvent(), url, false, isMainFrame);
    const frameEvent = Object.assign(new FakeEvent(), { url, isMainFrame, isSameDocument: false, frame: null });
    fired.push('will-frame-navigate');
    this.emit('will-frame-navigate', frameEvent);
    if (frameEvent.defaultPrevented) return { fired, navigated: false };
    if (isMainFrame && cancellable('will-navigate', Object.assign(new FakeEvent(), { url }), url)) return { fired, navigated: false };
    let target = url;
    if (options.redirectTo !== undefined) {
      if (cancellable('will-redirect', Object.assign(new FakeEvent(), { url: options.redirectTo }), options.redirectTo)) return { fired, navigated: false };
      fired.push('did-redirect-navigation');
      target = options.redirectTo;
    }
    fired.push('did-frame-navigate');
    if (isMainFrame) {
      fired.push('did-navigate');
      this.url = target;
    }
    return { fired, navigated: true };
  }

  /**
   * window.open / target=_blank (`https://www.electronjs.org/docs/latest/api/window-open` and web-contents#contentssetwindowopenhandlerhandler):
   * the handler is asked first; `{action: 'deny'}` means no window is made (window.open returns null).
   * Without a handler a new window would be created.
   */
  windowOpen(url: string): 'denied' | 'new-window' {
    if (this.windowOpenHandler === null) return 'new-window';
    return this.windowOpenHandler({ url }).action === 'deny' ? 'denied' : 'new-window';
  }

  /** A real mouse event in the page (web-contents#event-before-mouse-event, MouseInputEvent). */
  mouse(type: 'mouseDown' | 'mouseUp' | 'mouseMove', button: 'left' | 'middle' | 'right' = 'left'): void {
    this.emit('before-mouse-event', new FakeEvent(), { type, button, x: 10, y: 10 });
  }

  /** A real key event (web-contents#event-before-input-event, Input). */
  key(type: 'keyDown' | 'keyUp', key: string): void {
    this.emit('before-input-event', new FakeEvent(), { type, key, code: key, isAutoRepeat: false });
  }

  /** `<webview>` attach (web-contents#event-will-attach-webview): prevented → not attached. */
  attachWebview(): boolean {
    const event = new FakeEvent();
    this.emit('will-attach-webview', event, {}, {});
    return !event.defaultPrevented;
  }

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isCrashed(): boolean {
    return this.crashed;
  }
}

/** app (api/app): web-contents-created, and the quit sequence. */
export class FakeApp extends Emitter {
  readonly windows = new Set<FakeBrowserWindow>();
  quitCount = 0;
  state: 'running' | 'quit' = 'running';
  readonly fired: string[] = [];

  createWebContents(): FakeWebContents {
    const contents = new FakeWebContents();
    this.emit('web-contents-created', new FakeEvent(), contents);
    return contents;
  }

  /**
   * `https://www.electronjs.org/docs/latest/api/app#appquit`: "Try to close all windows. The before-quit event will be emitted first. If all
   * windows are successfully closed, the will-quit event will be emitted and by default the application
   * will terminate." `before-quit` prevented → nothing closes (app#event-before-quit); a window whose
   * `close` is prevented stays open and the quit is cancelled (browser-window#event-close).
   */
  quit(): void {
    this.quitCount += 1;
    const before = new FakeEvent();
    this.fired.push('before-quit');
    this.emit('before-quit', before);
    if (before.defaultPrevented) return;
    for (const window of [...this.windows]) {
      if (!window.close()) return;
    }
    const willQuit = new FakeEvent();
    this.fired.push('will-quit');
    this.emit('will-quit', willQuit);
    if (!willQuit.defaultPrevented) this.state = 'quit';
  }
}

let nextId = 1;

/** BrowserWindow (api/browser-window). */
export class FakeBrowserWindow extends Emitter {
  readonly id = nextId++;
  readonly webContents = new FakeWebContents();
  destroyed = false;
  maximized = false;
  minimized = false;
  fullScreen = false;
  visible = false;
  loaded: string[] = [];
  bounds = { x: 0, y: 0, width: 0, height: 0 };

  constructor(
    readonly options: Electron.BrowserWindowConstructorOptions,
    private readonly app?: FakeApp,
  ) {
    super();
    this.bounds = { x: options.x ?? 100, y: options.y ?? 100, width: options.width ?? 800, height: options.height ?? 600 };
    app?.windows.add(this);
  }

  /**
   * browser-window#winclose: "Try to close the window… the web page may cancel the close"; #event-close:
   * "Calling event.preventDefault() will cancel the close." Not prevented → destroyed, then `closed`.
   * Returns whether the window closed.
   */
  close(): boolean {
    if (this.destroyed) return true;
    const event = new FakeEvent();
    this.app?.fired.push(`close:${this.id}`);
    this.emit('close', event);
    if (event.defaultPrevented) return false;
    this.destroyed = true;
    this.webContents.destroyed = true;
    this.app?.windows.delete(this);
    this.emit('closed');
    return true;
  }

  /** browser-window#event-ready-to-show: emitted once the renderer has painted. */
  readyToShow(): void {
    this.emit('ready-to-show');
  }

  resizeTo(width: number, height: number): void {
    this.bounds = { ...this.bounds, width, height };
    this.emit('resized');
  }

  maximize(): void {
    this.maximized = true;
  }

  show(): void {
    this.visible = true;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  isMinimized(): boolean {
    return this.minimized;
  }

  isFullScreen(): boolean {
    return this.fullScreen;
  }

  isMaximized(): boolean {
    return this.maximized;
  }

  getNormalBounds(): Electron.Rectangle {
    return this.bounds;
  }

  async loadURL(url: string): Promise<void> {
    this.loaded.push(url);
  }
}

/** A BrowserWindow constructor bound to a FakeApp, plus every window it made. */
export function fakeBrowserWindowClass(app?: FakeApp): { BrowserWindow: new (options: Electron.BrowserWindowConstructorOptions) => FakeBrowserWindow; made: FakeBrowserWindow[] } {
  const made: FakeBrowserWindow[] = [];
  class BoundWindow extends FakeBrowserWindow {
    constructor(options: Electron.BrowserWindowConstructorOptions) {
      super(options, app);
      made.push(this);
    }
  }
  return { BrowserWindow: BoundWindow, made };
}
