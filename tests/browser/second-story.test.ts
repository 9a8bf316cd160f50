/**
 * A second story built from the kit (tests/fixtures/second-story/): three steps, one bar, its own
 * data and schema. Built here with Vite's API (into a temporary folder, never dist/), served, and
 * scrolled in Chromium: the steps activate in order both ways, the graphic stays pinned, a deep link
 * lands on its step, and inside a news page with embed.js (another origin) the frame takes the
 * story's height, the active step follows the host's scroll, and embed.js's sticky mode pins the
 * story's own graphic page. Its markup names (tests/fixtures/second-story/markup.ts) are none of the
 * main story's, so all this shows the kit works from a story's configuration.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSecondStory } from '../fixtures/second-story/build.ts';
import { embedConfig } from '../../src/story/embedConfig.ts';
import { HOSTS_DIR, lazyFrame } from './embedHarness.ts';
import { DIST, launchBrowser, serveDir, waitFor, watchErrors, type StaticServer } from './harness.ts';

const IDS = ['boats', 'gulls', 'visitors'];
const VALUES: Record<string, number> = { boats: 14, gulls: 37, visitors: 112 };
const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1 };
const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 800 } };

let tmp: string;
let out: string;
let story: StaticServer;
let hosts: StaticServer;
let browser: Browser;
let buildMs = 0;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'second-story-'));
  const started = Date.now();
  out = await buildSecondStory(join(tmp, 'second-story'));
  buildMs = Date.now() - started;
  // The story on 127.0.0.1, the news page on localhost: cross-site, as on a real news site.
  story = await serveDir(tmp, { host: '127.0.0.1' });
  hosts = await serveDir(HOSTS_DIR, { host: 'localhost' });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await story?.close();
  await hosts?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

const storyUrl = () => `${story.origin}/second-story/`;

interface Marks {
  active: string;
  current: string[];
  graphicState: string | null;
  value: number | null;
}

const marks = (target: Page | Frame): Promise<Marks> =>
  target.evaluate(() => {
    const section = document.querySelector<HTMLElement>('[data-story-section]')!;
    const svg = section.querySelector('[data-picture] svg');
    return {
      active: section.dataset.activeStep ?? '',
      current: [...section.querySelectorAll<HTMLElement>('[data-beat][aria-current="step"]')].map((el) => el.dataset.beat ?? ''),
      graphicState: section.querySelector('[data-picture]')?.getAttribute('data-picture-state') ?? null,
      value: svg ? Number(svg.getAttribute('data-value')) : null,
    };
  });

const frames = (target: Page | Frame) => target.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

/** Distinct values in the order first seen, dropping repeats. */
const runs = (values: string[]) => values.filter((v, i) => i === 0 || v !== values[i - 1]);

async function openStory(options: BrowserContextOptions, hash = '') {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${storyUrl()}${hash}`);
  await page.waitForFunction(() => document.documentElement.dataset.scrollSource === 'native' && !!document.querySelector('[data-picture] svg'));
  return { page, errors, close: () => context.close() };
}

describe.each([
  ['phone 390 × 844', PHONE, 'band'],
  ['desktop 1280 × 800', DESKTOP, 'side'],
])('the second story at top level (%s)', (_name, options, layout) => {
  it('activates the three steps in order down and up, with the graphic pinned throughout the section', async () => {
    const { page, errors, close } = await openStory(options);
    try {
      expect(await page.evaluate(() => document.documentElement.dataset.layout)).toBe(layout);
      const max = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
      const positions = Array.from({ length: Math.ceil(max / 50) + 1 }, (_, i) => Math.min(max, i * 50));
      const seen: string[] = [];
      const offPin: string[] = [];
      let pinnedChecks = 0;
      for (const y of [...positions, ...positions.slice().reverse()]) {
        await page.evaluate((top) => window.scrollTo(0, top), y);
        await frames(page);
        const m = await marks(page);
        seen.push(m.active);
        // Every mark agrees: the section's, aria-current, the graphic's state and the value it draws.
        expect(m.current, `y=${y}`).toEqual(m.active ? [m.active] : []);
        if (m.active) expect([m.graphicState, m.value], `y=${y}`).toEqual([m.active, VALUES[m.active]]);
        const g = await page.evaluate(() => {
          const section = document.querySelector('[data-story-section]')!.getBoundingClientRect();
          const graphic = document.querySelector('.picture')!.getBoundingClientRect();
          return { sectionTop: section.top, sectionBottom: section.bottom, top: graphic.top, height: graphic.height };
        });
        // Wholly inside the section's scroll range, the graphic sits at the viewport's top (±2 px).
        if (g.sectionTop <= 0 && g.sectionBottom >= g.height) {
          pinnedChecks++;
          if (Math.abs(g.top) > 2) offPin.push(`y=${y}: graphic top ${g.top}`);
        }
      }
      const half = positions.length;
      expect(runs(seen.slice(0, half))).toEqual(['', ...IDS]);
      expect(runs(seen.slice(half))).toEqual([...IDS.slice().reverse(), '']);
      expect(pinnedChecks).toBeGreaterThan(10);
      expect(offPin).toEqual([]);
      expect(errors.errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it.each(['gulls', 'visitors'])('a deep link #%s lands on that step', async (id) => {
    const { page, errors, close } = await openStory(options, `#${id}`);
    try {
      const landed = await waitFor(async () => (await marks(page)).active === id, { timeout: 10_000 });
      expect(landed, `active: ${(await marks(page)).active}`).toBe(true);
      // Still there once fonts and the load event have had their say.
      await page.waitForTimeout(300);
      expect(await marks(page)).toEqual({ active: id, current: [id], graphicState: id, value: VALUES[id] });
      // Its heading is in the reading area: below the pinned graphic (band) and inside the viewport.
      const { headingTop, graphicBottom, vh } = await page.evaluate((stepId) => {
        const heading = document.getElementById(stepId)!.querySelector('h2')!.getBoundingClientRect();
        const graphic = document.querySelector('.picture')!.getBoundingClientRect();
        return { headingTop: heading.top, graphicBottom: graphic.bottom, vh: window.innerHeight };
      }, id);
      if (layout === 'band') expect(headingTop).toBeGreaterThanOrEqual(graphicBottom - 2);
      expect(headingTop).toBeGreaterThanOrEqual(-2);
      expect(headingTop).toBeLessThan(vh);
      expect(errors.errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

/** The story inside snippet.html (embed.js on the host), scrolled to the frame, in the auto-height context. */
async function openEmbedded(options: BrowserContextOptions) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${hosts.origin}/snippet.html?${new URLSearchParams({ child: storyUrl() })}`);
  const child = await lazyFrame(page, (f) => f.url().startsWith(storyUrl()) && !f.url().includes(embedConfig.graphicPage));
  expect(child, 'the story frame').toBeTruthy();
  const frame = child!;
  await frame.waitForLoadState('load');
  await page.evaluate(() => document.querySelector('iframe')!.scrollIntoView({ block: 'start' }));
  const embedContext = async () => frame.evaluate(() => `${document.documentElement.dataset.embedContext}/${document.documentElement.dataset.scrollSource}`);
  expect(await waitFor(async () => (await embedContext()) === 'auto/relay', { timeout: 10_000 }), await embedContext()).toBe(true);

  return { page, frame, errors, close: () => context.close() };
}

describe('the second story inside a news page, with embed.js on another origin', () => {
  it('was built with the same embed.js as the main story', () => {
    const ours = readFileSync(join(out, 'embed.js'), 'utf8');
    expect(ours.length).toBeGreaterThan(1000);
    // When the main build is there, the host script is the same bytes: one embed.js hosts any story.
    if (existsSync(join(DIST, 'embed.js'))) expect(ours).toBe(readFileSync(join(DIST, 'embed.js'), 'utf8'));
  });

  it.each([
    ['phone 390 × 844', PHONE],
    ['desktop 1280 × 800', DESKTOP],
  ])('gets an auto height and follows the host scroll (%s)', async (_name, options) => {
    const { page, frame, errors, close } = await openEmbedded(options);
    try {
      // The frame is as tall as the story (not the 150 px iframe default, nor embed.js's reserve).
      const heights = async () => ({
        frame: await page.evaluate(() => document.querySelector('iframe')!.getBoundingClientRect().height),
        doc: await frame.evaluate(() => document.documentElement.getBoundingClientRect().height),
      });
      const fits = await waitFor(
        async () => {
          const h = await heights();
          return Math.abs(h.frame - h.doc) <= 2;
        },
        { timeout: 10_000 },
      );
      const h = await heights();
      expect(fits, `frame ${h.frame}, story ${h.doc}`).toBe(true);
      expect(h.frame).toBeGreaterThan(1000);
      expect(await frame.evaluate(() => window.scrollY)).toBe(0);

      // The host scrolls; the story (which never scrolls itself) follows it step by step.
      const { frameTop, max } = await page.evaluate(() => ({
        frameTop: document.querySelector('iframe')!.getBoundingClientRect().top + window.scrollY,
        max: document.documentElement.scrollHeight - window.innerHeight,
      }));
      const start = Math.max(0, frameTop - 200);
      const end = Math.min(max, frameTop + h.doc);
      const seen: string[] = [];
      const offPin: string[] = [];
      let pinnedChecks = 0;
      for (let y = start; y <= end; y += 60) {
        await page.evaluate((top) => window.scrollTo(0, top), y);
        // The host relays its scroll once per frame; give it a few.
        await frames(page);
        await frames(frame);
        await frames(page);
        seen.push((await marks(frame)).active);
        const g = await page.evaluate(() => ({ vh: window.innerHeight }));
        const box = await frame.locator('.picture').boundingBox();
        const section = await frame.locator('[data-story-section]').boundingBox();
        // The graphic, moved by the kit's engine, stays at the host viewport's top while the section spans it.
        if (box && section && section.y <= -100 && section.y + section.height >= box.height + 100) {
          pinnedChecks++;
          if (Math.abs(box.y) > 4) offPin.push(`host y=${y}: graphic at ${Math.round(box.y)} (vh ${g.vh})`);
        }
      }
      expect(pinnedChecks).toBeGreaterThan(5);
      expect(runs(seen).filter((s) => s !== '')).toEqual(IDS);
      expect(offPin).toEqual([]);
      expect(errors.errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('is pinned by the host in sticky mode: embed.js finds its section and picture by its own names and loads its own graphic page', async () => {
    const { page, frame, errors, close } = await openEmbedded(DESKTOP);
    const prefix = embedConfig.prefix;
    const graphicFrame = () => page.frames().find((f) => f.url().startsWith(`${storyUrl()}${embedConfig.graphicPage}`)) ?? null;
    // The text frame never scrolls (auto height), so the section's top in it is fixed: the host scrolls
    // to the frame's top in its own document plus that, plus how far into the section the reader is.
    const sectionTop = await frame.evaluate(() => document.querySelector('.tale')!.getBoundingClientRect().top);
    const scrollIntoSection = async (into: number) => {
      await page.evaluate((y) => window.scrollTo(0, document.querySelector('iframe')!.getBoundingClientRect().top + window.scrollY + y), sectionTop + into);
    };
    try {
      await scrollIntoSection(100);
      // Geometry reaches embed.js only when the kit found .tale, .picture in it and [data-picture] in that.
      const pinned = await waitFor(
        async () => {
          const host = await page.evaluate(
            (p) => ({
              mode: document.querySelector(`[data-${p}-src]`)?.getAttribute(`data-${p}-pinned`),
              overlays: document.querySelectorAll(`[data-${p}-overlay]`).length,
            }),
            prefix,
          );
          const story = await frame.evaluate(() => 'graphicPinned' in document.documentElement.dataset);
          return host.mode === 'sticky' && host.overlays === 1 && story;
        },
        { timeout: 10_000 },
      );
      expect(pinned, 'sticky mode, with the graphic page drawn').toBe(true);
      const picture = graphicFrame();
      expect(picture, 'the graphic page').toBeTruthy();
      // The text frame's own bar is hidden, its space kept.
      expect(await frame.evaluate(() => getComputedStyle(document.querySelector('.tale [data-picture] svg')!).visibility)).toBe('hidden');

      // Down through the section: at rest, the pinned page shows the text frame's active step.
      const sectionHeight = await frame.evaluate(() => document.querySelector('.tale')!.getBoundingClientRect().height);
      const shown: string[] = [];
      for (let i = 0; i < 24; i++) {
        await scrollIntoSection((i * sectionHeight) / 24);
        await frames(page);
        const active = (await marks(frame)).active;
        const state = async () =>
          picture!.evaluate(() => {
            const box = document.querySelector<HTMLElement>('[data-picture]')!;
            return { id: box.dataset.pictureState ?? '', value: Number(box.querySelector('svg')?.getAttribute('data-value')) };
          });
        const agrees = await waitFor(async () => (await state()).id === (active || IDS[0]), { timeout: 10_000 });
        const s = await state();
        expect(agrees, `${i}: text frame on "${active}", graphic page on "${s.id}"`).toBe(true);
        expect(s.value).toBe(VALUES[s.id]);
        if (active) shown.push(s.id);
      }
      expect(runs(shown)).toEqual(IDS);

      // At rest the pinned page's picture lies on the text frame's own (hidden) picture box.
      await frames(page);
      const boxes = await page.evaluate((p) => {
        const text = document.querySelector('iframe')!.getBoundingClientRect();
        const g = document.querySelector(`[data-${p}-graphic]`)!.getBoundingClientRect();
        return { text: { left: text.left, top: text.top }, frame: { left: g.left, top: g.top } };
      }, prefix);
      const inner = await picture!.evaluate(() => {
        const r = document.querySelector('[data-picture]')!.getBoundingClientRect();
        return { left: r.left, top: r.top, width: r.width, height: r.height };
      });
      const drawn = { left: boxes.frame.left + inner.left, top: boxes.frame.top + inner.top, width: inner.width, height: inner.height };
      const own = await frame.evaluate(() => {
        const r = document.querySelector('.tale [data-picture]')!.getBoundingClientRect();
        return { left: r.left, top: r.top, width: r.width, height: r.height };
      });
      const expected = { left: boxes.text.left + own.left, top: boxes.text.top + own.top, width: own.width, height: own.height };
      for (const k of ['left', 'top', 'width', 'height'] as const) expect(Math.abs(drawn[k] - expected[k]), k).toBeLessThanOrEqual(2);
      expect(errors.errors).toEqual([]);
    } finally {
      await close();
    }
  });

  it('builds in seconds', () => {
    expect(buildMs).toBeLessThan(60_000);
  });
});
