// Child of the concurrent-save race (race.ts): saves one assessment `count` times, each with a unique comment
// "<tag> <i>", reloading and retrying when the store refuses the save as stale (another process saved first).
// Prints "saved <version> <tag> <i>" after each save the store reported as done, "stale" after each refusal.
import { ServiceError } from '../../electron/services/workspace/errors';
import { loadAssessment, newAssessment, saveAssessment } from '../../electron/services/store/assessment-store';
import { openWorkspace } from '../../electron/services/workspace/workspace';
import { CRASH_APPLICATION_ID, CRASH_ASSESSOR } from './content';

async function main(): Promise<void> {
  const [dir, countText, tag] = process.argv.slice(2);
  if (dir === undefined || countText === undefined || tag === undefined) throw new Error('usage: race-saver.ts <workspace> <count> <tag>');
  const ws = await openWorkspace(dir);
  process.stdout.write('ready\n');
  for (let i = 0; i < Number(countText); ) {
    const current = (await loadAssessment(ws, CRASH_ASSESSOR.id, CRASH_APPLICATION_ID)).assessment ?? newAssessment(ws, CRASH_APPLICATION_ID, CRASH_ASSESSOR);
    try {
      const saved = await saveAssessment(ws, { ...current, recommendation: { ...current.recommendation, comment: `${tag} ${i}` } });
      process.stdout.write(`saved ${saved.version} ${tag} ${i}\n`);
      i += 1;
    } catch (error) {
      if (!(error instanceof ServiceError && error.code === 'assessment.stale-version')) throw error;
      process.stdout.write('stale\n');
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`race-saver: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
