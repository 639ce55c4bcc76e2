// Child process of the crash test: opens the workspace and saves one assessment in a tight loop until it is
// killed. After each save returns it prints "saved <version>", so the parent knows what was committed.
// The content of version v is a pure function of v (contentFor), so the parent can check any file.
import { loadAssessment, newAssessment, saveAssessment, cleanAssessorTempFiles } from '../../electron/services/store/assessment-store';
import { openWorkspace } from '../../electron/services/workspace/workspace';
import { contentFor, CRASH_APPLICATION_ID, CRASH_ASSESSOR } from './content';

async function main(): Promise<void> {
  const [dir] = process.argv.slice(2);
  if (dir === undefined) throw new Error('usage: saver.ts <workspace>');
  const ws = await openWorkspace(dir);
  await cleanAssessorTempFiles(ws, CRASH_ASSESSOR.id);
  let current = (await loadAssessment(ws, CRASH_ASSESSOR.id, CRASH_APPLICATION_ID)).assessment ?? newAssessment(ws, CRASH_APPLICATION_ID, CRASH_ASSESSOR);
  process.stdout.write(`ready ${current.version}\n`);
  for (;;) {
    current = await saveAssessment(ws, { ...current, recommendation: contentFor(current.version + 1) });
    process.stdout.write(`saved ${current.version}\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`saver: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
