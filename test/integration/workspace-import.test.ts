// The workspace services end to end on real folders, real zips and the real fixture packages.
import { chmod, cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readAuditLog } from '../../electron/services/audit/audit-log';
import { verifyAuditLog } from '../../electron/services/audit/verify';
import { importPackages } from '../../electron/services/import/import-packages';
import type { ImportProgress } from '../../electron/services/import/import-packages';
import { readPackageLock } from '../../electron/services/import/package-lock';
import { getApplication, listApplications, readDocument } from '../../electron/services/workspace/applications';
import { verifyStoredPackage } from '../../electron/services/workspace/verify-package';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import type { Workspace } from '../../electron/services/workspace/workspace';
import { sha256Hex } from '../../electron/services/hash/sha256';
import { zipFolder } from '../fixtures/zip-tools';
import { FIXTURE_PACKAGES, fixturePackage, hashTree, tempDir } from './helpers/workspace';

let root: { dir: string; cleanup: () => Promise<void> };
let ws: Workspace;
beforeEach(async () => {
  root = await tempDir('import');
  ws = await createWorkspace(join(root.dir, 'ws'));
});
afterEach(async () => {
  await root.cleanup();
});

describe('import', () => {
  it('imports a folder and the same package as a zip is "already imported"', async () => {
    const zip = join(root.dir, 'asker.zip');
    await writeFile(zip, await zipFolder(fixturePackage('so1-asker-eligible'), 'asker/'));
    const events: ImportProgress[] = [];
    const results = await importPackages(ws, [fixturePackage('so1-asker-eligible'), zip], { onProgress: (event) => events.push(event) });
    expect(results.map((r) => [r.status, r.applicationId])).toEqual([
      ['imported', 'ASK-2021-001'],
      ['already-imported', 'ASK-2021-001'],
    ]);
    expect(results[1]?.message).toBe(`${zip}: allerede importert (ASK-2021-001, samme innhold)`);
    expect(events.map((e) => [e.index, e.total, e.phase])).toEqual([
      [0, 2, 'started'],
      [0, 2, 'done'],
      [1, 2, 'started'],
      [1, 2, 'done'],
    ]);
    const lock = await readPackageLock(ws.dir, 'ASK-2021-001');
    expect(lock?.files.map((f) => f.path)).toEqual(['soknad.json', 'vedlegg/budsjett.pdf', 'vedlegg/prosjektbeskrivelse.pdf']);
    const manifestBytes = await readFile(join(fixturePackage('so1-asker-eligible'), 'soknad.json'));
    expect(lock?.files[0]?.sha256).toBe(sha256Hex(manifestBytes));
    const audit = await readAuditLog(ws.dir);
    expect(audit.map((e) => e.action)).toEqual(['workspace.create', 'package.import']);
    expect(await verifyAuditLog(ws.dir)).toMatchObject({ ok: true });
  });

  it('refuses the same application id with other content, showing both hashes, and leaves the workspace unchanged', async () => {
    await importPackages(ws, [fixturePackage('so1-asker-eligible')]);
    const before = await hashTree(ws.dir);
    const changed = join(root.dir, 'changed');
    await cp(fixturePackage('so1-asker-eligible'), changed, { recursive: true });
    const manifest = join(changed, 'soknad.json');
    await writeFile(manifest, (await readFile(manifest, 'utf8')).replace('Kari Nordmann', 'Kari Nordkvinne'));
    const [result] = await importPackages(ws, [changed]);
    const stored = (await readPackageLock(ws.dir, 'ASK-2021-001'))?.packageSha256 ?? '';
    expect(result?.status).toBe('refused');
    expect(result?.code).toBe('import.conflict');
    expect(result?.message).toMatch(new RegExp(`^${changed}: søknaden ASK-2021-001 er allerede importert med annet innhold \\(lagret SHA-256 ${stored}, ny SHA-256 [0-9a-f]{64}\\)$`));
    expect(await hashTree(ws.dir)).toBe(before);
  });

  it('imports many fixtures at once and lists them with verdicts from the rules', async () => {
    const names = ['so1-asker-eligible', 'so1-lillestrom-not-year-3', 'so3-kinn-eligible', 'so6-melhus-late'];
    const expected = JSON.parse(await readFile(fixturePackage('expected.json'), 'utf8')) as Record<string, { applicationId: string; verdict: string }>;
    const results = await importPackages(ws, names.map(fixturePackage));
    expect(results.every((r) => r.status === 'imported')).toBe(true);
    const list = await listApplications(ws, { id: 'kari', name: 'Kari' });
    expect(list.map((r) => [r.summary.applicationId, r.summary.verdict])).toEqual(
      names.map((name) => [expected[name]?.applicationId, expected[name]?.verdict]).sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
    const asker = list.find((r) => r.summary.applicationId === 'ASK-2021-001');
    expect(asker?.summary).toMatchObject({ applicantName: 'Asker kommune', municipalityNumber: '3025', focusArea: 1, myStatus: 'not-started', flagCount: 0 });
    expect(asker?.summary.requestedGrant).toBe(asker?.application.budget.reduce((sum, year) => sum + year.requestedGrant, 0));
    expect(asker?.evaluation?.rules.length).toBeGreaterThan(30);
  });
});

describe('import of every fixture and of an XLSX case list', () => {
  it('imports every fixture package in one batch', async () => {
    const names = (await readdir(FIXTURE_PACKAGES, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
    expect(names.length).toBeGreaterThanOrEqual(10);
    const results = await importPackages(ws, names.map(fixturePackage));
    expect(results.filter((r) => r.status !== 'imported').map((r) => r.message)).toEqual([]);
    expect((await listApplications(ws, null)).length).toBe(names.length);
  });

  it('reads an XLSX list written by exceljs, with numbers as numbers', async () => {
    const dir = join(root.dir, 'xlsx');
    await mkdir(dir);
    await cp(join(fixturePackage('so1-asker-eligible'), 'vedlegg', 'budsjett.pdf'), join(dir, 'a.pdf'));
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Søknader');
    sheet.addRow(['Søknadsnummer', 'Innsendt', 'Søker', 'Organisasjonsnummer', 'Kommunenummer', 'Satsingsområde', 'Prosjekttittel', 'Vedlegg', 'Søkt beløp', 'Egenandel', 'Totalkostnad', 'Antall deltakere']);
    sheet.addRow(['ASK-2021-301', '2021-02-08T12:00:00+01:00', 'Asker kommune', '920125298', 3025, 4, 'Bransjekurs', 'a.pdf', 400000, 100000, 500000, 12]);
    const list = join(dir, 'liste.xlsx');
    await workbook.xlsx.writeFile(list);
    const [result] = await importPackages(ws, [list]);
    expect(result).toMatchObject({ status: 'imported', applicationId: 'ASK-2021-301', source: `${list} rad 2` });
    const [record] = await listApplications(ws, null);
    expect(record?.providedFields).toEqual(['formatVersion', 'schemeId', 'applicationId', 'submittedAt', 'applicant', 'focusArea', 'attachments', 'budget', 'participants']);
    expect(record?.summary).toMatchObject({ requestedGrant: 400000, focusArea: 4, municipalityNumber: '3025' });
    // Rules that need fields the list did not have come back as manual checks, never as passes.
    const r05 = record?.evaluation?.rules.find((rule) => rule.id === 'R05');
    expect(r05?.status).toBe('review');
  });
});

describe('readDocument', () => {
  beforeEach(async () => {
    await importPackages(ws, [fixturePackage('so1-asker-eligible')]);
  });

  it('returns the bytes of a stored attachment with its hash', async () => {
    const doc = await readDocument(ws, 'ASK-2021-001', 'vedlegg/budsjett.pdf');
    const original = await readFile(join(fixturePackage('so1-asker-eligible'), 'vedlegg/budsjett.pdf'));
    expect(Buffer.from(doc.bytes).equals(original)).toBe(true);
    expect(doc).toMatchObject({ mediaType: 'application/pdf', sha256: sha256Hex(original) });
  });

  it.each(['../../workspace.json', '/etc/passwd', 'vedlegg/../soknad.json', 'package.lock.json', 'vedlegg\\budsjett.pdf'])(
    'refuses %s, which is not a file of the package',
    async (path) => {
      await expect(readDocument(ws, 'ASK-2021-001', path)).rejects.toMatchObject({ code: 'document.not-in-package' });
    },
  );

  it('refuses an application id that climbs out of packages/', async () => {
    await expect(readDocument(ws, '../ws', 'workspace.json')).rejects.toMatchObject({ code: 'application.not-found' });
  });

  it('refuses a stored file that was changed after import', async () => {
    const file = join(ws.dir, 'packages', 'ASK-2021-001', 'vedlegg', 'budsjett.pdf');
    await chmod(file, 0o644);
    await writeFile(file, '%PDF-1.7 tampered');
    await expect(readDocument(ws, 'ASK-2021-001', 'vedlegg/budsjett.pdf')).rejects.toMatchObject({ code: 'document.changed' });
  });

  it('verifyStoredPackage finds a changed, a missing and an added file', async () => {
    expect(await verifyStoredPackage(ws, 'ASK-2021-001')).toMatchObject({ intact: true, problems: [] });
    const dir = join(ws.dir, 'packages', 'ASK-2021-001');
    await chmod(join(dir, 'vedlegg', 'budsjett.pdf'), 0o644);
    await writeFile(join(dir, 'vedlegg', 'budsjett.pdf'), '%PDF-1.7 tampered');
    await rm(join(dir, 'vedlegg', 'prosjektbeskrivelse.pdf'));
    await writeFile(join(dir, 'vedlegg', 'ekstra.pdf'), '%PDF-1.7');
    const result = await verifyStoredPackage(ws, 'ASK-2021-001');
    expect(result.intact).toBe(false);
    expect(result.problems.map((p) => [p.kind, p.path]).sort()).toEqual([
      ['changed', 'vedlegg/budsjett.pdf'],
      ['extra', 'vedlegg/ekstra.pdf'],
      ['missing', 'vedlegg/prosjektbeskrivelse.pdf'],
    ]);
  });

  it('getApplication refuses an id that was never imported', async () => {
    await expect(getApplication(ws, 'NOPE-1')).rejects.toMatchObject({ code: 'application.not-found' });
  });
});
