// A strict JSON reader for signed exchange files (issue 8 point 2). JSON.parse silently keeps the last of two
// equal keys and reads "4.0", "4e0" and "-0" as 4, so what one reader verifies another could read differently.
// This reader refuses, with the line and column: duplicate keys, numbers that are not integers written the
// canonical way (docs/exchange-format.md § Canonical form), lone surrogates, and nesting deeper than MAX_DEPTH.
// Input must already be decoded as strict UTF-8 (see decodeUtf8Strict).

export class StrictJsonError extends Error {}

const MAX_DEPTH = 100;
const CANONICAL_INTEGER = /^(0|-?[1-9]\d*)$/;

/** UTF-8 → string, refusing invalid bytes (Buffer.toString would replace them with U+FFFD silently). */
export function decodeUtf8Strict(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new StrictJsonError('the file is not valid UTF-8');
  }
}

export function parseStrictJson(text: string): unknown {
  let pos = 0;
  const where = (at = pos): string => {
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    return `line ${line}, column ${at - before.lastIndexOf('\n')}`;
  };
  const fail = (message: string, at = pos): never => {
    // Running out of text outside a string is one case, whatever was expected next: a truncated file.
    if (at >= text.length) throw new StrictJsonError(`unexpected end of the text (truncated?) at ${where(at)}`);
    throw new StrictJsonError(`${message} at ${where(at)}`);
  };
  const space = () => {
    while (pos < text.length && ' \t\n\r'.includes(text[pos] ?? '')) pos += 1;
  };
  const literal = (word: string, value: unknown): unknown => {
    if (text.startsWith(word, pos)) {
      pos += word.length;
      return value;
    }
    return fail('unexpected character');
  };
  const string = (): string => {
    const start = pos;
    pos += 1;
    let out = '';
    for (;;) {
      const char = text[pos];
      if (char === undefined) return fail('unterminated string', start);
      if (char === '"') {
        pos += 1;
        break;
      }
      if (char < ' ') fail('control character in a string');
      if (char === '\\') {
        const escape = text[pos + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (escape !== undefined && simple[escape] !== undefined) {
          out += simple[escape];
          pos += 2;
        } else if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6))) {
          out += String.fromCharCode(parseInt(text.slice(pos + 2, pos + 6), 16));
          pos += 6;
        } else fail('bad escape in a string');
      } else {
        out += char;
        pos += 1;
      }
    }
    // A lone surrogate (from \ud800 without its pair) has no UTF-8 form: readers would disagree on it.
    if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(out)) fail('lone surrogate in a string', start);
    return out;
  };
  const value = (depth: number): unknown => {
    if (depth > MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH}`);
    space();
    const char = text[pos];
    if (char === '{') {
      pos += 1;
      const object: Record<string, unknown> = {};
      const keys = new Set<string>();
      space();
      if (text[pos] === '}') {
        pos += 1;
        return object;
      }
      for (;;) {
        space();
        if (text[pos] !== '"') fail('a key (string) expected');
        const keyAt = pos;
        const key = string();
        if (keys.has(key)) fail(`duplicate key ${JSON.stringify(key)}`, keyAt);
        keys.add(key);
        space();
        if (text[pos] !== ':') fail('":" expected');
        pos += 1;
        // defineProperty: a key "__proto__" stays an ordinary member instead of replacing the prototype.
        Object.defineProperty(object, key, { value: value(depth + 1), enumerable: true, writable: true, configurable: true });
        space();
        if (text[pos] === ',') pos += 1;
        else if (text[pos] === '}') {
          pos += 1;
          return object;
        } else fail('"," or "}" expected');
      }
    }
    if (char === '[') {
      pos += 1;
      const array: unknown[] = [];
      space();
      if (text[pos] === ']') {
        pos += 1;
        return array;
      }
      for (;;) {
        array.push(value(depth + 1));
        space();
        if (text[pos] === ',') pos += 1;
        else if (text[pos] === ']') {
          pos += 1;
          return array;
        } else fail('"," or "]" expected');
      }
    }
    if (char === '"') return string();
    if (char === 't') return literal('true', true);
    if (char === 'f') return literal('false', false);
    if (char === 'n') return literal('null', null);
    const match = /^-?\d[\d.eE+-]*|^-/.exec(text.slice(pos, pos + 64));
    if (!match) return fail('unexpected character');
    const token = match[0];
    if (!CANONICAL_INTEGER.test(token) || !Number.isSafeInteger(Number(token))) {
      fail(`${token} is not an integer written canonically (exchange files hold integers only, as 0, 7 or -12)`);
    }
    pos += token.length;
    return Number(token);
  };
  const result = value(0);
  space();
  if (pos !== text.length) fail('text after the end of the JSON value');
  return result;
}
