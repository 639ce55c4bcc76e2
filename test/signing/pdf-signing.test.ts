// Signed assessment PDFs checked by poppler's pdfsig (the external judge) and by our own verifier.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateToPem } from '../../electron/services/signing/certificate';
import { createCertificateAuthority, createIdentity, issueIdentity } from '../../electron/services/signing/identity';
import type { Identity } from '../../electron/services/signing/identity';
import { verifyFile } from '../../electron/services/signing/verify';
import { run, signedSamplePdf, squash, tempDir } from './helpers';
import { FEASIBILITY_JUSTIFICATION, sampleReportInput, TRANSFER_JUSTIFICATION } from './sample-report';

const NAME = 'Øyvind Ærø Åsen';
let dir: string;
let cleanup: () => Promise<void>;
let rsa: Identity;
let signedPath: string;

beforeAll(async () => {
  ({ dir, cleanup } = await tempDir('pdf'));
  // RSA-3072 generation is slow: once per file.
  rsa = await createIdentity({ name: NAME, email: 'oyvind@example.no', keyType: 'RSA-3072' });
  signedPath = join(dir, 'signed.pdf');
  await writeFile(signedPath, await signedSamplePdf(rsa));
});
afterAll(() => cleanup());

describe('a PDF signed by Øyvind Ærø Åsen (RSA-3072, self-signed)', () => {
  it('is valid for pdfsig, which names the signer with the Norwegian letters intact', async () => {
    const { output } = await run('pdfsig', [signedPath]);
    expect(output).toContain('Signature is Valid');
    expect(output).toContain(`Signer Certificate Common Name: ${NAME}`);
    expect(output).toContain('ETSI.CAdES.detached');
    expect(output).toContain('Total document signed');
    expect(output).toContain('Certificate issuer is unknown');
  });

  it('is intact for our verifier, with signer, fingerprint and signing time; without trust anchors "unverified"', async () => {
    const report = await verifyFile(signedPath);
    expect(report.status).toBe('unverified');
    expect(report.intact).toBe(true);
    expect(report.trusted).toBeNull();
    expect(report.signer?.subjectName).toBe(NAME);
    expect(report.signer?.fingerprint).toBe(rsa.fingerprint);
    expect(report.signingTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
  });

  it('is untrusted when a trust list without the signer is given', async () => {
    const other = await createIdentity({ name: 'Kari Nordmann', keyType: 'P-256' });
    const report = await verifyFile(signedPath, { trusted: [other.certificateDer] });
    expect(report.status).toBe('invalid');
    expect(report.trusted).toBe(false);
    expect(report.problems.map((entry) => entry.code)).toEqual(['untrusted']);
    const trustedReport = await verifyFile(signedPath, { trusted: [rsa.certificateDer] });
    expect(trustedReport.status).toBe('valid');
    expect(trustedReport.trusted).toBe(true);
  });

  it('holds scores, justifications, hashes and "Side x av y" as text (pdftotext)', async () => {
    const { output } = await run('pdftotext', ['-enc', 'UTF-8', signedPath, '-']);
    const text = squash(output);
    const input = sampleReportInput();
    expect(text).toContain('Gjennomføringsevne: 4 av 5');
    expect(text).toContain('Overføringsverdi: 3 av 5');
    expect(text).toContain(squash(FEASIBILITY_JUSTIFICATION));
    expect(text).toContain(squash(TRANSFER_JUSTIFICATION));
    expect(text).toContain(input.scheme.sha256);
    for (const file of input.files) expect(text).toContain(file.sha256);
    expect(text).toContain('vedlegg/budsjett-ærlig.pdf');
    expect(text).toMatch(/Side 1 av (\d+)/);
    expect(text).toContain('R05');
    expect(text).toContain('Prosjekt fra 2019 er beskrevet i vedlegg 2, side 3.');
    expect(text).toContain(rsa.fingerprint);
  });

  it('carries title, author, language and PDF/A identification', async () => {
    const bytes = await readFile(signedPath);
    const text = bytes.toString('latin1');
    expect(text).toContain('/Lang (nb-NO)');
    expect(text).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(text).toContain('/OutputIntents');
    expect(text).toContain('/SubFilter /ETSI.CAdES.detached');
    const info = await run('pdfinfo', [signedPath]);
    expect(info.output).toMatch(/Title:\s+Vurdering av søknad SO1-2021-017/);
    expect(info.output).toMatch(new RegExp(`Author:\\s+${NAME}`));
    expect(info.output).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    const check = await run('qpdf', ['--check', signedPath]);
    expect(check.output).toContain('No syntax or stream encoding errors');
  });

  it('one changed byte: pdfsig says Digest Mismatch and our verifier says modified', async () => {
    const bytes = Buffer.from(await readFile(signedPath));
    // Change one letter of the producer string, inside the signed range, keeping the file parseable.
    const at = bytes.indexOf('Vurder 0.1');
    expect(at).toBeGreaterThan(0);
    bytes[at] = 'W'.charCodeAt(0);
    const tampered = join(dir, 'tampered.pdf');
    await writeFile(tampered, bytes);
    const { output } = await run('pdfsig', [tampered]);
    expect(output).toContain('Digest Mismatch');
    const report = await verifyFile(tampered);
    expect(report.status).toBe('invalid');
    expect(report.intact).toBe(false);
    expect(report.problems[0]?.code).toBe('modified');
    expect(report.problems[0]?.nb).toContain('endret etter signering');
  });

  it('bytes appended after signing are reported', async () => {
    const bytes = Buffer.concat([await readFile(signedPath), Buffer.from('\n% added later\n')]);
    const appended = join(dir, 'appended.pdf');
    await writeFile(appended, bytes);
    const report = await verifyFile(appended);
    expect(report.status).toBe('invalid');
    expect(report.problems.map((entry) => entry.code)).toContain('not-whole-file');
  });

  it('an unsigned PDF is invalid with "no signature"', async () => {
    const plain = join(dir, 'plain.pdf');
    const { PDFDocument } = await import('pdf-lib');
    const doc = await PDFDocument.create();
    doc.addPage();
    await writeFile(plain, await doc.save());
    const report = await verifyFile(plain);
    expect(report.status).toBe('invalid');
    expect(report.problems[0]?.code).toBe('no-signature');
  });
});

describe('a PDF signed with a certificate from a local CA', () => {
  it('pdfsig with an NSS db that trusts the CA says the certificate is trusted; our verifier agrees', async () => {
    const ca = await createCertificateAuthority({ name: 'Vurder test-CA Ålesund', keyType: 'P-256' });
    const person = await issueIdentity(ca, { name: NAME, email: 'oyvind@example.no', keyType: 'P-256' });
    const pdfPath = join(dir, 'ca-signed.pdf');
    await writeFile(pdfPath, await signedSamplePdf(person));
    const caPem = join(dir, 'ca.pem');
    await writeFile(caPem, certificateToPem(ca.certificateDer));
    const nss = join(dir, 'nss');
    const { mkdir } = await import('node:fs/promises');
    await mkdir(nss);
    expect((await run('certutil', ['-N', '--empty-password', '-d', `sql:${nss}`])).code).toBe(0);
    expect((await run('certutil', ['-A', '-n', 'vurder-test-ca', '-t', 'CT,C,C', '-i', caPem, '-d', `sql:${nss}`])).code).toBe(0);
    const { output } = await run('pdfsig', ['-nssdir', `sql:${nss}`, pdfPath]);
    expect(output).toContain('Signature is Valid');
    expect(output).toContain('Certificate is Trusted');

    const trusted = await verifyFile(pdfPath, { trusted: [ca.certificateDer] });
    expect(trusted.status).toBe('valid');
    expect(trusted.trusted).toBe(true);
    expect(trusted.signer?.issuerName).toBe('Vurder test-CA Ålesund');
    const otherCa = await createCertificateAuthority({ name: 'Annen CA', keyType: 'P-256' });
    const untrusted = await verifyFile(pdfPath, { trusted: [otherCa.certificateDer] });
    expect(untrusted.trusted).toBe(false);
    expect(untrusted.status).toBe('invalid');
  });
});
