/**
 * Issue #18, the timeline: at every timeline step, at 320×568, 390×844, 844×390, 1280×800 and
 * 2560×1440, and at a 200% text size, the real text boxes of the drawn timeline (getBoundingClientRect
 * of each <text>, read by chartGeometry.ts as tests/browser/graphics.test.ts reads every graphic) never overlap, none leaves the graphic's box, no leader crosses a text other than
 * its own label and no mark crosses any text; in a box at least 600 px wide no chart text is under
 * 14 px. In a desktop box about as tall as it is wide or taller (1280×800's 640 × 639, 2560×1440's
 * 640 × 1279) the timeline runs down the box, its drawing spans the box's height and no band across it
 * is blank. Between two timeline steps the focus mark slides along the axis
 * (mid-transition it is between its old and new places); under reduced motion it is at its new place
 * in the first frame that draws the new step.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { CHART_STEPS, goToChart, readChart } from './chartGeometry.ts';
import { serveBuiltStory, setReaderTextSize } from './harness.ts';

const STEPS = CHART_STEPS.filter((s) => s.kind === 'timeline');
const built = serveBuiltStory();

const SIZES = [
  { name: '320×568', viewport: { width: 320, height: 568 } },
  { name: '390×844', viewport: { width: 390, height: 844 } },
  { name: '844×390', viewport: { width: 844, height: 390 } },
  { name: '1280×800', viewport: { width: 1280, height: 800 }, down: true },
  { name: '2560×1440', viewport: { width: 2560, height: 1440 }, down: true },
  { name: '390×844 at 200% text size', viewport: { width: 390, height: 844 }, rootPx: 32 },
  { name: '1280×800 at 200% text size', viewport: { width: 1280, height: 800 }, rootPx: 32 },
  { name: '2560×1440 at 200% text size', viewport: { width: 2560, height: 1440 }, rootPx: 32, down: true },
];

describe('the timeline at every step: no overlaps, no crossings, inside its box, legible', () => {
  it.each(SIZES)('$name', async ({ viewport, rootPx, down }) => {
    const context = await built.browser.newContext({ viewport, reducedMotion: 'reduce' });
    const page = await context.newPage();
    try {
      await page.goto(`${built.server.origin}/`);
      await page.waitForFunction(() => document.documentElement.dataset.scrollSource === 'native');
      if (rootPx) await setReaderTextSize(page, `${rootPx}px`);
      const found: string[] = [];
      const log: string[] = [];
      for (const step of STEPS) {
        await goToChart(page, step);
        const r = await readChart(page, step);
        const dateFont = r.highlightFont ?? 0;
        log.push(
          `${step.id} ${r.orientation} ${Math.round(r.width)}×${Math.round(r.height)} text ≥ ${r.minFont} px, date ${dateFont} px, drawn ${Math.round(r.drawnHeight)} px tall, blank band ${Math.round(r.emptyBand)} px of ${Math.round(r.chartHeight)}`,
        );
        // The problems include a mark (the focus's among them) outside the box.
        found.push(...r.problems.map((p) => `${step.id}: ${p}`));
        if (r.texts < 4) found.push(`${step.id}: only ${r.texts} texts`);
        if (r.width >= 600 && r.minFont < 14) found.push(`${step.id}: ${r.minFont} px text in a ${Math.round(r.width)} px wide box`);
        if (r.minFont < (rootPx ? 16 : 11)) found.push(`${step.id}: ${r.minFont} px text`);
        if (dateFont < r.minFont * 1.4) found.push(`${step.id}: the date (${dateFont} px) is not dominant`);
        // A desktop box about as tall as it is wide, or taller: the timeline runs down it and uses its
        // height, with no blank band across it (across, 1280×800's chart had 25% of its height blank
        // between its date and its labels); elsewhere across.
        if (r.orientation !== (down ? 'down' : 'across')) found.push(`${step.id}: drawn ${r.orientation}`);
        if (down && r.drawnHeight < r.chartHeight * 0.85)
          found.push(`${step.id}: drawn ${Math.round(r.drawnHeight)} px of a ${Math.round(r.chartHeight)} px chart`);
        if (down && r.emptyBand > r.chartHeight * 0.15)
          found.push(`${step.id}: a blank band ${Math.round(r.emptyBand)} px tall across the ${Math.round(r.chartHeight)} px chart`);
      }
      console.log(`${viewport.width}×${viewport.height}${rootPx ? ` root ${rootPx}px` : ''}: ${log.join('; ')}`);
      expect(found).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/** Records, each frame, the drawn event and the focus mark's and the new event mark's centres (x and y: the axis runs across or down). */
function watchFocus(page: Page, event: string) {
  return page.evaluate((ev) => {
    type P = { x: number; y: number };
    const w = window as unknown as { __focus: { event: string | null; focus: P; target: P }[]; __stop?: boolean };
    w.__focus = [];
    w.__stop = false;
    const centre = (r: DOMRect) => ({ x: r.left + r.width / 2, y: r.top + r.height / 2 });
    const tick = () => {
      const svg = document.querySelector('[data-graphic] svg[data-graphic-kind="timeline"]');
      const f = svg?.querySelector('[data-focus-mark]')?.getBoundingClientRect();
      const t = svg?.querySelector(`[data-event-mark="${ev}"]`)?.getBoundingClientRect();
      if (f && t) w.__focus.push({ event: svg!.getAttribute('data-event'), focus: centre(f), target: centre(t) });
      if (!w.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, event);
}

/** Stops recording; the frames recorded. */
function stopWatching(page: Page) {
  return page.evaluate(() => {
    type P = { x: number; y: number };
    const w = window as unknown as { __focus: { event: string | null; focus: P; target: P }[]; __stop?: boolean };
    w.__stop = true;
    return w.__focus;
  });
}

describe('the focus moves between timeline steps', () => {
  const [from, to] = STEPS;
  const dist = (a: { x: number; y: number }, b: { x: number; y: number }) => Math.hypot(a.x - b.x, a.y - b.y);
  it.each([
    ['1280×800', { width: 1280, height: 800 }],
    ['390×844', { width: 390, height: 844 }],
    ['2560×1440 (down the box)', { width: 2560, height: 1440 }],
  ] as const)('%s: mid-transition the focus mark is between its old and new places', async (_, viewport) => {
    const context = await built.browser.newContext({ viewport, reducedMotion: 'no-preference' });
    const page = await context.newPage();
    try {
      await page.goto(`${built.server.origin}/`);
      await page.waitForFunction(() => document.documentElement.dataset.scrollSource === 'native');
      await goToChart(page, from);
      await page.waitForTimeout(800);
      await watchFocus(page, to.variant);
      await goToChart(page, to);
      await page.waitForTimeout(900);
      const frames = await stopWatching(page);
      const start = frames[0].focus;
      const end = frames[frames.length - 1].target;
      expect(dist(frames[frames.length - 1].focus, end)).toBeLessThan(0.5);
      const span = dist(start, end);
      expect(span).toBeGreaterThan(10);
      // A few frames after the step change, the mark is on its way: strictly between, in more than one frame.
      const between = frames.filter((f) => f.event === to.variant && dist(f.focus, start) > 2 && dist(f.focus, end) > 2 && dist(f.focus, start) < span);
      expect(between.length, JSON.stringify(frames.map((f) => [f.event, Math.round(f.focus.x), Math.round(f.focus.y)]))).toBeGreaterThan(2);
    } finally {
      await context.close();
    }
  });

  it.each([
    ['1280×800', { width: 1280, height: 800 }],
    ['2560×1440 (down the box)', { width: 2560, height: 1440 }],
  ] as const)('%s: under reduced motion the focus mark is at its new place in the first frame', async (_, viewport) => {
    const context = await built.browser.newContext({ viewport, reducedMotion: 'reduce' });
    const page = await context.newPage();
    try {
      await page.goto(`${built.server.origin}/`);
      await page.waitForFunction(() => document.documentElement.dataset.scrollSource === 'native');
      await goToChart(page, from);
      await watchFocus(page, to.variant);
      await goToChart(page, to);
      await page.waitForTimeout(200);
      const frames = await stopWatching(page);
      const drawn = frames.filter((f) => f.event === to.variant);
      expect(drawn.length).toBeGreaterThan(0);
      for (const f of drawn) expect(dist(f.focus, f.target)).toBeLessThan(0.5);
    } finally {
      await context.close();
    }
  });
});
