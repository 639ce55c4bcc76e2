// Font programs shared across the PDFs of a process. pdf-lib builds a font subset from the glyph outlines
// and deflates it for every document (~5 ms of a signed assessment PDF's ~16 ms). Here each embedded font
// first takes a fixed repertoire (ASCII, Nordic and common accented letters, the punctuation of Norwegian
// text) in a fixed order, so the
// subset's glyph order — and with it the font program — is the same for every document that stays inside
// the repertoire; the deflated program is then built once per process and its bytes reused. A document with
// a character outside the repertoire gets its own (cached) program, so the output is always complete.
// Cost: the subsets carry ~170 glyphs instead of the ~70 used (measured: the sample assessment PDF grows
// from 53 KB to 74 KB; an unsubsetted DejaVu would be 800 KB).
import { deflateSync } from 'node:zlib';
import type { PDFContext, PDFFont, PDFRef } from 'pdf-lib';

/** The pdf-lib internals this relies on (CustomFontSubsetEmbedder, pdf-lib 1.17). */
interface SubsetEmbedder {
  fontData: Uint8Array;
  subset: { glyphs: number[] };
  font: { glyphForCodePoint(codePoint: number): { id: number } };
  encodeText(text: string): unknown;
  isCFF(): boolean;
  serializeFont(): Promise<Uint8Array>;
  embedFontStream(context: PDFContext): Promise<PDFRef>;
}

// Beyond ASCII: the Norwegian letters, the accented letters of names and addresses, and the punctuation and
// signs the PDFs and Norwegian number formats use (U+00A0 and U+2212 from Intl, dashes, quotes, ellipsis).
const EXTRA =
  'ÆØÅæøåÄÖÜäöüÉÈÊËéèêëÁÀÂáàâÓÒÔóòôÍÌÎíìîÚÙÛúùûÑñÇçß«»§°±²³µ·¹¼½¾×÷©®' +
  '\u00a0\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2026\u2022\u20ac\u2212\u2264\u2265\u2192';

function repertoire(embedder: SubsetEmbedder): string {
  let text = '';
  const add = (codePoint: number) => {
    // Only characters the font has: .notdef (glyph 0) is never worth pre-including.
    if (embedder.font.glyphForCodePoint(codePoint).id !== 0) text += String.fromCodePoint(codePoint);
  };
  for (let codePoint = 0x20; codePoint <= 0x7e; codePoint += 1) add(codePoint);
  for (const character of EXTRA) add(character.codePointAt(0) ?? 0x20);
  return text;
}

// Per font file, per glyph list: the deflated program. Bounded: a batch with many odd characters starts over.
const programs = new WeakMap<Uint8Array, Map<string, Uint8Array>>();
const MAX_PROGRAMS_PER_FONT = 32;
const stats = { built: 0, reused: 0 };

/** How often a font program was built and reused in this process (tests and the bench read it). */
export function fontProgramStats(): { built: number; reused: number } {
  return { ...stats };
}

let sharing = true;

/** The bench turns sharing off to measure its reference (every PDF builds its own subset, as before). */
export function setFontProgramSharing(enabled: boolean): void {
  sharing = enabled;
}

export function shareFontProgram(font: PDFFont): void {
  if (!sharing) return;
  const embedder = (font as unknown as { embedder: SubsetEmbedder }).embedder;
  if (typeof embedder.embedFontStream !== 'function' || !Array.isArray(embedder.subset?.glyphs)) {
    throw new Error('font-program-cache: pdf-lib internals changed (CustomFontSubsetEmbedder); update this file');
  }
  embedder.encodeText(repertoire(embedder));
  const serialize = embedder.serializeFont.bind(embedder);
  embedder.embedFontStream = async (context) => {
    let cache = programs.get(embedder.fontData);
    if (cache === undefined) {
      cache = new Map();
      programs.set(embedder.fontData, cache);
    }
    // The key is taken before serialising: fontkit appends composite-glyph parts to the list while encoding.
    const key = embedder.subset.glyphs.join(',');
    let deflated = cache.get(key);
    if (deflated === undefined) {
      stats.built += 1;
      deflated = new Uint8Array(deflateSync(await serialize()));
      if (cache.size >= MAX_PROGRAMS_PER_FONT) cache.clear();
      cache.set(key, deflated);
    } else stats.reused += 1;
    const dict = embedder.isCFF() ? { Subtype: 'CIDFontType0C', Filter: 'FlateDecode' } : { Filter: 'FlateDecode' };
    return context.register(context.stream(deflated, dict));
  };
}
