// @ts-check
/**
 * Renders app/icon.svg into the PNG icons the web app manifest and iOS ask for, in Debian's
 * Chromium (nothing is downloaded). Run once after changing the SVG and commit the PNGs:
 *
 *   node scripts/make-icons.mjs
 *
 * - icon-192.png, icon-512.png: the SVG as it is (rounded square, transparent corners).
 * - icon-maskable-512.png: full-bleed background, the glyph shrunk into the safe zone (the
 *   middle 80 %), because Android crops maskable icons to a circle or squircle.
 * - apple-touch-icon.png (180): full-bleed, no transparency: iOS rounds the corners itself and
 *   would fill transparent ones with black.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { launchBrowser } from '../bench/lib/browser.mjs';

const root = new URL('..', import.meta.url);
const svg = await readFile(new URL('app/icon.svg', root), 'utf8');
const outputDirectory = new URL('public/icons/', root);

/**
 * The SVG with square corners and its glyph (everything after the background rect) scaled
 * around the centre of its 32 × 32 box.
 * @param {number} glyphScale
 */
function fullBleed(glyphScale) {
  const match = /^(<svg[^>]*>)(<rect[^>]*\/>)(.*)(<\/svg>)$/s.exec(svg.trim());
  if (!match) throw new Error('app/icon.svg is not <svg><rect/>…</svg>; update this script.');
  const [, open = '', rect = '', glyph = '', close = ''] = match;
  const square = rect.replace(/\s+rx="[^"]*"/, '');
  const transform = `translate(16 16) scale(${glyphScale}) translate(-16 -16)`;
  return `${open}${square}<g transform="${transform}">${glyph}</g>${close}`;
}

const icons = [
  { file: 'icon-192.png', size: 192, markup: svg },
  { file: 'icon-512.png', size: 512, markup: svg },
  { file: 'icon-maskable-512.png', size: 512, markup: fullBleed(0.75) },
  { file: 'apple-touch-icon.png', size: 180, markup: fullBleed(0.9) },
];

await mkdir(outputDirectory, { recursive: true });
// Debian's Chromium, started as the benchmarks and the end-to-end suite start it.
const browser = await launchBrowser();
try {
  for (const icon of icons) {
    const page = await browser.newPage({
      viewport: { width: icon.size, height: icon.size },
      deviceScaleFactor: 1,
    });
    const sized = icon.markup.replace('<svg ', `<svg width="${icon.size}" height="${icon.size}" `);
    await page.setContent(
      `<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${sized}`,
    );
    await page.screenshot({
      path: new URL(icon.file, outputDirectory).pathname,
      omitBackground: true,
    });
    await page.close();
    console.log(`public/icons/${icon.file} (${icon.size} × ${icon.size})`);
  }
} finally {
  await browser.close();
}
