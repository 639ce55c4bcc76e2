// The panel facet of an open workspace (WorkspaceHandle.panel()): the panel services behind the small
// interface the panel handlers use. Only a workspace whose role is panel has one.
import { basename } from 'node:path';
import type { ConsensusChange } from '../../../shared/panel/types';
import { modelFromSnapshot } from '../panel-report/from-snapshot';
import { generatePanelReport } from '../panel-report/generate';
import { expandMergeInputs, mergeExchangeFiles } from '../panel/merge';
import { setConsensus } from '../panel/consensus-store';
import { updateRoundSettings } from '../panel/settings';
import { readPanelSnapshotOf } from '../panel/snapshot';
import { trustAnchorsForWorkspace } from '../trust/trust-list';
import type { Workspace } from '../workspace/workspace';
import type { PanelHandle } from './ports';

export function panelHandle(ws: Workspace): PanelHandle {
  return {
    snapshot: () => readPanelSnapshotOf(ws),
    async merge(paths, options) {
      const inputs = await expandMergeInputs(paths);
      // The trust list is read for every merge: a certificate added a moment ago counts at once.
      const trustAnchors = await trustAnchorsForWorkspace(ws.dir);
      const result = await mergeExchangeFiles(ws, inputs, { trustAnchors, allowUntrusted: options.allowUntrusted, actor: options.actor });
      return result.outcomes.map(({ file, status, trusted, assessorId, applicationIds, message }) => ({ file, status, trusted, assessorId, applicationIds, message }));
    },
    async setConsensus(change: ConsensusChange, by) {
      await setConsensus(ws, [change], { by });
    },
    async updateSettings(patch, actor) {
      await updateRoundSettings(ws, patch, actor);
    },
    async report({ identity, outDir, letters, draft, onProgress }) {
      const snapshot = await readPanelSnapshotOf(ws);
      const lead = identity
        ? { name: identity.subjectName, email: identity.email ?? '', fingerprint: identity.fingerprint }
        : { name: 'Panelleder (utkast, ikke signert)', email: '', fingerprint: '—' };
      const model = modelFromSnapshot(snapshot, ws.scheme, { lead, generatedAt: new Date() });
      const result = await generatePanelReport({
        model,
        identity,
        outDir,
        letters,
        draft,
        onProgress: (progress) => onProgress({ ...progress, file: basename(progress.file) }),
      });
      return {
        outDir: result.outDir,
        draft: result.draft,
        files: result.files.map((file) => ({ kind: file.kind, file: basename(file.file), signed: file.signed })),
        warnings: result.warnings.map((warning) => ({ nb: warning.nb, en: warning.en })),
      };
    },
  };
}
