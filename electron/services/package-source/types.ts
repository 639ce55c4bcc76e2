// What the package reader hands on. Files are held in memory: the limits (limits.ts) bound the total, and
// the import service needs every byte anyway to hash and copy it.
import type { ApplicationPackage } from '../../../shared/package/schema';
import type { LocalizedText } from '../../../shared/i18n/localized';
import type { PackageProblem } from '../../../shared/package/validate';
import type { CatalogueError } from '../../../shared/errors/format';

export const MANIFEST_NAME = 'soknad.json';

export interface PackageSource {
  kind: 'folder' | 'zip';
  /** Absolute path of the folder or .zip. */
  path: string;
  /** The path as the user gave it; used in messages. */
  label: string;
  /** The text of soknad.json, decoded as UTF-8 (a BOM, if any, is still there; the validator strips it). */
  manifestText: string;
  /**
   * Every file by its relative path inside the package (forward slashes), soknad.json included.
   * When a zip holds one top-level folder with soknad.json in it, that folder is the package root.
   */
  files: Map<string, Buffer>;
}

export type PackageFlagCode = 'attachment.encrypted-pdf' | 'attachment.damaged-pdf';

/** Something worth the assessor's attention that does not stop the package from being read. */
export interface PackageFlag {
  code: PackageFlagCode;
  /** Relative path of the attachment. */
  path: string;
  message: LocalizedText;
}

export interface OpenedPackage {
  source: PackageSource;
  application: ApplicationPackage;
  flags: PackageFlag[];
}

/** A refusal; for soknad.json field problems the full list is kept in `problems`. */
export interface PackageOpenError extends CatalogueError {
  problems?: PackageProblem[];
}
