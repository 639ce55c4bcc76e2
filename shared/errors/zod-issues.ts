// Translates zod issues into short nb/en messages. Users never see zod's own text: a small table by issue
// code, plus a table for the messages our schemas set themselves (they are English; nb is added here).
import type { LocalizedText } from '../i18n/localized';

/** The subset of a zod 4 issue we read; zod's type is wider, this keeps the translator independent of it. */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  expected?: unknown;
  values?: readonly unknown[];
  keys?: readonly string[];
  origin?: string;
  format?: string;
  minimum?: unknown;
  maximum?: unknown;
}

/** Messages set in our zod schemas (shared/package/schema.ts …) with their Norwegian text. */
const SCHEMA_MESSAGES: Readonly<Record<string, string>> = {
  'must be an ISO 8601 date-time with an offset, e.g. 2021-02-09T12:00:00+01:00':
    'må være dato og klokkeslett etter ISO 8601 med tidssone, f.eks. 2021-02-09T12:00:00+01:00',
  'is not a real date-time': 'er ikke et gyldig tidspunkt',
  'must be a date in the form YYYY-MM-DD': 'må være en dato på formen ÅÅÅÅ-MM-DD',
  'is not a real calendar date': 'er ikke en gyldig dato',
  'must be 9 digits': 'må være 9 sifre',
  'fails the MOD11 check digit': 'har feil kontrollsiffer (MOD11) og er ikke et gyldig organisasjonsnummer',
  'must be 4 digits, e.g. "0301"': 'må være 4 sifre, f.eks. «0301»',
  'must be whole kroner (an integer)': 'må være hele kroner (et heltall)',
  'must be 1–64 letters, digits, ".", "_" or "-"': 'må være 1–64 bokstaver, sifre, «.», «_» eller «-»',
  'must be a focus area 1–6': 'må være et satsingsområde 1–6',
  'must be a relative path inside the package without ".." or backslashes':
    'må være en relativ sti inne i pakken uten «..» eller omvendt skråstrek',
};

const TYPE_WORDS: Readonly<Record<string, LocalizedText>> = {
  string: { nb: 'tekst', en: 'a string' },
  number: { nb: 'et tall', en: 'a number' },
  int: { nb: 'et heltall', en: 'an integer' },
  boolean: { nb: 'true eller false', en: 'true or false' },
  object: { nb: 'et objekt', en: 'an object' },
  array: { nb: 'en liste', en: 'a list' },
  null: { nb: 'null', en: 'null' },
};

function typeWord(type: string): LocalizedText {
  return TYPE_WORDS[type] ?? { nb: type, en: type };
}

/** The JSON type of a value, in the words of TYPE_WORDS. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function show(value: unknown): string {
  return typeof value === 'string' ? `"${value}"` : String(value);
}

/** A date-time written without a zone, e.g. "2021-02-09T12:00:00": the classic mistake worth its own message. */
const DATE_TIME_WITHOUT_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;

/**
 * One message for one issue. `value` is the input at the issue's path (undefined when missing).
 * Unknown custom messages fall back to a generic Norwegian text and keep the schema's English text.
 */
export function translateIssue(issue: IssueLike, value: unknown): LocalizedText {
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) return { nb: 'mangler', en: 'is missing' };
      const expected = typeWord(String(issue.expected));
      const received = typeWord(jsonTypeOf(value));
      if (issue.expected === 'int') {
        return { nb: `må være ${expected.nb}, ikke ${show(value)}`, en: `must be ${expected.en}, not ${show(value)}` };
      }
      return { nb: `må være ${expected.nb}, ikke ${received.nb}`, en: `must be ${expected.en}, not ${received.en}` };
    }
    case 'invalid_value': {
      const allowed = (issue.values ?? []).map(show).join(', ');
      return { nb: `${show(value)} er ikke tillatt; må være en av: ${allowed}`, en: `${show(value)} is not allowed; must be one of: ${allowed}` };
    }
    case 'unrecognized_keys':
      return { nb: 'ukjent felt', en: 'unknown field' };
    case 'too_small':
    case 'too_big':
      return translateSize(issue, value);
    case 'invalid_format': {
      // Only for fields that ask for an offset: a calendar-date field given a time needs the other message.
      if (/offset/i.test(issue.message) && typeof value === 'string' && DATE_TIME_WITHOUT_OFFSET.test(value)) {
        return {
          nb: `${show(value)} mangler tidssone; skriv f.eks. ${value}+01:00 eller ${value}Z`,
          en: `${show(value)} has no offset; write e.g. ${value}+01:00 or ${value}Z`,
        };
      }
      if (issue.format === 'email') return { nb: 'må være en e-postadresse', en: 'must be an e-mail address' };
      return fromSchemaMessage(issue, { nb: 'har feil format', en: 'has the wrong format' });
    }
    case 'custom':
      return fromSchemaMessage(issue, { nb: 'har en ugyldig verdi', en: 'has an invalid value' });
    default:
      return { nb: 'har en ugyldig verdi', en: 'has an invalid value' };
  }
}

function fromSchemaMessage(issue: IssueLike, fallback: LocalizedText): LocalizedText {
  const nb = SCHEMA_MESSAGES[issue.message];
  if (nb !== undefined) return { nb, en: issue.message };
  // A message of our own that nobody translated yet: keep its English, use the generic Norwegian.
  return /^(Invalid|Too )/.test(issue.message) ? fallback : { nb: fallback.nb, en: issue.message };
}

function translateSize(issue: IssueLike, value: unknown): LocalizedText {
  const known = SCHEMA_MESSAGES[issue.message];
  if (known !== undefined) return { nb: `${show(value)}: ${known}`, en: `${show(value)}: ${issue.message}` };
  const small = issue.code === 'too_small';
  const limit = String(small ? issue.minimum : issue.maximum);
  switch (issue.origin) {
    case 'string':
      if (small && limit === '1') return { nb: 'kan ikke være tom', en: 'may not be empty' };
      return small
        ? { nb: `må ha minst ${limit} tegn`, en: `must have at least ${limit} characters` }
        : { nb: `kan ha høyst ${limit} tegn`, en: `may have at most ${limit} characters` };
    case 'array':
      return small
        ? { nb: `må ha minst ${limit} ${limit === '1' ? 'element' : 'elementer'}`, en: `must have at least ${limit} ${limit === '1' ? 'item' : 'items'}` }
        : { nb: `kan ha høyst ${limit} ${limit === '1' ? 'element' : 'elementer'}`, en: `may have at most ${limit} ${limit === '1' ? 'item' : 'items'}` };
    default:
      return small
        ? { nb: `${show(value)} er for lite; minst ${limit}`, en: `${show(value)} is too small; at least ${limit}` }
        : { nb: `${show(value)} er for stort; høyst ${limit}`, en: `${show(value)} is too large; at most ${limit}` };
  }
}

/** "applicant.organisationNumber", "budget[1].totalCost". */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

/** The input value at a zod path, or undefined when any step is missing. */
export function valueAtPath(root: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = root;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
