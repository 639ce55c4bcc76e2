// Renders resources/build/icon.svg to the icons the installers need (docs/install.md § For maintainers):
// icon.png 1024×1024 (macOS: electron-builder makes the .icns from it), icons/<n>x<n>.png for Linux
// (16 … 512), and icon.ico for Windows (16, 24, 32, 48, 64, 128, 256; PNG-compressed entries, which Windows
// Vista and later read). Chromium draws the SVG, so no image tool is needed.
//   npx tsx scripts/make-icons.ts      (run again after changing icon.svg; commit the results)
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const dir = fileURLToPath(new URL('../resources/build/', import.meta.url));
export const LINUX_SIZES = [16, 32, 48, 64, 128, 256, 512] as const;
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

/** An ICO file holding one PNG per size (ICONDIR + ICONDIRENTRY each + the PNGs). */
function ico(pngs: { size: number; png: Buffer }[]): Buffer {
  const header = Buffer.alloc(6 + 16 * pngs.length);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(pngs.length, 4);
  let offset = header.length;
  pngs.forEach(({ size, png }, index) => {
    const at = 6 + 16 * index;
    header.writeUInt8(size >= 256 ? 0 : size, at);
    header.writeUInt8(size >= 256 ? 0 : size, at + 1);
    header.writeUInt16LE(1, at + 4);
    header.writeUInt16LE(32, at + 6);
    header.writeUInt32LE(png.length, at + 8);
    header.writeUInt32LE(offset, at + 12);
    offset += png.length;
  });
  return Buffer.concat([header, ...pngs.map(({ png }) => png)]);
}

async function main(): Promise<void> {
  const svg = await readFile(join(dir, 'icon.svg'), 'utf8');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const page = await browser.newPage();
    const render = async (size: number): Promise<Buffer> => {
      await page.setViewportSize({ width: size, height: size });
      await page.setContent(`<html><body style="margin:0;background:transparent">${svg.replace('width="1024" height="1024"', `width="${size}" height="${size}"`)}</body></html>`);
      return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    };
    await mkdir(join(dir, 'icons'), { recursive: true });
    await writeFile(join(dir, 'icon.png'), await render(1024));
    for (const size of LINUX_SIZES) await writeFile(join(dir, 'icons', `${size}x${size}.png`), await render(size));
    const entries = [];
    for (const size of ICO_SIZES) entries.push({ size, png: await render(size) });
    await writeFile(join(dir, 'icon.ico'), ico(entries));
  } finally {
    await browser.close();
  }
}

await main();
