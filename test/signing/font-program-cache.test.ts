// The font program shared across PDFs (electron/services/pdf/font-program-cache.ts): documents inside the
// repertoire reuse one program per font; a document with characters outside it still gets every glyph (the
// text comes back out of the PDF with pdftotext), and both are valid for pdffonts with embedded subsets.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAssessmentPdf } from '../../electron/services/pdf/assessment-report';
import { fontProgramStats } from '../../electron/services/pdf/font-program-cache';
import { sampleReportInput } from './sample-report';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vurder-font-cache-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function written(name: string, bytes: Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

describe('shared font programs', () => {
  it('are built once per font and reused by the next documents', async () => {
    await buildAssessmentPdf(sampleReportInput('SO1-2021-001'));
    const before = fontProgramStats();
    for (const id of ['SO1-2021-002', 'SO1-2021-003', 'SO1-2021-004']) await buildAssessmentPdf(sampleReportInput(id));
    const after = fontProgramStats();
    expect(after.built - before.built).toBe(0);
    expect(after.reused - before.reused).toBe(6);
  });

  it('still carry every glyph of text outside the repertoire (Sámi, Greek)', async () => {
    const input = sampleReportInput('SO1-2021-005');
    input.application.applicant = 'Kárášjohka gielda – Čáhcesuolu Ŋ ΑΒΓ';
    const before = fontProgramStats();
    const path = await written('utenfor.pdf', await buildAssessmentPdf(input));
    expect(fontProgramStats().built - before.built).toBeGreaterThanOrEqual(1);
    expect(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' })).toContain('Kárášjohka gielda – Čáhcesuolu Ŋ ΑΒΓ');
    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' });
    // Both fonts (regular, bold) embedded with a ToUnicode map (pdf-lib names subsets without the XXXXXX+ tag).
    expect(fonts.split('\n').filter((line) => /^DejaVuSans.*CID TrueType\s+Identity-H\s+yes\s+no\s+yes/.test(line))).toHaveLength(2);
  });

  it('give plain documents text that reads back exactly', async () => {
    const input = sampleReportInput('SO1-2021-006');
    const path = await written('vanlig.pdf', await buildAssessmentPdf(input));
    expect(execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' })).toContain(input.application.projectTitle);
  });
});
