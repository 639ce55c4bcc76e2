import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findRule, ruleCatalogue, ruleIds } from './catalogue';
import type { RuleDefinition, RuleSeverity } from './types';
import { baseApplication, run, scheme2021 } from './test-support';

const referenceText = readFileSync(new URL('../../resources/reference/ordning-kommunale-integreringstiltak-2021.txt', import.meta.url), 'utf8');

/** The wording rule of DESIGN.md §3, with whole-word matching (so "måter" is not "må"). */
function severityFromWording(sentence: string): RuleSeverity {
  if (/(?<!\p{L})(forutsetning|skal|må)(?!\p{L})/iu.test(sentence)) return 'reject';
  if (/(?<!\p{L})(prioriter\p{L}*|bør|fordel|oppfordres)(?!\p{L})/iu.test(sentence)) return 'priority';
  return 'info';
}

describe('rule catalogue', () => {
  it('has R01–R41 exactly once each, in id order', () => {
    expect(ruleIds()).toEqual(Array.from({ length: 41 }, (_, index) => `R${String(index + 1).padStart(2, '0')}`));
  });

  it('finds rules by id', () => {
    expect(findRule('R27')?.title.en).toBe('At least 10 participants');
    expect(findRule('R99')).toBeUndefined();
  });

  it.each(ruleCatalogue.map((rule) => [rule.id, rule] as const))('%s quotes the scheme text verbatim', (_id, rule) => {
    expect(rule.schemeText.length).toBeGreaterThan(10);
    expect(referenceText).toContain(rule.schemeText);
  });

  it.each(ruleCatalogue.map((rule) => [rule.id, rule] as const))(
    '%s has the severity of its wording, or a note saying why not',
    (_id, rule: RuleDefinition) => {
      const fromWording = severityFromWording(rule.schemeText);
      if (fromWording === rule.severity) expect(rule.severityNote).toBeUndefined();
      else expect(rule.severityNote?.nb.length ?? 0).toBeGreaterThan(20);
    },
  );

  it('has titles in both languages', () => {
    for (const rule of ruleCatalogue) {
      expect(rule.title.nb.trim()).not.toBe('');
      expect(rule.title.en.trim()).not.toBe('');
      expect(rule.title.nb).not.toBe(rule.title.en);
    }
  });

  it('gives the general rules to every focus area and the others to the focus areas the scheme lists', () => {
    const scheme = scheme2021();
    for (const rule of ruleCatalogue) {
      const listedIn = scheme.focusAreas.filter((area) => area.requirementIds.includes(rule.id)).map((area) => area.id);
      if (rule.focusAreas === 'all') expect(listedIn, rule.id).toEqual([]);
      else expect(listedIn, rule.id).toEqual([...rule.focusAreas]);
    }
    expect(ruleCatalogue.filter((rule) => rule.focusAreas === 'all').map((rule) => rule.id)).toEqual(
      Array.from({ length: 16 }, (_, index) => `R${String(index + 1).padStart(2, '0')}`),
    );
  });
});

// Rules that describe the scheme and read nothing from the package; they need no data from an export.
const READS_NO_PACKAGE_DATA = new Set(['R04', 'R07', 'R13', 'R14', 'R21', 'R34']);

describe('case-system exports without the data', () => {
  it.each(ruleCatalogue.filter((rule) => !READS_NO_PACKAGE_DATA.has(rule.id)).map((rule) => [rule.id, rule] as const))(
    '%s returns review and says the data is not in the export',
    (_id, rule) => {
      const focusArea = rule.focusAreas === 'all' ? 1 : (rule.focusAreas[0] ?? 1);
      const outcome = run(rule, baseApplication(focusArea), []);
      expect(outcome.status).toBe('review');
      expect(outcome.reason.nb).toContain('finnes ikke i eksporten');
      expect(outcome.reason.en).toContain('not in the case-system export');
    },
  );

  it.each([...READS_NO_PACKAGE_DATA].map((id) => [id] as const))('%s still gives its information', (id) => {
    const rule = findRule(id);
    if (!rule) throw new Error(`${id} missing`);
    const focusArea = rule.focusAreas === 'all' ? 1 : (rule.focusAreas[0] ?? 1);
    expect(['pass', 'review']).toContain(run(rule, baseApplication(focusArea), []).status);
  });
});
