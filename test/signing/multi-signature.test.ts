// Issue 8 point 2: a PDF with several signatures is reported signature by signature, and a change after a
// signature other than later signatures makes the document invalid — the attack: a signed Vurder PDF whose page
// is replaced by an incremental update and then countersigned by a trusted signer (verified as VALID, naming only
// the last signer, before). Without a trust anchor nothing is plainly VALID: intact, signer not verified.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../electron/cli/main';
import type { CliIo } from '../../electron/cli/command';
import { createIdentity } from '../../electron/services/signing/identity';
import type { Identity } from '../../electron/services/signing/identity';
import { verifyBytes } from '../../electron/services/signing/verify';
import { appendUpdate, countersign, firstPage, replaceFirstPage } from './incremental-pdf';
import { run, signedSamplePdf, tempDir } from './helpers';

let dir: string;
let cleanup: () => Promise<void>;
let kari: Identity;
let lead: Identity;
let mallory: Identity;
let signed: Uint8Array;
let trusted: Uint8Array[];

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('multisig'));
  kari = await createIdentity({ name: 'Kari Nordmann', email: 'kari@example.no', keyType: 'P-256' });
  lead = await createIdentity({ name: 'Per Panelleder', email: 'per@example.no', keyType: 'P-256' });
  mallory = await createIdentity({ name: 'Kari Nordmann', email: 'kari@example.no', keyType: 'P-256' });
  signed = await signedSamplePdf(kari);
  trusted = [kari.certificateDer, lead.certificateDer];
});
afterAll(() => cleanup());

async function pdfsig(bytes: Uint8Array, name: string): Promise<string> {
  await writeFile(join(dir, name), bytes);
  return (await run('pdfsig', [join(dir, name)])).output;
}

describe('several signatures', () => {
  it('a page replaced after signing, then countersigned by a trusted signer: invalid, the first signature "changed after signing"', async () => {
    const attacked = await countersign(await replaceFirstPage(signed), lead);
    // The page a reader now shows is not the one Kari signed.
    await writeFile(join(dir, 'signed.pdf'), signed);
    await writeFile(join(dir, 'attacked.pdf'), attacked);
    expect((await run('pdftotext', ['-f', '1', '-l', '1', join(dir, 'signed.pdf'), '-'])).output).toContain('SO1-2021-017');
    expect((await run('pdftotext', ['-f', '1', '-l', '1', join(dir, 'attacked.pdf'), '-'])).output).not.toContain('SO1-2021-017');
    // poppler agrees: both signatures verify over their bytes, the first does not cover the document.
    const poppler = await pdfsig(attacked, 'attacked.pdf');
    expect(poppler).toMatch(/Signature #1:[\s\S]*Not total document signed[\s\S]*Signature is Valid[\s\S]*Signature #2:/);
    expect(poppler).toMatch(/Signature #2:[\s\S]*- Total document signed[\s\S]*Signature is Valid/);

    const report = await verifyBytes('attacked.pdf', attacked, { trusted });
    expect(report.status).toBe('invalid');
    expect(report.intact).toBe(false);
    expect(report.signer?.subjectName).toBe('Kari Nordmann');
    expect(report.signatures).toMatchObject([
      { index: 1, signer: { subjectName: 'Kari Nordmann' }, intact: true, coversWholeDocument: false, changesAfter: 'modified', trusted: true },
      { index: 2, signer: { subjectName: 'Per Panelleder' }, intact: true, coversWholeDocument: true, changesAfter: 'none', trusted: true },
    ]);
    const pageNumber = (await firstPage(signed)).ref.objectNumber;
    expect(report.problems.map((entry) => entry.code)).toEqual(['changed-after-signing']);
    expect(report.problems[0]?.en).toContain(`signature 1 (Kari Nordmann): valid for the part it signed, but the document was changed after signing: object ${pageNumber} (Page) changed: Contents`);
    expect(report.problems[0]?.nb).toContain('signatur 1 (Kari Nordmann): gyldig for delen som ble signert, men dokumentet er endret etter signering');
  });

  it('a countersignature alone (signature, field, /Annots and /Fields grown) leaves the first signature valid', async () => {
    const countersigned = await countersign(signed, lead);
    expect(await pdfsig(countersigned, 'countersigned.pdf')).toMatch(/Signature #2:[\s\S]*Signature is Valid/);
    const report = await verifyBytes('countersigned.pdf', countersigned, { trusted });
    expect(report).toMatchObject({ status: 'valid', intact: true, trusted: true, signatureCount: 2, problems: [] });
    expect(report.signatures?.map((entry) => [entry.coversWholeDocument, entry.changesAfter])).toEqual([
      [false, 'signatures-only'],
      [true, 'none'],
    ]);
    // Only Kari trusted: the countersigner is not, so the document is not valid as a whole.
    const onlyKari = await verifyBytes('countersigned.pdf', countersigned, { trusted: [kari.certificateDer] });
    expect(onlyKari.status).toBe('invalid');
    expect(onlyKari.signatures?.map((entry) => entry.trusted)).toEqual([true, false]);
  });

  it('a countersignature that carries another change (a new annotation, an added object) is not only a signature', async () => {
    const { size } = await firstPage(signed);
    const stray = await countersign(signed, lead, [{ num: size + 2, body: '<< /Type /Annot /Subtype /Text /Rect [10 10 50 50] /Contents (Endret) >>' }]);
    const report = await verifyBytes('stray.pdf', stray, { trusted });
    expect(report.status).toBe('invalid');
    expect(report.signatures?.[0]?.changesAfter).toBe('modified');
    expect(report.problems[0]?.en).toContain(`object ${size + 2} (Annot) added`);
  });

  it('a replaced page without a countersignature, and bytes appended that are no update, are changes after signing', async () => {
    const replaced = await verifyBytes('replaced.pdf', await replaceFirstPage(signed), { trusted });
    expect(replaced).toMatchObject({ status: 'invalid', signatures: [{ coversWholeDocument: false, changesAfter: 'modified' }] });
    const junk = new Uint8Array(Buffer.concat([Buffer.from(signed), Buffer.from('\n% noe lagt til\n')]));
    const appended = await verifyBytes('junk.pdf', junk, { trusted });
    expect(appended.status).toBe('invalid');
    expect(appended.problems[0]?.en).toContain('bytes were added that are not a PDF update');
    // An update that only re-writes an object with the same content changes nothing.
    const { ref, node } = await firstPage(signed);
    const same = await verifyBytes('same.pdf', appendUpdate(signed, [{ num: ref.objectNumber, body: node.toString() }]), { trusted });
    expect(same).toMatchObject({ status: 'valid', signatures: [{ changesAfter: 'signatures-only' }] });
  });
});

describe('signer not verified', () => {
  function io(): CliIo & { out: () => string } {
    const out: string[] = [];
    return { stdout: (text) => out.push(text), stderr: () => undefined, env: {}, cwd: dir, out: () => out.join('') };
  }

  it('without a trust anchor a signed PDF is intact but not VALID: exit 3', async () => {
    await writeFile(join(dir, 'kari.pdf'), signed);
    const report = await verifyBytes('kari.pdf', signed);
    expect(report).toMatchObject({ status: 'unverified', intact: true, trusted: null });
    const cli = io();
    expect(await runCli(['verify', 'kari.pdf'], cli)).toBe(3);
    expect(cli.out()).toContain('kari.pdf: UENDRET, MEN SIGNATAREN ER IKKE VERIFISERT / INTACT, SIGNER NOT VERIFIED');
    expect(cli.out()).not.toContain('GYLDIG / VALID');
  });

  it("a self-made certificate with the victim's name is never trusted as the victim", async () => {
    const forged = await signedSamplePdf(mallory);
    expect(await verifyBytes('forged.pdf', forged)).toMatchObject({ status: 'unverified', signer: { subjectName: 'Kari Nordmann' } });
    const checked = await verifyBytes('forged.pdf', forged, { trusted: [kari.certificateDer] });
    expect(checked).toMatchObject({ status: 'invalid', trusted: false });
    expect(checked.problems.map((entry) => entry.code)).toEqual(['untrusted']);
  });
});
