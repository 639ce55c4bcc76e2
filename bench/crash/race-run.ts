// npm run bench:race [-- <saves per process>]: two processes save one assessment at once (default 2 × 200) and
// the figures are printed: reported saves, lost saves (must be 0), stale refusals, wall time.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importPackages } from '../../electron/services/import/import-packages';
import { newAssessment, saveAssessment } from '../../electron/services/store/assessment-store';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import { CRASH_APPLICATION_ID } from './content';
import { runRace } from './race';

const count = Number(process.argv[2] ?? 200);
const root = await mkdtemp(join(tmpdir(), 'vurder-race-'));
try {
  const ws = await createWorkspace(join(root, 'ws'));
  const [imported] = await importPackages(ws, [fileURLToPath(new URL('../../test/fixtures/packages/so1-asker-eligible', import.meta.url))]);
  if (imported?.status !== 'imported') throw new Error(imported?.message ?? 'import failed');
  // Reference: the same number of saves one after another in this process (no second writer, no start-up).
  let current = newAssessment(ws, CRASH_APPLICATION_ID, { id: 'race-reference', name: 'Referanse' });
  const referenceStart = performance.now();
  for (let i = 0; i < 2 * count; i += 1) current = await saveAssessment(ws, { ...current, recommendation: { ...current.recommendation, comment: `ref ${i}` } });
  const referenceMs = (performance.now() - referenceStart) / (2 * count);
  const started = performance.now();
  const stats = await runRace(ws.dir, count);
  const seconds = (performance.now() - started) / 1000;
  const raceMs = (seconds * 1000) / Math.max(1, stats.reported);
  process.stdout.write(
    [
      `concurrent saves: 2 processes × ${count} saves of one assessment`,
      `  reported as saved: ${stats.reported}, lost: ${stats.lost}, versions reported twice: ${stats.duplicateVersions}`,
      `  refused as stale and retried: ${stats.staleRefusals}; final version ${stats.finalVersion}; history checked for ${stats.reported - stats.unchecked} (older versions pruned)`,
      `  wall time: ${seconds.toFixed(1)} s (${raceMs.toFixed(1)} ms per reported save incl. start-up of both processes)`,
      `  reference: ${2 * count} saves in one process, ${referenceMs.toFixed(1)} ms per save; ratio ${(raceMs / referenceMs).toFixed(2)}`,
      ...stats.details.slice(0, 10).map((detail) => `  lost: ${detail}`),
    ].join('\n') + '\n',
  );
  if (stats.lost > 0) process.exitCode = 1;
} catch (error) {
  process.stderr.write(`bench:race FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await rm(root, { recursive: true, force: true });
}
