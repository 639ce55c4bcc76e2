// Binary resources the PDFs need: the DejaVu Sans fonts (æøå, embedded as subsets) and the sRGB ICC profile.
// They are read once per process and shared by every document of a batch.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's resources/ folder; the Electron shell may point this at the packaged resources path. */
let resourceRoot = fileURLToPath(new URL('../../../resources/', import.meta.url));

export function setResourceRoot(path: string): void {
  resourceRoot = path;
  cache.clear();
}

const cache = new Map<string, Uint8Array>();

function load(relative: string): Uint8Array {
  let bytes = cache.get(relative);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(join(resourceRoot, relative)));
    cache.set(relative, bytes);
  }
  return bytes;
}

export const fontRegular = (): Uint8Array => load('fonts/DejaVuSans.ttf');
export const fontBold = (): Uint8Array => load('fonts/DejaVuSans-Bold.ttf');
export const srgbProfile = (): Uint8Array => load('icc/sRGB.icc');
/** A text resource (e.g. a letter template under letters/), read once per process. */
export const resourceText = (relative: string): string => new TextDecoder().decode(load(relative));
