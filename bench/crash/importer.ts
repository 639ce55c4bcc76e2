// Child process of the import crash test: opens the workspace and imports one package; killed at random.
import { importPackages } from '../../electron/services/import/import-packages';
import { openWorkspace } from '../../electron/services/workspace/workspace';

const [dir, path] = process.argv.slice(2);
if (dir === undefined || path === undefined) throw new Error('usage: importer.ts <workspace> <package>');
const ws = await openWorkspace(dir);
process.stdout.write('ready\n');
const [result] = await importPackages(ws, [path]);
process.stdout.write(`${result?.status ?? 'none'}\n`);
