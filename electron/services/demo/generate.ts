// Deterministic generation of the demo round: one valid package v1 (soknad.json + application PDF) per 2021 award.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ApplicationPackage } from '../../../shared/package/schema';
import { applicationPackageSchema } from '../../../shared/package/schema';
import { APPLICATION_PDF_PATH, buildDemoApplication } from './application';
import type { DemoAward } from './awards';
import { defaultResourcesDir, loadDemoAwards } from './awards';
import type { DemoFonts } from './pdf';
import { renderApplicationPdf } from './pdf';

export interface DemoPackageFile {
  /** Relative path inside the package, forward slashes. */
  path: string;
  bytes: Uint8Array;
}

export interface DemoPackage {
  application: ApplicationPackage;
  award: DemoAward;
  /** soknad.json first, then the attachments it lists. */
  files: DemoPackageFile[];
}

export interface DemoGenerateOptions {
  /** The resources/ folder (award list, fonts); defaults to the repository's. */
  resourcesDir?: string;
  onProgress?: (done: number, total: number, applicationId: string) => void;
}

export async function loadDemoFonts(resourcesDir: string = defaultResourcesDir()): Promise<DemoFonts> {
  const [regular, bold] = await Promise.all([
    readFile(join(resourcesDir, 'fonts', 'DejaVuSans.ttf')),
    readFile(join(resourcesDir, 'fonts', 'DejaVuSans-Bold.ttf')),
  ]);
  return { regular, bold };
}

export async function generateDemoPackage(award: DemoAward, fonts: DemoFonts): Promise<DemoPackage> {
  const application = buildDemoApplication(award);
  // A generator bug must not reach a workspace as a package the importer then refuses: check here, name the id.
  const parsed = applicationPackageSchema.safeParse(application);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`demo package ${award.id}: ${issue ? `${issue.path.join('.')} ${issue.message}` : 'invalid'}`);
  }
  const soknad = new TextEncoder().encode(`${JSON.stringify(parsed.data, null, 2)}\n`);
  const pdf = await renderApplicationPdf(parsed.data, fonts);
  return {
    application: parsed.data,
    award,
    files: [
      { path: 'soknad.json', bytes: soknad },
      { path: APPLICATION_PDF_PATH, bytes: pdf },
    ],
  };
}

export async function generateDemoPackages(options: DemoGenerateOptions = {}): Promise<DemoPackage[]> {
  const resourcesDir = options.resourcesDir ?? defaultResourcesDir();
  const [{ awards }, fonts] = await Promise.all([loadDemoAwards(resourcesDir), loadDemoFonts(resourcesDir)]);
  const packages: DemoPackage[] = [];
  for (const award of awards) {
    packages.push(await generateDemoPackage(award, fonts));
    options.onProgress?.(packages.length, awards.length, award.id);
  }
  return packages;
}

/** Writes one package as a folder `<parent>/<applicationId>/` and returns that folder. */
export async function writeDemoPackage(parent: string, demo: DemoPackage): Promise<string> {
  const folder = join(parent, demo.application.applicationId);
  for (const file of demo.files) {
    const target = join(folder, ...file.path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.bytes);
  }
  return folder;
}
