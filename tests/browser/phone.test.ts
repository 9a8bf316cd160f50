/**
 * Issue #8, phone-first reading, in Chromium: every paragraph can be read with its step active and
 * its graphic in view (at phone, landscape and tablet sizes); the reader's place survives rotation
 * and resizing; deep links paint the linked state from the first frame and settle in one move; and
 * the smaller faults (tap targets, step-bar titles, stuck swipes, forced colours, the hash in the
 * appendix, print).
 */
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import story from '../../data/story.json';
import { placeSecondParagraphInPage, readingStateInPage, recordGraphicFramesInPage, sampleStoryInPage, type StoryReport } from './phoneProbe.ts';
import { waitFor, watchErrors, serveBuiltStory } from './harness.ts';

const STEPS = story.steps;

const built = serveBuiltStory();

beforeAll(() => {
  startSampling();
});

interface Size {
  width: number;
  height: number;
}

async function open(viewport: Size, hash = '', options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await built.browser.newContext({ viewport, deviceScaleFactor: 1, ...options });
  const page = await context.newPage();
  await page.goto(`${built.server.origin}/${hash}`);
  await page.waitForFunction(() => document.documentElement.dataset.scrollSource === 'native');
  return { context, page };
}

const frames = (page: Page, n = 2) =>
  page.evaluate(
    (count) =>
      new Promise<void>((resolve) => {
        let left = count;
        const tick = () => (--left <= 0 ? resolve() : requestAnimationFrame(tick));
        requestAnimationFrame(tick);
      }),
    n,
  );

function sampleStory(page: Page, stride = 24): Promise<StoryReport> {
  return page.evaluate(sampleStoryInPage, stride);
}

async function readingState(page: Page, id: string) {
  return page.evaluate(readingStateInPage, id);
}

describe('the reader’s place is kept', () => {
  const CASES: [string, string, Size[]][] = [
    [
      'result',
      'rotating a phone and back',
      [
        { width: 390, height: 844 },
        { width: 844, height: 390 },
        { width: 390, height: 844 },
      ],
    ],
    [
      'by-area',
      'rotating a tablet',
      [
        { width: 768, height: 1024 },
        { width: 1024, height: 768 },
      ],
    ],
    [
      'result',
      'shrinking a desktop window',
      [
        { width: 1440, height: 900 },
        { width: 1024, height: 768 },
      ],
    ],
    [
      'poll',
      'growing a desktop window',
      [
        { width: 1440, height: 900 },
        { width: 2560, height: 1440 },
      ],
    ],
  ];

  it.each(CASES)('keeps %s’s second paragraph on screen and its step active when %s', async (id, _how, sizes) => {
    const { context, page } = await open(sizes[0]);
    // Read the step's second paragraph placed 40% down the screen (below the graphic's band, if any).
    await page.evaluate(placeSecondParagraphInPage, id);
    // The step control marks the active step once the story is hydrated (a transition that yields,
    // so on a loaded machine it can end after the scroll).
    await waitFor(async () => (await readingState(page, id)).active === id);
    await frames(page, 3);
    expect((await readingState(page, id)).active).toBe(id);
    for (const size of sizes.slice(1)) {
      await page.setViewportSize(size);
      await waitFor(async () => {
        const s = await readingState(page, id);
        return s.active === id && s.top >= -1 && s.bottom <= s.height + 1 && s.uncovered;
      });
      await frames(page, 3);
      const state = await readingState(page, id);
      const where = `${id} at ${size.width}×${size.height}`;
      expect(state.active, where).toBe(id);
      // Whole, to within a pixel's rounding.
      expect(state.top, where).toBeGreaterThanOrEqual(-1);
      expect(state.bottom, where).toBeLessThanOrEqual(state.height + 1);
      expect(state.uncovered, where).toBe(true);
    }
    await context.close();
  });
});

describe('the reader’s place is kept when the text size changes', () => {
  it('keeps the step and the paragraph on screen when the text grows to 150%', async () => {
    const { context, page } = await open({ width: 390, height: 844 });
    await page.evaluate(() => {
      const p = document.querySelectorAll<HTMLElement>('#result .step-card > p:not(.step-count):not(.step-sources):not(.visually-hidden)')[1];
      const band = document.querySelector('.graphic-layer')!.getBoundingClientRect().height;
      window.scrollTo(0, p.getBoundingClientRect().top + window.scrollY - band);
    });
    // As above: the step is marked active once the story is hydrated.
    await waitFor(async () => (await readingState(page, 'result')).active === 'result');
    await frames(page, 3);
    expect((await readingState(page, 'result')).active).toBe('result');
    // What a reader's text-size setting does: every rem grows (the layout is in rem).
    await page.evaluate(() => document.documentElement.style.setProperty('font-size', '150%'));
    await waitFor(async () => {
      const s = await readingState(page, 'result');
      return s.active === 'result' && s.top >= 0 && s.bottom <= s.height && s.uncovered;
    });
    const state = await readingState(page, 'result');
    expect(state.active).toBe('result');
    expect(state.top).toBeGreaterThanOrEqual(0);
    expect(state.top).toBeLessThan(state.height);
    expect(state.uncovered).toBe(true);
    await context.close();
  });
});

describe('deep links', () => {
  const RECORDER = recordGraphicFramesInPage;

  it.each([
    ['rmt', { width: 390, height: 844 }],
    ['by-area', { width: 390, height: 844 }],
    ['barred', { width: 320, height: 568 }],
    ['aftermath', { width: 844, height: 390 }],
    ['rmt', { width: 1280, height: 800 }],
    ['result', { width: 1280, height: 800 }],
  ] as const)('#%s at %o: every frame that shows the graphic shows its state; at most one scroll jump', async (id, viewport) => {
    const context = await built.browser.newContext({ viewport, deviceScaleFactor: 1 });
    await context.addInitScript(RECORDER);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${built.server.origin}/#${id}`);
    await page.waitForFunction((stepId) => {
      const root = document.documentElement;
      return (
        root.dataset.scrollSource === 'native' &&
        !('deepLink' in root.dataset) &&
        document.querySelector<HTMLElement>('[data-active-step]')?.dataset.activeStep === stepId
      );
    }, id);
    await page.waitForTimeout(500);
    const recorded = await page.evaluate(() => (window as unknown as { __frames: { y: number; states: (string | null)[] }[] }).__frames);
    const expected = STEPS.find((s) => s.id === id)!.graphic;
    const shown = recorded.filter((f) => f.states.length > 0);
    expect(shown.length).toBeGreaterThan(0);
    const wrong = shown.filter((f) => f.states.some((s) => s !== expected));
    expect(wrong.map((f) => f.states)).toEqual([]);
    const jumps = recorded.filter((f, i) => i > 0 && f.y !== recorded[i - 1].y).map((f) => f.y);
    expect(jumps.length, `scroll positions after the first frame: ${jumps.join(' → ')}`).toBeLessThanOrEqual(1);
    expect(new URL(page.url()).hash).toBe(`#${id}`);
    expect(errors.errors).toEqual([]);
    await context.close();
  });
});

describe('a deep link’s stand-in', () => {
  /** The chart's box in a graphic (its element, what the caption leaves), CSS px. */
  const chartBox = (graphic: string) => {
    const r = document.querySelector(`${graphic} .graphic-chart`)!.getBoundingClientRect();
    return { width: Math.round(r.width), height: Math.round(r.height) };
  };

  it.each(['rmt', 'barred'])('#%s at 390 × 844: its chart is the size the live chart is drawn at (no jump at the hand-over)', async (id) => {
    const viewport = { width: 390, height: 844 };
    // The stand-in alone: the story's script never arrives (before the boot script's 8 s fallback).
    const context = await built.browser.newContext({ viewport, deviceScaleFactor: 1 });
    await context.route(/\/assets\/index-[^/]*\.js$/, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(`${built.server.origin}/#${id}`);
    await page.waitForFunction(() => (document.querySelector('[data-graphic-preview] .graphic-chart')?.getClientRects().length ?? 0) > 0);
    const standIn = await page.evaluate(chartBox, '[data-graphic-preview]');
    await context.close();
    const { context: liveContext, page: live } = await open(viewport, `#${id}`);
    await live.waitForFunction(() => !('deepLink' in document.documentElement.dataset) && document.documentElement.dataset.scrollSource === 'native');
    expect(standIn).toEqual(await live.evaluate(chartBox, '[data-graphic]'));
    await liveContext.close();
  });
});

describe('small faults', () => {
  it('gives every visible link and control at least 24 × 24 px, and the step buttons 44 × 44', async () => {
    const { context, page } = await open({ width: 390, height: 844 }, '', { isMobile: true, hasTouch: true });
    const small = await page.evaluate(() => {
      const out: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex="0"]')) {
        if (!el.checkVisibility({ visibilityProperty: true }) || el.closest('.visually-hidden') || el.classList.contains('skip-link')) continue;
        // A guide link on a name in a sentence is an inline target, which WCAG 2.5.8 exempts: its size is the text's.
        if (el.classList.contains('guide-mention')) continue;
        const min = el.classList.contains('step-nav-button') ? 44 : 24;
        for (const r of el.getClientRects()) {
          if (r.width < min - 0.5 || r.height < min - 0.5)
            out.push(`${el.tagName.toLowerCase()} "${el.textContent?.trim().slice(0, 30)}" ${r.width.toFixed(1)}×${r.height.toFixed(1)}`);
        }
      }
      return out;
    });
    expect(small).toEqual([]);
    await context.close();
  });

  it('never overflows sideways at 320 px, in the story or the appendix', async () => {
    const { context, page } = await open({ width: 320, height: 568 }, '', { isMobile: true, hasTouch: true });
    const overflow = await page.evaluate(async () => {
      const out: string[] = [];
      const targets = [...document.querySelectorAll<HTMLElement>('[data-step], .appendix-section')];
      for (const t of targets) {
        t.scrollIntoView();
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        const extra = document.documentElement.scrollWidth - document.documentElement.clientWidth;
        if (extra > 0) out.push(`${t.id}: ${extra}px`);
      }
      return out;
    });
    expect(overflow).toEqual([]);
    await context.close();
  });

  it.each([
    [320, 568],
    [390, 844],
  ])('shows every step-bar title whole, never cut with an ellipsis, at %i px', async (width, height) => {
    const { context, page } = await open({ width, height });
    for (const step of STEPS) {
      await page.evaluate((id) => document.getElementById(id)!.scrollIntoView(), step.id);
      await waitFor(() => page.evaluate((id) => document.querySelector<HTMLElement>('[data-active-step]')!.dataset.activeStep === id, step.id));
      const status = await page.evaluate(() => {
        const el = document.querySelector<HTMLElement>('.step-nav-status')!;
        const nav = el.closest('.step-nav')!.getBoundingClientRect();
        const r = el.getBoundingClientRect();
        const cs = getComputedStyle(el);
        return {
          text: el.textContent,
          fits: el.scrollWidth <= el.clientWidth && r.top >= nav.top && r.bottom <= nav.bottom,
          ellipsis: cs.textOverflow === 'ellipsis' && cs.overflow !== 'visible',
        };
      });
      expect(status.text).toContain(step.title);
      expect(status, step.id).toMatchObject({ fits: true, ellipsis: false });
    }
    await context.close();
  });

  it('leaves nothing to scroll inside the embed-code boxes, so a swipe on them moves the page', async () => {
    const { context, page } = await open({ width: 390, height: 844 }, '', { isMobile: true, hasTouch: true });
    const boxes = await page.$$eval('.embed-code textarea', (els) =>
      els.map((el) => ({ x: el.scrollWidth - el.clientWidth, y: el.scrollHeight - el.clientHeight, touch: getComputedStyle(el).touchAction })),
    );
    expect(boxes).toHaveLength(3);
    for (const b of boxes) {
      expect(b.x).toBeLessThanOrEqual(0);
      expect(b.y).toBeLessThanOrEqual(0);
    }
    await context.close();
  });

  it('keeps the progress bar’s fill visible in forced colours', async () => {
    const { context, page } = await open({ width: 390, height: 844 }, '#poll', { forcedColors: 'active' });
    await waitFor(() => page.evaluate(() => document.querySelector<HTMLElement>('[data-active-step]')!.dataset.activeStep === 'poll'));
    const colours = await page.evaluate(() => {
      const fill = document.querySelector<HTMLElement>('.step-nav-fill')!;
      const bar = document.querySelector<HTMLElement>('.step-nav-bar')!;
      return { fill: getComputedStyle(fill).backgroundColor, bar: getComputedStyle(bar).backgroundColor, width: fill.getBoundingClientRect().width };
    });
    expect(colours.fill).not.toMatch(/rgba\(.*,\s*0\)|transparent/);
    expect(colours.fill).not.toBe(colours.bar);
    expect(colours.width).toBeGreaterThan(10);
    await context.close();
  });

  it('clears the step hash when the reader leaves the story for the appendix, so a reload stays there', async () => {
    const { context, page } = await open({ width: 390, height: 844 }, '#aftermath');
    await waitFor(() => page.evaluate(() => document.querySelector<HTMLElement>('[data-active-step]')!.dataset.activeStep === 'aftermath'));
    await page.evaluate(() => document.getElementById('results')!.scrollIntoView());
    expect(await waitFor(async () => new URL(page.url()).hash === '')).toBe(true);
    const before = await page.evaluate(() => window.scrollY);
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.scrollSource === 'native');
    await frames(page, 3);
    expect(Math.abs((await page.evaluate(() => window.scrollY)) - before)).toBeLessThan(200);
    await context.close();
  });
});

describe('print (A4)', () => {
  it('puts the masthead with the first step, fits the tables, and leaves out the embed panel and buttons', async () => {
    // A4 less 14 mm margins each side, at 96 px per inch.
    const { context, page } = await open({ width: 687, height: 1000 });
    await page.emulateMedia({ media: 'print' });
    const layout = await page.evaluate(() => {
      const shown = (sel: string) => [...document.querySelectorAll<HTMLElement>(sel)].filter((el) => el.checkVisibility()).length;
      const first = document.querySelector('[data-step] h2')!.getBoundingClientRect();
      return {
        firstStepHeadingBottom: first.bottom + window.scrollY,
        tablesWider: [...document.querySelectorAll<HTMLElement>('.data-table')].filter(
          (t) => t.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5,
        ).length,
        embed: shown('.embed-panel'),
        buttons: shown('button'),
        graphics: shown('.step-static-graphic'),
      };
    });
    // A4 page height less 15 mm margins top and bottom: 267 mm = 1009 px.
    expect(layout.firstStepHeadingBottom).toBeLessThan(1009);
    expect(layout.tablesWider).toBe(0);
    expect(layout.embed).toBe(0);
    expect(layout.buttons).toBe(0);
    expect(layout.graphics).toBe(STEPS.length);
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    expect(pdf.byteLength).toBeGreaterThan(10_000);
    await context.close();
  });
});

// Five sizes (and one with motion on), sampled at once, in the background while the other tests
// run: each page mostly waits on its own frames.
const SIZES: [string, Size, BrowserContextOptions][] = [
  ['390×844', { width: 390, height: 844 }, { reducedMotion: 'reduce' }],
  ['360×640', { width: 360, height: 640 }, { reducedMotion: 'reduce' }],
  ['320×568', { width: 320, height: 568 }, { reducedMotion: 'reduce' }],
  ['844×390', { width: 844, height: 390 }, { reducedMotion: 'reduce' }],
  ['768×1024', { width: 768, height: 1024 }, { reducedMotion: 'reduce' }],
  // And with motion on: the animations must not break it.
  ['390×844 with motion', { width: 390, height: 844 }, { reducedMotion: 'no-preference' }],
];
const reports = new Map<string, Promise<StoryReport>>();

function startSampling() {
  for (const [name, viewport, options] of SIZES) {
    reports.set(
      name,
      (async () => {
        const { context, page } = await open(viewport, '', { ...options, bypassCSP: true, isMobile: viewport.width < 900, hasTouch: true });
        try {
          // The graphics' code is fetched in idle time after hydration: start once it is in, so a
          // first load on a busy machine is not counted against the layout.
          await page.waitForLoadState('networkidle');
          return await sampleStory(page);
        } finally {
          await context.close();
        }
      })(),
    );
  }
  // Settle every promise, so a failure in one size cannot leave another one unhandled.
  for (const p of reports.values()) p.catch(() => undefined);
}

describe('read and see at once', () => {
  it.each(SIZES.map(([name]) => [name]))(
    '%s: every paragraph and quote is wholly readable with its step active and ≥ 90% of the graphic in view; ≥ 85% of each step’s positions show ≥ 90%',
    async (name) => {
      const report = await reports.get(name)!;
      const weak = Object.entries(report.steps)
        .map(([id, s]) => ({ id, share: s.positions ? s.good / s.positions : 0, positions: s.positions }))
        .filter((s) => s.share < 0.85);
      const worst = Math.min(...Object.values(report.steps).map((s) => (s.positions ? s.good / s.positions : 0)));
      console.log(
        `${name}: ${report.positions} positions; worst step ${(worst * 100).toFixed(0)}% good; unread: ${report.unread.join(', ') || 'none'}; read only row by row (taller than the reading space): ${report.inParts.join(', ') || 'none'}; under 90%: ${report.weak.join(' ') || 'none'}`,
      );
      // A block only readable row by row is taller than the space there is to read it in beside its
      // graphic at this size: it fails too (shorten or split it in data/story.json), but says so.
      expect(report.unread).toEqual([]);
      expect(report.inParts).toEqual([]);
      expect(weak).toEqual([]);
    },
    120_000,
  );
});
