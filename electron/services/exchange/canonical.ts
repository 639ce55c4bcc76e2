// Canonical JSON for signed exchange files (docs/exchange-format.md § Canonical form):
// object members sorted by key (UTF-16 code units, as Array.prototype.sort), no whitespace, strings as
// JSON.stringify writes them (UTF-8, only ", \ and controls escaped), integers only (safe range, no exponent,
// no fraction, -0 written as 0), members whose value is undefined omitted. The result is encoded as UTF-8.

export class CanonicalJsonError extends Error {}

function encode(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isSafeInteger(value)) throw new CanonicalJsonError(`${path || '$'}: ${value} is not an integer (exchange files hold integers only)`);
      return String(value === 0 ? 0 : value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map((item, index) => encode(item, `${path}[${index}]`)).join(',')}]`;
      const keys = Object.keys(value).sort();
      const members: string[] = [];
      for (const key of keys) {
        const member = (value as Record<string, unknown>)[key];
        if (member === undefined) continue;
        members.push(`${JSON.stringify(key)}:${encode(member, `${path}.${key}`)}`);
      }
      return `{${members.join(',')}}`;
    }
    default:
      throw new CanonicalJsonError(`${path || '$'}: a ${typeof value} cannot be written as JSON`);
  }
}

export function canonicalJson(value: unknown): string {
  return encode(value, '');
}

export function canonicalBytes(value: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(value));
}
