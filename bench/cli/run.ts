// CLI bench (issue 13.3): cold `vurder check` CPU time against `node -e 0` (goal ≤ 5×), through the esbuild
// bundle and through tsx, and 1 000 packages checked in one process (JSON Lines). CPU time (user + system) of
// the child processes is read with bash's `times` (getrusage of the children, to the millisecond) after a loop
// of runs; /usr/bin/time reports 10 ms ticks, far too coarse for one 20 ms run (a median of single runs once
// printed 10 ms vs 110 ms). The reference and the check alternate in blocks, so a load change on the machine
// hits both. One check before the loops fills the compile cache (bin/vurder.mjs), as any earlier run would.
import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { heading, line, ms, ratio } from '../support';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = join(root, 'test/fixtures/packages/so1-asker-eligible');
const BLOCK = Number(process.env.BENCH_CLI_BLOCK ?? 20);
const BLOCKS = Number(process.env.BENCH_CLI_BLOCKS ?? 4);

interface LoopCpu {
  cpuMs: number;
  wallMs: number;
}

/** CPU of `runs` runs of `node <args>` (a bash loop, then `times`), per run. */
function loopCpu(args: readonly string[], runs: number, env: NodeJS.ProcessEnv = {}): LoopCpu {
  // "$0" is node, "$@" its arguments; only bash built-ins around them, so the loop itself costs next to nothing.
  const script = `for ((i = 0; i < ${runs}; i++)); do "$0" "$@" >/dev/null 2>&1 || exit 1; done; times`;
  const start = performance.now();
  const run = spawnSync('bash', ['-c', script, process.execPath, ...args], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
  const wallMs = performance.now() - start;
  if (run.status !== 0) throw new Error(`node ${args.join(' ')} failed in the loop: ${run.stderr}`);
  // `times` prints the shell's own user/system line, then the children's: "0m1.234s 0m0.056s".
  const children = /^(\d+)m([\d.]+)s (\d+)m([\d.]+)s$/.exec(run.stdout.trim().split('\n').pop() ?? '');
  if (!children) throw new Error(`unexpected output of bash times: ${run.stdout}`);
  const [, userMin, userSec, sysMin, sysSec] = children.map(Number);
  const cpuMs = ((userMin ?? 0) * 60 + (userSec ?? 0) + (sysMin ?? 0) * 60 + (sysSec ?? 0)) * 1000;
  return { cpuMs: cpuMs / runs, wallMs: wallMs / runs };
}

/** Reference and figure measured in alternating blocks; the mean CPU per run of each. */
function alternating(reference: readonly string[], figure: readonly string[], env: NodeJS.ProcessEnv = {}): { reference: number; figure: number } {
  let referenceMs = 0;
  let figureMs = 0;
  for (let block = 0; block < BLOCKS; block += 1) {
    referenceMs += loopCpu(reference, BLOCK).cpuMs;
    figureMs += loopCpu(figure, BLOCK, env).cpuMs;
  }
  return { reference: referenceMs / BLOCKS, figure: figureMs / BLOCKS };
}

heading('CLI start (issue 13.3): cold `vurder check` CPU ≤ 5× `node -e 0`');
execFileSync(process.execPath, [join(root, 'scripts/build-cli.mjs')], { cwd: root, stdio: 'ignore' });
const check = ['bin/vurder.mjs', 'check', fixture];
loopCpu(check, 1);
const runs = `mean of ${BLOCKS * BLOCK} runs in blocks of ${BLOCK}`;
const bundled = alternating(['-e', '0'], check);
line(`reference: node -e 0, CPU (${runs})`, ms(bundled.reference));
line('vurder check, bundle (node bin/vurder.mjs), CPU', `${ms(bundled.figure)} (${ratio(bundled.figure, bundled.reference)} node -e 0)`);
const help = alternating(['-e', '0'], ['bin/vurder.mjs', '--help']);
line('vurder --help, CPU', `${ms(help.figure)} (${ratio(help.figure, help.reference)} node -e 0)`);
const noCache = alternating(['-e', '0'], check, { NODE_DISABLE_COMPILE_CACHE: '1' });
line('vurder check, bundle, compile cache off, CPU', `${ms(noCache.figure)} (${ratio(noCache.figure, noCache.reference)} node -e 0)`);
const fromSource = loopCpu(check, 3, { VURDER_CLI_FROM_SOURCE: '1' });
line('vurder check, TypeScript through tsx, CPU (mean of 3)', `${ms(fromSource.cpuMs)} (${ratio(fromSource.cpuMs, bundled.reference)} node -e 0)`);

const COUNT = Number(process.env.BENCH_CHECK_COUNT ?? 1000);
const scratch = await mkdtemp(join(tmpdir(), 'vurder-bench-check-'));
try {
  for (let index = 0; index < COUNT; index += 1) await cp(fixture, join(scratch, `pakke-${String(index).padStart(4, '0')}`), { recursive: true });
  const out = spawnSync(process.execPath, ['bin/vurder.mjs', 'check', scratch, '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const lines = out.stdout.trimEnd().split('\n').length;
  if (lines !== COUNT) throw new Error(`expected ${COUNT} JSON lines, got ${lines}`);
  const many = loopCpu(['bin/vurder.mjs', 'check', scratch, '--json'], 1);
  line(`vurder check on a folder of ${COUNT} packages (JSON Lines), wall`, `${ms(many.wallMs)}, ${ms(many.cpuMs)} CPU`);
  line('  per package, CPU', `${ms(many.cpuMs / COUNT)} (reference, one cold check: ${ms(bundled.figure)}, ${ratio(many.cpuMs / COUNT, bundled.figure)})`);
} finally {
  await rm(scratch, { recursive: true, force: true });
}
