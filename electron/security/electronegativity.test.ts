import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AllowEntry } from './electronegativity';
import { countRecords, judge, parseFindings } from './electronegativity';

// Real lines from an Electronegativity 1.10 CSV report (the sample column is unquoted and may hold commas).
const REPORT = [
  'issue, severity, confidence, filename, location, sample, description, url',
  'CSP_GLOBAL_CHECK,"LOW","FIRM","renderer/index.html","6:0",N/A,"CSP detected, but weak",https://github.com/doyensec/electronegativity/wiki/CSP_GLOBAL_CHECK',
  'OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","electron/shell/hardening.ts","14:2","shell.openExternal(url).catch((error: unknown) => {","Review the use of openExternal",https://github.com/doyensec/electronegativity/wiki/OPEN_EXTERNAL_JS_CHECK',
  'NODE_INTEGRATION_JS_CHECK,"HIGH","FIRM","electron/shell/window.ts","28:17",webPreferences: { a, b },"Disable nodeIntegration for untrusted origins",https://github.com/doyensec/electronegativity/wiki/NODE_INTEGRATION_JS_CHECK',
  'PRELOAD_JS_CHECK,"MEDIUM","FIRM","electron\\shell\\window.ts","38:6","preload: options.preloadPath,","Review the use of preload scripts",https://github.com/doyensec/electronegativity/wiki/PRELOAD_JS_CHECK',
  '',
].join('\n');

const ALLOW: AllowEntry[] = [
  { check: 'OPEN_EXTERNAL_JS_CHECK', file: 'electron/shell/hardening.ts', reason: 'guarded by isSafeExternalUrl, see docs' },
  { check: 'PRELOAD_JS_CHECK', file: 'electron/shell/window.ts', reason: 'preload exposes only the contract, see docs' },
  { check: 'REMOTE_MODULE_JS_CHECK', file: 'electron/shell/window.ts', reason: 'stale entry kept here to be reported as unused' },
];
const DOC = 'OPEN_EXTERNAL_JS_CHECK is fine because … PRELOAD_JS_CHECK is fine because …';

describe('Electronegativity gate', () => {
  it('reads every record, commas in the sample and Windows paths included', () => {
    const findings = parseFindings(REPORT);
    expect(findings).toHaveLength(countRecords(REPORT));
    expect(findings.map((finding) => `${finding.severity} ${finding.check} ${finding.file}`)).toEqual([
      'LOW CSP_GLOBAL_CHECK renderer/index.html',
      'MEDIUM OPEN_EXTERNAL_JS_CHECK electron/shell/hardening.ts',
      'HIGH NODE_INTEGRATION_JS_CHECK electron/shell/window.ts',
      'MEDIUM PRELOAD_JS_CHECK electron/shell/window.ts',
    ]);
  });

  it('fails a HIGH finding that is not allowed, passes allowed and explained ones, reports stale entries', () => {
    const result = judge(parseFindings(REPORT), ALLOW, DOC);
    expect(result.failures.map(({ finding }) => finding.check)).toEqual(['NODE_INTEGRATION_JS_CHECK']);
    expect(result.allowed.map(({ finding }) => finding.check)).toEqual(['OPEN_EXTERNAL_JS_CHECK', 'PRELOAD_JS_CHECK']);
    expect(result.minor.map((finding) => finding.check)).toEqual(['CSP_GLOBAL_CHECK']);
    expect(result.unused.map((entry) => entry.check)).toEqual(['REMOTE_MODULE_JS_CHECK']);
  });

  it('fails an allowed finding the security doc does not explain, or one allowed without a reason', () => {
    const findings = parseFindings(REPORT).filter((finding) => finding.check === 'PRELOAD_JS_CHECK');
    expect(judge(findings, ALLOW, 'nothing here').failures[0]?.why).toContain('docs/security.md');
    const noReason = [{ check: 'PRELOAD_JS_CHECK', file: 'electron/shell/window.ts', reason: 'ok' }];
    expect(judge(findings, noReason, DOC).failures[0]?.why).toContain('reason');
  });

  it('the project allow-list is well formed and every entry is explained in docs/security.md', async () => {
    const allowList = z
      .array(z.object({ check: z.string(), file: z.string(), reason: z.string().min(20) }).strict())
      .parse(JSON.parse(await readFile(new URL('./electronegativity-allowlist.json', import.meta.url), 'utf8')));
    const doc = await readFile(new URL('../../docs/security.md', import.meta.url), 'utf8');
    for (const entry of allowList) expect(doc, entry.check).toContain(entry.check);
  });
});
