// `vurder demo <dir> --panel [--json]`: the demo panel round (docs/demo.md § Demo panel). Called by demo.ts
// after its usage and folder checks.
import type { Language } from '../../../shared/i18n/localized';
import { formatKroner } from '../../../shared/money/kroner';
import type { FlagKind } from '../../../shared/panel/types';
import { createDemoPanel } from '../../services/demo/panel';
import { readPanelSnapshotOf } from '../../services/panel/snapshot';
import type { CliIo } from '../command';

/** Stable --json output of `vurder demo --panel`, documented in docs/demo.md. */
export interface DemoPanelJsonOutput {
  workspace: string;
  schemeId: string;
  imported: number;
  refused: number;
  assessors: { assessorId: string; name: string; trusted: boolean }[];
  exchangeFiles: { file: string; status: string; trusted: boolean | null; assessments: number }[];
  flags: Partial<Record<FlagKind, { total: number; open: number }>>;
  ranked: number;
  excluded: number;
  totalAllocated: number | null;
  budgetTotal: number;
}

export async function runDemoPanel(dir: string, json: boolean, lang: Language, io: CliIo): Promise<number> {
  const result = await createDemoPanel(dir);
  const snapshot = await readPanelSnapshotOf(result.workspace, { agreementResamples: 0 });
  const flags: DemoPanelJsonOutput['flags'] = {};
  for (const flag of snapshot.applications.flatMap((application) => application.flags)) {
    const entry = flags[flag.kind] ?? { total: 0, open: 0 };
    entry.total += 1;
    if (flag.settlement.state === 'open') entry.open += 1;
    flags[flag.kind] = entry;
  }
  const output: DemoPanelJsonOutput = {
    workspace: result.workspace.dir,
    schemeId: result.workspace.meta.schemeId,
    imported: result.results.filter((entry) => entry.status === 'imported').length,
    refused: result.results.filter((entry) => entry.status === 'refused').length,
    assessors: snapshot.assessors.map((assessor) => ({ assessorId: assessor.assessorId, name: assessor.name, trusted: assessor.trusted })),
    exchangeFiles: result.merged.map((outcome) => ({ file: outcome.file, status: outcome.status, trusted: outcome.trusted, assessments: outcome.applicationIds.length })),
    flags,
    ranked: snapshot.ranking.focusAreas.reduce((sum, area) => sum + area.ranked.length, 0),
    excluded: snapshot.ranking.excluded.length,
    totalAllocated: snapshot.allocation?.totalAllocated ?? null,
    budgetTotal: result.workspace.scheme.budget.total,
  };
  if (json) {
    io.stdout(`${JSON.stringify(output, null, 2)}\n`);
  } else {
    const kr = (amount: number) => formatKroner(amount, lang);
    const flagText = Object.entries(flags).map(([kind, count]) => `  ${kind}: ${count.total} (${lang === 'nb' ? 'åpne' : 'open'} ${count.open})`);
    io.stdout(
      [
        lang === 'nb' ? `Demopanel opprettet: ${output.workspace} (${output.imported} søknader)` : `Demo panel created: ${output.workspace} (${output.imported} applications)`,
        lang === 'nb' ? `Vurderere: ${output.assessors.map((a) => `${a.name}${a.trusted ? '' : ' (ikke klarert)'}`).join(', ')}` : `Assessors: ${output.assessors.map((a) => `${a.name}${a.trusted ? '' : ' (not trusted)'}`).join(', ')}`,
        lang === 'nb' ? `${output.exchangeFiles.length} signerte utvekslingsfiler flettet inn. Flagg:` : `${output.exchangeFiles.length} signed exchange files merged. Flags:`,
        ...flagText,
        lang === 'nb' ? `Rangert: ${output.ranked}, ikke rangert: ${output.excluded}.` : `Ranked: ${output.ranked}, not ranked: ${output.excluded}.`,
        `${lang === 'nb' ? 'Fordelt' : 'Allocated'}: ${output.totalAllocated === null ? '–' : kr(output.totalAllocated)} ${lang === 'nb' ? 'av' : 'of'} ${kr(output.budgetTotal)}`,
        lang === 'nb' ? `Se: vurder panel status ${dir} · vurder rank ${dir} · vurder allocate ${dir}` : `See: vurder panel status ${dir} · vurder rank ${dir} · vurder allocate ${dir}`,
        '',
      ].join('\n'),
    );
  }
  return output.refused > 0 ? 1 : 0;
}
