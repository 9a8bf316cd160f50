/**
 * Regenerates the share image (public/share.png, 1200 × 630) and the README screenshot
 * (docs/screenshot.png, 390 × 844) from the built page. Run after `npm run build`:
 *   node scripts/screenshots.mjs
 * Both images are committed; nothing at run time depends on this script.
 *
 * With --steps DIR it instead writes every step at 320×568, 390×844, 844×390 and 1280×800 into DIR
 * and at 390×844 with 200% page zoom (DIR/<width>x<height>[-zoom200]-<step id>.png), for looking at the layout at phone, landscape and desktop sizes.
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

const stepsDir = process.argv.includes('--steps') ? process.argv[process.argv.indexOf('--steps') + 1] : null;
if (stepsDir) {
  for (const viewport of [
    { width: 320, height: 568 },
    { width: 390, height: 844 },
    { width: 844, height: 390 },
    { width: 1280, height: 800 },
    // 390×844 at 200% page zoom: a 195×422 CSS px viewport at twice the density.
    { width: 195, height: 422, deviceScaleFactor: 2, name: '390x844-zoom200' },
  ]) {
    const { deviceScaleFactor = 1, name = `${viewport.width}x${viewport.height}`, ...size } = viewport;
    const page = await browser.newPage({ viewport: size, deviceScaleFactor, reducedMotion: 'reduce' });
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => document.documentElement.dataset.scrollSource === 'native');
    for (const id of await page.$$eval('[data-step]', (els) => els.map((el) => el.id))) {
      // As a jump or a deep link lands: the step's top just inside the reading area.
      await page.evaluate((stepId) => document.getElementById(stepId).scrollIntoView(), id);
      await page.waitForFunction((stepId) => document.querySelector('[data-active-step]')?.dataset.activeStep === stepId, id);
      await page.waitForTimeout(250);
      const path = join(resolve(stepsDir), `${name}-${id}.png`);
      await page.screenshot({ path });
      console.log(`wrote ${path}`);
    }
    await page.close();
  }
} else {
  await shoot({ width: 390, height: 844 }, join(root, 'docs/screenshot.png'), '#result');
  await shoot({ width: 1200, height: 630 }, join(root, 'public/share.png'), '#result');
}
await browser.close();
await server.close();
