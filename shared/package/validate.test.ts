import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatErrorLine } from '../errors/format';
import type { PackageProblem } from './validate';
import { lineAndColumn, packageProblemsToError, validatePackageJson } from './validate';

const fixtures = join(import.meta.dirname, '..', '..', 'test', 'fixtures', 'packages');
const sampleText = readFileSync(join(fixtures, 'so3-kinn-eligible', 'soknad.json'), 'utf8');

function mutated(change: (data: Record<string, unknown>) => void): string {
  const data = JSON.parse(sampleText) as Record<string, unknown>;
  change(data);
  return JSON.stringify(data, null, 2);
}

function problemsOf(text: string): PackageProblem[] {
  const result = validatePackageJson(text, 'pakke/soknad.json');
  if (result.ok) throw new Error('expected problems, got a valid package');
  return result.error;
}

function only(text: string): PackageProblem {
  const problems = problemsOf(text);
  expect(problems).toHaveLength(1);
  return problems[0] as PackageProblem;
}

describe('validatePackageJson', () => {
  it('accepts every fixture package', () => {
    const names = readdirSync(fixtures, { withFileTypes: true }).filter((e) => e.isDirectory());
    expect(names.length).toBeGreaterThanOrEqual(14);
    for (const entry of names) {
      const result = validatePackageJson(readFileSync(join(fixtures, entry.name, 'soknad.json'), 'utf8'), entry.name);
      expect(result.ok, entry.name).toBe(true);
    }
  });

  it('tolerates a UTF-8 byte-order mark', () => {
    const result = validatePackageJson(`\uFEFF${sampleText}`, 'x');
    expect(result.ok).toBe(true);
  });

  it('reports invalid JSON with line and column', () => {
    const problem = only('{\n  "formatVersion": 1,\n  }');
    expect(problem).toMatchObject({ code: 'invalid-json', path: '', line: 3, column: 3 });
    expect(problem.message.en).toBe('invalid JSON at line 3, column 3 near "}"');
    expect(problem.message.nb).toBe('ugyldig JSON på linje 3, kolonne 3 ved «}»');
  });

  it('reports JSON that ends too early at the end of the text', () => {
    const problem = only('{"a": ');
    expect(problem).toMatchObject({ line: 1, column: 7 });
    expect(problem.message.en).toContain('ends too early');
  });

  it('refuses another formatVersion with one clear problem', () => {
    const problem = only(mutated((d) => {
      d.formatVersion = 2;
      delete d.applicant;
    }));
    expect(problem).toMatchObject({ code: 'unsupported-version', path: 'formatVersion' });
    expect(problem.message.en).toBe('formatVersion 2 is not supported; Vurder reads formatVersion 1');
  });

  it('names the field path and the problem for a wrong type', () => {
    const problem = only(mutated((d) => ((d.applicant as Record<string, unknown>).name = 42)));
    expect(problem).toEqual({
      code: 'invalid-field',
      file: 'pakke/soknad.json',
      path: 'applicant.name',
      message: { nb: 'må være tekst, ikke et tall', en: 'must be a string, not a number' },
    });
  });

  it('explains an unknown focus area', () => {
    const problem = only(mutated((d) => (d.focusArea = 7)));
    expect(problem.path).toBe('focusArea');
    expect(problem.message.en).toBe('7: must be a focus area 1–6');
    expect(problem.message.nb).toBe('7: må være et satsingsområde 1–6');
  });

  it('explains a date-time without an offset', () => {
    const problem = only(mutated((d) => (d.submittedAt = '2021-02-08T14:32:10')));
    expect(problem.path).toBe('submittedAt');
    expect(problem.message.en).toBe('"2021-02-08T14:32:10" has no offset; write e.g. 2021-02-08T14:32:10+01:00 or 2021-02-08T14:32:10Z');
  });

  it('does not ask for an offset in a calendar-date field', () => {
    const problem = only(mutated((d) => ((d.project as Record<string, unknown>).startDate = '2021-08-01T00:00')));
    expect(problem.path).toBe('project.startDate');
    expect(problem.message).toEqual({ nb: 'må være en dato på formen ÅÅÅÅ-MM-DD', en: 'must be a date in the form YYYY-MM-DD' });
  });

  it('explains an organisation number that fails MOD11', () => {
    const problem = only(mutated((d) => ((d.applicant as Record<string, unknown>).organisationNumber = '988077918')));
    expect(problem.path).toBe('applicant.organisationNumber');
    expect(problem.message.nb).toContain('kontrollsiffer (MOD11)');
  });

  it('gives one problem per issue, with array indices and unknown keys in the path', () => {
    const problems = problemsOf(
      mutated((d) => {
        const budget = d.budget as Record<string, unknown>[];
        (budget[1] as Record<string, unknown>).totalCost = 1.5;
        (d.project as Record<string, unknown>).colour = 'blå';
        delete d.evaluationPlan;
        (d.participants as Record<string, unknown>).count = '24';
      }),
    );
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p.message.en]));
    expect(byPath).toEqual({
      'budget[1].totalCost': 'must be an integer, not 1.5',
      'project.colour': 'unknown field',
      evaluationPlan: 'is missing',
      'participants.count': 'must be a number, not a string',
    });
  });

  it('never shows zod’s own wording', () => {
    const problems = problemsOf(
      mutated((d) => {
        d.attachments = [{ path: '../x.pdf', kind: 'photo', title: '' }];
        d.budget = [];
        (d.applicant as Record<string, unknown>).contact = { name: 'A', email: 'not-an-email' };
      }),
    );
    expect(problems.length).toBe(5);
    for (const problem of problems) {
      expect(problem.message.en).not.toMatch(/Invalid|Too (small|big)|expected/);
      expect(problem.message.nb).not.toMatch(/Invalid|Too (small|big)|expected/);
    }
  });

  it('refuses a top level that is not an object', () => {
    expect(only('[1, 2]')).toMatchObject({ path: '', message: { en: 'must be a JSON object' } });
  });
});

describe('packageProblemsToError', () => {
  it('folds many problems into one line with a count', () => {
    const problems = problemsOf(mutated((d) => {
      d.focusArea = 0;
      delete d.schemeId;
      delete d.evaluationPlan;
      d.submittedAt = '2021-02-08';
    }));
    const line = formatErrorLine(packageProblemsToError(problems, 'pakke/soknad.json'), 'en');
    // Each field is named by its label, never by its path (issue 12.8).
    expect(line).toMatch(/^pakke\/soknad\.json: field problems \(4\): Scheme is missing; Submitted .*; Focus area .* \(\+1 more\)$/);
    expect(formatErrorLine(packageProblemsToError(problems, 'pakke/soknad.json'), 'nb')).toMatch(/: 4 feil i feltene: Ordning mangler; Innsendt .*; Satsingsområde /);
    expect(line).not.toContain('\n');
  });

  it('keeps the position of invalid JSON', () => {
    const error = packageProblemsToError(problemsOf('{\n oops'), 'p/soknad.json');
    expect(error.code).toBe('package.invalid-json');
    expect(formatErrorLine(error, 'nb')).toBe('p/soknad.json: ugyldig JSON på linje 2, kolonne 2 ved «oops»');
  });

  it('computes line and column', () => {
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
