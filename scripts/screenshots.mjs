/**
 * Regenerates the share image (public/share.png, 1200 × 630) and the README screenshot
 * (docs/screenshot.png, 390 × 844) from the built page. Run after `npm run build`:
 *   node scripts/screenshots.mjs
 * Both images are committed; nothing at run time depends on this script.
 */
import { join, resolve } from 'node:path';
import { launchChromium } from './bench/chromium.mjs';
import { serveDist } from './bench/server.mjs';

const root = resolve(import.meta.dirname, '..');
const server = await serveDist(join(root, 'dist'));
const origin = server.origin;
const browser = await launchChromium();

async function shoot(viewport, path, hash) {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  await page.goto(`${origin}/${hash}`);
  await page.waitForFunction((id) => document.querySelector('[data-active-step]')?.dataset.activeStep === id, hash.slice(1));
  await page.waitForTimeout(300);
  await page.screenshot({ path });
  await page.close();
  console.log(`wrote ${path}`);
}

await shoot({ width: 390, height: 844 }, join(root, 'docs/screenshot.png'), '#result');
await shoot({ width: 1200, height: 630 }, join(root, 'public/share.png'), '#result');
await browser.close();
await server.close();
