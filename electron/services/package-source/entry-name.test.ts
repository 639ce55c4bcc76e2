import { describe, expect, it } from 'vitest';
import { checkEntryName, duplicateKey } from './entry-name';

describe('checkEntryName', () => {
  it.each([
    ['soknad.json'],
    ['vedlegg/prosjektbeskrivelse.pdf'],
    ['vedlegg/Søknad – Ålesund kommune.pdf'],
    ['a/b/c/d.e.f.pdf'],
    ['..hidden-but-fine.pdf'],
  ])('accepts %s', (name) => {
    expect(checkEntryName(name)).toBeNull();
  });

  it.each([
    ['../evil', 'package.zip-slip'],
    ['a/../../evil', 'package.zip-slip'],
    ['a/..', 'package.zip-slip'],
    ['/etc/passwd', 'package.absolute-path'],
    ['C:/Windows/win.ini', 'package.absolute-path'],
    ['c:evil', 'package.absolute-path'],
    ['a\\b.pdf', 'package.backslash-path'],
    ['..\\..\\evil', 'package.backslash-path'],
    ['', 'package.invalid-name'],
    ['a//b', 'package.invalid-name'],
    ['./a', 'package.invalid-name'],
    ['a\u0000.pdf', 'package.invalid-name'],
    ['a\nb.pdf', 'package.invalid-name'],
    ['bad\uFFFDname.pdf', 'package.invalid-name'],
    ['vedlegg/a.pdf:skjult', 'package.invalid-name'],
    ['vedlegg/hvorfor?.pdf', 'package.invalid-name'],
    ['NUL.pdf', 'package.invalid-name'],
    ['vedlegg/com1', 'package.invalid-name'],
    ['vedlegg/slutter-med-punktum.', 'package.invalid-name'],
    ['vedlegg/slutter-med-mellomrom ', 'package.invalid-name'],
    [`${'å'.repeat(128)}.pdf`, 'package.invalid-name'],
    [Array.from({ length: 300 }, () => 'mappe').join('/'), 'package.invalid-name'],
  ])('refuses %j as %s', (name, code) => {
    expect(checkEntryName(name)?.code).toBe(code);
  });
});

describe('duplicateKey', () => {
  it('treats case and Unicode normalisation as the same name', () => {
    expect(duplicateKey('Vedlegg/Å.pdf')).toBe(duplicateKey('vedlegg/a\u030A.pdf'));
    expect(duplicateKey('a.pdf')).not.toBe(duplicateKey('b.pdf'));
  });
});
