// Renders build/icon.svg to the PNG icons (build/icon.png 512x512 for electron-builder, which
// derives .ico and .icns from it; assets/icons/icon.png 256x256 for the Linux window icon) with
// headless Chromium. Run: node build/render-icon.mjs
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const svg = await readFile(join(here, 'icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const [size, out] of [
    [512, join(here, 'icon.png')],
    [256, join(here, '..', 'assets', 'icons', 'icon.png')],
  ]) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const html = `<html><body style="margin:0;background:transparent">${svg.replace('width="512" height="512"', `width="${size}" height="${size}"`)}</body></html>`;
    await page.setContent(html);
    await page.screenshot({
      path: out,
      omitBackground: true,
      clip: { x: 0, y: 0, width: size, height: size },
    });
    await page.close();
    console.log(`wrote ${out}`);
  }
} finally {
  await browser.close();
}
