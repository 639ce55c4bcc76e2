// Opening an application package (DESIGN.md §4) from a folder or a .zip, safely (issue 3, point 3).
//   readPackageSource: the files, within the limits, with soknad.json found and decoded.
//   openPackage:       the above, plus soknad.json validated and the attachments checked.
// Every failure is a catalogue error (shared/errors) naming the package; nothing throws for bad input.
import { stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import type { CatalogueError } from '../../../shared/errors/format';
import { appError, describeThrown } from '../../../shared/errors/format';
import { packageProblemsToError, validatePackageJson } from '../../../shared/package/validate';
import { checkAttachments } from './attachments';
import { rootPackageFiles } from './collector';
import type { PackageLimits } from './limits';
import { resolveLimits } from './limits';
import { readFolderFiles } from './read-folder';
import type { OpenedPackage, PackageOpenError, PackageSource } from './types';
import { MANIFEST_NAME } from './types';

export { DEFAULT_PACKAGE_LIMITS, resolveLimits } from './limits';
export type { PackageLimits } from './limits';
export type { OpenedPackage, PackageFlag, PackageFlagCode, PackageOpenError, PackageSource } from './types';
export { MANIFEST_NAME } from './types';
export { checkAttachments, pdfFlags } from './attachments';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** `label` is how the package is named in messages; default: the path as given. */
export async function readPackageSource(
  path: string,
  limits: Partial<PackageLimits> = {},
  label: string = path,
): Promise<Result<PackageSource, CatalogueError>> {
  const absolute = resolve(path);
  const resolved = resolveLimits(limits);
  let kind: PackageSource['kind'];
  try {
    const info = await stat(absolute);
    if (info.isDirectory()) kind = 'folder';
    else if (info.isFile() && basename(absolute) === MANIFEST_NAME) return err(appError('package.manifest-not-package', label));
    else if (info.isFile()) kind = 'zip';
    else return err(appError('package.not-a-package', label));
  } catch (thrown) {
    if ((thrown as { code?: unknown }).code === 'ENOENT') return err(appError('package.not-found', label));
    return err(appError('package.unreadable', label, { detail: describeThrown(thrown) }));
  }
  let read: Result<Map<string, Buffer>, CatalogueError>;
  try {
    // The zip reader (yauzl, node:zlib) is loaded only for a zip: a cold `vurder check <folder>` saves ~3 ms.
    read = kind === 'folder' ? await readFolderFiles(absolute, label, resolved) : await (await import('./read-zip')).readZipFiles(absolute, label, resolved);
  } catch (thrown) {
    // An I/O failure half-way (permissions, a vanished file): still one line naming the package.
    return err(appError('package.unreadable', label, { detail: describeThrown(thrown) }));
  }
  if (!read.ok) return read;
  const files = rootPackageFiles(read.value);
  const manifest = files?.get(MANIFEST_NAME);
  if (files === null || manifest === undefined) return err(appError('package.no-manifest', label));
  let manifestText: string;
  try {
    manifestText = utf8.decode(manifest);
  } catch {
    // The decoder's own message adds nothing; the catalogue's says what is wrong.
    return err(appError('package.invalid-encoding', manifestLabel(label)));
  }
  return ok({ kind, path: absolute, label, manifestText, files });
}

export function manifestLabel(label: string): string {
  return `${label}/${MANIFEST_NAME}`;
}

export async function openPackage(
  path: string,
  limits: Partial<PackageLimits> = {},
  label: string = path,
): Promise<Result<OpenedPackage, PackageOpenError>> {
  const source = await readPackageSource(path, limits, label);
  if (!source.ok) return source;
  const fileLabel = manifestLabel(label);
  const validated = validatePackageJson(source.value.manifestText, fileLabel);
  if (!validated.ok) return err({ ...packageProblemsToError(validated.error, fileLabel), problems: validated.error });
  const attachments = checkAttachments(validated.value, source.value.files, label);
  if (!attachments.ok) return attachments;
  return ok({ source: source.value, application: validated.value, flags: attachments.value });
}
