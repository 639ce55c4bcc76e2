// Child process of the import crash tests: opens the workspace and imports the packages given, in one batch,
// printing each result as soon as it is reported ("done <status> <applicationId>"); killed at random.
import { importPackages } from '../../electron/services/import/import-packages';
import { openWorkspace } from '../../electron/services/workspace/workspace';

const [dir, ...paths] = process.argv.slice(2);
if (dir === undefined || paths.length === 0) throw new Error('usage: importer.ts <workspace> <package>…');
const ws = await openWorkspace(dir);
process.stdout.write('ready\n');
await importPackages(ws, paths, {
  onProgress: (event) => {
    if (event.phase === 'done' && event.result) process.stdout.write(`done ${event.result.status} ${event.result.applicationId ?? '-'}\n`);
  },
});
