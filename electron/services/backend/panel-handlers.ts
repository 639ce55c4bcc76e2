// Handlers of the panel lead's channels ('panel:*', 'trust:add', 'trust:remove'); handlers.ts spreads these in.
// The panel services (electron/services/panel/) do the work; this file only maps requests and views and
// applies the same path policy as every other path-taking channel (docs/security.md § Paths from the renderer).
import { basename } from 'node:path';
import type { z } from 'zod';
import type { Channel, ResponseOf } from '../../../shared/ipc/contract';
import type { channels } from '../../../shared/ipc/contract';
import type { panelChannels } from '../../../shared/ipc/panel-schemas';
import { appError } from '../../../shared/errors/format';
import { addTrustedCertificate, removeTrustedCertificate } from '../trust/trust-list';
import type { Backend } from './backend';
import { auditKeyProvider } from './signing-handlers';

export type PanelChannel = keyof typeof panelChannels;
type Implementation<C extends Channel> = (request: z.output<(typeof channels)[C]['request']>) => Promise<ResponseOf<C>>;
export type PanelImplementations = { [C in PanelChannel]: Implementation<C> };

/** Who the audit log names for the lead's decisions: the name in the settings, else "panel lead". */
async function leadName(backend: Backend): Promise<string> {
  return (await backend.getSettings()).assessor?.name ?? 'panelleder';
}

function requirePanel(backend: Backend) {
  const handle = backend.requireWorkspace();
  const panel = handle.panel();
  if (panel === null) throw appError('panel.not-panel', handle.dir);
  return panel;
}

export function panelImplementations(backend: Backend): PanelImplementations {
  return {
    'panel:create': async ({ dir, schemeId, assessorsPerApplication }) => {
      backend.paths.require('panel:create', dir, 'granted-only');
      const handle = await backend.services.createPanel(dir, { schemeId, assessorsPerApplication, actor: await leadName(backend) }, auditKeyProvider(backend));
      await backend.setCurrent(handle);
      return handle.summary();
    },
    'panel:demo-create': async ({ dir }) => {
      backend.paths.require('panel:demo-create', dir, 'granted-only');
      const handle = await backend.services.createDemoPanel(dir, auditKeyProvider(backend));
      await backend.setCurrent(handle);
      return handle.summary();
    },
    'panel:snapshot': () => requirePanel(backend).snapshot(),
    'panel:merge': async ({ paths, allowUntrusted }) => {
      const panel = requirePanel(backend);
      // Dropped files cannot be granted (the drop happens in the renderer): accepted and reported, as for import.
      for (const path of paths) backend.paths.require('panel:merge', path, 'dropped-allowed');
      const result = await panel.merge(paths, { allowUntrusted: allowUntrusted ?? false, actor: await leadName(backend) });
      return {
        outcomes: result.map((outcome) => ({ ...outcome, file: basename(outcome.file) })),
      };
    },
    'panel:consensus-set': async ({ change }) => {
      const panel = requirePanel(backend);
      await panel.setConsensus(change, await leadName(backend));
      return panel.snapshot();
    },
    'panel:settings-set': async (patch) => {
      const panel = requirePanel(backend);
      await panel.updateSettings(patch, await leadName(backend));
      return panel.snapshot();
    },
    'trust:add': async ({ path, name }) => {
      backend.paths.require('trust:add', path, 'granted-only');
      const handle = backend.requireWorkspace();
      const result = await addTrustedCertificate(handle.dir, path, { ...(name === undefined ? {} : { name }), actor: await leadName(backend) });
      return { added: result.added.map((entry) => ({ fingerprint: entry.fingerprint, name: entry.name })) };
    },
    'trust:remove': async ({ fingerprint }) => {
      const handle = backend.requireWorkspace();
      await removeTrustedCertificate(handle.dir, fingerprint, { actor: await leadName(backend) });
      return null;
    },
  };
}
