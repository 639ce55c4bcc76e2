// PKCS#12 (RFC 7292) written and read with asn1js and Node's crypto, because node-forge cannot hold EC keys.
// Written files: key in a PBES2/AES-256-CBC shrouded key bag, certificates in a plain bag, HMAC-SHA256 MAC.
// That is what OpenSSL 3 reads by default. Read side also accepts PBES2-encrypted bags and legacy 3DES.
import { createDecipheriv, createHash, createHmac, createPrivateKey, pbkdf2Sync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import * as asn1js from 'asn1js';
import { toArrayBuffer } from './engine';
import { OID } from './oids';
import { hashFromOid, pkcs12Kdf } from './pkcs12-kdf';

export class Pkcs12Error extends Error {
  constructor(
    message: string,
    readonly code: 'wrong-passphrase' | 'malformed' | 'unsupported' | 'no-key',
  ) {
    super(message);
  }
}

const MAC_ITERATIONS = 2048;

function explicit0(value: asn1js.AsnType): asn1js.Constructed {
  return new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [value] });
}

function raw(der: Uint8Array): asn1js.AsnType {
  const parsed = asn1js.fromBER(toArrayBuffer(der));
  if (parsed.offset === -1) throw new Pkcs12Error('PKCS#12: malformed DER inside a bag', 'malformed');
  return parsed.result;
}

function dataContentInfo(content: Uint8Array): asn1js.Sequence {
  return new asn1js.Sequence({
    value: [new asn1js.ObjectIdentifier({ value: OID.data }), explicit0(new asn1js.OctetString({ valueHex: toArrayBuffer(content) }))],
  });
}

function bagAttributes(localKeyId: Uint8Array, friendlyName: string | undefined): asn1js.Set {
  const attributes: asn1js.Sequence[] = [
    new asn1js.Sequence({
      value: [
        new asn1js.ObjectIdentifier({ value: OID.localKeyId }),
        new asn1js.Set({ value: [new asn1js.OctetString({ valueHex: toArrayBuffer(localKeyId) })] }),
      ],
    }),
  ];
  if (friendlyName) {
    attributes.push(
      new asn1js.Sequence({
        value: [new asn1js.ObjectIdentifier({ value: OID.friendlyName }), new asn1js.Set({ value: [new asn1js.BmpString({ value: friendlyName })] })],
      }),
    );
  }
  return new asn1js.Set({ value: attributes });
}

export interface Pkcs12Contents {
  /** PKCS#8 private key (unencrypted, DER). Kept in memory only. */
  privateKey: KeyObject;
  /** DER certificates; the one matching the key first. */
  certificates: Uint8Array[];
  friendlyName: string | undefined;
}

export interface WritePkcs12Options {
  privateKey: KeyObject;
  /** The key's certificate first, then any chain certificates. */
  certificates: Uint8Array[];
  passphrase: string;
  friendlyName?: string;
}

export function writePkcs12(options: WritePkcs12Options): Uint8Array {
  const [own] = options.certificates;
  if (!own) throw new Pkcs12Error('PKCS#12: a certificate is required', 'malformed');
  const localKeyId = createHash('sha1').update(own).digest();
  const encryptedKey = options.privateKey.export({
    format: 'der',
    type: 'pkcs8',
    cipher: 'aes-256-cbc',
    passphrase: options.passphrase,
  });
  const keyBag = new asn1js.Sequence({
    value: [
      new asn1js.ObjectIdentifier({ value: OID.pkcs8ShroudedKeyBag }),
      explicit0(raw(encryptedKey)),
      bagAttributes(localKeyId, options.friendlyName),
    ],
  });
  const certBags = options.certificates.map(
    (der, index) =>
      new asn1js.Sequence({
        value: [
          new asn1js.ObjectIdentifier({ value: OID.certBag }),
          explicit0(
            new asn1js.Sequence({
              value: [new asn1js.ObjectIdentifier({ value: OID.x509Certificate }), explicit0(new asn1js.OctetString({ valueHex: toArrayBuffer(der) }))],
            }),
          ),
          ...(index === 0 ? [bagAttributes(localKeyId, options.friendlyName)] : []),
        ],
      }),
  );
  const safeContents = new Uint8Array(new asn1js.Sequence({ value: [keyBag, ...certBags] }).toBER(false));
  const authSafe = new Uint8Array(new asn1js.Sequence({ value: [dataContentInfo(safeContents)] }).toBER(false));
  const salt = randomBytes(16);
  const macKey = pkcs12Kdf('sha256', options.passphrase, salt, 3, MAC_ITERATIONS, 32);
  const mac = createHmac('sha256', macKey).update(authSafe).digest();
  const pfx = new asn1js.Sequence({
    value: [
      new asn1js.Integer({ value: 3 }),
      dataContentInfo(authSafe),
      new asn1js.Sequence({
        value: [
          new asn1js.Sequence({
            value: [
              new asn1js.Sequence({ value: [new asn1js.ObjectIdentifier({ value: OID.sha256 }), new asn1js.Null()] }),
              new asn1js.OctetString({ valueHex: toArrayBuffer(mac) }),
            ],
          }),
          new asn1js.OctetString({ valueHex: toArrayBuffer(salt) }),
          new asn1js.Integer({ value: MAC_ITERATIONS }),
        ],
      }),
    ],
  });
  return new Uint8Array(pfx.toBER(false));
}

// ---- reading ----

function children(node: asn1js.AsnType | undefined, what: string): asn1js.AsnType[] {
  if (node && (node instanceof asn1js.Constructed || node instanceof asn1js.Sequence || node instanceof asn1js.Set)) {
    return node.valueBlock.value;
  }
  throw new Pkcs12Error(`PKCS#12: ${what} is not a structure`, 'malformed');
}

function oidOf(node: asn1js.AsnType | undefined, what: string): string {
  if (node instanceof asn1js.ObjectIdentifier) return node.valueBlock.toString();
  throw new Pkcs12Error(`PKCS#12: ${what} is not an object identifier`, 'malformed');
}

/** Bytes of an OCTET STRING or an implicitly tagged one, primitive or chunked (BER). */
function octets(node: asn1js.AsnType | undefined, what: string): Uint8Array {
  if (node instanceof asn1js.OctetString) return new Uint8Array(node.getValue());
  if (node instanceof asn1js.Constructed) {
    const parts = node.valueBlock.value.map((part) => octets(part, what));
    return Buffer.concat(parts);
  }
  if (node instanceof asn1js.Primitive) return new Uint8Array(node.valueBlock.valueHexView);
  throw new Pkcs12Error(`PKCS#12: ${what} is not an octet string`, 'malformed');
}

function integer(node: asn1js.AsnType | undefined, what: string): number {
  if (node instanceof asn1js.Integer) return node.valueBlock.valueDec;
  throw new Pkcs12Error(`PKCS#12: ${what} is not an integer`, 'malformed');
}

function parse(bytes: Uint8Array, what: string): asn1js.AsnType {
  const parsed = asn1js.fromBER(toArrayBuffer(bytes));
  if (parsed.offset === -1) throw new Pkcs12Error(`PKCS#12: ${what} is not valid DER/BER`, 'malformed');
  return parsed.result;
}

function verifyMac(macData: asn1js.AsnType | undefined, authSafe: Uint8Array, passphrase: string): void {
  if (!macData) return; // public-key integrity mode or no MAC: nothing to check here.
  const [digestInfo, saltNode, iterationsNode] = children(macData, 'MacData');
  const [algorithm, digestNode] = children(digestInfo, 'MAC digest');
  const hash = hashFromOid(oidOf(children(algorithm, 'MAC algorithm')[0], 'MAC algorithm'));
  if (!hash) throw new Pkcs12Error('PKCS#12: unsupported MAC algorithm (PBMAC1 or unknown)', 'unsupported');
  const salt = octets(saltNode, 'MAC salt');
  const iterations = iterationsNode ? integer(iterationsNode, 'MAC iterations') : 1;
  const expected = octets(digestNode, 'MAC digest');
  const key = pkcs12Kdf(hash, passphrase, salt, 3, iterations, expected.length);
  const actual = createHmac(hash, key).update(authSafe).digest();
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    throw new Pkcs12Error('wrong passphrase (the PKCS#12 integrity check failed)', 'wrong-passphrase');
  }
}

const PBES2_CIPHERS: Record<string, { name: string; keyLength: number }> = {
  [OID.aes128Cbc]: { name: 'aes-128-cbc', keyLength: 16 },
  [OID.aes192Cbc]: { name: 'aes-192-cbc', keyLength: 24 },
  [OID.aes256Cbc]: { name: 'aes-256-cbc', keyLength: 32 },
  [OID.desEde3Cbc]: { name: 'des-ede3-cbc', keyLength: 24 },
};

const PRF_HASHES: Record<string, string> = {
  [OID.hmacWithSha1]: 'sha1',
  [OID.hmacWithSha256]: 'sha256',
  [OID.hmacWithSha384]: 'sha384',
  [OID.hmacWithSha512]: 'sha512',
};

function decryptContent(algorithm: asn1js.AsnType | undefined, data: Uint8Array, passphrase: string): Uint8Array {
  const [algorithmOid, params] = children(algorithm, 'encryption algorithm');
  const oid = oidOf(algorithmOid, 'encryption algorithm');
  try {
    if (oid === OID.pbes2) {
      const [kdf, scheme] = children(params, 'PBES2 parameters');
      const [kdfOid, kdfParams] = children(kdf, 'PBES2 key derivation');
      if (oidOf(kdfOid, 'key derivation') !== OID.pbkdf2) throw new Pkcs12Error('PKCS#12: only PBKDF2 is supported', 'unsupported');
      const pbkdf2 = children(kdfParams, 'PBKDF2 parameters');
      const salt = octets(pbkdf2[0], 'PBKDF2 salt');
      const iterations = integer(pbkdf2[1], 'PBKDF2 iterations');
      const prfNode = pbkdf2.find((node) => node instanceof asn1js.Sequence);
      const prf = prfNode ? PRF_HASHES[oidOf(children(prfNode, 'PRF')[0], 'PRF')] : 'sha1';
      const [cipherOid, ivNode] = children(scheme, 'PBES2 encryption scheme');
      const cipher = PBES2_CIPHERS[oidOf(cipherOid, 'cipher')];
      if (!cipher || !prf) throw new Pkcs12Error('PKCS#12: unsupported PBES2 cipher or PRF', 'unsupported');
      const key = pbkdf2Sync(Buffer.from(passphrase, 'utf8'), salt, iterations, cipher.keyLength, prf);
      const decipher = createDecipheriv(cipher.name, key, octets(ivNode, 'IV'));
      return Buffer.concat([decipher.update(data), decipher.final()]);
    }
    if (oid === OID.pbeSha1TripleDes) {
      const [saltNode, iterationsNode] = children(params, 'PBE parameters');
      const salt = octets(saltNode, 'PBE salt');
      const iterations = integer(iterationsNode, 'PBE iterations');
      const key = pkcs12Kdf('sha1', passphrase, salt, 1, iterations, 24);
      const iv = pkcs12Kdf('sha1', passphrase, salt, 2, iterations, 8);
      const decipher = createDecipheriv('des-ede3-cbc', key, iv);
      return Buffer.concat([decipher.update(data), decipher.final()]);
    }
  } catch (error) {
    if (error instanceof Pkcs12Error) throw error;
    throw new Pkcs12Error('wrong passphrase (a PKCS#12 bag could not be decrypted)', 'wrong-passphrase');
  }
  if (oid === OID.pbeSha1Rc2_40) {
    throw new Pkcs12Error('PKCS#12 uses legacy RC2-40 encryption; re-export it with AES (openssl pkcs12 -export without -legacy)', 'unsupported');
  }
  throw new Pkcs12Error(`PKCS#12: unsupported encryption ${oid}`, 'unsupported');
}

function readSafeContents(bytes: Uint8Array, passphrase: string, into: { keys: KeyObject[]; certificates: Uint8Array[]; names: string[] }): void {
  for (const bag of children(parse(bytes, 'SafeContents'), 'SafeContents')) {
    const [bagIdNode, bagValueWrapper, attributes] = children(bag, 'SafeBag');
    const bagId = oidOf(bagIdNode, 'bag type');
    const [value] = children(bagValueWrapper, 'bag value');
    if (attributes) {
      for (const attribute of children(attributes, 'bag attributes')) {
        const [type, values] = children(attribute, 'bag attribute');
        const first = children(values, 'attribute values')[0];
        if (oidOf(type, 'attribute type') === OID.friendlyName && first instanceof asn1js.BmpString) into.names.push(first.getValue());
      }
    }
    if (bagId === OID.pkcs8ShroudedKeyBag && value) {
      const der = Buffer.from(value.toBER(false));
      try {
        into.keys.push(createPrivateKey({ key: der, format: 'der', type: 'pkcs8', passphrase }));
      } catch {
        throw new Pkcs12Error('wrong passphrase (the private key could not be decrypted)', 'wrong-passphrase');
      }
    } else if (bagId === OID.keyBag && value) {
      into.keys.push(createPrivateKey({ key: Buffer.from(value.toBER(false)), format: 'der', type: 'pkcs8' }));
    } else if (bagId === OID.certBag) {
      const [certType, certValue] = children(value, 'CertBag');
      if (oidOf(certType, 'certificate type') === OID.x509Certificate) {
        into.certificates.push(octets(children(certValue, 'certificate value')[0], 'certificate'));
      }
    }
    // Other bag types (CRLs, secrets) are not needed for signing and are ignored on purpose.
  }
}

export function readPkcs12(bytes: Uint8Array, passphrase: string): Pkcs12Contents {
  const pfx = children(parse(bytes, 'file'), 'PFX');
  if (integer(pfx[0], 'version') !== 3) throw new Pkcs12Error('PKCS#12: unsupported version', 'unsupported');
  const [typeNode, contentWrapper] = children(pfx[1], 'authSafe');
  if (oidOf(typeNode, 'authSafe type') !== OID.data) throw new Pkcs12Error('PKCS#12: public-key integrity mode is not supported', 'unsupported');
  const authSafe = octets(children(contentWrapper, 'authSafe content')[0], 'authSafe');
  verifyMac(pfx[2], authSafe, passphrase);
  const found = { keys: [] as KeyObject[], certificates: [] as Uint8Array[], names: [] as string[] };
  for (const info of children(parse(authSafe, 'AuthenticatedSafe'), 'AuthenticatedSafe')) {
    const [infoType, infoContent] = children(info, 'ContentInfo');
    const type = oidOf(infoType, 'content type');
    const inner = children(infoContent, 'content')[0];
    if (type === OID.data) {
      readSafeContents(octets(inner, 'SafeContents'), passphrase, found);
    } else if (type === OID.encryptedData) {
      const [, encryptedContentInfo] = children(inner, 'EncryptedData');
      const [, algorithm, encrypted] = children(encryptedContentInfo, 'EncryptedContentInfo');
      readSafeContents(decryptContent(algorithm, octets(encrypted, 'encrypted content'), passphrase), passphrase, found);
    } else {
      throw new Pkcs12Error(`PKCS#12: unsupported content type ${type} (envelope-encrypted bags)`, 'unsupported');
    }
  }
  const [privateKey] = found.keys;
  if (!privateKey) throw new Pkcs12Error('PKCS#12 holds no private key', 'no-key');
  return { privateKey, certificates: found.certificates, friendlyName: found.names[0] };
}
