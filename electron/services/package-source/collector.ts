// Bookkeeping shared by the folder and zip readers: entry names, counts, duplicates and byte limits.
// Each method returns an error to stop at, or null to go on.
import type { ErrorCode } from '../../../shared/errors/catalogue';
import { appError } from '../../../shared/errors/format';
import type { CatalogueError } from '../../../shared/errors/format';
import { escapeName } from '../../../shared/text/unsafe-name';
import { checkEntryName, duplicateKey } from './entry-name';
import type { PackageLimits } from './limits';
import { MANIFEST_NAME } from './types';

export class PackageCollector {
  readonly files = new Map<string, Buffer>();
  private readonly seen = new Set<string>();
  private entryCount = 0;
  private totalBytes = 0;

  constructor(
    private readonly label: string,
    private readonly limits: PackageLimits,
  ) {}

  fail(code: ErrorCode, params: Record<string, string | number> = {}): CatalogueError {
    return appError(code, this.label, params);
  }

  /** Registers an entry (file or folder; a folder name may end in "/"). */
  addEntry(rawName: string): CatalogueError | null {
    this.entryCount += 1;
    if (this.entryCount > this.limits.maxEntries) {
      return this.fail('package.too-many-entries', { count: `${this.limits.maxEntries}+`, limit: this.limits.maxEntries });
    }
    const name = rawName.endsWith('/') ? rawName.slice(0, -1) : rawName;
    const problem = checkEntryName(name);
    if (problem !== null) {
      const detail = problem.detail;
      const params = { entry: printable(rawName) };
      if (detail === undefined) return this.fail(problem.code, params);
      const nb = appError(problem.code, this.label, { ...params, detail: detail.nb });
      const en = appError(problem.code, this.label, { ...params, detail: detail.en });
      return { ...nb, localized: { nb: nb.localized.nb, en: en.localized.en } };
    }
    const key = duplicateKey(name);
    if (this.seen.has(key)) return this.fail('package.duplicate-entry', { entry: printable(name) });
    this.seen.add(key);
    return null;
  }

  /** The most bytes this file may unpack to. */
  fileLimit(name: string): number {
    return isManifest(name) ? this.limits.maxManifestBytes : this.limits.maxFileBytes;
  }

  /** The error for a file that passed fileLimit(name). */
  fileTooLarge(name: string): CatalogueError {
    return isManifest(name)
      ? this.fail('package.manifest-too-large', { limit: this.limits.maxManifestBytes })
      : this.fail('package.file-too-large', { entry: name, limit: this.limits.maxFileBytes });
  }

  /** Unpacked bytes the package may still hold (whole-entry inflate caps its output here). */
  remainingBytes(): number {
    return Math.max(0, this.limits.maxTotalBytes - this.totalBytes);
  }

  /** Counts unpacked bytes against the package total as they arrive. */
  countBytes(bytes: number): CatalogueError | null {
    this.totalBytes += bytes;
    return this.totalBytes > this.limits.maxTotalBytes ? this.fail('package.too-large', { limit: this.limits.maxTotalBytes }) : null;
  }

  store(name: string, content: Buffer): void {
    this.files.set(name, content);
  }
}

const APPLE_DOUBLE_FOLDER = '__MACOSX/';

function isManifest(name: string): boolean {
  return name === MANIFEST_NAME || name.endsWith(`/${MANIFEST_NAME}`);
}

/** Entry names go into one-line messages: show control characters as \uXXXX escapes. */
function printable(name: string): string {
  // Control, bidi and invisible characters are exactly what must not reach a terminal or a message raw.
  return escapeName(name);
}

/**
 * Finds soknad.json: at the root, or inside a single top-level folder (what "compress folder" produces);
 * in the second case the folder prefix is removed from every path so attachment paths stay relative to
 * soknad.json. A __MACOSX/ folder is dropped. Returns null when there is no manifest.
 */
export function rootPackageFiles(all: Map<string, Buffer>): Map<string, Buffer> | null {
  // macOS "Compress" adds __MACOSX/ with AppleDouble copies (._name) of every file: metadata, never content.
  const files = new Map([...all].filter(([name]) => !name.startsWith(APPLE_DOUBLE_FOLDER)));
  if (files.has(MANIFEST_NAME)) return files;
  const tops = new Set([...files.keys()].map((name) => name.split('/')[0]));
  const [top] = tops;
  const prefix = `${top ?? ''}/`;
  if (tops.size !== 1 || !files.has(`${prefix}${MANIFEST_NAME}`)) return null;
  if (![...files.keys()].every((name) => name.startsWith(prefix))) return null;
  return new Map([...files].map(([name, content]) => [name.slice(prefix.length), content] as const));
}
