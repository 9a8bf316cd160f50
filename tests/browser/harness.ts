/**
 * Browser-test plumbing: Debian's Chromium driven by playwright-core, and tiny static servers on
 * localhost. No test here downloads a browser or touches the network.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from '../../scripts/bench/chromium.mjs';
import { serveDir, type StaticServer } from '../../scripts/bench/server.mjs';

export const ROOT = resolve(import.meta.dirname, '../..');
export const DIST = join(ROOT, 'dist');

// One Chromium launcher and one static server for the tests, the benchmark and the screenshot
// script: they live in scripts/bench/ and are re-exported here under the names the tests use.
export { CHROMIUM_FLAGS, chromiumPath, launchChromium as launchBrowser } from '../../scripts/bench/chromium.mjs';
export { serveDir, type ServeOptions, type StaticServer } from '../../scripts/bench/server.mjs';

/** Fails fast with a clear message when the tests run before `npm run build`. */
export function requireBuild(): void {
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/index.html is missing: run `npm run build` before the browser tests.');
}

/**
 * One Chromium and one server of the built dist/ for a whole test file (call it at the file's top
 * level): started before its tests, closed after them. Read `browser` and `server` inside tests.
 */
export function serveBuiltStory(): { readonly browser: Browser; readonly server: StaticServer } {
  const built = {} as { browser: Browser; server: StaticServer };
  beforeAll(async () => {
    requireBuild();
    built.server = await serveDir(DIST);
    built.browser = await launchChromium();
  });
  afterAll(async () => {
    await built.browser?.close();
    await built.server?.close();
  });
  return built;
}

/**
 * What a reader's text-size setting does: the root (default) font size, which every rem follows, then
 * two frames before anything else happens, as after a settings change. The story re-measures its steps
 * in a ResizeObserver (the next frame); a scroll inside that same frame would be read against the old
 * geometry, and the reader's place kept from that (a known limit, named in issue #8's note).
 */
export async function setReaderTextSize(page: Page, size: string): Promise<void> {
  await page.evaluate((s) => document.documentElement.style.setProperty('font-size', s), size);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

export interface PageErrors {
  errors: string[];
}

/** Collects console errors and uncaught exceptions from a page and all its frames. */
export function watchErrors(page: Page): PageErrors {
  const collected: PageErrors = { errors: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') collected.errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => collected.errors.push(`pageerror: ${err.message}`));
  return collected;
}

/**
 * One page of the built story for a describe block's tests, in their order: opened before them (its
 * native scroll started; with liveChart, also the live chart drawn rather than the prerendered SVG
 * that hydration keeps until the chart's code is in: KeptKinds.tsx), its console errors watched,
 * closed after them.
 */
export function openStoryPage(
  built: { readonly browser: Browser; readonly server: StaticServer },
  options: BrowserContextOptions,
  { liveChart = false } = {},
): { readonly context: BrowserContext; readonly page: Page; readonly errors: PageErrors } {
  const opened = {} as { context: BrowserContext; page: Page; errors: PageErrors };
  beforeAll(async () => {
    opened.context = await built.browser.newContext(options);
    opened.page = await opened.context.newPage();
    opened.errors = watchErrors(opened.page);
    await opened.page.goto(`${built.server.origin}/`);
    await opened.page.waitForFunction(() => document.documentElement.dataset.scrollSource === 'native');
    if (liveChart)
      await opened.page.waitForFunction(() => document.querySelector('[data-graphic] .graphic-kind svg') !== null, null, { timeout: 10_000, polling: 100 });
  });
  afterAll(() => opened.context?.close());
  return opened;
}

/** The sizes issue #18 checks every graphic at: two phones, a landscape phone, a laptop and a large desktop. */
export const GRAPHIC_SIZES: readonly { width: number; height: number }[] = [
  { width: 320, height: 568 },
  { width: 390, height: 844 },
  { width: 844, height: 390 },
  { width: 1280, height: 800 },
  { width: 2560, height: 1440 },
];

export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };

/**
 * Polls until fn returns a truthy value or the time runs out; returns the last value. The wait ends
 * as soon as fn holds, so the limit only bounds a failure: 10 s, since 3-5 s proved short on a loaded
 * two-core machine (a page still fetching a graphic's code, or a browser starting beside another).
 */
export async function waitFor<T>(fn: () => Promise<T>, { timeout = 10_000, interval = 50 } = {}): Promise<T> {
  const end = Date.now() + timeout;
  let last = await fn();
  while (!last && Date.now() < end) {
    await new Promise((r) => setTimeout(r, interval));
    last = await fn();
  }
  return last;
}

/**
 * Scrolls a step into the reading area and waits until it is active and the graphic draws its
 * state (the <svg> names the state's variant, or the timeline's event).
 */
export async function goToStep(page: Page, stepId: string, stateId: string): Promise<boolean> {
  await page.evaluate((id) => {
    document.getElementById(id)!.scrollIntoView();
    window.scrollBy(0, 10);
  }, stepId);
  return waitFor(() =>
    page.evaluate(
      ([id, state]) => {
        const frame = document.querySelector<HTMLElement>('[data-graphic]')!;
        const svg = frame.querySelector('svg');
        return (
          document.querySelector<HTMLElement>('[data-active-step]')!.dataset.activeStep === id &&
          frame.dataset.graphicState === state &&
          svg !== null &&
          (svg.getAttribute('data-variant') ?? svg.getAttribute('data-event')) === state.split(':')[1]
        );
      },
      [stepId, stateId] as const,
    ),
  );
}
