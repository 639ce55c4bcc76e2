// Workspace index bench (issue 13.1) at 100 / 1 000 / 5 000 applications. References measured in the same
// run: the full scan the list did before the index (every package read, validated and evaluated), and the
// list filter as it was (every row lower-cased on every pass, sorted on every keystroke).
import { rm } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { channels } from '../../shared/ipc/contract';
import { DEFAULT_FILTERS, DEFAULT_SORT, filterRows, sortRows } from '../../renderer/src/store/filter';
import type { ApplicationSummary } from '../../renderer/src/store/types';
import { loadAssessment, newAssessment, saveAssessment } from '../../electron/services/store/assessment-store';
import { listApplications } from '../../electron/services/workspace/applications';
import { flushIndex, listSummaries, refreshSummary } from '../../electron/services/workspace/summary-index';
import { openWorkspace } from '../../electron/services/workspace/workspace';
import { heading, line, median, ms, ratio, timed } from '../support';
import { buildWorkspace } from './build';

const SIZES = (process.env.BENCH_INDEX_SIZES ?? '100,1000,5000').split(',').map(Number);
const ASSESSOR = { id: 'bench-assessor', name: 'Bench Assessor' };
const TYPED = 'prosjekt kommune 3';
const collator = new Intl.Collator('nb-NO', { numeric: true, sensitivity: 'base' });

/** The list filter before issue 13 (reference): lower-cases every row on every pass and sorts every time. */
function oldFilterAndSort(rows: readonly ApplicationSummary[], search: string): ApplicationSummary[] {
  const needle = search.trim().toLocaleLowerCase('nb-NO');
  const kept = rows.filter((row) => {
    if (needle === '') return true;
    const haystack = `${row.applicationId} ${row.applicantName} ${row.municipalityNumber} ${row.title}`.toLocaleLowerCase('nb-NO');
    return needle.split(/\s+/).every((word) => haystack.includes(word));
  });
  return kept.sort((a, b) => collator.compare(a.applicationId, b.applicationId));
}

heading('Workspace index (issue 13.1): goals at 5 000 — open → list < 1 s, save → row < 50 ms, keystroke < 50 ms');
const perApplication: { size: number; openMs: number; referenceMs: number }[] = [];
for (const size of SIZES) {
  const root = await mkdtemp(join(tmpdir(), 'vurder-bench-index-'));
  try {
    const dir = join(root, 'ws');
    await buildWorkspace(dir, size, ASSESSOR);
    process.stdout.write(`\n${size} applications\n`);
    const reference = await timed(async () => (await listApplications(await openWorkspace(dir), ASSESSOR)).map((record) => record.summary));
    line('  reference: full scan (every package read and evaluated)', `${ms(reference.wallMs)} wall, ${ms(reference.cpuMs)} CPU`);
    const cold = await timed(async () => listSummaries(await openWorkspace(dir), ASSESSOR));
    line('  first open, index built', `${ms(cold.wallMs)} wall (${ratio(cold.wallMs, reference.wallMs)} of reference)`);
    const opens: number[] = [];
    const openCpu: number[] = [];
    let rows: ApplicationSummary[] = [];
    for (let round = 0; round < 3; round += 1) {
      const open = await timed(async () => {
        const { summaries, stats } = await listSummaries(await openWorkspace(dir), ASSESSOR);
        if (stats.rebuilt !== 0) throw new Error(`index not reused: ${JSON.stringify(stats)}`);
        // What the IPC handler does with the answer before it crosses to the renderer.
        return channels['applications:list'].response.parse(summaries);
      });
      opens.push(open.wallMs);
      openCpu.push(open.cpuMs);
      rows = open.value;
    }
    const openMs = median(opens);
    line('  open → list (index checked, IPC-validated), median of 3', `${ms(openMs)} wall, ${ms(median(openCpu))} CPU (${ratio(openMs, reference.wallMs)} of reference)`);
    perApplication.push({ size, openMs, referenceMs: reference.wallMs });

    const ws = await openWorkspace(dir);
    await listSummaries(ws, ASSESSOR);
    const saves: number[] = [];
    const updates: number[] = [];
    let sorted = sortRows(rows, DEFAULT_SORT);
    for (let round = 0; round < 10; round += 1) {
      const id = rows[(round * 7919) % rows.length]?.applicationId ?? '';
      const current = (await loadAssessment(ws, ASSESSOR.id, id)).assessment ?? newAssessment(ws, id, ASSESSOR);
      const saved = await timed(() => saveAssessment(ws, { ...current, recommendation: { ...current.recommendation, comment: `runde ${round}` } }));
      saves.push(saved.wallMs);
      // What follows a save in the app: the one row from applications:summary, patched in, the list re-sorted.
      const update = await timed(async () => {
        const row = channels['applications:summary'].response.parse(await refreshSummary(ws, id, ASSESSOR));
        const at = rows.findIndex((candidate) => candidate.applicationId === id);
        rows = rows.slice();
        rows[at] = row;
        sorted = sortRows(rows, DEFAULT_SORT);
        return filterRows(sorted, DEFAULT_FILTERS).length;
      });
      updates.push(update.wallMs);
    }
    line('  save (atomic write, history, audit), median of 10', ms(median(saves)));
    line('  save → list updated (row rebuilt, patched, re-sorted), median', `${ms(median(updates))} (${ratio(median(updates), reference.wallMs)} of a full scan)`);

    const keystrokes: number[] = [];
    const oldKeystrokes: number[] = [];
    for (let typed = 1; typed <= TYPED.length; typed += 1) {
      const search = TYPED.slice(0, typed);
      keystrokes.push((await timed(() => filterRows(sorted, { ...DEFAULT_FILTERS, search }))).wallMs);
      // The old list ran its filter twice per keystroke (useDeferredValue with the whole filters object).
      oldKeystrokes.push((await timed(() => oldFilterAndSort(rows, search).length + oldFilterAndSort(rows, search).length)).wallMs);
    }
    // The row refreshes scheduled an index write; let it land before the folder is removed.
    await flushIndex(ws);
    line(`  filter keystroke (typing "${TYPED}"), median`, `${ms(median(keystrokes))} (reference, old filter: ${ms(median(oldKeystrokes))}, ${ratio(median(keystrokes), median(oldKeystrokes))})`);
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
process.stdout.write('\nGrowth of open → list per application (linear or better when flat or falling):\n');
for (const { size, openMs, referenceMs } of perApplication) {
  line(`  ${size} applications`, `${(openMs / size).toFixed(3)} ms/application (reference ${(referenceMs / size).toFixed(3)})`);
}
