// Reads a package from a .zip with yauzl. Nothing is written to disk. Header sizes are not trusted: bytes are
// counted while inflating and the stream is destroyed as soon as a limit is passed.
// The archive is read into memory with one read (it is bounded by maxArchiveBytes, checked first), so the
// entries are slices of it rather than hundreds of 64 KB reads, and each deflated entry is inflated in one
// call on libuv's thread pool: the main thread stays free and two packages can inflate on two cores.
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';
import { crc32, inflateRaw } from 'node:zlib';
import yauzl from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import type { Result } from '../../../shared/result';
import { err, ok } from '../../../shared/result';
import type { CatalogueError } from '../../../shared/errors/format';
import { appError, describeThrown } from '../../../shared/errors/format';
import { readArchive } from './archive-file';
import { PackageCollector } from './collector';
import type { PackageLimits } from './limits';

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
/** General purpose bit 0: the entry is encrypted (traditional PKWARE or strong encryption). */
const FLAG_ENCRYPTED = 0x1;
/** yauzl's messages when the zip directory's sizes do not match the data (validateEntrySizes and stored entries). */
const SIZE_MISMATCH = /bytes in the stream|size mismatch/;

export async function readZipFiles(path: string, label: string, limits: PackageLimits): Promise<Result<Map<string, Buffer>, CatalogueError>> {
  const archive = await readArchive(path, limits.maxArchiveBytes);
  if ('tooLarge' in archive) return err(appError('package.archive-too-large', label, { size: archive.tooLarge, limit: limits.maxArchiveBytes }));
  try {
    let zip: ZipFile;
    try {
      zip = await openZip(archive.bytes);
    } catch (thrown) {
      return err(zipUnreadable(label, thrown));
    }
    try {
      // Entries are read one after the other and each is finished (inflated or copied) before the next, so
      // when this returns nothing points into the archive's buffer and it can go back to the pool.
      return await readEntries(zip, archive.bytes, new PackageCollector(label, limits), label, limits);
    } finally {
      zip.close();
    }
  } finally {
    archive.release();
  }
}

function openZip(archive: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) => {
    // decodeStrings: false, so that we see the raw names and refuse bad ones with our own messages.
    yauzl.fromBuffer(archive, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true }, (error, zip) => {
      if (error) reject(error);
      else resolve(zip);
    });
  });
}

function zipUnreadable(label: string, thrown: unknown): CatalogueError {
  const detail = describeThrown(thrown);
  if (/end of central directory record signature not found/i.test(detail)) return appError('package.zip-truncated', label);
  if (SIZE_MISMATCH.test(detail)) return appError('package.zip-directory-mismatch', label);
  return appError('package.zip-unreadable', label, { detail });
}

function readEntries(
  zip: ZipFile,
  archive: Buffer,
  collector: PackageCollector,
  label: string,
  limits: PackageLimits,
): Promise<Result<Map<string, Buffer>, CatalogueError>> {
  if (zip.entryCount > limits.maxEntries) {
    return Promise.resolve(err(collector.fail('package.too-many-entries', { count: zip.entryCount, limit: limits.maxEntries })));
  }
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: Result<Map<string, Buffer>, CatalogueError>) => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    zip.on('error', (thrown: unknown) => finish(err(zipUnreadable(label, thrown))));
    zip.on('end', () => finish(ok(collector.files)));
    zip.on('entry', (entry: Entry) => {
      handleEntry(zip, archive, entry, collector, limits).then(
        (problem) => (problem === null ? zip.readEntry() : finish(err(problem))),
        (thrown: unknown) => finish(err(zipUnreadable(label, thrown))),
      );
    });
    zip.readEntry();
  });
}

async function handleEntry(zip: ZipFile, archive: Buffer, entry: Entry, collector: PackageCollector, limits: PackageLimits): Promise<CatalogueError | null> {
  // strictFileNames = true keeps backslashes, which checkEntryName then refuses.
  const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
  const problem = collector.addEntry(name);
  if (problem !== null) return problem;
  const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if (mode === S_IFLNK) return collector.fail('package.symlink', { entry: name });
  const isDirectory = name.endsWith('/') || mode === S_IFDIR;
  if (mode !== 0 && mode !== S_IFREG && mode !== S_IFDIR) return collector.fail('package.special-file', { entry: name });
  if (isDirectory) return null;
  if ((entry.generalPurposeBitFlag & FLAG_ENCRYPTED) !== 0) return collector.fail('package.encrypted-entry', { entry: name });
  const limit = collector.fileLimit(name);
  // The declared size is only a fast first check; the real count happens below.
  if (entry.uncompressedSize > limit) return collector.fileTooLarge(name);
  if (entry.compressionMethod === DEFLATE || entry.compressionMethod === STORED) return readWhole(zip, archive, entry, name, collector, limits);
  let stream: Readable;
  try {
    stream = await openReadStream(zip, entry);
  } catch (thrown) {
    if (SIZE_MISMATCH.test(describeThrown(thrown))) return collector.fail('package.zip-size-mismatch', { entry: name });
    throw thrown;
  }
  const chunks: Buffer[] = [];
  let bytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      bytes += chunk.length;
      if (bytes > limit) return collector.fileTooLarge(name);
      const overTotal = collector.countBytes(chunk.length);
      if (overTotal !== null) return overTotal;
      if (bytes > limits.compressionRatioThresholdBytes && bytes > Math.max(entry.compressedSize, 1) * limits.maxCompressionRatio) {
        return collector.fail('package.zip-bomb', { entry: name, limit: limits.maxCompressionRatio });
      }
      chunks.push(chunk);
    }
  } catch (thrown) {
    // yauzl's own size check (validateEntrySizes): the zip directory lies about this entry.
    if (SIZE_MISMATCH.test(describeThrown(thrown))) return collector.fail('package.zip-size-mismatch', { entry: name });
    throw thrown;
  } finally {
    stream.destroy();
  }
  collector.store(name, Buffer.concat(chunks, bytes));
  return null;
}

const STORED = 0;
const DEFLATE = 8;

const inflateRawAsync = promisify(inflateRaw);

/**
 * Deflated and stored entries: the compressed bytes are a slice of the archive, inflated in one call on the
 * thread pool whose output is capped one byte past the smallest limit that applies (declared size, file,
 * package total, zip-bomb ratio), so a bomb never grows past a limit. The same checks, in the same order, as
 * the streaming path above; one inflate call instead of hundreds of 16 KB chunks (import speed, issue 13.2).
 */
async function readWhole(zip: ZipFile, archive: Buffer, entry: Entry, name: string, collector: PackageCollector, limits: PackageLimits): Promise<CatalogueError | null> {
  const fileLimit = collector.fileLimit(name);
  const remaining = collector.remainingBytes();
  const ratioCap = Math.max(limits.compressionRatioThresholdBytes, Math.max(entry.compressedSize, 1) * limits.maxCompressionRatio);
  // The declared size caps it too: yauzl's streaming check stops at the first byte past it, before the limits.
  const cap = Math.min(fileLimit, remaining, ratioCap, entry.uncompressedSize);
  const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
  const end = fileDataStart + entry.compressedSize;
  // The directory points past the end of the archive: what yauzl's read stream reports as a size mismatch.
  if (end > archive.length) return collector.fail('package.zip-size-mismatch', { entry: name });
  const raw = archive.subarray(fileDataStart, end);
  let content: Buffer | null;
  // A stored entry is copied out: the archive's buffer is reused for the next package (archive-file.ts).
  if (entry.compressionMethod === STORED) content = raw.length > cap ? null : Buffer.from(raw);
  else {
    try {
      // chunkSize: the whole (capped) output in one buffer, so the inflate is one trip to the thread pool.
      content = await inflateRawAsync(raw, { maxOutputLength: cap + 1, chunkSize: Math.max(64, cap + 1) });
    } catch (thrown) {
      if ((thrown as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') throw thrown;
      content = null;
    }
  }
  // Over the cap: report the limit the streaming path would have met first.
  const bytes = content === null || content.length > cap ? cap + 1 : content.length;
  if (bytes > entry.uncompressedSize) return collector.fail('package.zip-size-mismatch', { entry: name });
  if (bytes > fileLimit) return collector.fileTooLarge(name);
  const overTotal = collector.countBytes(bytes);
  if (overTotal !== null) return overTotal;
  if (bytes > ratioCap || content === null) return collector.fail('package.zip-bomb', { entry: name, limit: limits.maxCompressionRatio });
  // yauzl's validateEntrySizes, which the raw read skips: a content shorter than the directory says.
  if (content.length !== entry.uncompressedSize) return collector.fail('package.zip-size-mismatch', { entry: name });
  // yauzl never checks CRC-32 (its README says so). A damaged stored entry, or a deflate stream that still
  // decodes after damage, would otherwise be imported with wrong bytes; ~0.75 ms per 5 MB.
  if (crc32(content) !== entry.crc32) return collector.fail('package.zip-crc-mismatch', { entry: name });
  collector.store(name, content);
  return null;
}

function openReadStream(zip: ZipFile, entry: Entry): Promise<Readable> {
  return new Promise((resolve, reject) => {
    zip.openReadStream(entry, (error: Error | null, stream: Readable) => {
      if (error) reject(error);
      else resolve(stream);
    });
  });
}
