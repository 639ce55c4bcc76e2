// Incremental updates written by hand, as an attacker (or another signing tool) would append them to a signed
// PDF: new object versions, a classic xref section with /Prev, a trailer. Used to build the multi-signature
// attacks of issue 8 point 2. Independent of the verifier under test (pdf-lib reads the original objects).
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import { signDetached } from '../../electron/services/signing/cms';
import type { Identity } from '../../electron/services/signing/identity';

export interface NewObject {
  num: number;
  body: string;
}

function lastTrailer(bytes: Uint8Array): { root: string; size: number; startxref: number } {
  const text = Buffer.from(bytes).toString('latin1');
  const trailer = text.slice(text.lastIndexOf('trailer'));
  const root = /\/Root\s+(\d+\s+\d+\s+R)/.exec(trailer)?.[1];
  const size = Number(/\/Size\s+(\d+)/.exec(trailer)?.[1]);
  const startxref = Number(/startxref\s+(\d+)/.exec(text.slice(text.lastIndexOf('startxref')))?.[1]);
  if (!root || !Number.isInteger(size) || !Number.isInteger(startxref)) throw new Error('test helper: no classic trailer found');
  return { root, size, startxref };
}

/** Appends one incremental update holding `objects` (new numbers or new versions of existing ones). */
export function appendUpdate(bytes: Uint8Array, objects: readonly NewObject[]): Uint8Array {
  const previous = lastTrailer(bytes);
  let text = Buffer.from(bytes).toString('latin1');
  if (!text.endsWith('\n')) text += '\n';
  const offsets: Array<[number, number]> = [];
  for (const object of objects) {
    offsets.push([object.num, Buffer.byteLength(text, 'latin1')]);
    text += `${object.num} 0 obj\n${object.body}\nendobj\n`;
  }
  const xrefAt = Buffer.byteLength(text, 'latin1');
  text += 'xref\n0 1\n0000000000 65535 f \n';
  for (const [num, offset] of offsets) text += `${num} 1\n${String(offset).padStart(10, '0')} 00000 n \n`;
  const size = Math.max(previous.size, ...objects.map((object) => object.num + 1));
  text += `trailer\n<< /Size ${size} /Root ${previous.root} /Prev ${previous.startxref} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

export async function firstPage(bytes: Uint8Array): Promise<{ doc: PDFDocument; ref: PDFRef; node: PDFDict; size: number }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const page = doc.getPages()[0];
  if (!page) throw new Error('test helper: no page');
  return { doc, ref: page.ref, node: page.node, size: lastTrailer(bytes).size };
}

/** The attack: page 1's content replaced by a new content stream (one black box instead of the assessment). */
export async function replaceFirstPage(bytes: Uint8Array): Promise<Uint8Array> {
  const { ref, node, size } = await firstPage(bytes);
  const content = '0 0 0 rg 72 600 200 100 re f';
  node.set(PDFName.of('Contents'), PDFRef.of(size));
  return appendUpdate(bytes, [
    { num: size, body: `<< /Length ${content.length} >>\nstream\n${content}\nendstream` },
    { num: ref.objectNumber, body: node.toString() },
  ]);
}

const CONTENTS_HEX = 16384;
const RANGE_PLACEHOLDER = '/ByteRange [0 0000000000 0000000000 0000000000]';

/**
 * A second signature added the way PDF signing tools do it: a new signature dictionary and field/widget, the
 * page's /Annots and the AcroForm's /Fields grown by that field, in one incremental update, signed over all but
 * its /Contents. `extra` objects go into the same update (to test what a countersignature may not carry).
 */
export async function countersign(bytes: Uint8Array, identity: Identity, extra: readonly NewObject[] = []): Promise<Uint8Array> {
  const { doc, ref, node, size } = await firstPage(bytes);
  const sigNum = size;
  const widgetNum = size + 1;
  const annots = node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  const annotRefs = annots ? annots.asArray().map(String) : [];
  node.set(PDFName.of('Annots'), doc.context.obj([...annotRefs.map((entry) => PDFRef.of(Number(entry.split(' ')[0]))), PDFRef.of(widgetNum)]));
  const acroRef = doc.catalog.get(PDFName.of('AcroForm'));
  const acroForm = doc.catalog.lookup(PDFName.of('AcroForm'), PDFDict);
  const fields = acroForm.lookup(PDFName.of('Fields'), PDFArray);
  acroForm.set(PDFName.of('Fields'), doc.context.obj([...fields.asArray(), PDFRef.of(widgetNum)]));
  acroForm.set(PDFName.of('SigFlags'), doc.context.obj(3));
  const objects: NewObject[] = [
    { num: sigNum, body: `<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached ${RANGE_PLACEHOLDER} /Contents <${'0'.repeat(CONTENTS_HEX)}> /M (D:20210316120000+01'00') >>` },
    { num: widgetNum, body: `<< /Type /Annot /Subtype /Widget /FT /Sig /T (Kontrasignatur) /F 132 /Rect [0 0 0 0] /V ${sigNum} 0 R /P ${ref.toString()} >>` },
    { num: ref.objectNumber, body: node.toString() },
    ...extra,
  ];
  if (acroRef instanceof PDFRef) objects.push({ num: acroRef.objectNumber, body: acroForm.toString() });
  else objects.push({ num: doc.context.getObjectRef(doc.catalog)?.objectNumber ?? 1, body: doc.catalog.toString() });
  const prepared = Buffer.from(appendUpdate(bytes, objects));
  const text = prepared.toString('latin1');
  const contentsAt = text.indexOf(`/Contents <${'0'.repeat(CONTENTS_HEX)}>`) + '/Contents '.length;
  const gapEnd = contentsAt + CONTENTS_HEX + 2;
  const range = `/ByteRange [0 ${contentsAt} ${gapEnd} ${prepared.length - gapEnd}]`;
  const rangeAt = text.indexOf(RANGE_PLACEHOLDER);
  prepared.write(range.padEnd(RANGE_PLACEHOLDER.length, ' '), rangeAt, 'latin1');
  const signed = Buffer.concat([prepared.subarray(0, contentsAt), prepared.subarray(gapEnd)]);
  const cms = Buffer.from(await signDetached(signed, identity)).toString('hex');
  prepared.write(`<${cms.padEnd(CONTENTS_HEX, '0')}>`, contentsAt, 'latin1');
  return new Uint8Array(prepared);
}
