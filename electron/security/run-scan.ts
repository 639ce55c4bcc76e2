// `npm run test:security`: runs Electronegativity on the project and fails on any HIGH or MEDIUM finding
// that is not allowed with a reason and explained in docs/security.md. Prints one line per finding.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { z } from 'zod';
import type { AllowEntry } from './electronegativity';
import { countRecords, describeFinding, judge, parseFindings } from './electronegativity';

const root = fileURLToPath(new URL('../../', import.meta.url));
const allowListSchema = z.array(z.object({ check: z.string().min(1), file: z.string().min(1), reason: z.string() }).strict());

async function main(): Promise<number> {
  const out = await mkdtemp(join(tmpdir(), 'vurder-electronegativity-'));
  try {
    const csvPath = join(out, 'report.csv');
    const electronVersion = (JSON.parse(await readFile(join(root, 'node_modules/electron/package.json'), 'utf8')) as { version: string }).version;
    await promisify(execFile)(
      join(root, 'node_modules/.bin/electronegativity'),
      // The availablesecurityfixes check asks the network for Electron releases; this machine is offline.
      ['-i', root, '-r', '-v', 'false', '-e', electronVersion, '-x', 'availablesecurityfixesglobalcheck', '-o', csvPath],
      { cwd: root, maxBuffer: 64 * 1024 * 1024 },
    );
    const csv = await readFile(csvPath, 'utf8');
    const findings = parseFindings(csv);
    if (findings.length !== countRecords(csv)) {
      console.error(`${csvPath}: read ${findings.length} of ${countRecords(csv)} findings; the report format changed`);
      return 1;
    }
    const allowListPath = join(root, 'electron/security/electronegativity-allowlist.json');
    const allowList: AllowEntry[] = allowListSchema.parse(JSON.parse(await readFile(allowListPath, 'utf8')));
    const doc = await readFile(join(root, 'docs/security.md'), 'utf8');
    const result = judge(findings, allowList, doc);
    for (const { finding, reason } of result.allowed) console.log(`allowed  ${describeFinding(finding)} — ${reason.slice(0, 100)}…`);
    for (const finding of result.minor) console.log(`minor    ${describeFinding(finding)}`);
    for (const entry of result.unused) console.log(`unused allow-list entry ${entry.check} ${entry.file} (remove it)`);
    for (const { finding, why } of result.failures) console.error(`FAIL     ${describeFinding(finding)}: ${why}`);
    console.log(`electronegativity: ${findings.length} findings, ${result.allowed.length} allowed, ${result.minor.length} minor, ${result.failures.length} failing`);
    return result.failures.length === 0 ? 0 : 1;
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`electronegativity: ${error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)}`);
    process.exitCode = 2;
  },
);
