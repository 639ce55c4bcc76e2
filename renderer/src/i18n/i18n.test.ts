// Fails when a translation key is missing in nb or en, or when the source uses a key neither file has.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import nb from './nb.json';
import en from './en.json';

type Tree = { [key: string]: string | Tree };

function leafKeys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : leafKeys(value, `${prefix}${key}.`),
  );
}

function lookup(tree: Tree, path: string): string | Tree | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return node;
}

/** A key used as t('a.b', { count }) exists as i18next plural forms a.b_one and a.b_other (nb and en have these two). */
function lookupUsed(tree: Tree, path: string): string | Tree | undefined {
  const plain = lookup(tree, path);
  if (plain !== undefined) return plain;
  const one = lookup(tree, `${path}_one`);
  const other = lookup(tree, `${path}_other`);
  return typeof one === 'string' && typeof other === 'string' ? other : undefined;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const srcDir = join(import.meta.dirname, '..');

/** Every string literal that is used as a key: t('a.b'), t(`a.${x}`), and 'a.b' inside t(cond ? 'a.b' : 'a.c'). */
function usedKeys(): { exact: Set<string>; prefixes: Set<string> } {
  const exact = new Set<string>();
  const prefixes = new Set<string>();
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/\bt\(\s*'([^']+)'/g)) exact.add(match[1] ?? '');
    for (const match of text.matchAll(/\bt\(\s*`([^`$]+)\.\$\{[^}]+\}`/g)) prefixes.add(match[1] ?? '');
    for (const match of text.matchAll(/\bt\(\s*[^'`()]+\?\s*'([^']+)'\s*:\s*'([^']+)'/g)) {
      exact.add(match[1] ?? '');
      exact.add(match[2] ?? '');
    }
  }
  return { exact, prefixes };
}

describe('translations', () => {
  it('nb and en have exactly the same keys', () => {
    const nbKeys = leafKeys(nb as Tree).sort();
    const enKeys = leafKeys(en as Tree).sort();
    expect(nbKeys.filter((key) => !enKeys.includes(key)), 'keys in nb.json missing from en.json').toEqual([]);
    expect(enKeys.filter((key) => !nbKeys.includes(key)), 'keys in en.json missing from nb.json').toEqual([]);
  });

  it('no translation is empty', () => {
    for (const [name, tree] of [['nb', nb], ['en', en]] as const) {
      const empty = leafKeys(tree as Tree).filter((key) => String(lookup(tree as Tree, key)).trim() === '');
      expect(empty, `empty strings in ${name}.json`).toEqual([]);
    }
  });

  it('every key the source uses exists in both languages', () => {
    const { exact, prefixes } = usedKeys();
    // The scan must find the keys, or this test could never fail.
    expect(exact.size).toBeGreaterThan(100);
    expect(prefixes.size).toBeGreaterThan(5);
    for (const [name, tree] of [['nb', nb], ['en', en]] as const) {
      const missing = [...exact].filter((key) => typeof lookupUsed(tree as Tree, key) !== 'string');
      expect(missing, `keys used in renderer/src but missing from ${name}.json`).toEqual([]);
      const missingGroups = [...prefixes].filter((prefix) => {
        const node = lookup(tree as Tree, prefix);
        return node === undefined || typeof node === 'string';
      });
      expect(missingGroups, `key groups used as t(\`group.\${…}\`) missing from ${name}.json`).toEqual([]);
    }
  });

  it('plural forms come in pairs (_one and _other), never as "(er)" or "(s)" in the text', () => {
    for (const [name, tree] of [['nb', nb], ['en', en]] as const) {
      const keys = leafKeys(tree as Tree);
      for (const key of keys.filter((candidate) => candidate.endsWith('_one'))) {
        expect(keys, `${name}: ${key} without its _other`).toContain(key.replace(/_one$/, '_other'));
      }
      const makeshift = keys.filter((key) => /\((er|s|e)\)/.test(String(lookup(tree as Tree, key))));
      expect(makeshift, `${name}.json writes a plural as "(er)"/"(s)"`).toEqual([]);
    }
  });

  it('uses the scheme\'s word "deltakerstønad" in Norwegian, never "stipend"', () => {
    const stipend = leafKeys(nb as Tree).filter((key) => /stipend/i.test(String(lookup(nb as Tree, key))));
    expect(stipend).toEqual([]);
  });
});
