// npm run bench:race [-- <saves per process>]: two processes save one assessment at once (default 2 × 200) and
// the figures are printed: reported saves, lost saves (must be 0), stale refusals, wall time.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importPackages } from '../../electron/services/import/import-packages';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import { runRace } from './race';

const count = Number(process.argv[2] ?? 200);
const root = await mkdtemp(join(tmpdir(), 'vurder-race-'));
try {
  const ws = await createWorkspace(join(root, 'ws'));
  const [imported] = await importPackages(ws, [fileURLToPath(new URL('../../test/fixtures/packages/so1-asker-eligible', import.meta.url))]);
  if (imported?.status !== 'imported') throw new Error(imported?.message ?? 'import failed');
  const started = performance.now();
  const stats = await runRace(ws.dir, count);
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    [
      `concurrent saves: 2 processes × ${count} saves of one assessment`,
      `  reported as saved: ${stats.reported}, lost: ${stats.lost}, versions reported twice: ${stats.duplicateVersions}`,
      `  refused as stale and retried: ${stats.staleRefusals}; final version ${stats.finalVersion}; history checked for ${stats.reported - stats.unchecked} (older versions pruned)`,
      `  wall time: ${seconds.toFixed(1)} s (${((seconds * 1000) / Math.max(1, stats.reported)).toFixed(1)} ms per reported save incl. start-up)`,
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
