// Demo bench (issue 13.5): `vurder demo`'s work in one process — generate the 65 packages with their PDFs and
// import them into a new workspace — against the goal of 3 s. Reference in the same run: writing the same
// package files into a folder with one fsync per file (the disk work any import of them needs), so the ratio
// shows how far the demo is from that floor. Also split: generation alone.
import { mkdir, mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createDemoWorkspace } from '../../electron/services/demo/create-workspace';
import { generateDemoPackages } from '../../electron/services/demo/generate';
import { heading, line, ms, timed } from '../support';

heading('Demo round (issue 13.5): goal ≤ 3 s');
const root = await mkdtemp(join(tmpdir(), 'vurder-bench-demo-'));
try {
  // Warm-up outside the figures (module loading, JIT), as `vurder demo` pays module loading only once.
  await generateDemoPackages();
  const generated = await timed(() => generateDemoPackages());
  const reference = await timed(async () => {
    for (const demo of generated.value) {
      for (const file of demo.files) {
        const target = join(root, 'reference', demo.application.applicationId, file.path);
        await mkdir(dirname(target), { recursive: true });
        const handle = await open(target, 'w');
        await handle.writeFile(file.bytes);
        await handle.sync();
        await handle.close();
      }
    }
  });
  const demo = await timed(() => createDemoWorkspace(join(root, 'demo')));
  line('reference: writing the 65 packages\' files, fsync per file', ms(reference.wallMs));
  line('generation alone (65 packages, their PDFs)', `${ms(generated.wallMs)} wall, ${ms(generated.cpuMs)} CPU`);
  line('demo round: generate + import into a new workspace', `${ms(demo.wallMs)} wall, ${ms(demo.cpuMs)} CPU (${(demo.wallMs / reference.wallMs).toFixed(2)}× reference)`);
  line('goal ≤ 3 s (wall)', demo.wallMs <= 3000 ? 'reached' : 'NOT reached on this run');
} finally {
  await rm(root, { recursive: true, force: true });
}
