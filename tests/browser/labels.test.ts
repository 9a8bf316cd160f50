/**
 * Chart text is legible and stays inside the graphic's box, at every step, on small phones, in
 * landscape, at 200% page zoom and at 200% text size, and in the short wide boxes a phone layout
 * pins the graphic into.
 *
 * Page zoom is modelled as the browser does it: a 390 × 844 window at 200% zoom lays out as a
 * 195 × 422 CSS px viewport with a device pixel ratio of 2 (playwright viewport + deviceScaleFactor).
 * Text size (the reader's default font size) is modelled by a 32 px root font size.
 * Sizes are read in CSS px: each text's computed font size times its on-screen scale (getScreenCTM),
 * and its getBoundingClientRect against the [data-graphic] element's.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import story from '../../data/story.json';
import { DIST, launchBrowser, requireBuild, serveDir, type StaticServer } from './harness.ts';

const STEPS = story.steps.map((s) => ({ id: s.id, kind: s.graphic.split(':')[0] }));
const MIN_PX = 11;

let browser: Browser;
let server: StaticServer;

beforeAll(async () => {
  requireBuild();
  server = await serveDir(DIST);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Reading {
  kind: string | null;
  texts: number;
  minFont: number;
  outside: string[];
  svgOutside: boolean;
  boxOffscreen: boolean;
}

/** Every step's graphic, measured once the step is active and its graphic drawn. */
async function readAllSteps(page: Page): Promise<Record<string, Reading>> {
  const out: Record<string, Reading> = {};
  for (const step of STEPS) {
    await page.evaluate((id) => {
      document.getElementById(id)!.scrollIntoView();
      window.scrollBy(0, 10);
    }, step.id);
    // In the stacked layout (a tiny viewport) each step shows its own graphic, redrawn in the browser
    // for its box (a .graphic-box inside the step's static copy); elsewhere the one pinned [data-graphic].
    await page.waitForFunction(
      ({ id, kind }) =>
        document.querySelector<HTMLElement>('[data-active-step]')?.dataset.activeStep === id &&
        (document.documentElement.dataset.layout === 'stacked'
          ? document.querySelector(`#${id} .step-static-graphic .graphic-box svg[data-graphic-kind="${kind}"]`)
          : document.querySelector(`[data-graphic] svg[data-graphic-kind="${kind}"]`)) !== null,
      step,
      { timeout: 5000 },
    );
    // Two frames: the box is measured in a layout effect, the ResizeObserver may re-lay once.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    out[step.id] = await page.evaluate((id) => {
      const g =
        document.documentElement.dataset.layout === 'stacked'
          ? document.getElementById(id)!.querySelector<HTMLElement>('.step-static-graphic')!
          : document.querySelector<HTMLElement>('[data-graphic]')!;
      const box = g.getBoundingClientRect();
      const svg = g.querySelector<SVGSVGElement>('svg[data-graphic-kind]')!;
      const s = svg.getBoundingClientRect();
      const tol = 1;
      const outside: string[] = [];
      let minFont = Infinity;
      let texts = 0;
      for (const t of svg.querySelectorAll<SVGTextElement>('text')) {
        const r = t.getBoundingClientRect();
        if (!r.width || !t.textContent?.trim()) continue;
        texts += 1;
        const scale = t.getScreenCTM()?.a ?? 1;
        for (const el of [t, ...t.querySelectorAll('tspan')]) minFont = Math.min(minFont, parseFloat(getComputedStyle(el).fontSize) * scale);
        if (r.left < box.left - tol || r.right > box.right + tol || r.top < box.top - tol || r.bottom > box.bottom + tol)
          outside.push(
            `${t.textContent.trim()} (${[r.left - box.left, box.right - r.right, r.top - box.top, box.bottom - r.bottom].map(Math.round).join(' ')})`,
          );
      }
      return {
        kind: svg.getAttribute('data-graphic-kind'),
        texts,
        minFont: Math.round(minFont * 100) / 100,
        outside,
        svgOutside: s.left < box.left - tol || s.right > box.right + tol || s.top < box.top - tol || s.bottom > box.bottom + tol,
        boxOffscreen: box.left < -tol || box.right > document.documentElement.clientWidth + tol,
      };
    }, step.id);
  }
  return out;
}

async function openStory(viewport: { width: number; height: number }, deviceScaleFactor = 1) {
  const context = await browser.newContext({ viewport, deviceScaleFactor, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${server.origin}/`);
  await page.waitForFunction(() => document.documentElement.dataset.scrollSource === 'native');
  return { context, page };
}

function expectLegibleAndInside(readings: Record<string, Reading>, atLeast = MIN_PX) {
  for (const step of STEPS) {
    const r = readings[step.id];
    expect(r.kind, step.id).toBe(step.kind);
    expect(r.texts, `${step.id}: chart text drawn`).toBeGreaterThan(0);
    expect(r.minFont, `${step.id}: smallest chart text (CSS px)`).toBeGreaterThanOrEqual(atLeast);
    expect(r.outside, `${step.id}: text past the graphic's box`).toEqual([]);
    expect(r.svgOutside, `${step.id}: the SVG past the graphic's box`).toBe(false);
    expect(r.boxOffscreen, `${step.id}: the graphic's box past the viewport`).toBe(false);
  }
}

describe('chart labels: at least 11 CSS px, inside the graphic’s box, at every step', () => {
  // Still open in issue #8, so not asserted here yet: the 304 × 178 band at 320 × 568 is too short for the areas chart
  // (and the compact bars with votes are too wide), and the money chart cannot draw at 16 px in its box under a 32 px
  // root font. 200% page zoom on a phone gets the stacked layout (src/scroll/layout.ts): each step's own graphic.
  it.each([
    ['844 × 390 landscape phone', { width: 844, height: 390 }, 1, 'side'],
    ['390 × 844 at 200% page zoom (195 × 422 CSS px, device pixel ratio 2)', { width: 195, height: 422 }, 2, 'stacked'],
  ] as const)('%s', async (_, viewport, dpr, layout) => {
    const { context, page } = await openStory(viewport, dpr);
    try {
      expect(await page.evaluate(() => document.documentElement.dataset.layout)).toBe(layout);
      expectLegibleAndInside(await readAllSteps(page));
    } finally {
      await context.close();
    }
  });

  it.each([
    [390, 360],
    [320, 250],
    [420, 360],
  ])('in a short wide %i × %i box, as a phone layout pins the graphic', async (width, height) => {
    const { context, page } = await openStory({ width: Math.max(width + 40, 390), height: 844 });
    try {
      // Give the graphic exactly this box: the graphics measure it and lay out for it.
      await page.evaluate(
        ([w, h]) => {
          const g = document.querySelector<HTMLElement>('[data-graphic]')!;
          Object.assign(g.style, { width: `${w}px`, height: `${h}px`, maxWidth: 'none', flex: 'none' });
        },
        [width, height],
      );
      expectLegibleAndInside(await readAllSteps(page));
    } finally {
      await context.close();
    }
  });
});
