import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ruleCatalogue } from './catalogue';
import { generateRulesDoc } from './doc';

describe('docs/rules.md', () => {
  it('is what the catalogue generates (run `npm run docs:rules` after changing a rule)', () => {
    const committed = readFileSync(new URL('../../docs/rules.md', import.meta.url), 'utf8');
    expect(committed).toBe(generateRulesDoc(ruleCatalogue));
  });

  it('has one table row per rule, with the quote and the severity', () => {
    const text = generateRulesDoc(ruleCatalogue);
    for (const rule of ruleCatalogue) {
      const row = text.split('\n').find((line) => line.startsWith(`| ${rule.id} |`));
      expect(row, rule.id).toContain(`| ${rule.severity} | ${rule.kind} |`);
    }
    expect(text).toContain('| R27 | SO3 | reject | auto | Minimum 10 deltakere | At least 10 participants | «Det er en forutsetning at prosjektet har minimum 10 deltakere.» |');
  });

  it('escapes table pipes so a quote cannot break the table', () => {
    const [first] = ruleCatalogue;
    if (!first) throw new Error('empty catalogue');
    const text = generateRulesDoc([{ ...first, schemeText: 'a | b' }]);
    expect(text).toContain('«a \\| b»');
  });
});
