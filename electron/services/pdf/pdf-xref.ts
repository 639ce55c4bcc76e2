// The cross-reference of one revision of a PDF (ISO 32000-1 §7.5.4–7.5.8): which object number lives where,
// following /Prev through every earlier update. Classic tables and cross-reference streams (Flate, PNG
// predictors) are read; sizes are bounded so a hostile file cannot make us allocate without limit.
import { inflateSync } from 'node:zlib';
import type { PdfValue } from './pdf-syntax';
import { dictGet, nameOf, PdfReader, PdfSyntaxError, readObjectAt } from './pdf-syntax';

export type XrefEntry = { type: 'free' } | { type: 'offset'; offset: number; gen: number } | { type: 'compressed'; stream: number; index: number };

export interface Revision {
  entries: Map<number, XrefEntry>;
  /** The newest trailer (for an xref stream: its dictionary). */
  trailer: PdfValue;
}

const MAX_SECTIONS = 10_000;
const MAX_ENTRIES = 2_000_000;
const MAX_XREF_STREAM_BYTES = 64 * 1024 * 1024;

/** The offset after the last `startxref` that lies before `end`. */
export function startXrefBefore(bytes: Uint8Array, end: number): number {
  const tail = Buffer.from(bytes.subarray(Math.max(0, end - 2048), end)).toString('latin1');
  const at = tail.lastIndexOf('startxref');
  const match = at < 0 ? null : /^startxref\s+(\d+)/.exec(tail.slice(at));
  if (!match?.[1]) throw new PdfSyntaxError('no startxref before the end of this revision');
  return Number(match[1]);
}

function numberValue(value: PdfValue | undefined, what: string): number {
  if (value?.kind !== 'number' || !Number.isSafeInteger(value.value) || value.value < 0) throw new PdfSyntaxError(`${what} is not a whole number`);
  return value.value;
}

function readClassicSection(bytes: Uint8Array, offset: number, into: Map<number, XrefEntry>): PdfValue {
  const reader = new PdfReader(bytes, offset);
  if (!reader.keyword('xref')) throw new PdfSyntaxError(`no xref at byte ${offset}`);
  while (!reader.keyword('trailer')) {
    const first = numberValue(reader.value(), 'xref subsection start');
    const count = numberValue(reader.value(), 'xref subsection count');
    if (count > MAX_ENTRIES) throw new PdfSyntaxError('xref subsection too large');
    for (let index = 0; index < count; index += 1) {
      const position = numberValue(reader.value(), 'xref offset');
      const gen = numberValue(reader.value(), 'xref generation');
      const kind = reader.keyword('n') ? 'n' : reader.keyword('f') ? 'f' : undefined;
      if (kind === undefined) throw new PdfSyntaxError(`bad xref entry near byte ${reader.pos}`);
      const num = first + index;
      if (!into.has(num)) into.set(num, kind === 'n' ? { type: 'offset', offset: position, gen } : { type: 'free' });
      if (into.size > MAX_ENTRIES) throw new PdfSyntaxError('too many objects');
    }
  }
  return reader.value();
}

function unpredict(data: Buffer, columns: number, predictor: number): Buffer {
  if (predictor < 10) {
    if (predictor === 1) return data;
    throw new PdfSyntaxError(`unsupported predictor ${predictor}`);
  }
  const rowLength = columns + 1;
  const rows = Math.floor(data.length / rowLength);
  const out = Buffer.alloc(rows * columns);
  for (let row = 0; row < rows; row += 1) {
    const filter = data[row * rowLength] ?? 0;
    for (let column = 0; column < columns; column += 1) {
      const raw = data[row * rowLength + 1 + column] ?? 0;
      const left = column > 0 ? (out[row * columns + column - 1] ?? 0) : 0;
      const up = row > 0 ? (out[(row - 1) * columns + column] ?? 0) : 0;
      const upLeft = row > 0 && column > 0 ? (out[(row - 1) * columns + column - 1] ?? 0) : 0;
      let predicted = 0;
      if (filter === 1) predicted = left;
      else if (filter === 2) predicted = up;
      else if (filter === 3) predicted = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        predicted = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      out[row * columns + column] = (raw + predicted) & 0xff;
    }
  }
  return out;
}

function readXrefStream(bytes: Uint8Array, offset: number, into: Map<number, XrefEntry>): PdfValue {
  const object = readObjectAt(bytes, offset);
  const dict = object.value;
  if (nameOf(dictGet(dict, 'Type')) !== 'XRef' || object.streamStart === undefined) throw new PdfSyntaxError(`no xref stream at byte ${offset}`);
  const length = numberValue(dictGet(dict, 'Length'), 'xref stream /Length');
  if (length > MAX_XREF_STREAM_BYTES || object.streamStart + length > bytes.length) throw new PdfSyntaxError('xref stream /Length out of range');
  let data: Buffer = Buffer.from(bytes.subarray(object.streamStart, object.streamStart + length));
  const filter = nameOf(dictGet(dict, 'Filter'));
  if (filter === 'FlateDecode') data = inflateSync(data, { maxOutputLength: MAX_XREF_STREAM_BYTES });
  else if (filter !== undefined) throw new PdfSyntaxError(`unsupported xref stream filter ${filter}`);
  const widths = dictGet(dict, 'W');
  if (widths?.kind !== 'array' || widths.items.length !== 3) throw new PdfSyntaxError('xref stream /W is not three numbers');
  const [w1, w2, w3] = widths.items.map((item) => numberValue(item, '/W'));
  if (w1 === undefined || w2 === undefined || w3 === undefined || w1 > 8 || w2 > 8 || w3 > 8) throw new PdfSyntaxError('xref stream /W out of range');
  const rowWidth = w1 + w2 + w3;
  const params = dictGet(dict, 'DecodeParms');
  const predictor = params ? numberValue(dictGet(params, 'Predictor') ?? { kind: 'number', value: 1 }, '/Predictor') : 1;
  data = unpredict(data, params ? numberValue(dictGet(params, 'Columns') ?? { kind: 'number', value: 1 }, '/Columns') : rowWidth, predictor);
  const size = numberValue(dictGet(dict, 'Size'), 'xref stream /Size');
  const indexValue = dictGet(dict, 'Index');
  const index = indexValue?.kind === 'array' ? indexValue.items.map((item) => numberValue(item, '/Index')) : [0, size];
  const field = (row: number, start: number, width: number, fallback: number): number => {
    if (width === 0) return fallback;
    let value = 0;
    for (let i = 0; i < width; i += 1) value = value * 256 + (data[row * rowWidth + start + i] ?? 0);
    return value;
  };
  let row = 0;
  for (let pair = 0; pair + 1 < index.length; pair += 2) {
    const first = index[pair] ?? 0;
    const count = index[pair + 1] ?? 0;
    if (count > MAX_ENTRIES) throw new PdfSyntaxError('xref stream section too large');
    for (let i = 0; i < count; i += 1, row += 1) {
      if ((row + 1) * rowWidth > data.length) throw new PdfSyntaxError('xref stream shorter than its /Index says');
      const type = field(row, 0, w1, 1);
      const second = field(row, w1, w2, 0);
      const third = field(row, w1 + w2, w3, 0);
      const num = first + i;
      if (into.has(num)) continue;
      if (type === 0) into.set(num, { type: 'free' });
      else if (type === 1) into.set(num, { type: 'offset', offset: second, gen: third });
      else if (type === 2) into.set(num, { type: 'compressed', stream: second, index: third });
      if (into.size > MAX_ENTRIES) throw new PdfSyntaxError('too many objects');
    }
  }
  return dict;
}

/** The object table as a reader sees it from the xref at `startxref` (newest section wins). */
export function readRevision(bytes: Uint8Array, startxref: number): Revision {
  const entries = new Map<number, XrefEntry>();
  let trailer: PdfValue | undefined;
  const seen = new Set<number>();
  let next: number | undefined = startxref;
  while (next !== undefined) {
    if (seen.has(next) || seen.size >= MAX_SECTIONS || next >= bytes.length) throw new PdfSyntaxError(`xref chain broken at byte ${next}`);
    seen.add(next);
    const reader = new PdfReader(bytes, next);
    const classic = reader.keyword('xref');
    const sectionTrailer = classic ? readClassicSection(bytes, next, entries) : readXrefStream(bytes, next, entries);
    // A hybrid file's /XRefStm holds the compressed objects of this same section (§7.5.8.4).
    const hybrid = dictGet(sectionTrailer, 'XRefStm');
    if (classic && hybrid) readXrefStream(bytes, numberValue(hybrid, '/XRefStm'), entries);
    trailer ??= sectionTrailer;
    const prev = dictGet(sectionTrailer, 'Prev');
    next = prev === undefined ? undefined : numberValue(prev, '/Prev');
  }
  if (!trailer) throw new PdfSyntaxError('no trailer');
  return { entries, trailer };
}
