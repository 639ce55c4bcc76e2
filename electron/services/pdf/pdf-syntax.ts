// A small, bounded reader of PDF syntax (ISO 32000-1 §7.2–7.3, 7.5): enough to read the objects an
// incremental update replaced, so verification can say what changed after each signature. It reads values
// (dictionaries, arrays, names, strings, numbers, references) but never content streams' data, and refuses
// nesting deeper than MAX_DEPTH so a hostile file cannot exhaust the stack.

export type PdfValue =
  | { kind: 'dict'; entries: Map<string, PdfValue> }
  | { kind: 'array'; items: PdfValue[] }
  | { kind: 'name'; value: string }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'ref'; num: number; gen: number }
  | { kind: 'bool'; value: boolean }
  | { kind: 'null' };

export class PdfSyntaxError extends Error {}

const MAX_DEPTH = 64;
const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

export class PdfReader {
  pos: number;

  constructor(
    readonly bytes: Uint8Array,
    start = 0,
  ) {
    this.pos = start;
  }

  private peek(offset = 0): number {
    return this.bytes[this.pos + offset] ?? -1;
  }

  /** Whitespace and comments (a comment counts as whitespace). */
  skipSpace(): void {
    for (;;) {
      const byte = this.peek();
      if (WHITESPACE.has(byte)) this.pos += 1;
      else if (byte === 0x25) {
        while (this.pos < this.bytes.length && this.peek() !== 0x0a && this.peek() !== 0x0d) this.pos += 1;
      } else return;
    }
  }

  /** A regular token (number, keyword) up to the next whitespace or delimiter. */
  private word(): string {
    const start = this.pos;
    while (this.pos < this.bytes.length && !WHITESPACE.has(this.peek()) && !DELIMITERS.has(this.peek())) this.pos += 1;
    return Buffer.from(this.bytes.subarray(start, this.pos)).toString('latin1');
  }

  keyword(expected: string): boolean {
    this.skipSpace();
    const save = this.pos;
    if (this.word() === expected) return true;
    this.pos = save;
    return false;
  }

  private name(): string {
    this.pos += 1;
    const raw = this.word();
    return raw.replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  }

  private literalString(): string {
    this.pos += 1;
    let depth = 1;
    let out = '';
    while (this.pos < this.bytes.length) {
      const byte = this.peek();
      this.pos += 1;
      if (byte === 0x5c) {
        out += String.fromCharCode(this.peek());
        this.pos += 1;
      } else if (byte === 0x28) {
        depth += 1;
        out += '(';
      } else if (byte === 0x29) {
        depth -= 1;
        if (depth === 0) return out;
        out += ')';
      } else out += String.fromCharCode(byte);
    }
    throw new PdfSyntaxError('unterminated string');
  }

  private hexString(): string {
    const end = this.bytes.indexOf(0x3e, this.pos);
    if (end < 0) throw new PdfSyntaxError('unterminated hex string');
    const hex = Buffer.from(this.bytes.subarray(this.pos + 1, end)).toString('latin1').replace(/\s+/g, '');
    this.pos = end + 1;
    return hex.toLowerCase();
  }

  /** One value; `n g R` is read as a reference. */
  value(depth = 0): PdfValue {
    if (depth > MAX_DEPTH) throw new PdfSyntaxError(`nesting deeper than ${MAX_DEPTH}`);
    this.skipSpace();
    const byte = this.peek();
    if (byte < 0) throw new PdfSyntaxError('unexpected end of file');
    if (byte === 0x3c && this.peek(1) === 0x3c) {
      this.pos += 2;
      const entries = new Map<string, PdfValue>();
      for (;;) {
        this.skipSpace();
        if (this.peek() === 0x3e && this.peek(1) === 0x3e) {
          this.pos += 2;
          return { kind: 'dict', entries };
        }
        if (this.peek() !== 0x2f) throw new PdfSyntaxError(`dictionary key expected at byte ${this.pos}`);
        const key = this.name();
        entries.set(key, this.value(depth + 1));
      }
    }
    if (byte === 0x5b) {
      this.pos += 1;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipSpace();
        if (this.peek() === 0x5d) {
          this.pos += 1;
          return { kind: 'array', items };
        }
        items.push(this.value(depth + 1));
      }
    }
    if (byte === 0x2f) return { kind: 'name', value: this.name() };
    if (byte === 0x28) return { kind: 'string', value: this.literalString() };
    if (byte === 0x3c) return { kind: 'string', value: this.hexString() };
    const token = this.word();
    if (token === '') throw new PdfSyntaxError(`unexpected byte ${byte} at ${this.pos}`);
    if (token === 'true' || token === 'false') return { kind: 'bool', value: token === 'true' };
    if (token === 'null') return { kind: 'null' };
    if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(token)) throw new PdfSyntaxError(`unexpected "${token.slice(0, 20)}" at byte ${this.pos}`);
    const value = Number(token);
    // "n g R": look ahead for the generation and R without consuming them otherwise.
    if (/^\d+$/.test(token)) {
      const save = this.pos;
      this.skipSpace();
      const gen = this.word();
      if (/^\d+$/.test(gen)) {
        this.skipSpace();
        if (this.peek() === 0x52 && (WHITESPACE.has(this.peek(1)) || DELIMITERS.has(this.peek(1)) || this.peek(1) < 0)) {
          this.pos += 1;
          return { kind: 'ref', num: value, gen: Number(gen) };
        }
      }
      this.pos = save;
    }
    return { kind: 'number', value };
  }
}

export interface IndirectObject {
  num: number;
  gen: number;
  value: PdfValue;
  /** Where the stream data starts, when the object is a stream. */
  streamStart: number | undefined;
}

/** The indirect object `num gen obj … endobj` at `offset`. */
export function readObjectAt(bytes: Uint8Array, offset: number): IndirectObject {
  const reader = new PdfReader(bytes, offset);
  const num = reader.value();
  const gen = reader.value();
  if (num.kind !== 'number' || gen.kind !== 'number' || !reader.keyword('obj')) throw new PdfSyntaxError(`no object at byte ${offset}`);
  const value = reader.value();
  let streamStart: number | undefined;
  if (value.kind === 'dict' && reader.keyword('stream')) {
    if (reader.bytes[reader.pos] === 0x0d) reader.pos += 1;
    if (reader.bytes[reader.pos] === 0x0a) reader.pos += 1;
    streamStart = reader.pos;
  }
  return { num: num.value, gen: gen.value, value, streamStart };
}

export function dictGet(value: PdfValue | undefined, key: string): PdfValue | undefined {
  return value?.kind === 'dict' ? value.entries.get(key) : undefined;
}

export function nameOf(value: PdfValue | undefined): string | undefined {
  return value?.kind === 'name' ? value.value : undefined;
}

/** A stable text form, so two values compare equal exactly when they mean the same. */
export function valueKey(value: PdfValue | undefined): string {
  if (value === undefined) return '∅';
  switch (value.kind) {
    case 'dict':
      return `<<${[...value.entries.keys()]
        .sort()
        .map((key) => `/${key} ${valueKey(value.entries.get(key))}`)
        .join(' ')}>>`;
    case 'array':
      return `[${value.items.map(valueKey).join(' ')}]`;
    case 'name':
      return `/${value.value}`;
    case 'string':
      return `(${JSON.stringify(value.value)})`;
    case 'number':
      return String(value.value);
    case 'ref':
      return `${value.num} ${value.gen} R`;
    case 'bool':
      return String(value.value);
    case 'null':
      return 'null';
  }
}
