// npm run bench:crash [-- <rounds>]: the crash test at full strength (default 200 SIGKILLs); prints figures.
import { join } from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { importPackages } from '../../electron/services/import/import-packages';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import { runCrashRounds } from './harness';

const rounds = Number(process.argv[2] ?? 200);
const root = await mkdtemp(join(tmpdir(), 'vurder-crash-'));
try {
  const ws = await createWorkspace(join(root, 'ws'));
  const [imported] = await importPackages(ws, [fileURLToPath(new URL('../../test/fixtures/packages/so1-asker-eligible', import.meta.url))]);
  if (imported?.status !== 'imported') throw new Error(imported?.message ?? 'import failed');
  const started = performance.now();
  const stats = await runCrashRounds(ws.dir, rounds, 80, (index) => {
    if ((index + 1) % 50 === 0) process.stdout.write(`  ${index + 1}/${rounds} kills checked\n`);
  });
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    [
      `crash test: ${stats.rounds} SIGKILLs, every file parsed and matched a written version, no reported save lost, audit log intact`,
      `  saves reported by children: ${stats.reportedSaves} (final version ${stats.finalVersion})`,
      `  kills before the first save of a round: ${stats.killsBeforeFirstSave}`,
      `  temp files left by kills (removed on next open): ${stats.strayTempFiles}`,
      `  wall time: ${seconds.toFixed(1)} s (${((seconds * 1000) / stats.rounds).toFixed(0)} ms per round incl. child start-up)`,
    ].join('\n') + '\n',
  );
} catch (error) {
  process.stderr.write(`bench:crash FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await rm(root, { recursive: true, force: true });
}
