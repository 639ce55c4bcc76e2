// Detached CMS SignedData (RFC 5652) built and checked with pkijs: content type, message digest,
// signingCertificateV2 (RFC 5035, required by PAdES/CAdES baseline B) and optionally signing time.
import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { certificateDer, describeCertificate } from './certificate';
import type { CertificateSummary } from './certificate';
import { cryptoEngine, toArrayBuffer } from './engine';
import type { Identity } from './identity';
import { OID } from './oids';

export interface SignOptions {
  /**
   * Adds the CMS signing-time attribute. PAdES (ETSI EN 319 142-1) forbids it in PDF signatures — the time goes
   * in the signature dictionary's /M — so PDFs pass false; exchange files (CAdES-style) pass true.
   */
  signingTime?: Date;
}

function signingCertificateV2(certificate: pkijs.Certificate): pkijs.Attribute {
  const hash = createHash('sha256').update(certificateDer(certificate)).digest();
  // ESSCertIDv2 with the default hash algorithm (SHA-256, so omitted) and issuerSerial.
  const issuerSerial = new asn1js.Sequence({
    value: [
      new asn1js.Sequence({
        value: [new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 4 }, value: [certificate.issuer.toSchema()] })],
      }),
      new asn1js.Integer({ valueHex: certificate.serialNumber.valueBlock.valueHexView.slice().buffer }),
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({ value: [new asn1js.OctetString({ valueHex: toArrayBuffer(hash) }), issuerSerial] });
  return new pkijs.Attribute({
    type: OID.signingCertificateV2,
    values: [new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] })],
  });
}

/** What a signature needs from an identity that never changes: encoded once per identity, not per signature. */
interface PreparedSigner {
  signingCertificateV2: pkijs.Attribute;
  /** The signer's certificate and chain; their toSchema hands back the stored DER instead of re-encoding it. */
  certificates: pkijs.Certificate[];
}

const preparedSigners = new WeakMap<Identity, PreparedSigner>();

/** Stands in for an asn1js block in a SET: writes stored DER bytes (asn1js calls toBER(sizeOnly, writer) on children). */
class PreEncoded {
  constructor(private readonly der: ArrayBuffer) {}

  toBER(sizeOnly?: boolean, writer?: { write(buffer: ArrayBuffer): void }): ArrayBuffer {
    const bytes = sizeOnly === true ? new ArrayBuffer(this.der.byteLength) : this.der;
    if (writer === undefined) return bytes;
    writer.write(bytes);
    return new ArrayBuffer(0);
  }
}

function encodedOnce(der: Uint8Array): pkijs.Certificate {
  const certificate = pkijs.Certificate.fromBER(toArrayBuffer(der));
  const stored = new PreEncoded(toArrayBuffer(der));
  // pkijs would parse and re-serialise the stored bytes for every SignedData; the bytes are final.
  certificate.toSchema = () => stored as unknown as asn1js.Sequence;
  return certificate;
}

function preparedSigner(identity: Identity): PreparedSigner {
  let prepared = preparedSigners.get(identity);
  if (prepared === undefined) {
    prepared = {
      signingCertificateV2: signingCertificateV2(identity.certificate),
      certificates: [encodedOnce(certificateDer(identity.certificate)), ...identity.chain.map((der) => encodedOnce(der))],
    };
    preparedSigners.set(identity, prepared);
  }
  return prepared;
}

/** A DER ContentInfo holding a detached SignedData over `data`, with the signer's certificate and chain. */
export async function signDetached(data: Uint8Array, identity: Identity, options: SignOptions = {}): Promise<Uint8Array> {
  const engine = cryptoEngine();
  const digest = createHash('sha256').update(data).digest();
  const signer = preparedSigner(identity);
  const attributes = [
    new pkijs.Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new pkijs.Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: toArrayBuffer(digest) })] }),
    signer.signingCertificateV2,
  ];
  if (options.signingTime) {
    attributes.push(new pkijs.Attribute({ type: OID.signingTime, values: [new asn1js.UTCTime({ valueDate: options.signingTime })] }));
  }
  const signedData = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    signerInfos: [
      new pkijs.SignerInfo({
        version: 1,
        sid: new pkijs.IssuerAndSerialNumber({ issuer: identity.certificate.issuer, serialNumber: identity.certificate.serialNumber }),
        signedAttrs: new pkijs.SignedAndUnsignedAttributes({ type: 0, attributes }),
      }),
    ],
    certificates: signer.certificates,
  });
  await signedData.sign(identity.privateKey, 0, 'SHA-256', undefined, engine);
  const contentInfo = new pkijs.ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return new Uint8Array(contentInfo.toSchema().toBER(false));
}

export type CmsProblemCode =
  | 'unreadable-signature'
  | 'no-signer'
  | 'signer-certificate-missing'
  | 'unsupported-algorithm'
  | 'modified'
  | 'certificate-mismatch'
  | 'bad-signature';

export interface CmsProblem {
  code: CmsProblemCode;
  /** One English sentence; verify-messages.ts has the Norwegian text per code. */
  message: string;
}

export interface CmsVerification {
  /** The signature is mathematically valid over exactly these bytes. */
  intact: boolean;
  /** Why not; undefined when intact. */
  problem: CmsProblem | undefined;
  signer: CertificateSummary | undefined;
  signerCertificate: pkijs.Certificate | undefined;
  /** Every certificate carried in the CMS (DER). */
  certificates: Uint8Array[];
  /** From the signing-time attribute, when present. */
  signingTime: Date | undefined;
}

function attribute(signerInfo: pkijs.SignerInfo, oid: string): pkijs.Attribute | undefined {
  return signerInfo.signedAttrs?.attributes.find((entry) => entry.type === oid);
}

function signingTimeOf(signerInfo: pkijs.SignerInfo): Date | undefined {
  const value = attribute(signerInfo, OID.signingTime)?.values[0];
  if (value instanceof asn1js.UTCTime || value instanceof asn1js.GeneralizedTime) return value.toDate();
  return undefined;
}

/** Verify a detached CMS over `data`. Never throws for a bad signature: it says why in `problem`. */
export async function verifyDetached(cmsDer: Uint8Array, data: Uint8Array): Promise<CmsVerification> {
  const engine = cryptoEngine();
  const result: CmsVerification = {
    intact: false,
    problem: undefined,
    signer: undefined,
    signerCertificate: undefined,
    certificates: [],
    signingTime: undefined,
  };
  let signedData: pkijs.SignedData;
  try {
    const contentInfo = pkijs.ContentInfo.fromBER(toArrayBuffer(cmsDer));
    if (contentInfo.contentType !== OID.signedData) throw new Error('not SignedData');
    signedData = new pkijs.SignedData({ schema: contentInfo.content });
  } catch {
    result.problem = { code: 'unreadable-signature', message: 'the signature is not a readable CMS SignedData structure' };
    return result;
  }
  const certificates = (signedData.certificates ?? []).filter((entry): entry is pkijs.Certificate => entry instanceof pkijs.Certificate);
  result.certificates = certificates.map(certificateDer);
  const signerInfo = signedData.signerInfos[0];
  if (!signerInfo) {
    result.problem = { code: 'no-signer', message: 'the signature has no signer' };
    return result;
  }
  result.signingTime = signingTimeOf(signerInfo);
  const sid = signerInfo.sid;
  const signerCertificate =
    sid instanceof pkijs.IssuerAndSerialNumber
      ? certificates.find((entry) => entry.issuer.isEqual(sid.issuer) && entry.serialNumber.isEqual(sid.serialNumber))
      : undefined;
  if (!signerCertificate) {
    result.problem = { code: 'signer-certificate-missing', message: "the signer's certificate is not in the signature" };
    return result;
  }
  result.signerCertificate = signerCertificate;
  result.signer = describeCertificate(signerCertificate);

  const digestAttribute = attribute(signerInfo, OID.messageDigest)?.values[0];
  const algorithm = signerInfo.digestAlgorithm.algorithmId;
  const hashName = algorithm === OID.sha256 ? 'sha256' : algorithm === OID.sha384 ? 'sha384' : algorithm === OID.sha512 ? 'sha512' : undefined;
  if (!hashName) {
    result.problem = { code: 'unsupported-algorithm', message: `unsupported digest algorithm ${algorithm}` };
    return result;
  }
  if (!(digestAttribute instanceof asn1js.OctetString)) {
    result.problem = { code: 'unreadable-signature', message: 'the signature has no message digest' };
    return result;
  }
  const actual = createHash(hashName).update(data).digest();
  if (Buffer.compare(actual, Buffer.from(digestAttribute.valueBlock.valueHexView)) !== 0) {
    result.problem = { code: 'modified', message: 'the content was modified after signing (message digest mismatch)' };
    return result;
  }
  const essAttribute = attribute(signerInfo, OID.signingCertificateV2);
  if (essAttribute) {
    // signingCertificateV2 binds the certificate into the signed attributes: a swapped certificate shows here.
    const expected = createHash('sha256').update(certificateDer(signerCertificate)).digest();
    const bound = essAttribute.values[0]?.valueBlock.value?.[0]?.valueBlock.value?.[0]?.valueBlock.value?.[0];
    if (!(bound instanceof asn1js.OctetString) || Buffer.compare(expected, Buffer.from(bound.valueBlock.valueHexView)) !== 0) {
      result.problem = { code: 'certificate-mismatch', message: 'the certificate does not match the one bound in the signature (signingCertificateV2)' };
      return result;
    }
  }
  try {
    const verified = await signedData.verify({ signer: 0, data: toArrayBuffer(data), checkChain: false, extendedMode: true }, engine);
    if (!verified.signatureVerified) {
      result.problem = { code: 'bad-signature', message: `the signature does not verify with the signer's certificate${verified.message ? ` (${verified.message})` : ''}` };
      return result;
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    result.problem = { code: 'bad-signature', message: `the signature does not verify with the signer's certificate (${message})` };
    return result;
  }
  result.intact = true;
  return result;
}
