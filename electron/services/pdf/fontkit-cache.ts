// Fast text for pdf-lib: one parsed fontkit font per font file per process (not per document), and glyph
// lookup per code point instead of full OpenType shaping. The report needs no ligatures or kerning, and
// shaping every string made a 3-page document cost ~150 ms; with this it is a few ms. A side benefit:
// without the fi/fl ligatures pdftotext extracts exactly the words that were written.
import fontkit from '@pdf-lib/fontkit';
import type { Fontkit } from 'pdf-lib/cjs/types/fontkit';

type FontkitFont = ReturnType<Fontkit['create']>;

const parsed = new Map<Uint8Array, FontkitFont>();

function withSimpleLayout(font: FontkitFont): FontkitFont {
  const glyphs = new Map<number, ReturnType<FontkitFont['glyphForCodePoint']>>();
  const glyphFor = (codePoint: number): ReturnType<FontkitFont['glyphForCodePoint']> => {
    let glyph = glyphs.get(codePoint);
    if (!glyph) {
      glyph = font.glyphForCodePoint(codePoint);
      glyphs.set(codePoint, glyph);
    }
    return glyph;
  };
  // pdf-lib only reads `glyphs` from the run (encodeText, widthOfTextAtSize); positions are not used.
  font.layout = ((text: string) => {
    const run = Array.from(text, (character) => glyphFor(character.codePointAt(0) ?? 0x20));
    return { glyphs: run, positions: [] };
  }) as unknown as FontkitFont['layout'];
  return font;
}

export const cachedFontkit: Fontkit = {
  create(buffer: Uint8Array, postscriptName?: string): FontkitFont {
    let font = parsed.get(buffer);
    if (!font) {
      font = withSimpleLayout((fontkit as unknown as Fontkit).create(buffer, postscriptName));
      parsed.set(buffer, font);
    }
    return font;
  },
};
