// An encrypted or damaged PDF does not stop `vurder check`: the package is checked and the flag is shown.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckJsonOutput } from '../../electron/cli/commands/check';
import { tinyPdf } from '../fixtures/zip-tools';
import { fixturesRoot, runInProcess } from './cli-harness';

let dir: string;

beforeAll(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'vurder-check-flags-')), 'pakke');
  await cp(join(fixturesRoot, 'so6-skien-eligible'), dir, { recursive: true });
  // Same listed attachments, but the budget is an encrypted PDF and the description lost its end.
  await writeFile(join(dir, 'vedlegg', 'budsjett.pdf'), tinyPdf({ encrypted: true }));
  const description = await readFile(join(dir, 'vedlegg', 'prosjektbeskrivelse.pdf'));
  await writeFile(join(dir, 'vedlegg', 'prosjektbeskrivelse.pdf'), description.subarray(0, description.length - 400));
});
afterAll(async () => {
  await rm(join(dir, '..'), { recursive: true, force: true });
});

describe('attachment flags in vurder check', () => {
  it('lists them in the JSON and keeps the verdict and exit code', async () => {
    const run = await runInProcess(['check', dir, '--json']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const output = JSON.parse(run.stdout) as CheckJsonOutput;
    expect(output.verdict).toBe('needs-review');
    expect(output.flags.map((flag) => `${flag.code} ${flag.path}`)).toEqual([
      'attachment.damaged-pdf vedlegg/prosjektbeskrivelse.pdf',
      'attachment.encrypted-pdf vedlegg/budsjett.pdf',
    ]);
  });

  it('prints them in the table', async () => {
    const run = await runInProcess(['check', dir, '--lang', 'en']);
    expect(run.stdout).toContain('! the attachment "vedlegg/budsjett.pdf" is an encrypted PDF\n');
    expect(run.stdout).toContain('! the attachment "vedlegg/prosjektbeskrivelse.pdf" looks damaged (no %%EOF)\n');
  });
});
