// Every message our package schema sets itself must have a Norwegian translation in zod-issues.ts; this reads
// the schema source, so a new field with an untranslated message fails here instead of reaching a user.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { translateIssue } from './zod-issues';

const schemaSource = readFileSync(join(import.meta.dirname, '..', 'package', 'schema.ts'), 'utf8');
const messages = [...schemaSource.matchAll(/message: '((?:[^'\\]|\\.)+)'/g)].map((m) => (m[1] ?? '').replace(/\\'/g, "'"));

describe('schema messages', () => {
  it('finds the messages in the schema source', () => {
    expect(messages.length).toBeGreaterThanOrEqual(8);
  });

  it.each(messages)('translates "%s"', (message) => {
    const text = translateIssue({ code: 'custom', path: [], message }, 'x');
    expect(text.en).toBe(message);
    expect(text.nb).not.toBe('har en ugyldig verdi');
  });
});
