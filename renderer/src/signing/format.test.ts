import { describe, expect, it } from 'vitest';
import { baseName, certificateFileName, groupFingerprint } from './format';

describe('signing format helpers', () => {
  it('groups a colon-separated SHA-256 fingerprint in blocks of four', () => {
    const fingerprint = Array.from({ length: 32 }, (_, index) => index.toString(16).padStart(2, '0').toUpperCase()).join(':');
    const grouped = groupFingerprint(fingerprint);
    expect(grouped.split(' ')).toHaveLength(16);
    expect(grouped.startsWith('0001 0203 0405')).toBe(true);
    expect(grouped.replace(/ /g, '')).toBe(fingerprint.replace(/:/g, ''));
  });

  it('upper-cases plain hex and leaves non-hex text alone', () => {
    expect(groupFingerprint('abcdef012345')).toBe('ABCD EF01 2345');
    expect(groupFingerprint('ukjent')).toBe('ukjent');
    expect(groupFingerprint('ABC')).toBe('ABC');
  });

  it('takes the last path segment on POSIX and Windows paths', () => {
    expect(baseName('/tmp/ut/vurdering-ASK-2021-001-kari.pdf')).toBe('vurdering-ASK-2021-001-kari.pdf');
    expect(baseName('C:\\Users\\kari\\id.p12')).toBe('id.p12');
  });

  it('makes a certificate file name from a Norwegian name', () => {
    expect(certificateFileName('Øyvind Ærø Åsen')).toBe('oyvind-aero-asen.pem');
    expect(certificateFileName('…')).toBe('sertifikat.pem');
  });
});
