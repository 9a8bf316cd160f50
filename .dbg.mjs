import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json' };
const srv = createServer(async (req, res) => { let p = decodeURIComponent(new URL(req.url, 'http://x').pathname); if (p.endsWith('/')) p += 'index.html';
  try { const b = await readFile(join('dist', p)); res.writeHead(200, { 'content-type': types[extname(p)] || 'application/octet-stream' }); res.end(b); } catch { res.writeHead(404); res.end(); } });
await new Promise((r) => srv.listen(0, r));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const ctx = await browser.newContext({ viewport: { width: 844, height: 390 }, reducedMotion: 'reduce' });
const page = await ctx.newPage(); await page.goto(`http://localhost:${srv.address().port}/`);
await page.waitForFunction(() => document.documentElement.dataset.scrollSource === 'native');
await page.evaluate(() => (document.documentElement.style.fontSize = '32px'));
const log = await page.evaluate(async () => {
  const out = [];
  const el = document.getElementById('opening');
  el.scrollIntoView(); window.scrollBy(0, 10);
  out.push(['after scroll', window.scrollY, el.getBoundingClientRect().top, el.offsetHeight]);
  for (let i = 0; i < 40; i++) { await new Promise((r) => setTimeout(r, 50)); out.push([i, window.scrollY, document.querySelector('[data-active-step]')?.dataset.activeStep, location.hash]); }
  return out;
});
console.log(log.map((l) => l.join(' ')).join('\n'));
await browser.close(); srv.close();
