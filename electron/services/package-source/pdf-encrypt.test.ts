// The encryption flag reads only a PDF's trailer regions: checked against real encrypted PDFs written by qpdf
// (classic trailer, cross-reference stream, linearized) of several hundred KB, and one whose cross-reference
// stream is pushed away from the tail, so the key is outside the windows unless the reader follows startxref.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beginText, endText, PDFDocument, PDFOperator, PDFOperatorNames, PDFString, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENCRYPT_WINDOW, hasEncryptKey } from './pdf-encrypt';

const run = promisify(execFile);
let dir: string;
let plain: string;

/** A PDF of many pages of text, several times the three windows; `middleText` goes into a page in the middle. */
async function largePdf(middleText?: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let page = 0; page < 60; page += 1) {
    const p = doc.addPage();
    for (let line = 0; line < 50; line += 1) p.drawText(`Side ${page} linje ${line} prosjektbeskrivelse`, { x: 40, y: 800 - line * 15, size: 9, font });
    // Page text as a literal string, "(/Encrypt …) Tj", in a content stream in the middle of the file.
    if (middleText !== undefined && page === 30) p.pushOperators(beginText(), PDFOperator.of(PDFOperatorNames.ShowText, [PDFString.of(middleText)]), endText());
  }
  return doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
}

async function qpdf(args: string[], output: string): Promise<Buffer> {
  await run('qpdf', [...args, output]);
  return readFile(output);
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vurder-pdf-encrypt-'));
  plain = join(dir, 'plain.pdf');
  await writeFile(plain, await largePdf());
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('hasEncryptKey', () => {
  it('finds the key in a classic trailer, a cross-reference stream and a linearized file', async () => {
    const variants: Record<string, string[]> = {
      classic: ['--object-streams=disable'],
      'xref stream': ['--object-streams=generate'],
      linearized: ['--linearize'],
    };
    for (const [name, options] of Object.entries(variants)) {
      const bytes = await qpdf(['--stream-data=uncompress', ...options, '--encrypt', 'les', 'eier', '256', '--', plain], join(dir, `${name}.pdf`));
      expect(bytes.length, name).toBeGreaterThan(4 * ENCRYPT_WINDOW);
      expect(hasEncryptKey(bytes), name).toBe(true);
      // The same file unencrypted is not flagged.
      const open = await qpdf(['--stream-data=uncompress', ...options, plain], join(dir, `${name}-open.pdf`));
      expect(hasEncryptKey(open), `${name} unencrypted`).toBe(false);
    }
  });

  it('finds the key when a cross-reference stream with it sits in the middle of the file', async () => {
    // qpdf writes the cross-reference stream (with /Encrypt) last; padding inserted between it and the final
    // startxref moves it out of the tail window while startxref still points to it.
    const bytes = await qpdf(['--object-streams=generate', '--encrypt', 'les', 'eier', '256', '--', plain], join(dir, 'xref-stream.pdf'));
    const startxref = Number(/startxref\s+(\d+)/.exec(bytes.toString('latin1', bytes.length - 64))?.[1]);
    expect(Number.isInteger(startxref)).toBe(true);
    // Pad the file between the xref stream and the end so the dictionary lies outside the tail window.
    const padded = Buffer.concat([bytes.subarray(0, bytes.length - 64), Buffer.from(`\n%${'x'.repeat(2 * ENCRYPT_WINDOW)}\n`), bytes.subarray(bytes.length - 64)]);
    expect(padded.indexOf('/Encrypt', padded.length - ENCRYPT_WINDOW)).toBe(-1);
    expect(hasEncryptKey(padded)).toBe(true);
  });

  it('is not fooled by the word /Encrypt in page text, and scans a damaged file whole', async () => {
    const source = join(dir, 'with-word-source.pdf');
    await writeFile(source, await largePdf('/Encrypt /Encrypt'));
    const withWord = await qpdf(['--stream-data=uncompress', '--object-streams=disable', source], join(dir, 'with-word.pdf'));
    const at = withWord.indexOf('/Encrypt');
    expect(at).toBeGreaterThan(ENCRYPT_WINDOW);
    expect(at).toBeLessThan(withWord.length - ENCRYPT_WINDOW);
    expect(hasEncryptKey(withWord)).toBe(false);
    // No startxref: nothing says where the trailer is, so the key anywhere counts.
    const damaged = withWord.subarray(0, withWord.length - 200);
    expect(hasEncryptKey(damaged)).toBe(true);
  });
});
