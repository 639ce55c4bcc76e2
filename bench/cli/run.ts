// CLI bench (issue 13.3): cold `vurder check` CPU time against `node -e 0` (goal ≤ 5×), through the esbuild
// bundle and through tsx, and 1 000 packages checked in one process (JSON Lines). CPU time of the child is
// read from /usr/bin/time, so other load on the machine inflates it less than wall time.
import { execFileSync, spawnSync } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { heading, line, median, ms, ratio } from '../support';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = join(root, 'test/fixtures/packages/so1-asker-eligible');
const ROUNDS = 5;

function childCpuMs(args: readonly string[], env: NodeJS.ProcessEnv = {}): { cpuMs: number; wallMs: number; stdout: string } {
  const start = performance.now();
  const run = spawnSync('/usr/bin/time', ['-f', '%U %S', process.execPath, ...args], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wallMs = performance.now() - start;
  const times = run.stderr.trim().split('\n').pop()?.split(' ').map(Number) ?? [];
  return { cpuMs: ((times[0] ?? 0) + (times[1] ?? 0)) * 1000, wallMs, stdout: run.stdout };
}

function medianCpu(args: readonly string[], env: NodeJS.ProcessEnv = {}): number {
  return median(Array.from({ length: ROUNDS }, () => childCpuMs(args, env).cpuMs));
}

heading('CLI start (issue 13.3): cold `vurder check` CPU ≤ 5× `node -e 0`');
execFileSync(process.execPath, [join(root, 'scripts/build-cli.mjs')], { cwd: root, stdio: 'ignore' });
const nodeZero = medianCpu(['-e', '0']);
const bundled = medianCpu(['bin/vurder.mjs', 'check', fixture]);
const fromSource = medianCpu(['bin/vurder.mjs', 'check', fixture], { VURDER_CLI_FROM_SOURCE: '1' });
line(`reference: node -e 0, CPU, median of ${ROUNDS}`, ms(nodeZero));
line('vurder check, bundle (node bin/vurder.mjs), CPU', `${ms(bundled)} (${ratio(bundled, nodeZero)} node -e 0)`);
line('vurder check, TypeScript through tsx, CPU', `${ms(fromSource)} (${ratio(fromSource, nodeZero)} node -e 0)`);

const COUNT = Number(process.env.BENCH_CHECK_COUNT ?? 1000);
const scratch = await mkdtemp(join(tmpdir(), 'vurder-bench-check-'));
try {
  for (let index = 0; index < COUNT; index += 1) await cp(fixture, join(scratch, `pakke-${String(index).padStart(4, '0')}`), { recursive: true });
  const many = childCpuMs(['bin/vurder.mjs', 'check', scratch, '--json']);
  const lines = many.stdout.trimEnd().split('\n').length;
  if (lines !== COUNT) throw new Error(`expected ${COUNT} JSON lines, got ${lines}`);
  line(`vurder check on a folder of ${COUNT} packages (JSON Lines), wall`, `${ms(many.wallMs)}, ${ms(many.cpuMs)} CPU`);
  line('  per package, CPU', `${ms(many.cpuMs / COUNT)} (reference, one cold check: ${ms(bundled)}, ${ratio(many.cpuMs / COUNT, bundled)})`);
} finally {
  await rm(scratch, { recursive: true, force: true });
}
