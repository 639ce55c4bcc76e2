// A small flowing-text layout on top of pdf-lib: headings, wrapped paragraphs, label/value rows and tables
// on A4 pages, then "Side x av y" footers once the page count is known.
import { degrees, rgb } from 'pdf-lib';
import type { PDFDocument, PDFFont, PDFPage, RGB } from 'pdf-lib';

export const A4: [number, number] = [595.28, 841.89];
const MARGIN = { top: 56, bottom: 56, left: 50, right: 50 };
const TEXT = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.38, 0.38, 0.42);
const RULE = rgb(0.75, 0.75, 0.78);
// Drawn first on each page, so opaque light grey sits behind the text (no transparency group needed).
const WATERMARK = rgb(0.86, 0.86, 0.88);

export interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: RGB;
  indent?: number;
}

export interface Column {
  header: string;
  /** Fraction of the content width. */
  width: number;
  /** Amounts and figures are right-aligned so their digits line up. */
  align?: 'left' | 'right';
}

export interface TableOptions {
  size?: number;
  header?: boolean;
  boldFirstColumn?: boolean;
  /** Rows drawn in bold (e.g. a sum row), by index into rows. */
  boldRows?: ReadonlySet<number>;
}

/** Characters the layout cannot place (controls, tabs) become spaces; line breaks split paragraphs. */
function clean(text: string): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point of this function
  return text.replace(/\t/g, '    ').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ');
}

// Advance widths per font and character at size 1, so wrapping measures by table look-up. Same result as
// pdf-lib's widthOfTextAtSize here because fontkit-cache.ts maps text to glyphs one code point at a time.
const widthCache = new WeakMap<PDFFont, Map<string, number>>();

function textWidth(font: PDFFont, text: string, size: number): number {
  let widths = widthCache.get(font);
  if (!widths) {
    widths = new Map();
    widthCache.set(font, widths);
  }
  let total = 0;
  for (const character of text) {
    let width = widths.get(character);
    if (width === undefined) {
      width = font.widthOfTextAtSize(character, 1);
      widths.set(character, width);
    }
    total += width;
  }
  return total * size;
}

export class PageWriter {
  private page!: PDFPage;
  private y = 0;
  readonly pages: PDFPage[] = [];
  readonly width = A4[0] - MARGIN.left - MARGIN.right;

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
    /** Text drawn across every page behind the content, e.g. "UTKAST" on a draft. */
    private readonly watermarkText?: string,
  ) {
    this.newPage();
  }

  /** Start a new page (a title page ends this way). */
  newPage(): void {
    this.page = this.doc.addPage(A4);
    this.pages.push(this.page);
    this.y = A4[1] - MARGIN.top;
    if (this.watermarkText) this.watermark(this.page, this.watermarkText);
  }

  private ensure(height: number): void {
    if (!this.fits(height)) this.newPage();
  }

  /** Start a new page unless `height` points are left: keeps a heading with what follows it. */
  keepSpace(height: number): void {
    this.ensure(height);
  }

  private fits(height: number): boolean {
    return this.y - height >= MARGIN.bottom;
  }

  /** Height of the content area of a fresh page. */
  private get pageHeight(): number {
    return A4[1] - MARGIN.top - MARGIN.bottom;
  }

  gap(height: number): void {
    this.y -= height;
  }

  /** Lines of `text` that fit `width` at `size`; words longer than a line are broken by character. */
  wrap(text: string, font: PDFFont, size: number, width: number): string[] {
    const lines: string[] = [];
    for (const paragraph of clean(text).split(/\r?\n/)) {
      let line = '';
      for (const word of paragraph.split(' ')) {
        const candidate = line ? `${line} ${word}` : word;
        if (textWidth(font, candidate, size) <= width) {
          line = candidate;
          continue;
        }
        if (line) lines.push(line);
        let rest = word;
        while (textWidth(font, rest, size) > width) {
          let cut = rest.length - 1;
          while (cut > 1 && textWidth(font, rest.slice(0, cut), size) > width) cut--;
          // Prefer a break after a hyphen ("DEMO-2021-SO1-" / "01" reads worse than "DEMO-2021-" / "SO1-01").
          const hyphen = rest.lastIndexOf('-', cut - 1);
          if (hyphen >= cut / 2) cut = hyphen + 1;
          lines.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        line = rest;
      }
      lines.push(line);
    }
    return lines;
  }

  heading(text: string, level: 1 | 2 = 2): void {
    const size = level === 1 ? 16 : 12;
    this.gap(level === 1 ? 0 : 8);
    this.ensure(size * 2.6);
    this.paragraph(text, { size, bold: true });
    if (level === 2) {
      // Below the descenders (g, j, p) of the heading's last line, not through them.
      this.page.drawLine({
        start: { x: MARGIN.left, y: this.y - 1 },
        end: { x: MARGIN.left + this.width, y: this.y - 1 },
        thickness: 0.5,
        color: RULE,
      });
      this.gap(5);
    }
  }

  paragraph(text: string, style: TextStyle = {}): void {
    const size = style.size ?? 9.5;
    const font = style.bold ? this.fonts.bold : this.fonts.regular;
    const indent = style.indent ?? 0;
    const leading = size * 1.3;
    for (const line of this.wrap(text, font, size, this.width - indent)) {
      this.ensure(leading);
      this.y -= leading;
      if (line) this.page.drawText(line, { x: MARGIN.left + indent, y: this.y + size * 0.25, size, font, color: style.color ?? TEXT });
    }
  }

  muted(text: string, size = 8): void {
    this.paragraph(text, { size, color: MUTED });
  }

  /** Label in bold on the left third, value wrapped on the right. */
  keyValues(rows: readonly (readonly [string, string])[], size = 9.5): void {
    this.table(
      [
        { header: '', width: 0.32 },
        { header: '', width: 0.68 },
      ],
      rows.map(([label, value]) => [label, value]),
      { size, header: false, boldFirstColumn: true },
    );
  }

  /**
   * A table that is never cut: a row that does not fit starts a new page, the header row is repeated on
   * every page the table continues on, and a row taller than a whole page is split by lines.
   */
  table(columns: readonly Column[], rows: readonly (readonly string[])[], options: TableOptions = {}): void {
    const size = options.size ?? 8.5;
    const leading = size * 1.28;
    const padding = 3;
    const widths = columns.map((column) => column.width * this.width);
    const fontFor = (bold: boolean, index: number): PDFFont => (bold || (options.boldFirstColumn && index === 0) ? this.fonts.bold : this.fonts.regular);
    const wrapRow = (cells: readonly string[], bold: boolean): string[][] =>
      columns.map((_, index) => this.wrap(cells[index] ?? '', fontFor(bold, index), size, (widths[index] ?? 0) - 2 * padding));
    const heightOf = (wrapped: readonly string[][]): number => Math.max(1, ...wrapped.map((lines) => lines.length)) * leading + padding;
    const drawLines = (wrapped: readonly string[][], bold: boolean): void => {
      let x = MARGIN.left;
      wrapped.forEach((lines, index) => {
        const font = fontFor(bold, index);
        const cellWidth = widths[index] ?? 0;
        const right = columns[index]?.align === 'right';
        lines.forEach((line, lineIndex) => {
          if (!line) return;
          const left = right ? x + cellWidth - padding - textWidth(font, line, size) : x + padding;
          this.page.drawText(line, { x: left, y: this.y - (lineIndex + 1) * leading + size * 0.25, size, font, color: TEXT });
        });
        x += cellWidth;
      });
      this.y -= heightOf(wrapped);
      this.page.drawLine({ start: { x: MARGIN.left, y: this.y }, end: { x: MARGIN.left + this.width, y: this.y }, thickness: 0.3, color: RULE });
    };
    const header = options.header !== false ? wrapRow(columns.map((column) => column.header), true) : null;
    const headerHeight = header ? heightOf(header) : 0;
    const startPage = (): void => {
      this.newPage();
      if (header) drawLines(header, true);
    };
    rows.forEach((row, rowIndex) => {
      const bold = options.boldRows?.has(rowIndex) ?? false;
      let wrapped = wrapRow(row, bold);
      // Keep the header with the first row: never a header alone at the foot of a page.
      if (rowIndex === 0 && header) {
        if (!this.fits(headerHeight + Math.min(heightOf(wrapped), this.pageHeight / 2))) this.newPage();
        drawLines(header, true);
      }
      while (!this.fits(heightOf(wrapped))) {
        const room = Math.floor((this.y - MARGIN.bottom - padding) / leading);
        const fresh = Math.floor((this.pageHeight - headerHeight - padding) / leading);
        if (room >= 2 && heightOf(wrapped) > this.pageHeight - headerHeight) {
          // Taller than a whole page: draw what fits here and continue on the next page.
          drawLines(wrapped.map((lines) => lines.slice(0, room)), bold);
          wrapped = wrapped.map((lines) => lines.slice(room));
        } else if (fresh < 1) {
          break;
        }
        startPage();
      }
      drawLines(wrapped, bold);
    });
    if (rows.length === 0 && header) {
      this.ensure(headerHeight);
      drawLines(header, true);
    }
    this.gap(4);
  }

  /** A horizontal bar: filled share, an optional second share after it, and the rest empty (the pool bar). */
  bar(parts: readonly { share: number; color: RGB }[], height = 10): void {
    this.ensure(height + 6);
    this.y -= height + 2;
    let x = MARGIN.left;
    for (const part of parts) {
      const width = Math.max(0, Math.min(1, part.share)) * this.width;
      if (width > 0) this.page.drawRectangle({ x, y: this.y, width: Math.min(width, MARGIN.left + this.width - x), height, color: part.color });
      x += width;
    }
    this.page.drawRectangle({ x: MARGIN.left, y: this.y, width: this.width, height, borderColor: MUTED, borderWidth: 0.6 });
    this.y -= 4;
  }

  /** A framed box of lines kept on one page (used for the visible signature block). */
  box(lines: readonly string[], size = 8.5): void {
    const leading = size * 1.35;
    const wrapped = lines.flatMap((line) => this.wrap(line, this.fonts.regular, size, this.width - 16));
    const height = wrapped.length * leading + 14;
    this.gap(6);
    this.ensure(height);
    this.page.drawRectangle({ x: MARGIN.left, y: this.y - height, width: this.width, height, borderColor: RULE, borderWidth: 0.8 });
    wrapped.forEach((line, index) => {
      if (line) this.page.drawText(line, { x: MARGIN.left + 8, y: this.y - 7 - (index + 1) * leading + size * 0.3, size, font: this.fonts.regular, color: TEXT });
    });
    this.y -= height;
  }

  /** Footer on every page: left text and "Side x av y (page x of y)" on the right. */
  finish(footer: string): void {
    const total = this.pages.length;
    const size = 7.5;
    this.pages.forEach((page, index) => {
      page.drawText(footer, { x: MARGIN.left, y: MARGIN.bottom / 2, size, font: this.fonts.regular, color: MUTED });
      const label = `Side ${index + 1} av ${total}`;
      const width = textWidth(this.fonts.regular, label, size);
      page.drawText(label, { x: A4[0] - MARGIN.right - width, y: MARGIN.bottom / 2, size, font: this.fonts.regular, color: MUTED });
    });
  }

  private watermark(page: PDFPage, text: string): void {
    const size = 96;
    const width = textWidth(this.fonts.bold, text, size);
    const angle = Math.atan2(A4[1], A4[0]);
    // Centre the rotated text on the page: start half its length back along the diagonal.
    const x = A4[0] / 2 - (Math.cos(angle) * width) / 2 + (Math.sin(angle) * size) / 3;
    const y = A4[1] / 2 - (Math.sin(angle) * width) / 2 - (Math.cos(angle) * size) / 3;
    page.drawText(text, { x, y, size, font: this.fonts.bold, color: WATERMARK, rotate: degrees((angle * 180) / Math.PI) });
  }
}
