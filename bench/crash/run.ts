// npm run bench:crash [-- <rounds>]: the crash test at full strength (default 200 SIGKILLs); prints figures.
import { join } from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { importPackages } from '../../electron/services/import/import-packages';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import { newAssessment, saveAssessment } from '../../electron/services/store/assessment-store';
import { CRASH_APPLICATION_ID } from './content';
import { runCrashRounds } from './harness';

const rounds = Number(process.argv[2] ?? 200);
const root = await mkdtemp(join(tmpdir(), 'vurder-crash-'));
try {
  const ws = await createWorkspace(join(root, 'ws'));
  const [imported] = await importPackages(ws, [fileURLToPath(new URL('../../test/fixtures/packages/so1-asker-eligible', import.meta.url))]);
  if (imported?.status !== 'imported') throw new Error(imported?.message ?? 'import failed');
  // Autosave cost first: sequential saves in this process (every one fsyncs history + main file + folders).
  const saveCount = 100;
  const saveStart = performance.now();
  let current = newAssessment(ws, CRASH_APPLICATION_ID, { id: 'autosave-bench', name: 'Autosave' });
  for (let i = 0; i < saveCount; i += 1) current = await saveAssessment(ws, { ...current, recommendation: { ...current.recommendation, comment: `lagring ${i}` } });
  const msPerSave = (performance.now() - saveStart) / saveCount;
  process.stdout.write(`autosave: ${saveCount} saves, ${msPerSave.toFixed(1)} ms per save (${(1000 / msPerSave).toFixed(0)} saves/s)\n`);
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
      `  temp files found right after a kill (removed when the next process opens): ${stats.strayTempFiles}`,
      `  wall time: ${seconds.toFixed(1)} s (${((seconds * 1000) / stats.rounds).toFixed(0)} ms per round incl. child start-up)`,
    ].join('\n') + '\n',
  );
} catch (error) {
  process.stderr.write(`bench:crash FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
} finally {
  await rm(root, { recursive: true, force: true });
}
