// Limits that keep a hostile or broken package from exhausting memory or disk (issue 3, point 3).
// The defaults are documented in docs/package-format.md; callers may pass their own (tests use small ones).

export interface PackageLimits {
  /** Files and folders in the package together. */
  maxEntries: number;
  /** Sum of the bytes of all files after unpacking. Counted while inflating, never taken from headers. */
  maxTotalBytes: number;
  /** Bytes of one file after unpacking. */
  maxFileBytes: number;
  /** Bytes of soknad.json. */
  maxManifestBytes: number;
  /** Unpacked ÷ compressed size above which an entry is treated as a zip bomb … */
  maxCompressionRatio: number;
  /** … once it has unpacked more than this many bytes (small files compress well and are harmless). */
  compressionRatioThresholdBytes: number;
  /** Bytes of the .zip file itself. */
  maxArchiveBytes: number;
}

const MIB = 1024 * 1024;

export const DEFAULT_PACKAGE_LIMITS: Readonly<PackageLimits> = Object.freeze({
  maxEntries: 1000,
  maxTotalBytes: 200 * MIB,
  maxFileBytes: 100 * MIB,
  maxManifestBytes: 5 * MIB,
  maxCompressionRatio: 100,
  compressionRatioThresholdBytes: 1 * MIB,
  maxArchiveBytes: 200 * MIB,
});

export function resolveLimits(overrides: Partial<PackageLimits> = {}): PackageLimits {
  return { ...DEFAULT_PACKAGE_LIMITS, ...overrides };
}
