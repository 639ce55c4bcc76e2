// The backend facade (plain Node): holds the open workspace and the settings, and is what every IPC
// handler talks to. One instance per app window / CLI run / e2e page.
import type { Assessor } from '../../../shared/assessment/schema';
import { appError } from '../../../shared/errors/format';
import { events as eventSchemas } from '../../../shared/ipc/contract';
import type { Channel, EventName, EventPayloadOf } from '../../../shared/ipc/contract';
import { toOsloIso } from '../../../shared/time/oslo';
import type {
  AppIdentity,
  Clock,
  Dialogs,
  EventSink,
  ExternalLinks,
  RecentWorkspaceEntry,
  Settings,
  SettingsStore,
  StoredSettings,
  WorkspaceHandle,
  WorkspaceServices,
} from './ports';
import type { SigningDeps } from './signing-handlers';
import { createFlushCoordinator } from './close-guard';
import type { FlushCoordinator } from './close-guard';
import { createPathGrants } from './path-grants';
import type { PathGrants } from './path-grants';

/** How many recent workspaces the start screen lists. */
export const RECENT_LIMIT = 10;

export interface BackendDeps {
  settings: SettingsStore;
  dialogs: Dialogs;
  events: EventSink;
  services: WorkspaceServices;
  app: AppIdentity;
  clock?: Clock;
  /** Where the signing identity is kept and how the OS protects it; absent → signing channels refuse. */
  signing?: SigningDeps;
  /** Opens clicked links in the system browser; absent (CLI, browser bridge) → every link is refused. */
  external?: ExternalLinks;
  /** Told about every path accepted without a grant (a drop, or a forged path); the shell logs it. */
  onUngrantedPath?: (channel: Channel, path: string) => void;
}

export interface Backend {
  readonly dialogs: Dialogs;
  readonly events: EventSink;
  readonly services: WorkspaceServices;
  readonly app: AppIdentity;
  readonly signing: SigningDeps | undefined;
  readonly external: ExternalLinks | undefined;
  /** Paths the person chose in a dialog this session (docs/security.md § Paths from the renderer). */
  readonly paths: PathGrants;
  /** Pairs the shell's `app:flush-request` with the renderer's `app:flushed`. */
  readonly flush: FlushCoordinator;
  now(): Date;
  getSettings(): Promise<Settings>;
  updateSettings(patch: Partial<Settings>): Promise<Settings>;
  recentWorkspaces(): Promise<RecentWorkspaceEntry[]>;
  /** The open workspace or null. */
  current(): WorkspaceHandle | null;
  /** The open workspace, or the error "no workspace is open". */
  requireWorkspace(): WorkspaceHandle;
  /** The assessor from the settings, or the error "set who you are first". */
  requireAssessor(): Promise<Assessor>;
  /** Makes `handle` the open workspace and records it first in the recent list. */
  setCurrent(handle: WorkspaceHandle): Promise<void>;
}

function settingsView(stored: StoredSettings): Settings {
  return { language: stored.language, assessor: stored.assessor, firstRunDone: stored.firstRunDone };
}

export function createBackend(deps: BackendDeps): Backend {
  const clock = deps.clock ?? (() => new Date());
  let open: WorkspaceHandle | null = null;
  // Settings writes are serialised so two quick calls (language, then assessor) cannot lose one another.
  let settingsQueue: Promise<unknown> = Promise.resolve();

  function updateStored(change: (stored: StoredSettings) => StoredSettings): Promise<StoredSettings> {
    const next = settingsQueue.then(async () => {
      const updated = change(await deps.settings.read());
      await deps.settings.write(updated);
      return updated;
    });
    settingsQueue = next.catch(() => undefined);
    return next;
  }

  // Events leave main only in the contract's shape: extra fields are stripped, a wrong shape is a bug that
  // fails the call that caused it (one line), never a malformed message to the page.
  const events: EventSink = {
    emit<E extends EventName>(event: E, payload: EventPayloadOf<E>) {
      const parsed = eventSchemas[event].safeParse(payload);
      if (!parsed.success) {
        throw appError('ipc.invalid-response', event, { channel: event, detail: parsed.error.issues[0]?.message ?? 'invalid' });
      }
      deps.events.emit(event, parsed.data as EventPayloadOf<E>);
    },
  };

  return {
    dialogs: deps.dialogs,
    events,
    services: deps.services,
    app: deps.app,
    signing: deps.signing,
    external: deps.external,
    paths: createPathGrants(deps.onUngrantedPath ? { onUngranted: deps.onUngrantedPath } : {}),
    flush: createFlushCoordinator(),
    now: clock,
    async getSettings() {
      return settingsView(await deps.settings.read());
    },
    async updateSettings(patch) {
      const updated = await updateStored((stored) => ({
        ...stored,
        ...(patch.language === undefined ? {} : { language: patch.language }),
        ...(patch.assessor === undefined ? {} : { assessor: patch.assessor }),
        ...(patch.firstRunDone === undefined ? {} : { firstRunDone: patch.firstRunDone }),
      }));
      return settingsView(updated);
    },
    async recentWorkspaces() {
      return (await deps.settings.read()).recentWorkspaces;
    },
    current: () => open,
    requireWorkspace() {
      if (open === null) throw appError('workspace.none-open', undefined);
      return open;
    },
    async requireAssessor() {
      const { assessor } = await deps.settings.read();
      if (assessor === null) throw appError('settings.no-assessor', undefined);
      return assessor;
    },
    async setCurrent(handle) {
      open = handle;
      const openedAt = toOsloIso(clock());
      await updateStored((stored) => ({
        ...stored,
        recentWorkspaces: [
          { dir: handle.dir, openedAt },
          ...stored.recentWorkspaces.filter((entry) => entry.dir !== handle.dir),
        ].slice(0, RECENT_LIMIT),
      }));
    },
  };
}
