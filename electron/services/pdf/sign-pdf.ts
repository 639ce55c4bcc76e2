// Sign a prepared PDF (with placeholder) through @signpdf and our pkijs CMS signer. Always the last step:
// any later re-save would break the signature.
import { SignPdf } from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import { signDetached } from '../signing/cms';
import type { Identity } from '../signing/identity';

/** PAdES B-B: no CMS signing-time attribute (ETSI EN 319 142-1); the time is the dictionary's /M. */
class PkijsSigner extends Signer {
  constructor(private readonly identity: Identity) {
    super();
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return Buffer.from(await signDetached(pdfBuffer, this.identity));
  }
}

const signpdf = new SignPdf();

export async function signPdf(prepared: Uint8Array, identity: Identity): Promise<Uint8Array> {
  return new Uint8Array(await signpdf.sign(Buffer.from(prepared), new PkijsSigner(identity)));
}
