// Import bench (issue 13.2): N zip packages, each a soknad.json and a 5 MB PDF (deflated, as zip tools store
// them), imported into a fresh workspace in one process; the reference is `sha256sum` over the same zip files
// in the same run (goal: import ≥ 0.5× its speed). Peak RSS is read in a child process per size so one
// size's heap does not colour the next. `BENCH_IMPORT_SIZES=200:5:streams,200:5:text,2000:0.1:streams`
// (default: packages:PDF MB:body; the 2 000 run uses 0.1 MB PDFs to keep the bench short — it shows that
// memory does not grow with the count). Two PDF bodies:
//   streams: the PDF's bytes are one compressed stream (random bytes), as in real PDFs, whose page content,
//            fonts and images are Flate- or DCT-compressed: zip's deflate cannot shrink them further.
//   text:    5 MB of base64 text in the PDF, which deflate shrinks to ~75 %: not what PDFs hold, but it makes
//            the import inflate every byte (~12 ms per 5 MB with Node's zlib), the worst case for the import.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeZip } from '../../test/fixtures/zip-tools';
import { heading, line, ms, timed } from '../support';

const root = fileURLToPath(new URL('../../', import.meta.url));

type Body = 'streams' | 'text';

/** The shared middle of every package's PDF, `megabytes` long (see the two bodies above). */
function pdfContent(body: Body, megabytes: number): Buffer {
  const bytes = Math.floor(megabytes * 1024 * 1024);
  switch (body) {
    case 'streams':
      return randomBytes(bytes);
    case 'text':
      return Buffer.from(randomBytes(Math.floor((bytes * 3) / 4)).toString('base64'));
  }
}

/**
 * A PDF-shaped file around `content`, unique per package: one stream object, and, like every real PDF, a
 * trailer and `startxref` (the import's encryption check reads the trailer it points to, pdf-encrypt.ts; a
 * file without one would be scanned whole as a damaged PDF).
 */
function pdfBody(index: number, content: Buffer): Buffer {
  const head = Buffer.from(`%PDF-1.7\n% pakke ${index}\n1 0 obj\n<< /Length ${content.length} >>\nstream\n`);
  const xrefAt = head.length + content.length + '\nendstream\nendobj\n'.length;
  return Buffer.concat([head, content, Buffer.from(`\nendstream\nendobj\nxref\n0 1\n0000000000 65535 f \ntrailer\n<< /Size 2 >>\nstartxref\n${xrefAt}\n%%EOF\n`)]);
}

async function writePackages(dir: string, count: number, pdfMb: number, body: Body): Promise<{ paths: string[]; bytes: number }> {
  const manifest = JSON.parse(await readFile(join(root, 'test/fixtures/packages/so1-asker-eligible/soknad.json'), 'utf8')) as {
    applicationId: string;
    attachments: { path: string }[];
  };
  manifest.attachments = manifest.attachments.slice(0, 1);
  const pdfPath = manifest.attachments[0]?.path ?? 'vedlegg/prosjektbeskrivelse.pdf';
  const shared = pdfContent(body, pdfMb);
  const paths: string[] = [];
  let bytes = 0;
  for (let index = 0; index < count; index += 1) {
    const id = `IMP-${String(index).padStart(5, '0')}`;
    const zip = await makeZip([
      { name: 'soknad.json', content: JSON.stringify({ ...manifest, applicationId: id }, null, 2) },
      { name: pdfPath, content: pdfBody(index, shared) },
    ]);
    const path = join(dir, `${id}.zip`);
    await writeFile(path, zip);
    paths.push(path);
    bytes += zip.length;
  }
  return { paths, bytes };
}

const SIZES = (process.env.BENCH_IMPORT_SIZES ?? '200:5:streams,200:5:text,2000:0.1:streams').split(',').map((size) => {
  const [count, mb, body] = size.split(':');
  return { count: Number(count ?? 200), pdfMb: Number(mb ?? 5), body: body === 'text' ? ('text' as const) : ('streams' as const) };
});

if (process.argv[2] === '--child') {
  // Child: import the given list into a new workspace; print wall ms and peak RSS as JSON.
  const { createWorkspace } = await import('../../electron/services/workspace/workspace');
  const { importPackages } = await import('../../electron/services/import/import-packages');
  const list = JSON.parse(await readFile(process.argv[3] ?? '', 'utf8')) as { paths: string[]; workspace: string };
  const ws = await createWorkspace(list.workspace);
  const run = await timed(() => importPackages(ws, list.paths, { actor: 'bench' }));
  const refused = run.value.filter((result) => result.status !== 'imported');
  if (refused.length > 0) throw new Error(`refused: ${refused[0]?.message}`);
  process.stdout.write(JSON.stringify({ wallMs: run.wallMs, cpuMs: run.cpuMs, maxRssKb: process.resourceUsage().maxRSS }));
} else {
  heading('Import (issue 13.2): zip packages with one PDF each, against sha256sum over the same files (goal ≥ 0.5×)');
  for (const { count: size, pdfMb, body } of SIZES) {
    const dir = await mkdtemp(join(tmpdir(), 'vurder-bench-import-'));
    try {
      const { paths, bytes } = await writePackages(join(dir), size, pdfMb, body);
      // The generator's ~750 MB are still dirty in the page cache: flush them first, so the kernel does not
      // write them back during the measured import, a cost that belongs to neither side.
      execFileSync('sync');
      // Reference: read and hash the same bytes (drop nothing from the page cache for either: both read warm).
      const reference = await timed(() => execFileSync('sha256sum', paths, { maxBuffer: 64 * 1024 * 1024 }));
      const listFile = join(dir, 'list.json');
      await writeFile(listFile, JSON.stringify({ paths, workspace: join(dir, 'ws') }));
      const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', listFile], { cwd: root, encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`import child failed: ${child.stderr}`);
      const result = JSON.parse(child.stdout) as { wallMs: number; cpuMs: number; maxRssKb: number };
      const mb = bytes / 1024 / 1024;
      process.stdout.write(`\n${size} packages with a ${pdfMb} MB PDF each (${body === 'streams' ? 'compressed streams, as in real PDFs' : 'base64 text, deflated to ~75 %: every byte inflated'}), ${mb.toFixed(0)} MB of zips\n`);
      line('  reference: sha256sum over the zips', `${ms(reference.wallMs)} (${(mb / (reference.wallMs / 1000)).toFixed(0)} MB/s)`);
      line('  import (read, check, hash, write, fsync, audit)', `${ms(result.wallMs)} wall, ${ms(result.cpuMs)} CPU (${(mb / (result.wallMs / 1000)).toFixed(0)} MB/s)`);
      line('  import speed / sha256sum speed (goal ≥ 0.5)', `${(reference.wallMs / result.wallMs).toFixed(3)}×`);
      line('  peak RSS of the importing process', `${(result.maxRssKb / 1024).toFixed(0)} MB`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
}
