/**
 * Chart text is legible and stays inside the graphic's box, at every step, on small phones, in
 * landscape, at 200% page zoom and at 200% text size, and in the short wide boxes a phone layout
 * pins the graphic into; in a box at least 600 px wide (a desktop column) it is at least 14 px
 * (issue #18), wherever that box is met.
 *
 * Page zoom is modelled as the browser does it: a 390 × 844 window at 200% zoom lays out as a
 * 195 × 422 CSS px viewport with a device pixel ratio of 2 (playwright viewport + deviceScaleFactor).
 * Text size (the reader's default font size) is modelled by a 32 px root font size.
 * Sizes are read in CSS px: each text's computed font size times its on-screen scale (getScreenCTM),
 * and its getBoundingClientRect against the [data-graphic] element's.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import candidates from '../../data/candidates.json';
import councils from '../../data/councils.topo.json';
import fundraising from '../../data/fundraising.json';
import results from '../../data/results.json';
import story from '../../data/story.json';
import { goToChart } from './chartGeometry.ts';
import { serveBuiltStory, setReaderTextSize } from './harness.ts';

const STEPS = story.steps.map((s) => ({ id: s.id, kind: s.graphic.split(':')[0], variant: s.graphic.split(':')[1] }));
const MIN_PX = 11;
/** Issue #18: in a graphic at least WIDE_PX wide (a desktop column, read at arm's length), no chart text under WIDE_MIN_PX. */
const WIDE_PX = 600;
const WIDE_MIN_PX = 14;
/**
 * At a 32 px default font: half of it, 16 px. Layouts try 22 px first (11 px in the same proportion
 * to it as at 16 px), but a pinned band too short for that falls back to half the root font
 * (fontFloors in src/kit/graphics/box.ts).
 */
const TEXT_200_MIN_PX = 16;
/**
 * At a 32 px default font in a 320 × 568 phone's band (273 × 231): the default label size. 16 px is
 * out of reach for the bars there (the name column needs "Renner-Thompson", 165 px of 273, and the
 * leader's bar and share the rest), so they draw at 14.5 px with the surname and share alone.
 */
const TEXT_200_SMALL_PHONE_MIN_PX = 13;
const AREAS = results.areas.length;
const CANDIDATES = candidates.candidates.length;
/** Councils each map variant names: the three North of Tyne councils, else all seven. */
const MAP_LABELS = (variant: string) =>
  councils.objects.councils.geometries.filter((g) => variant !== 'north-of-tyne' || g.properties.group === 'north-of-tyne').length;
const MONEY_BARS = fundraising.crowdfunder.milestones.length + fundraising.unionDonations.length;

const built = serveBuiltStory();

interface Reading {
  kind: string | null;
  texts: number;
  minFont: number;
  /** The chart's drawn width (its <svg>), CSS px. */
  width: number;
  outside: string[];
  /** Texts drawn over a data mark (a bar of the money, result or by-council chart). */
  overMarks: string[];
  svgOutside: boolean;
  boxOffscreen: boolean;
  box: string;
  /** What each graphic says it draws (data-* counts), to check all its data is there. */
  drawn: { areas: number; barsPerArea: number[]; candidates: number; moneyBars: number; mapLabels: number };
}

/** Every step's graphic, measured once the step is active and its graphic drawn. */
async function readAllSteps(page: Page): Promise<Record<string, Reading>> {
  const out: Record<string, Reading> = {};
  for (const step of STEPS) {
    // In the stacked layout (a tiny viewport) each step shows its own graphic, redrawn in the browser
    // for its box (a .graphic-box inside the step's static copy); elsewhere the one pinned [data-graphic].
    await goToChart(page, step);
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
      const overMarks: string[] = [];
      // The data marks no text may cover: money bars (the union bar only once shown), result and poll
      // bars, the by-council bars. A text's box is its em box, so a label 5 px over its bar may touch it by a pixel or two.
      const marks = [...svg.querySelectorAll<SVGRectElement>('[data-bar] > rect, [data-candidate] > rect')]
        .filter((m) => parseFloat(getComputedStyle(m).opacity) > 0)
        .map((m) => ({ id: m.parentElement!.getAttribute('data-bar') ?? m.parentElement!.getAttribute('data-candidate'), r: m.getBoundingClientRect() }))
        .filter(({ r }) => r.width > 0 && r.height > 0);
      let minFont = Infinity;
      let texts = 0;
      for (const t of svg.querySelectorAll<SVGTextElement>('text')) {
        const r = t.getBoundingClientRect();
        if (!r.width || !t.textContent?.trim() || getComputedStyle(t).visibility === 'hidden') continue;
        texts += 1;
        const scale = t.getScreenCTM()?.a ?? 1;
        for (const el of [t, ...t.querySelectorAll('tspan')]) minFont = Math.min(minFont, parseFloat(getComputedStyle(el).fontSize) * scale);
        if (r.left < box.left - tol || r.right > box.right + tol || r.top < box.top - tol || r.bottom > box.bottom + tol)
          outside.push(
            `${t.textContent.trim()} (${[r.left - box.left, box.right - r.right, r.top - box.top, box.bottom - r.bottom].map(Math.round).join(' ')})`,
          );
        for (const m of marks) {
          const across = Math.min(r.right, m.r.right) - Math.max(r.left, m.r.left);
          const down = Math.min(r.bottom, m.r.bottom) - Math.max(r.top, m.r.top);
          if (across > 2 && down > 2) overMarks.push(`${t.textContent.trim()} over ${m.id} (${Math.round(across)}×${Math.round(down)})`);
        }
      }
      // A mark drawn but clipped away by the box is not shown: count only those inside it.
      const inside = (el: Element) => {
        const r = el.getBoundingClientRect();
        return r.top >= box.top - tol && r.bottom <= box.bottom + tol && r.left >= box.left - tol && r.right <= box.right + tol;
      };
      const shownIn = (sel: string) => [...svg.querySelectorAll(sel)].filter(inside);
      return {
        kind: svg.getAttribute('data-graphic-kind'),
        texts,
        minFont: Math.round(minFont * 100) / 100,
        width: Math.round(s.width * 100) / 100,
        outside,
        overMarks,
        svgOutside: s.left < box.left - tol || s.right > box.right + tol || s.top < box.top - tol || s.bottom > box.bottom + tol,
        boxOffscreen: box.left < -tol || box.right > document.documentElement.clientWidth + tol,
        box: `${Math.round(box.width)}×${Math.round(box.height)} font ${svg.dataset.font}`,
        drawn: {
          areas: shownIn('[data-area]').length,
          barsPerArea: shownIn('[data-area]').map((a) => [...a.querySelectorAll('[data-candidate]')].filter(inside).length),
          candidates: shownIn('[data-candidate]').length,
          moneyBars: shownIn('[data-bar]').length,
          mapLabels: shownIn('[data-label-for]').length,
        },
      };
    }, step.id);
  }
  return out;
}

interface Case {
  viewport: { width: number; height: number };
  /** Device pixel ratio: 2 with a halved viewport is 200% page zoom. */
  dpr?: number;
  /** The reader's default font size (px): 32 is a 200% text size. */
  rootPx?: number;
}

async function openStory({ viewport, dpr = 1, rootPx }: Case) {
  const context = await built.browser.newContext({ viewport, deviceScaleFactor: dpr, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${built.server.origin}/`);
  await page.waitForFunction(() => document.documentElement.dataset.scrollSource === 'native');
  if (rootPx) await setReaderTextSize(page, `${rootPx}px`);
  return { context, page };
}

/** Every problem found, across all steps, so one failure names them all. */
function problems(readings: Record<string, Reading>, atLeast = MIN_PX): string[] {
  const found: string[] = [];
  for (const step of STEPS) {
    const r = readings[step.id];
    const at = `${step.id} (${r.box})`;
    if (r.kind !== step.kind) found.push(`${at}: drew ${r.kind}`);
    if (!(r.texts > 0)) found.push(`${at}: no chart text`);
    if (r.minFont < atLeast) found.push(`${at}: smallest chart text ${r.minFont} px < ${atLeast}`);
    if (r.width >= WIDE_PX && r.minFont < WIDE_MIN_PX)
      found.push(`${at}: smallest chart text ${r.minFont} px < ${WIDE_MIN_PX} in a ${r.width} px wide graphic`);
    if (r.outside.length) found.push(`${at}: text past the box: ${r.outside.join('; ')}`);
    if (r.overMarks.length) found.push(`${at}: text over a bar: ${r.overMarks.join('; ')}`);
    if (r.svgOutside) found.push(`${at}: the SVG past the box`);
    if (r.boxOffscreen) found.push(`${at}: the box past the viewport`);
    // All the data each graphic is for, inside the box.
    const d = r.drawn;
    if (step.kind === 'areas' && (d.areas !== AREAS || d.barsPerArea.some((n) => n < 2)))
      found.push(`${at}: areas shows ${d.areas} of ${AREAS} councils, bars per council ${d.barsPerArea.join(',')}`);
    if (step.kind === 'bars' && d.candidates !== CANDIDATES) found.push(`${at}: bars shows ${d.candidates} of ${CANDIDATES} candidates`);
    if (step.kind === 'money' && d.moneyBars !== MONEY_BARS) found.push(`${at}: money shows ${d.moneyBars} of ${MONEY_BARS} bars`);
    if (step.kind === 'map' && d.mapLabels !== MAP_LABELS(step.variant)) found.push(`${at}: map labels ${d.mapLabels} of ${MAP_LABELS(step.variant)} councils`);
  }
  return found;
}

async function check(c: Case, atLeast = MIN_PX, layout?: string, forcedBox?: { width: number; height: number }): Promise<Record<string, Reading>> {
  const { context, page } = await openStory(c);
  try {
    if (layout) expect(await page.evaluate(() => document.documentElement.dataset.layout)).toBe(layout);
    if (forcedBox)
      // Give the graphic exactly this box: the graphics measure it and lay out for it.
      await page.evaluate(
        ([w, h]) => {
          const g = document.querySelector<HTMLElement>('[data-graphic]')!;
          Object.assign(g.style, { width: `${w}px`, height: `${h}px`, maxWidth: 'none', flex: 'none' });
        },
        [forcedBox.width, forcedBox.height],
      );
    const readings = await readAllSteps(page);
    // The figures for the record: each step's box and smallest chart text.
    console.log(
      `${c.viewport.width}×${c.viewport.height}${c.dpr ? ` @${c.dpr}x` : ''}${c.rootPx ? ` root ${c.rootPx}px` : ''}${forcedBox ? ` box ${forcedBox.width}×${forcedBox.height}` : ''}: ${STEPS.map((st) => `${st.id} ${readings[st.id].minFont}`).join(', ')}`,
    );
    expect(problems(readings, atLeast)).toEqual([]);
    return readings;
  } finally {
    await context.close();
  }
}

describe('chart labels: at least 11 CSS px, inside the graphic’s box, all the data shown, at every step', () => {
  it.each([
    ['320 × 568, the smallest phone (band)', { viewport: { width: 320, height: 568 } }, 'band'],
    ['360 × 640 phone (band)', { viewport: { width: 360, height: 640 } }, 'band'],
    ['390 × 844 phone (band)', { viewport: { width: 390, height: 844 } }, 'band'],
    ['768 × 1024 tablet (band)', { viewport: { width: 768, height: 1024 } }, 'band'],
    ['844 × 390 landscape phone (side)', { viewport: { width: 844, height: 390 } }, 'side'],
    ['390 × 844 at 200% page zoom (195 × 422 CSS px, device pixel ratio 2)', { viewport: { width: 195, height: 422 }, dpr: 2 }, 'stacked'],
    ['844 × 390 at 200% page zoom (422 × 195 CSS px, device pixel ratio 2)', { viewport: { width: 422, height: 195 }, dpr: 2 }, 'stacked'],
    ['320 × 568 at 200% page zoom (160 × 284 CSS px, device pixel ratio 2)', { viewport: { width: 160, height: 284 }, dpr: 2 }, 'stacked'],
  ] as const)('%s', async (_, c, layout) => {
    await check(c, MIN_PX, layout);
  });

  it.each([
    [390, 360],
    [320, 250],
    [420, 360],
  ])('in a short wide %i × %i box, as a phone layout pins the graphic', async (width, height) => {
    await check({ viewport: { width: Math.max(width + 40, 390), height: 844 } }, MIN_PX, undefined, { width, height });
  });
});

describe('chart labels at least 14 px in a desktop column (a graphic at least 600 px wide)', () => {
  it.each([
    ['1280 × 800 laptop', { viewport: { width: 1280, height: 800 } }],
    ['2560 × 1440 desktop', { viewport: { width: 2560, height: 1440 } }],
    // A short laptop window: the map gave its text back to 13.5 px here to fit its key and callouts.
    ['1280 × 560 short laptop window', { viewport: { width: 1280, height: 560 } }],
  ] as const)('%s: every step', async (_, c) => {
    const readings = await check(c, MIN_PX, 'side');
    // The 14 px check (in problems) applies to every step: here every graphic is in a wide box.
    for (const step of STEPS) expect(readings[step.id].width, step.id).toBeGreaterThanOrEqual(WIDE_PX);
  });
});

describe('chart labels grow with the reader’s text size', () => {
  // A 200% text size (32 px default font): chart text grows with it, never under TEXT_200_MIN_PX.
  it.each([
    ['390 × 844 (band)', { viewport: { width: 390, height: 844 }, rootPx: 32 }],
    ['844 × 390 (side)', { viewport: { width: 844, height: 390 }, rootPx: 32 }],
    ['1280 × 800 (desktop column)', { viewport: { width: 1280, height: 800 }, rootPx: 32 }],
  ] as const)('%s at 200% text size', async (_, c) => {
    await check(c, TEXT_200_MIN_PX);
  });

  it('320 × 568 (band) at 200% text size: never smaller than the default label size', async () => {
    await check({ viewport: { width: 320, height: 568 }, rootPx: 32 }, TEXT_200_SMALL_PHONE_MIN_PX);
  });
});
