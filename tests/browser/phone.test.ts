/**
 * Issue #8, phone-first reading, in Chromium: every paragraph can be read with its step active and
 * its graphic in view (at phone, landscape and tablet sizes); the reader's place survives rotation
 * and resizing; deep links paint the linked state from the first frame and settle in one move; and
 * the smaller faults (tap targets, step-bar titles, stuck swipes, forced colours, the hash in the
 * appendix, print).
 */
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import story from '../../data/story.json';
import { DIST, launchBrowser, requireBuild, serveDir, waitFor, watchErrors, type StaticServer } from './harness.ts';

const STEPS = story.steps;

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  requireBuild();
  server = await serveDir(DIST);
  browser = await launchBrowser();
  startSampling();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Size {
  width: number;
  height: number;
}

async function open(viewport: Size, hash = '', options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, ...options });
  const page = await context.newPage();
  await page.goto(`${server.origin}/${hash}`);
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

interface StoryReport {
  /** Per step: scroll positions sampled while it was active and in view, and how many showed ≥ 90% of the marks. */
  steps: Record<string, { positions: number; good: number }>;
  /**
   * Text blocks (step:index) not readable with their step active and ≥ 90% of the marks shown: never
   * wholly on screen and uncovered at one position, nor (for a block taller than the space there is
   * to read it in) every 8 px row of it at some position.
   */
  unread: string[];
  /** Blocks read only row by row: taller than the reading space at this size (for the log). */
  inParts: string[];
  positions: number;
  /** Positions that showed less than 90% of the marks: step@y=score, for the log. */
  weak: string[];
}

/**
 * Scrolls the whole story in the page, 24 px at a time, and at each position measures (after the
 * page has caught up: two frames, more if the graphic is still switching):
 * - how much of the graphic's drawn marks (path, rect, text, line, circle; their boxes clipped to
 *   the graphic's own box) is inside the viewport and under no step text, step control or opaque
 *   step background (hit-tested with pointer events forced on, so paint order decides);
 * - which of the active step's paragraphs, quotes and list items are wholly on screen and uncovered.
 */
function sampleStory(page: Page, stride = 24): Promise<StoryReport> {
  return page.evaluate(async (stride) => {
    const frame = () => new Promise((r) => requestAnimationFrame(r));
    const root = document.documentElement;
    // Hit-testing must see every layer, including those that let taps through.
    const style = document.createElement('style');
    style.textContent = '* { pointer-events: auto !important; }';
    document.head.append(style);
    const storyRoot = document.querySelector<HTMLElement>('[data-active-step]')!;
    const graphic = document.querySelector<HTMLElement>('[data-graphic]')!;
    const stepEls = [...document.querySelectorAll<HTMLElement>('[data-step]')];
    const texts = stepEls.map((s) => [
      ...s.querySelectorAll<HTMLElement>('.step-card > p:not(.step-count, .step-sources, .visually-hidden), .step-card blockquote, .step-card li'),
    ]);
    const blocks = stepEls.map((s) => [...s.querySelectorAll<HTMLElement>('.step-card > :not(.visually-hidden)')]);
    const TEXT = new Set(['P', 'H1', 'H2', 'H3', 'BLOCKQUOTE', 'FIGCAPTION', 'LI', 'A', 'SPAN', 'BUTTON', 'FIGURE']);
    const opaque = new Map<Element, boolean>();
    const isOpaque = (el: Element) => {
      let o = opaque.get(el);
      if (o === undefined) {
        const bg = getComputedStyle(el).backgroundColor;
        o = !(bg === 'transparent' || /rgba\(.*,\s*0\)$/.test(bg));
        opaque.set(el, o);
      }
      return o;
    };
    const covers = (hit: Element | null): boolean => {
      if (!hit) return true;
      if (hit.closest('[data-graphic], [data-graphic-preview]')) return false;
      if (hit.closest('.nav-layer')) return true;
      const steps = hit.closest('.steps');
      if (!steps) return false;
      for (let el: Element | null = hit; el && el !== steps; el = el.parentElement) if (TEXT.has(el.tagName) || isOpaque(el)) return true;
      return false;
    };
    const POINTS = [
      [0.5, 0.5],
      [0.2, 0.2],
      [0.8, 0.2],
      [0.2, 0.8],
      [0.8, 0.8],
    ];
    const markScore = () => {
      const vw = root.clientWidth;
      const vh = window.innerHeight;
      const box = graphic.getBoundingClientRect();
      const marks = [...graphic.querySelectorAll('svg :is(path, rect, text, line, circle)')].filter(
        (m) => !m.closest('defs, clipPath, pattern, mask, linearGradient, radialGradient, marker, symbol'),
      );
      let sum = 0;
      let count = 0;
      for (const m of marks) {
        const r = m.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) continue;
        const x0 = Math.max(r.left, box.left);
        const x1 = Math.min(r.right, box.right);
        const y0 = Math.max(r.top, box.top);
        const y1 = Math.min(r.bottom, box.bottom);
        if (x1 < x0 || y1 < y0) continue;
        count++;
        const vx0 = Math.max(x0, 0);
        const vx1 = Math.min(x1, vw);
        const vy0 = Math.max(y0, 0);
        const vy1 = Math.min(y1, vh);
        if (vx1 < vx0 || vy1 < vy0) continue;
        const inView = (Math.max(vx1 - vx0, 1) * Math.max(vy1 - vy0, 1)) / (Math.max(x1 - x0, 1) * Math.max(y1 - y0, 1));
        let clear = 0;
        for (const [fx, fy] of POINTS) {
          const x = Math.min(vx0 + fx * (vx1 - vx0), vw - 0.5);
          const y = Math.min(vy0 + fy * (vy1 - vy0), vh - 0.5);
          if (!covers(document.elementFromPoint(x, y))) clear++;
        }
        sum += inView * (clear / POINTS.length);
      }
      return count === 0 ? 0 : sum / count;
    };
    const whollyReadable = (el: HTMLElement) => {
      const r = el.getBoundingClientRect();
      if (r.top < 0 || r.left < 0 || r.bottom > window.innerHeight || r.right > root.clientWidth) return false;
      for (const fx of [0.03, 0.5, 0.97])
        for (const fy of [0.03, 0.5, 0.97]) {
          const hit = document.elementFromPoint(r.left + fx * r.width, r.top + fy * r.height);
          if (!hit || !el.contains(hit)) return false;
        }
      return true;
    };

    const report: StoryReport = { steps: {}, unread: [], inParts: [], positions: 0, weak: [] };
    const read = new Set<string>();
    const rowsSeen = new Map<string, Set<number>>();
    const ROW = 8;
    const seeRows = (el: HTMLElement, key: string) => {
      const r = el.getBoundingClientRect();
      const seen = rowsSeen.get(key) ?? new Set<number>();
      rowsSeen.set(key, seen);
      for (let row = 0; row * ROW < r.height; row++) {
        const y = r.top + Math.min(row * ROW + ROW / 2, r.height - 1);
        if (seen.has(row) || y < 0 || y >= window.innerHeight) continue;
        const clear = [0.1, 0.5, 0.9].every((fx) => {
          const hit = document.elementFromPoint(r.left + fx * r.width, y);
          return !!hit && el.contains(hit);
        });
        if (clear) seen.add(row);
      }
    };
    const allRowsSeen = (el: HTMLElement, key: string) => (rowsSeen.get(key)?.size ?? 0) >= Math.ceil(el.getBoundingClientRect().height / ROW);
    for (const s of stepEls) report.steps[s.id] = { positions: 0, good: 0 };
    const last = stepEls[stepEls.length - 1].getBoundingClientRect();
    // The reading area starts below the band (portrait phones) or at the top (side by side).
    const bandHeight = root.dataset.layout === 'band' ? document.querySelector<HTMLElement>('.graphic-layer')!.offsetHeight : 0;
    const end = Math.min(last.bottom + window.scrollY - bandHeight, root.scrollHeight - window.innerHeight);
    // From a screen above the first step (no step is active before that) to the end of the last one
    // reaching the top of the reading area: past that no story text is left to read, and the band
    // leaves with the story's end.
    const start = Math.max(0, Math.floor((stepEls[0].getBoundingClientRect().top + window.scrollY - window.innerHeight) / stride) * stride);
    for (let y = start; y <= end; y += stride) {
      window.scrollTo(0, y);
      await frame();
      await frame();
      // The graphic may still be switching (or its code arriving): wait for the active step's state.
      let active = '';
      let index = -1;
      for (let i = 0; i < 40; i++) {
        active = storyRoot.dataset.activeStep ?? '';
        index = stepEls.findIndex((s) => s.id === active);
        if (
          index < 0 ||
          (graphic.dataset.graphicState === stepEls[index].dataset.graphicState && graphic.querySelector('svg') && !('deepLink' in root.dataset))
        )
          break;
        await frame();
      }
      if (index < 0) continue;
      const inView = blocks[index].some((b) => {
        const r = b.getBoundingClientRect();
        return r.bottom > 0 && r.top < window.innerHeight;
      });
      if (!inView) continue;
      report.positions++;
      const score = graphic.dataset.graphicState === stepEls[index].dataset.graphicState ? markScore() : 0;
      report.steps[active].positions++;
      if (score < 0.9) report.weak.push(`${active}@${y}=${score.toFixed(2)}`);
      if (score >= 0.9) {
        report.steps[active].good++;
        texts[index].forEach((t, i) => {
          const key = `${active}:${i}`;
          if (read.has(key)) return;
          if (whollyReadable(t)) read.add(key);
          else seeRows(t, key);
        });
      }
    }
    texts.forEach((list, s) =>
      list.forEach((el, i) => {
        const key = `${stepEls[s].id}:${i}`;
        if (read.has(key)) return;
        if (allRowsSeen(el, key)) report.inParts.push(`${key} (${Math.round(el.getBoundingClientRect().height)} px)`);
        else report.unread.push(key);
      }),
    );
    style.remove();
    return report;
  }, stride);
}

async function readingState(page: Page, id: string) {
  return page.evaluate((stepId) => {
    const p = document.querySelectorAll<HTMLElement>(`#${stepId} .step-card > p:not(.step-count):not(.step-sources):not(.visually-hidden)`)[1];
    const r = p.getBoundingClientRect();
    const hit = document.elementFromPoint(r.left + r.width / 2, Math.min(r.top + r.height / 2, window.innerHeight - 1));
    return {
      active: document.querySelector<HTMLElement>('[data-active-step]')!.dataset.activeStep,
      top: r.top,
      bottom: r.bottom,
      height: window.innerHeight,
      // Not under the graphic's band or anything else.
      uncovered: !!hit && p.contains(hit),
    };
  }, id);
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
    await page.evaluate((stepId) => {
      const p = document.querySelectorAll<HTMLElement>(`#${stepId} .step-card > p:not(.step-count):not(.step-sources):not(.visually-hidden)`)[1];
      const band = document.documentElement.dataset.layout === 'band' ? document.querySelector('.graphic-layer')!.getBoundingClientRect().height : 0;
      const top = Math.max(window.innerHeight * 0.4, band);
      window.scrollTo(0, p.getBoundingClientRect().top + window.scrollY - top);
    }, id);
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
  const RECORDER = () => {
    const w = window as unknown as { __frames: { y: number; states: (string | null)[] }[] };
    w.__frames = [];
    const loop = () => {
      const states: (string | null)[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('[data-graphic], [data-graphic-preview]')) {
        if (!el.querySelector('svg')) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.bottom <= 0 || r.top >= window.innerHeight) continue;
        if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
        states.push(el.getAttribute('data-graphic-state'));
      }
      w.__frames.push({ y: window.scrollY, states });
      requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  };

  it.each([
    ['rmt', { width: 390, height: 844 }],
    ['by-area', { width: 390, height: 844 }],
    ['barred', { width: 320, height: 568 }],
    ['aftermath', { width: 844, height: 390 }],
    ['rmt', { width: 1280, height: 800 }],
    ['result', { width: 1280, height: 800 }],
  ] as const)('#%s at %o: every frame that shows the graphic shows its state; at most one scroll jump', async (id, viewport) => {
    const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
    await context.addInitScript(RECORDER);
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.origin}/#${id}`);
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

describe('small faults', () => {
  it('gives every visible link and control at least 24 × 24 px, and the step buttons 44 × 44', async () => {
    const { context, page } = await open({ width: 390, height: 844 }, '', { isMobile: true, hasTouch: true });
    const small = await page.evaluate(() => {
      const out: string[] = [];
      for (const el of document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex="0"]')) {
        if (!el.checkVisibility({ visibilityProperty: true }) || el.closest('.visually-hidden') || el.classList.contains('skip-link')) continue;
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
