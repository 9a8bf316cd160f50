/**
 * Issue #5, byte budgets, from the browser's side. The budgets themselves (first-load JS at most
 * 100 KB gzip, everything the page can load at most 250 KB gzip) are enforced in the fast unit
 * project (tests/unit/budget.test.ts) from Vite's build manifest; this file checks that those figures
 * describe what a real browser requests while reading the whole story: nothing it fetches is left
 * out of the count, and the first-load set is really fetched first.
 *
 * No budget is claimed for "JavaScript fetched before network idle": after the first paint the page
 * fetches the graphic chunks and motion features in idle time, so that figure is the first load plus
 * lazy chunks, and it is printed, not budgeted. The budgets are the static first load and the total.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BUDGETS, kb, manifestReport, sizesOf, type ManifestBytes } from '../../scripts/bench/bytes.mjs';
import { DIST, launchBrowser, PHONE, requireBuild, serveDir, type StaticServer } from './harness.ts';
import { settle, STEP_IDS, wheelThrough } from './qualityHarness.ts';

let report: ManifestBytes;

beforeAll(() => {
  requireBuild();
  report = manifestReport(DIST);
});

describe('the byte figures match what a browser loads', () => {
  let browser: Browser;
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveDir(DIST);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('every file requested while reading the whole story is counted in the page total', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${server.origin}/`, { waitUntil: 'load' });
    await page.waitForFunction(() => document.documentElement.dataset.embedContext === 'top');
    await settle(page);
    await page.waitForLoadState('networkidle');
    const atLoad = new Set(server.requests.map((p) => p.replace(/^\//, '') || 'index.html').map((p) => (p.endsWith('/') ? `${p}index.html` : p)));
    await wheelThrough(page);
    // Step through with the control too, so every graphic state has been shown.
    await page.evaluate(() => window.scrollTo(0, 0));
    const next = page.locator('button[aria-label="Next step"]');
    for (let i = 0; i < STEP_IDS.length; i++) if (await next.isEnabled()) await next.click();
    await page.waitForLoadState('networkidle');
    const requested = [...new Set(server.requests.map((p) => p.replace(/^\//, '') || 'index.html'))].sort();
    await context.close();

    const jsAtLoad = [...atLoad].filter((p) => /\.m?js$/.test(p));
    const jsAtLoadBytes = sizesOf(DIST, jsAtLoad);
    const requestedBytes = sizesOf(DIST, requested);
    console.log(`browser: requested by the load event + idle: ${[...atLoad].join(', ')}; JS ${kb(jsAtLoadBytes.gzip)} gzip`);
    console.log(`browser: requested in all after reading the whole story: ${requested.length} files, ${kb(requestedBytes.gzip)} gzip`);
    const counted = [...report.total.files, 'index.html'];
    // The manifest's total must not miss anything the browser fetches...
    expect(requested.filter((p) => !counted.includes(p))).toEqual([]);
    // ...every script fetched before idle is first-load or a lazy chunk the total counts...
    const lazy = report.lazyChunks.flatMap((c) => c.files);
    expect(jsAtLoad.filter((p) => !report.firstLoadJs.files.includes(p) && !lazy.includes(p))).toEqual([]);
    // ...and the first-load set is really fetched in the first load.
    expect(report.firstLoadJs.files.filter((p) => !atLoad.has(p))).toEqual([]);
    expect(requestedBytes.gzip).toBeLessThanOrEqual(BUDGETS.totalGzip);
  });
});
