// `npm run bench [-- name...]`: every bench in turn, each in its own process so one's heap and JIT state do
// not colour the next. Each prints its figures with the reference measured in the same run and the ratio.
// Run it on a quiet machine and never beside tests; `nice` it where others work.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const BENCHES: Record<string, string> = {
  index: 'bench/index/run.ts',
  cli: 'bench/cli/run.ts',
  signing: 'bench/signing/run.ts',
  import: 'bench/import/run.ts',
  demo: 'bench/demo/run.ts',
  'panel-report': 'bench/panel-report/run.ts',
  race: 'bench/crash/race-run.ts',
  'panel-maths': 'bench/panel-maths/run.ts',
  panel: 'bench/panel/run.ts',
};

const root = fileURLToPath(new URL('..', import.meta.url));
const chosen = process.argv.slice(2);
for (const name of chosen) if (!(name in BENCHES)) throw new Error(`unknown bench "${name}"; choose from ${Object.keys(BENCHES).join(', ')}`);
let failed = 0;
for (const [name, script] of Object.entries(BENCHES)) {
  if (chosen.length > 0 && !chosen.includes(name)) continue;
  const run = spawnSync(process.execPath, ['--import', 'tsx', script], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) {
    failed += 1;
    process.stderr.write(`bench ${name} failed (exit ${run.status ?? run.signal})\n`);
  }
}
process.exitCode = failed === 0 ? 0 : 1;
