// X.509 certificates built with pkijs: self-signed identities and certificates issued by a local CA.
// Names are UTF8String so "Øyvind Ærø Åsen" survives byte for byte (forge re-encodes names; see KNOWHOW).
import { createHash, randomBytes } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { cryptoEngine, subtle, toArrayBuffer } from './engine';
import { OID } from './oids';

export interface CertificateSubject {
  /** Full name as the person writes it; becomes the subject common name. */
  name: string;
  email?: string;
  organisation?: string;
}

export type KeyType = 'RSA-3072' | 'P-256';

export interface CertificateIssuer {
  certificate: pkijs.Certificate;
  privateKey: CryptoKey;
}

export interface IssueOptions {
  subject: CertificateSubject;
  /** The subject's public key. */
  publicKey: CryptoKey;
  /** Who signs: a CA, or the subject itself (self-signed) with its private key. */
  issuer: CertificateIssuer | { selfSignedWith: CryptoKey };
  isCa: boolean;
  validFrom?: Date;
  validDays: number;
}

export function keyAlgorithm(keyType: KeyType): RsaHashedKeyGenParams | EcKeyGenParams {
  switch (keyType) {
    case 'RSA-3072':
      return { name: 'RSASSA-PKCS1-v1_5', modulusLength: 3072, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' };
    case 'P-256':
      return { name: 'ECDSA', namedCurve: 'P-256' };
  }
}

/** A fresh key pair; the private key is extractable only so it can be wrapped into an encrypted PKCS#12. */
export async function generateKeyPair(keyType: KeyType): Promise<CryptoKeyPair> {
  return subtle.generateKey(keyAlgorithm(keyType), true, ['sign', 'verify']);
}

function buildName(subject: CertificateSubject): pkijs.RelativeDistinguishedNames {
  const typesAndValues = [
    new pkijs.AttributeTypeAndValue({ type: OID.countryName, value: new asn1js.PrintableString({ value: 'NO' }) }),
  ];
  if (subject.organisation) {
    typesAndValues.push(
      new pkijs.AttributeTypeAndValue({ type: OID.organizationName, value: new asn1js.Utf8String({ value: subject.organisation }) }),
    );
  }
  typesAndValues.push(new pkijs.AttributeTypeAndValue({ type: OID.commonName, value: new asn1js.Utf8String({ value: subject.name }) }));
  if (subject.email) {
    typesAndValues.push(new pkijs.AttributeTypeAndValue({ type: OID.emailAddress, value: new asn1js.IA5String({ value: subject.email }) }));
  }
  // pkijs would put every attribute into one multi-valued RDN ("C=NO + CN=…"); build one RDN per attribute.
  const name = new asn1js.Sequence({
    value: typesAndValues.map((entry) => new asn1js.Set({ value: [entry.toSchema()] })),
  });
  return pkijs.RelativeDistinguishedNames.fromBER(name.toBER(false));
}

function bitString(byte: number, unusedBits: number): asn1js.BitString {
  return new asn1js.BitString({ valueHex: new Uint8Array([byte]).buffer, unusedBits });
}

function keyIdentifier(certificate: pkijs.Certificate): ArrayBuffer {
  const bits = certificate.subjectPublicKeyInfo.subjectPublicKey.valueBlock.valueHexView;
  return toArrayBuffer(createHash('sha1').update(bits).digest());
}

/** Issue (sign) one certificate. Serial numbers are 127 random bits. */
export async function issueCertificate(options: IssueOptions): Promise<pkijs.Certificate> {
  const engine = cryptoEngine();
  const certificate = new pkijs.Certificate();
  certificate.version = 2;
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;
  certificate.serialNumber = new asn1js.Integer({ valueHex: toArrayBuffer(serial) });
  const subjectName = buildName(options.subject);
  certificate.subject = subjectName;
  const selfSigned = 'selfSignedWith' in options.issuer;
  certificate.issuer = 'selfSignedWith' in options.issuer ? buildName(options.subject) : options.issuer.certificate.subject;
  // Back-date a minute so a certificate made now verifies on a machine whose clock is slightly behind.
  const from = new Date((options.validFrom ?? new Date()).getTime() - 60_000);
  certificate.notBefore.value = from;
  certificate.notAfter.value = new Date(from.getTime() + options.validDays * 86_400_000);
  await certificate.subjectPublicKeyInfo.importKey(options.publicKey, engine);

  const extensions: pkijs.Extension[] = [
    new pkijs.Extension({
      extnID: OID.basicConstraints,
      critical: true,
      extnValue: new pkijs.BasicConstraints({ cA: options.isCa }).toSchema().toBER(false),
    }),
    new pkijs.Extension({
      extnID: OID.keyUsage,
      critical: true,
      // CA: keyCertSign + cRLSign (bits 5, 6). Person: digitalSignature + nonRepudiation (bits 0, 1).
      extnValue: (options.isCa ? bitString(0x06, 1) : bitString(0xc0, 6)).toBER(false),
    }),
    new pkijs.Extension({
      extnID: OID.subjectKeyIdentifier,
      extnValue: new asn1js.OctetString({ valueHex: keyIdentifier(certificate) }).toBER(false),
    }),
  ];
  if (!selfSigned && 'certificate' in options.issuer) {
    extensions.push(
      new pkijs.Extension({
        extnID: OID.authorityKeyIdentifier,
        extnValue: new pkijs.AuthorityKeyIdentifier({
          keyIdentifier: new asn1js.OctetString({ valueHex: keyIdentifier(options.issuer.certificate) }),
        })
          .toSchema()
          .toBER(false),
      }),
    );
  }
  if (!options.isCa) {
    extensions.push(
      new pkijs.Extension({
        extnID: OID.extKeyUsage,
        extnValue: new pkijs.ExtKeyUsage({ keyPurposes: [OID.emailProtection] }).toSchema().toBER(false),
      }),
    );
    if (options.subject.email) {
      extensions.push(
        new pkijs.Extension({
          extnID: OID.subjectAltName,
          extnValue: new pkijs.GeneralNames({ names: [new pkijs.GeneralName({ type: 1, value: options.subject.email })] })
            .toSchema()
            .toBER(false),
        }),
      );
    }
  }
  certificate.extensions = extensions;
  const signingKey = 'selfSignedWith' in options.issuer ? options.issuer.selfSignedWith : options.issuer.privateKey;
  await certificate.sign(signingKey, 'SHA-256', engine);
  return certificate;
}

export function certificateDer(certificate: pkijs.Certificate): Uint8Array {
  return new Uint8Array(certificate.toSchema(true).toBER(false));
}

export function parseCertificate(der: Uint8Array): pkijs.Certificate {
  return pkijs.Certificate.fromBER(toArrayBuffer(der));
}

/** SHA-256 of the DER certificate as upper-case hex pairs joined by ":" (as certutil and Adobe show it). */
export function fingerprintSha256(der: Uint8Array): string {
  const hex = createHash('sha256').update(der).digest('hex').toUpperCase();
  return hex.match(/../g)?.join(':') ?? hex;
}

export function certificateToPem(der: Uint8Array): string {
  const base64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----\n`;
}

/** Every certificate in a PEM text, or the text itself when it is a single DER certificate. */
export function certificatesFromPemOrDer(bytes: Uint8Array): Uint8Array[] {
  const text = Buffer.from(bytes).toString('latin1');
  const blocks = [...text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)];
  if (blocks.length === 0) return [bytes];
  return blocks.map((block) => new Uint8Array(Buffer.from((block[1] ?? '').replace(/\s+/g, ''), 'base64')));
}

function attributeValue(name: pkijs.RelativeDistinguishedNames, oid: string): string | undefined {
  const found = name.typesAndValues.find((entry) => entry.type === oid);
  if (!found) return undefined;
  const value: unknown = found.value.valueBlock;
  return typeof value === 'object' && value !== null && 'value' in value && typeof value.value === 'string' ? value.value : undefined;
}

export interface CertificateSummary {
  subjectName: string;
  email: string | undefined;
  issuerName: string;
  selfSigned: boolean;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  fingerprint: string;
}

export function describeCertificate(certificate: pkijs.Certificate): CertificateSummary {
  const der = certificateDer(certificate);
  const subjectName = attributeValue(certificate.subject, OID.commonName) ?? '(no common name)';
  const issuerName = attributeValue(certificate.issuer, OID.commonName) ?? '(no common name)';
  return {
    subjectName,
    email: attributeValue(certificate.subject, OID.emailAddress),
    issuerName,
    selfSigned: certificate.subject.isEqual(certificate.issuer),
    serialNumber: Buffer.from(certificate.serialNumber.valueBlock.valueHexView).toString('hex'),
    notBefore: certificate.notBefore.value.toISOString(),
    notAfter: certificate.notAfter.value.toISOString(),
    fingerprint: fingerprintSha256(der),
  };
}
