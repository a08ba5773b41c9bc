// Renders build/icon.svg to build/icon.png (512×512, Linux) and build/icon.ico (PNG-in-ICO, 256/48/32/16,
// Windows) with Debian Chromium through playwright-core. Run after editing the SVG: node scripts/make-icons.mjs
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(import.meta.dirname, '..');
const buildDir = path.join(root, 'build');
const svg = fs.readFileSync(path.join(buildDir, 'icon.svg'), 'utf8');
const ICO_SIZES = [256, 48, 32, 16];

async function render(page, size) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(
    `<html><body style="margin:0;background:transparent">${svg.replace('<svg ', `<svg style="display:block;width:${size}px;height:${size}px" `)}</body></html>`,
  );
  return page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
}

/** An ICO whose entries are PNG images (supported since Windows Vista; electron-builder accepts it). */
function icoOf(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2);
  header.writeUInt16LE(images.length, 4);
  let offset = 6 + 16 * images.length;
  const entries = images.map(({ size, png }) => {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0);
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2);
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4);
    entry.writeUInt16LE(32, 6);
    entry.writeUInt32LE(png.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += png.length;
    return entry;
  });
  return Buffer.concat([header, ...entries, ...images.map(({ png }) => png)]);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  const page = await browser.newPage();
  fs.writeFileSync(path.join(buildDir, 'icon.png'), await render(page, 512));
  const images = [];
  for (const size of ICO_SIZES) images.push({ size, png: await render(page, size) });
  fs.writeFileSync(path.join(buildDir, 'icon.ico'), icoOf(images));
  console.log('build/icon.png and build/icon.ico written');
} finally {
  await browser.close();
}
