import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testScheme } from '../../../test/integration/helpers/scheme';
import { readAuditLog } from '../audit/audit-log';
import { sha256Hex } from '../hash/sha256';
import { ServiceError } from './errors';
import { createWorkspace, openWorkspace } from './workspace';

let root: string;
let schemePath: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'vurder-ws-'));
  schemePath = join(root, 'scheme-in.json');
  await writeFile(schemePath, JSON.stringify(testScheme(), null, 2));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('workspace', () => {
  it('creates the layout with a frozen scheme copy and its SHA-256, and opens it again', async () => {
    const ws = await createWorkspace(join(root, 'ws'), { schemeFile: schemePath }, 'tester');
    expect(ws.meta.schemeId).toBe('imdi-kommunale-integreringstiltak-2021');
    expect(ws.meta.schemeSha256).toBe(sha256Hex(await readFile(schemePath)));
    expect(await readFile(join(ws.dir, 'scheme.json'))).toEqual(await readFile(schemePath));
    const audit = await readAuditLog(ws.dir);
    expect(audit.map((entry) => [entry.actor, entry.action])).toEqual([['tester', 'workspace.create']]);
    const opened = await openWorkspace(join(root, 'ws'));
    expect(opened.meta).toEqual(ws.meta);
    expect(opened.scheme.id).toBe('imdi-kommunale-integreringstiltak-2021');
  });

  it('refuses a folder that is not empty', async () => {
    await expect(createWorkspace(root, { schemeFile: schemePath })).rejects.toThrow(/not empty/);
  });

  it('refuses a scheme file that fails the scheme schema, naming the field', async () => {
    const bad = join(root, 'bad.json');
    await writeFile(bad, JSON.stringify({ ...testScheme(), maxDurationYears: -1 }));
    await expect(createWorkspace(join(root, 'ws'), { schemeFile: bad })).rejects.toThrow(/maxDurationYears/);
  });

  it('refuses an unknown built-in scheme id', async () => {
    await expect(createWorkspace(join(root, 'ws'), { schemeId: 'finnes-ikke' })).rejects.toMatchObject({ code: 'scheme.not-found' });
  });

  it('refuses to open a folder that is not a workspace, naming the folder', async () => {
    const error = await openWorkspace(join(root, 'nothing')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).toLine()).toBe(`${join(root, 'nothing')}: is not a workspace (workspace.json is missing)`);
  });

  it('refuses to open a workspace whose scheme copy was edited', async () => {
    const ws = await createWorkspace(join(root, 'ws'), { schemeFile: schemePath });
    await writeFile(join(ws.dir, 'scheme.json'), JSON.stringify({ ...testScheme(), year: 2022 }));
    await expect(openWorkspace(ws.dir)).rejects.toMatchObject({ code: 'workspace.scheme-changed' });
  });
});
