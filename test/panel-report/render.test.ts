// Every panel document kind rendered to PNG by poppler's pdftoppm, as a reader would see it. The test checks
// that each page renders and that text pages are not blank; with UPDATE_SCREENSHOTS=1 it keeps one PNG per
// kind in docs/screenshots/ (panel-*.png), the pages looked at when the layout was made.
import { copyFile, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildInnstillingPdf } from '../../electron/services/panel-report/innstilling-pdf';
import { buildLetterPdf } from '../../electron/services/panel-report/letters';
import { signPdf } from '../../electron/services/pdf/sign-pdf';
import { createIdentity } from '../../electron/services/signing/identity';
import { run, tempDir } from '../signing/helpers';
import { sampleModel } from './sample-model';

const SCREENSHOTS = join(import.meta.dirname, '..', '..', 'docs', 'screenshots');
let dir: string;
let cleanup: () => Promise<void>;
const documents: { name: string; file: string; page: number }[] = [];

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('panel-render'));
  const identity = await createIdentity({ name: 'Øyvind Ærø Åsen', email: 'oyvind@example.no', keyType: 'P-256' });
  const model = sampleModel(40);
  model.lead = { name: identity.subjectName, email: identity.email ?? '', fingerprint: identity.fingerprint };
  const save = async (name: string, bytes: Uint8Array, page: number): Promise<void> => {
    const file = join(dir, `${name}.pdf`);
    await writeFile(file, bytes);
    documents.push({ name, file, page });
  };
  await save('panel-innstilling-title', await signPdf(await buildInnstillingPdf(model, { draft: false }), identity), 1);
  await save('panel-innstilling', await signPdf(await buildInnstillingPdf(model, { draft: false }), identity), 2);
  await save('panel-innstilling-flags', await signPdf(await buildInnstillingPdf(model, { draft: false }), identity), 5);
  await save('panel-innstilling-draft', await buildInnstillingPdf(model, { draft: true }), 2);
  await save('panel-letter-grant', await signPdf(await buildLetterPdf(model, 'SO1-2021-001', { draft: false }), identity), 1);
  await save('panel-letter-reject', await signPdf(await buildLetterPdf(model, 'SO6-2021-006', { draft: false }), identity), 1);
  await save('panel-letter-reject-threshold', await signPdf(await buildLetterPdf(model, 'SO1-2021-007', { draft: false }), identity), 1);
}, 60_000);
afterAll(() => cleanup());

describe('panel documents rendered with pdftoppm', () => {
  it('renders one page of every kind, with ink on it', async () => {
    for (const document of documents) {
      const prefix = join(dir, document.name);
      const { code } = await run('pdftoppm', ['-png', '-r', '70', '-f', String(document.page), '-l', String(document.page), '-singlefile', document.file, prefix]);
      expect(code, document.name).toBe(0);
      const png = await readFile(`${prefix}.png`);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      // A blank A4 page at 70 dpi compresses to a few hundred bytes; a page of text is far larger.
      expect(png.length, document.name).toBeGreaterThan(20_000);
      if (process.env.UPDATE_SCREENSHOTS === '1') await copyFile(`${prefix}.png`, join(SCREENSHOTS, `${document.name}.png`));
    }
  });

  it('the kept screenshots exist for every kind', async () => {
    for (const name of ['panel-innstilling', 'panel-innstilling-draft', 'panel-letter-grant', 'panel-letter-reject']) {
      expect((await stat(join(SCREENSHOTS, `${name}.png`))).size, name).toBeGreaterThan(10_000);
    }
  });
});
