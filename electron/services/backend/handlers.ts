// One typed handler per IPC channel (docs/ipc.md). Each validates the request with the contract's zod
// schema, calls the backend, validates the response, and turns every failure into {ok:false, error} with a
// one-line message. The Electron shell and the browser bridge call these same functions.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Channel, IpcResult, ResponseOf } from '../../../shared/ipc/contract';
import { CHANNELS, channels, isChannel } from '../../../shared/ipc/contract';
import type { AppError } from '../../../shared/result';
import { appError } from '../../../shared/errors/format';
import { EXTERNAL_LINK_DOMAINS } from '../../security/urls';
import type { Backend } from './backend';
import { toAppError, zodDetail } from './errors';
import { auditKeyProvider, signingImplementations } from './signing-handlers';
import { panelImplementations } from './panel-handlers';

type RequestOut<C extends Channel> = z.output<(typeof channels)[C]['request']>;
type Implementation<C extends Channel> = (request: RequestOut<C>) => Promise<ResponseOf<C>>;
type Implementations = { [C in Channel]: Implementation<C> };

export type IpcHandler<C extends Channel> = (request: unknown) => Promise<IpcResult<C>>;
export type IpcHandlers = { [C in Channel]: IpcHandler<C> };

function implementations(backend: Backend): Implementations {
  function granted<T extends string | null | string[]>(chosen: T): T {
    backend.paths.grant(chosen);
    return chosen;
  }
  return {
    'app:info': async () => backend.app,
    'app:flushed': async ({ requestId }) => {
      backend.flush.acknowledge(requestId);
      return null;
    },
    'app:open-external': async ({ url }) => {
      // The policy (allowlist, a real click just before) is the shell's; without a shell nothing opens.
      const opened = backend.external ? await backend.external.openFromRenderer(url) : false;
      if (!opened) throw appError('app.external-refused', undefined, { url: url.slice(0, 200), hosts: EXTERNAL_LINK_DOMAINS.join(', ') });
      return null;
    },

    'settings:get': () => backend.getSettings(),
    'settings:set': (patch) => backend.updateSettings(patch),

    'workspace:create': async ({ dir, schemeId }) => {
      backend.paths.require('workspace:create', dir, 'granted-only');
      const handle = await backend.services.createWorkspace(dir, schemeId, auditKeyProvider(backend));
      await backend.setCurrent(handle);
      return handle.summary();
    },
    'workspace:open': async ({ dir }) => {
      // A recent workspace was chosen in a dialog once (the backend alone writes that list).
      const recent = (await backend.recentWorkspaces()).map((entry) => entry.dir);
      backend.paths.require('workspace:open', dir, 'granted-only', recent);
      const handle = await backend.services.openWorkspace(dir, (await backend.getSettings()).assessor, auditKeyProvider(backend));
      await backend.setCurrent(handle);
      return handle.summary();
    },
    'workspace:recent': async () => {
      const recent = await backend.recentWorkspaces();
      return Promise.all(
        recent.map(async (entry) => ({ ...entry, exists: await backend.services.directoryExists(entry.dir) })),
      );
    },
    'workspace:current': async () => {
      const handle = backend.current();
      return handle === null ? null : handle.summary();
    },

    // What a dialog returns is the person's choice: it is granted for the path-taking channels.
    'dialog:choose-directory': async ({ purpose }) => granted(await backend.dialogs.chooseDirectory(purpose)),
    'dialog:choose-packages': async () => granted(await backend.dialogs.choosePackages()),
    'dialog:choose-files': async ({ purpose }) => granted(await backend.dialogs.chooseFiles(purpose)),
    'dialog:choose-save-path': async ({ purpose, defaultName }) => granted(await backend.dialogs.chooseSavePath(purpose, defaultName)),

    'import:packages': async ({ paths }) => {
      const workspace = backend.requireWorkspace();
      // Dropped packages cannot be granted (the drop happens in the renderer): accepted and reported.
      for (const path of paths) backend.paths.require('import:packages', path, 'dropped-allowed');
      const importId = randomUUID();
      const results = await workspace.importPackages(paths, (step) => {
        backend.events.emit('import:progress', { importId, ...step });
      });
      return { importId, results };
    },

    'applications:list': async () => backend.requireWorkspace().listApplications((await backend.getSettings()).assessor),
    'applications:summary': async ({ applicationId }) =>
      backend.requireWorkspace().applicationSummary(applicationId, (await backend.getSettings()).assessor),
    'applications:get': async ({ applicationId }) =>
      backend.requireWorkspace().getApplication(applicationId, (await backend.getSettings()).assessor),

    'documents:read': ({ applicationId, path }) => backend.requireWorkspace().readDocument(applicationId, path),

    'assessment:get': async ({ applicationId }) => {
      const workspace = backend.requireWorkspace();
      const { assessment, recovered } = await workspace.getAssessment(applicationId, await backend.requireAssessor());
      if (recovered !== undefined) backend.events.emit('assessment:recovered', { applicationId, ...recovered });
      return assessment;
    },
    'impartiality:round-get': async () => backend.requireWorkspace().roundDeclaration(await backend.requireAssessor()),
    'impartiality:round-declare': async ({ applicationIds }) =>
      backend.requireWorkspace().declareRound(await backend.requireAssessor(), applicationIds),
    'assessment:save': async ({ assessment }) => {
      const workspace = backend.requireWorkspace();
      const assessor = await backend.requireAssessor();
      // An assessor saves only their own assessment; the renderer cannot write in another's name.
      if (assessment.assessor.id !== assessor.id) {
        throw appError('ipc.invalid-request', 'assessment.assessor', {
          channel: 'assessment:save',
          detail: `assessor "${assessment.assessor.id}" is not the current assessor "${assessor.id}"`,
        });
      }
      return workspace.saveAssessment(assessment);
    },
    'assessment:finalise': async ({ applicationId }) => {
      const workspace = backend.requireWorkspace();
      return workspace.finaliseAssessment(applicationId, await backend.requireAssessor());
    },
    'assessment:reopen': async ({ applicationId, reason }) => {
      const workspace = backend.requireWorkspace();
      return workspace.reopenAssessment(applicationId, await backend.requireAssessor(), reason.trim());
    },

    'audit:verify': () => backend.requireWorkspace().verifyAudit(),

    'demo:create': async ({ dir }) => {
      backend.paths.require('demo:create', dir, 'granted-only');
      const handle = await backend.services.createDemo(dir, auditKeyProvider(backend));
      await backend.setCurrent(handle);
      return handle.summary();
    },

    ...signingImplementations(backend),
    ...panelImplementations(backend),
  };
}

function wrap<C extends Channel>(name: C, implementation: Implementation<C>): IpcHandler<C> {
  const { request: requestSchema, response: responseSchema } = channels[name];
  return async (request) => {
    const parsedRequest = requestSchema.safeParse(request);
    if (!parsedRequest.success) {
      return { ok: false, error: toAppError(appError('ipc.invalid-request', name, { channel: name, detail: zodDetail(parsedRequest.error) })) };
    }
    let value: unknown;
    try {
      value = await implementation(parsedRequest.data as RequestOut<C>);
    } catch (thrown) {
      return { ok: false, error: toAppError(thrown) };
    }
    const parsedResponse = responseSchema.safeParse(value);
    if (!parsedResponse.success) {
      // A service answered with a shape the contract does not allow: a bug, reported as one line.
      return { ok: false, error: toAppError(appError('ipc.invalid-response', name, { channel: name, detail: zodDetail(parsedResponse.error) })) };
    }
    return { ok: true, value: parsedResponse.data as ResponseOf<C> };
  };
}

export function createIpcHandlers(backend: Backend): IpcHandlers {
  const table = implementations(backend);
  const handlers: Partial<Record<Channel, IpcHandler<Channel>>> = {};
  for (const name of CHANNELS) {
    handlers[name] = wrap(name, table[name] as Implementation<Channel>) as IpcHandler<Channel>;
  }
  return handlers as IpcHandlers;
}

/** Calls the handler of a channel given as an untrusted string (the transports use this). */
export async function dispatch(handlers: IpcHandlers, name: unknown, request: unknown): Promise<IpcResult<Channel> | { ok: false; error: AppError }> {
  if (!isChannel(name)) {
    return { ok: false, error: toAppError(appError('ipc.unknown-channel', undefined, { channel: String(name).slice(0, 64) })) };
  }
  const handler = handlers[name] as IpcHandler<Channel>;
  return handler(request);
}
