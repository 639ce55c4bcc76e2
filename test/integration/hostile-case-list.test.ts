// Issue 8 point 3: hostile case lists are refused quickly with bounded memory, and a list's attachments are
// PDFs in its own folder only. Before: a 1.9 KB XLSX kept a process at 100 % CPU for 76 s, an XLSX bomb was
// refused after 43 s at 1.76 GB, a symlinked attachment copied a file from outside into the workspace, and
// names with newlines or U+202E reached the disk. Each file is built here; each refusal leaves the workspace
// byte-for-byte unchanged.
import { execFile } from 'node:child_process';
import { cp, mkdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPackages } from '../../electron/services/import/import-packages';
import { createWorkspace } from '../../electron/services/workspace/workspace';
import type { Workspace } from '../../electron/services/workspace/workspace';
import { makeZip } from '../fixtures/zip-tools';
import { fixturePackage, hashTree, tempDir } from './helpers/workspace';

const HEADER = 'Søknadsnummer;Innsendt;Søker;Organisasjonsnummer;Kommunenummer;Satsingsområde;Prosjekttittel;Vedlegg';
const ROW = (id: string, attachment: string) => `${id};08.02.2021 14:30;Bergen kommune;964338531;4601;SO5;Tittel;${attachment}`;
let root: { dir: string; cleanup: () => Promise<void> };
let ws: Workspace;
let pdf: Buffer;

/** A minimal XLSX by hand, so a test can put exactly the hostile part in it. */
async function xlsx(sheet: string, extra: { name: string; content: Buffer | string }[] = [], sharedStrings?: string): Promise<Buffer> {
  return makeZip([
    {
      name: '[Content_Types].xml',
      content:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>',
    },
    {
      name: '_rels/.rels',
      content:
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    },
    {
      name: 'xl/workbook.xml',
      content:
        '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Saker" sheetId="1" r:id="rId1"/></sheets></workbook>',
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      content: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>${sharedStrings ? '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>' : ''}</Relationships>`,
    },
    ...(sharedStrings ? [{ name: 'xl/sharedStrings.xml', content: sharedStrings }] : []),
    { name: 'xl/worksheets/sheet1.xml', content: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${sheet}</worksheet>` },
    ...extra,
  ]);
}

async function refuseQuickly(name: string, bytes: Buffer | string, message: RegExp): Promise<void> {
  const path = join(root.dir, 'in', name);
  await writeFile(path, bytes);
  const before = await hashTree(ws.dir);
  const started = performance.now();
  const memoryBefore = process.memoryUsage().rss;
  const [result] = await importPackages(ws, [path]);
  const elapsed = performance.now() - started;
  expect(result?.status).toBe('refused');
  expect(result?.message).toMatch(message);
  expect(result?.message.startsWith(path)).toBe(true);
  expect(elapsed, `${name} took ${Math.round(elapsed)} ms`).toBeLessThan(1000);
  expect(process.memoryUsage().rss - memoryBefore).toBeLessThan(200 * 1024 * 1024);
  expect(await hashTree(ws.dir)).toEqual(before);
}

beforeAll(async () => {
  root = await tempDir('hostile-case-list');
  await mkdir(join(root.dir, 'in'));
  ws = await createWorkspace(join(root.dir, 'ws'));
  pdf = await readFile(join(fixturePackage('so1-asker-eligible'), 'vedlegg', 'budsjett.pdf'));
});
afterAll(() => root.cleanup());

describe('hostile XLSX case lists are refused in under a second', () => {
  it('a 2 KB sheet that declares A1:XFD1048576', async () => {
    const bytes = await xlsx('<dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Søknadsnummer</t></is></c></row></sheetData>');
    expect(bytes.length).toBeLessThan(2500);
    await refuseQuickly('dimension.xlsx', bytes, /sakslisten er avvist: arket oppgir 16384 kolonner; grensen er 100/);
  });

  it('a cell in column XFD (no dimension declared)', async () => {
    await refuseQuickly('xfd.xlsx', await xlsx('<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Søknadsnummer</t></is></c><c r="XFD1" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'), /rad 1 har 16384 kolonner; grensen er 100/);
  });

  it('a row number past the row limit (no dimension declared)', async () => {
    await refuseQuickly('row.xlsx', await xlsx('<sheetData><row r="1048576"><c r="A1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>'), /mer enn 10000 rader \(rad 1048576\)/);
  });

  it('a shared-strings bomb', async () => {
    const strings = `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3000000" uniqueCount="3000000">${'<si><t>a</t></si>'.repeat(3_000_000)}</sst>`;
    const bytes = await xlsx('<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>', [], strings);
    expect(bytes.length).toBeLessThan(1024 * 1024);
    await refuseQuickly('strings.xlsx', bytes, /sakslisten er avvist: .*(delte tekster|zip-bombe|pakker ut)/);
  });

  it('a decompression bomb (a part that inflates 1000:1)', async () => {
    const bytes = await xlsx('<sheetData/>', [{ name: 'xl/media/image1.bin', content: Buffer.alloc(50 * 1024 * 1024) }]);
    expect(bytes.length).toBeLessThan(200 * 1024);
    await refuseQuickly('bomb.xlsx', bytes, /«xl\/media\/image1\.bin» pakker ut mer enn 100 ganger sin komprimerte størrelse \(zip-bombe\?\)/);
  });

  it('an honest XLSX list (written by exceljs) is still read', async () => {
    const dir = join(root.dir, 'in', 'ok');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'a.pdf'), pdf);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Saker');
    sheet.addRow(HEADER.split(';'));
    sheet.addRow(ROW('BRG-2021-301', 'a.pdf').split(';'));
    await workbook.xlsx.writeFile(join(dir, 'liste.xlsx'));
    const [result] = await importPackages(ws, [join(dir, 'liste.xlsx')]);
    expect(result).toMatchObject({ status: 'imported', applicationId: 'BRG-2021-301' });
  });
});

describe('hostile CSV lists', () => {
  it('a row with 20 000 columns, and a FIFO named .csv, are refused at once', async () => {
    await refuseQuickly('wide.csv', `${HEADER}${';x'.repeat(20_000)}\r\n`, /sakslisten er avvist: rad 1 har 101 kolonner; grensen er 100/);
    await promisify(execFile)('mkfifo', [join(root.dir, 'in', 'fifo.csv')]);
    const [result] = await importPackages(ws, [join(root.dir, 'in', 'fifo.csv')]);
    expect(result?.message).toMatch(/fifo\.csv: er en rørledning \(FIFO\); bare vanlige filer kan leses/);
  });
});

describe("a list's attachments", () => {
  async function listWith(folder: string, attachment: string): Promise<string> {
    const dir = join(root.dir, 'in', folder);
    await mkdir(dir, { recursive: true });
    const list = join(dir, 'liste.csv');
    await writeFile(list, `${HEADER}\r\n${ROW('BRG-2021-401', attachment)}\r\n`);
    return list;
  }

  it('a symlink to a file outside the folder is refused, and nothing is copied', async () => {
    const outside = join(root.dir, 'hemmelig.pdf');
    await writeFile(outside, pdf);
    const list = await listWith('lenke', 'vedlegg.pdf');
    await symlink(outside, join(root.dir, 'in', 'lenke', 'vedlegg.pdf'));
    const before = await hashTree(ws.dir);
    const [result] = await importPackages(ws, [list]);
    expect(result?.status).toBe('refused');
    expect(result?.message).toBe(`${list}: rad 2: «vedlegg.pdf» er en symbolsk lenke; vedlegg i sakslistens mappe kan ikke være lenker`);
    expect(await hashTree(ws.dir)).toEqual(before);
    // A linked folder on the way counts the same.
    await mkdir(join(root.dir, 'ute'), { recursive: true });
    await cp(outside, join(root.dir, 'ute', 'b.pdf'));
    const viaFolder = await listWith('lenkemappe', 'pdf/b.pdf');
    await symlink(join(root.dir, 'ute'), join(root.dir, 'in', 'lenkemappe', 'pdf'));
    expect((await importPackages(ws, [viaFolder]))[0]?.message).toContain('«pdf» er en symbolsk lenke');
  });

  it.each([
    ['U+202E (right-to-left override)', 'rapport\u202Efdp.exe', 'rapport\\u202efdp.exe', 'kontrolltegn, retningstegn eller usynlig tegn'],
    ['a zero-width space', 'bud\u200Bsjett.pdf', 'bud\\u200bsjett.pdf', 'kontrolltegn, retningstegn eller usynlig tegn'],
    ['a newline', '"to\nlinjer.pdf"', 'to\\u000alinjer.pdf', 'kontrolltegn, retningstegn eller usynlig tegn'],
    ['an .exe', 'program.exe', 'program.exe', 'bare PDF-vedlegg (.pdf) godtas'],
  ])('a name with %s is refused, shown escaped', async (_what, written, shown, reason) => {
    const list = await listWith(`navn-${shown.length}-${reason.length}`, written);
    const before = await hashTree(ws.dir);
    const [result] = await importPackages(ws, [list]);
    expect(result?.status).toBe('refused');
    expect(result?.message).toBe(`${list}: rad 2: vedleggsnavnet «${shown}» er ikke tillatt (${reason})`);
    expect(result?.localized.en).toBe(`${list}: row 2: the attachment name "${shown}" is not allowed (${reason === 'bare PDF-vedlegg (.pdf) godtas' ? 'only PDF attachments (.pdf) are accepted' : 'control, bidi or invisible character'})`);
    expect(await hashTree(ws.dir)).toEqual(before);
  });

  it('a .pdf that is an executable is refused by its bytes', async () => {
    const list = await listWith('exe', 'faktura.pdf');
    await writeFile(join(root.dir, 'in', 'exe', 'faktura.pdf'), Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(200)]));
    const [result] = await importPackages(ws, [list]);
    expect(result?.message).toContain('vedlegget «faktura.pdf» heter .pdf, men er ikke en PDF');
  });
});
