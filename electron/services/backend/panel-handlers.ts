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
import { LetterError } from '../panel-report/letters';
import { ReportError } from '../panel-report/generate';
import { SnapshotError } from '../panel-report/from-snapshot';
import { auditKeyProvider, requireIdentity, requireSigning } from './signing-handlers';

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
    'panel:report': async ({ outDir, letters, draft }) => {
      backend.paths.require('panel:report', outDir, 'granted-only');
      const panel = requirePanel(backend);
      // A draft is not signed, so it needs no identity; the real recommendation is signed by the lead.
      const identity = draft ? null : await requireIdentity(requireSigning(backend));
      try {
        return await panel.report({ identity, outDir, letters, draft, onProgress: (progress) => backend.events.emit('panel:report-progress', progress) });
      } catch (error) {
        // The report service names what is wrong in both languages; the screen shows it as one line.
        if (error instanceof ReportError || error instanceof SnapshotError) {
          const listed = error instanceof ReportError && error.problems.length > 1 ? error.problems : null;
          throw appError('panel.report-refused', backend.requireWorkspace().dir, {
            detailNb: listed ? listed.map((problem) => problem.nb).join('; ') : error.nb,
            detailEn: listed ? listed.map((problem) => problem.en).join('; ') : error.en,
          });
        }
        if (error instanceof LetterError) throw appError('panel.report-refused', backend.requireWorkspace().dir, { detailNb: error.nb, detailEn: error.en });
        throw error;
      }
    },
    'trust:remove': async ({ fingerprint }) => {
      const handle = backend.requireWorkspace();
      await removeTrustedCertificate(handle.dir, fingerprint, { actor: await leadName(backend) });
      return null;
    },
  };
}
