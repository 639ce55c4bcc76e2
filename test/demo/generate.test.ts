// The generated demo round: one valid package per award, plausible content, real PDFs, the same every time.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APPLICATION_PDF_PATH, buildDemoApplication, DEMO_SCHEME_ID } from '../../electron/services/demo/application';
import { loadDemoAwards } from '../../electron/services/demo/awards';
import { DELIBERATE_FAILURES } from '../../electron/services/demo/failures';
import type { DemoPackage } from '../../electron/services/demo/generate';
import { generateDemoPackage, generateDemoPackages, loadDemoFonts, writeDemoPackage } from '../../electron/services/demo/generate';
import { applicationPackageSchema } from '../../shared/package/schema';

const run = promisify(execFile);
const G_2021 = 106_399;
const failureOf = (id: string): string | undefined => DELIBERATE_FAILURES[id]?.failure;

let packages: DemoPackage[] = [];
let tempDir = '';

beforeAll(async () => {
  packages = await generateDemoPackages();
  tempDir = await mkdtemp(join(tmpdir(), 'vurder-demo-gen-'));
  // Generous: a hang guard for a busy machine, not a speed check (speed belongs in npm run bench).
}, 180_000);

afterAll(async () => {
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
});

describe('generateDemoPackages', () => {
  it('makes one package per award, in award order, each soknad.json valid package v1', async () => {
    const { awards } = await loadDemoAwards();
    expect(packages.map((p) => p.application.applicationId)).toEqual(awards.map((a) => a.id));
    for (const demo of packages) {
      const [soknad, ...attachments] = demo.files;
      expect(soknad?.path).toBe('soknad.json');
      const parsed = applicationPackageSchema.safeParse(JSON.parse(new TextDecoder().decode(soknad?.bytes)));
      expect(parsed.success, demo.award.id).toBe(true);
      expect(parsed.data).toEqual(demo.application);
      expect(demo.application.schemeId).toBe(DEMO_SCHEME_ID);
      expect(attachments.map((f) => f.path)).toEqual(demo.application.attachments.map((a) => a.path));
    }
  });

  it('keeps the award facts: title, focus area, municipality, unit organisation number', () => {
    for (const { award, application } of packages) {
      expect(application.project.title).toBe(award.projectTitle);
      expect(application.focusArea).toBe(award.focusArea);
      expect(application.applicant.municipalityNumber).toBe(award.municipality.number);
      expect(application.applicant.organisationNumber).toBe(award.unit?.organisationNumber ?? award.municipality.organisationNumber);
      expect(application.applicant.unitName).toBe(award.unit?.name);
    }
  });

  it('submits before the deadline (2021-02-09, Oslo), except the deliberately late one', () => {
    const deadlineEnds = Date.parse('2021-02-10T00:00:00+01:00');
    for (const { application } of packages) {
      const at = Date.parse(application.submittedAt);
      expect(application.submittedAt).toMatch(/\+01:00$/);
      if (failureOf(application.applicationId) === 'late-submission') expect(at).toBeGreaterThanOrEqual(deadlineEnds);
      else expect(at, application.applicationId).toBeLessThan(deadlineEnds);
    }
  });

  it('asks a little more than was awarded (all years together), with budgets that add up and an own contribution', () => {
    for (const { award, application } of packages) {
      expect(application.budget[0]?.year).toBe(2021);
      const requested = application.budget.reduce((sum, year) => sum + year.requestedGrant, 0);
      expect(requested).toBeGreaterThan(award.amount);
      expect(requested).toBeLessThanOrEqual(Math.ceil(award.amount * 1.16));
      expect(application.budget.length).toBeLessThanOrEqual(3);
      const failure = failureOf(application.applicationId);
      for (const [index, year] of application.budget.entries()) {
        const sum = year.ownContribution + year.requestedGrant + year.otherFunding;
        expect(year.totalCost, `${application.applicationId} ${year.year}`).toBe(failure === 'budget-mismatch' && index === 0 ? sum + 50_000 : sum);
        if (failure === 'no-own-contribution') expect(year.ownContribution).toBe(0);
        else expect(year.ownContribution).toBeGreaterThan(0);
        expect(year.stipendRequested).toBeLessThanOrEqual(year.requestedGrant);
      }
    }
  });

  it('lists SO1/SO2 participants with stipends within 1G per participant-year, and ≥ 10 participants in SO3, SO4, SO6', () => {
    for (const { application } of packages) {
      const { participants, focusArea } = application;
      if (focusArea === 1 || focusArea === 2) {
        expect(participants.list?.length).toBe(participants.count);
        const withStipend = (participants.list ?? []).filter((p) => !p.otherStipend).length;
        for (const year of application.budget) expect(year.stipendRequested).toBeLessThanOrEqual(withStipend * G_2021);
      }
      if (focusArea === 1) {
        for (const p of participants.list ?? []) {
          expect(p.completedIntroYear3).toBe(true);
          expect(p.anchoredInIndividualPlan).toBe(true);
          expect((p.introYear3CompletedOn ?? '9999') < application.project.startDate).toBe(true);
        }
      }
      if (focusArea === 3 || focusArea === 4 || focusArea === 6) {
        if (failureOf(application.applicationId) === 'too-few-participants') expect(participants.count).toBeLessThan(10);
        else expect(participants.count, application.applicationId).toBeGreaterThanOrEqual(10);
      }
    }
  });

  it('fills the focus-area fields: SO2 social entrepreneur, SO3 supervisor and blended delivery, SO5 health', () => {
    for (const { application } of packages) {
      const entrepreneurs = application.partners.filter((p) => p.kind === 'social-entrepreneur');
      expect(entrepreneurs.length).toBe(application.focusArea === 2 ? 1 : 0);
      for (const p of entrepreneurs) {
        expect(p.businessModel).toBeTruthy();
        expect(p.noDividendInStatutes).toBe(failureOf(application.applicationId) !== 'dividends-allowed');
      }
      expect(application.supervisor !== undefined).toBe(application.focusArea === 3);
      if (application.focusArea === 3) {
        expect(['university', 'college']).toContain(application.supervisor?.institutionKind);
        expect(application.supervisor?.financedInBudget).toBe(true);
        expect(application.delivery).toMatchObject({ classroom: true, online: true, teacherGuidance: true });
      }
      expect(application.health !== undefined).toBe(application.focusArea === 5);
      if (application.health) {
        expect(application.health.interdisciplinary).toBe(true);
        expect(application.health.referralBased).toBe(failureOf(application.applicationId) === 'referral-based');
      }
      expect(application.previousProjects.length).toBeGreaterThan(0);
    }
  });

  it('makes exactly the listed packages deliberately ineligible, one per focus area', () => {
    const ids = new Set(packages.map((p) => p.application.applicationId));
    const failing = Object.keys(DELIBERATE_FAILURES);
    expect(failing.every((id) => ids.has(id))).toBe(true);
    expect(new Set(failing.map((id) => id.slice(0, 13)))).toEqual(new Set(['DEMO-2021-SO1', 'DEMO-2021-SO2', 'DEMO-2021-SO3', 'DEMO-2021-SO4', 'DEMO-2021-SO5', 'DEMO-2021-SO6']));
  });

  it('writes real PDFs whose text (with æ, ø, å) poppler can read', async () => {
    const sample = packages.filter((_, index) => index % 8 === 0);
    for (const demo of sample) {
      const pdf = demo.files.find((f) => f.path === APPLICATION_PDF_PATH);
      expect(new TextDecoder().decode(pdf?.bytes.slice(0, 5))).toBe('%PDF-');
      const file = join(tempDir, `${demo.application.applicationId}.pdf`);
      await writeFile(file, pdf?.bytes ?? new Uint8Array());
      const { stdout } = await run('pdftotext', [file, '-']);
      const text = stdout.replace(/\s+/g, ' ');
      expect(text).toContain('Søknad om tilskudd til utvikling av kommunale integreringstiltak 2021');
      expect(text).toContain(`«${demo.application.project.title.replace(/\s+/g, ' ')}»`);
      expect(text).toContain(demo.application.applicant.organisationNumber);
      expect(text).toContain('Demodata generert av Vurder');
    }
  });

  it('writes a package as a folder with soknad.json and its attachment', async () => {
    const demo = packages[0];
    if (!demo) throw new Error('no packages');
    const folder = await writeDemoPackage(tempDir, demo);
    expect(folder).toBe(join(tempDir, demo.application.applicationId));
    expect(JSON.parse(await readFile(join(folder, 'soknad.json'), 'utf8'))).toEqual(demo.application);
    expect(new Uint8Array(await readFile(join(folder, 'vedlegg', 'soknad.pdf')))).toEqual(demo.files[1]?.bytes);
  });
});

describe('determinism', () => {
  it('builds the same soknad.json for every award each time', async () => {
    const { awards } = await loadDemoAwards();
    expect(awards.map((award) => buildDemoApplication(award))).toEqual(packages.map((p) => p.application));
  });

  it('renders byte-identical files again, with freshly loaded fonts', async () => {
    const fonts = await loadDemoFonts();
    for (const demo of [packages[0], packages[15], packages[40]]) {
      if (!demo) throw new Error('missing package');
      const again = await generateDemoPackage(demo.award, fonts);
      expect(again.files.map((f) => f.path)).toEqual(demo.files.map((f) => f.path));
      again.files.forEach((file, index) => expect(Buffer.compare(Buffer.from(file.bytes), Buffer.from(demo.files[index]?.bytes ?? []))).toBe(0));
    }
  });
});
