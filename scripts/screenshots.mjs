/**
 * Regenerates the share image (public/share.png, 1200 × 630) and the README screenshot
 * (docs/screenshot.png, 390 × 844) from the built page. Run after `npm run build`:
 *   node scripts/screenshots.mjs
 * Both images are committed; nothing at run time depends on this script.
 */
import { createServer } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png' };
const server = createServer((req, res) => {
  let file = join(dist, decodeURIComponent(new URL(req.url, 'http://localhost').pathname));
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
  if (!file.startsWith(dist) || !existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'],
});

async function shoot(viewport, path, hash, selector) {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  await page.goto(`${origin}/${hash}`);
  await page.waitForFunction((id) => document.querySelector('[data-active-step]')?.dataset.activeStep === id, hash.slice(1));
  await page.waitForTimeout(300);
  await (selector ? page.locator(selector).screenshot({ path }) : page.screenshot({ path }));
  await page.close();
  console.log(`wrote ${path}`);
}

await shoot({ width: 390, height: 844 }, join(root, 'docs/screenshot.png'), '#result');
await shoot({ width: 1200, height: 630 }, join(root, 'public/share.png'), '#result');
await browser.close();
server.close();
