/**
 * Every step's graphic carries its caption from data/ (data/story.json steps[].chart): a title and
 * a "what to see" line above the chart, a source line below it naming the sources by their short
 * names. At phone (320 × 568, 390 × 844), landscape, desktop and wide-desktop sizes, in light and
 * dark, every state shows all three in the graphic: each non-empty, matching the data (its words
 * around the {{tokens}}, which the unit tests check filled), visible, at least 11 px, inside the
 * graphic's box and the screen (nothing cut off), overlapping neither the chart's element nor any
 * chart text, and meeting 4.5:1 against the page. A short box (a portrait phone's band) sets it
 * compact (graphics.css); the chart is drawn in what it leaves, and that is one box at every step: the
 * caption holds the room of the tallest state's, so a step change never resizes the chart (which made
 * it draw twice, once for a box no layout was prepared for, and its scale jump from step to step).
 *
 * At a 200% text size (a 32 px root) a phone's band is at its 11rem floor: a box under 12rem has no
 * room for even the compact caption beside a legible chart. The rule there, and only there: the chart
 * keeps the box, and the step shows the caption after its text (its static copy, the chart left out),
 * where it is checked the same way once scrolled to the top of the reading area, its step active.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import sources from '../../data/sources.json';
import story from '../../data/story.json';
import { GRAPHIC_SIZES, serveBuiltStory, setReaderTextSize } from './harness.ts';

const built = serveBuiltStory();

/** Below this box height (in rem) the caption may leave the graphic for the step (graphics.css). */
const CARD_BELOW_REM = 12;
const MIN_CAPTION_PX = 11;
const TOKEN = /\{\{[^}]*\}\}/;

/** The short name a source line gives each source of a step's chart. */
function sourceNames(ids: string[]): string[] {
  return ids.map((id) => {
    const s = sources.sources.find((x) => x.id === id)!;
    return 'shortName' in s && typeof s.shortName === 'string' ? s.shortName : s.publisher;
  });
}

/** The data's words around its tokens, in order: "Marked: {{x}}, when" -> ["Marked: ", ", when"]. */
const pieces = (template: string) => template.split(TOKEN).filter((p) => p.trim());

function inOrder(text: string, parts: string[]): boolean {
  let at = 0;
  for (const p of parts) {
    const i = text.indexOf(p, at);
    if (i < 0) return false;
    at = i + p.length;
  }
  return true;
}

interface Seen {
  frameHeight: number;
  root: number;
  /** Where the caption was shown: in the graphic, or in the step after its text. */
  place: 'graphic' | 'card';
  title: string;
  reading: string;
  source: string;
  problems: string[];
}

async function showStep(page: Page, id: string, kind: string): Promise<void> {
  await page.evaluate((stepId) => {
    document.getElementById(stepId)!.scrollIntoView();
    window.scrollBy(0, 10);
  }, id);
  await page.waitForFunction(
    ({ stepId, k }) => {
      if (document.querySelector<HTMLElement>('[data-active-step]')?.dataset.activeStep !== stepId) {
        document.getElementById(stepId)!.scrollIntoView();
        window.scrollBy(0, 10);
        return false;
      }
      // The graphic drawn in the step's state (after a fling it draws where the reader lands).
      const frame = document.querySelector<HTMLElement>('[data-graphic]');
      return (
        frame?.dataset.graphicState === document.getElementById(stepId)!.dataset.graphicState && frame!.querySelector(`svg[data-graphic-kind="${k}"]`) !== null
      );
    },
    { stepId: id, k: kind },
    { timeout: 5000 },
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/**
 * The problems of one caption (head: title and reading; source) as shown in `holder`, which it must
 * lie inside: hidden, empty, too small, cut off, off screen, overlapping `avoid` (the chart's element)
 * or any chart text, or too faint against `background`. Runs in the page.
 */
function captionProblemsInPage({
  holderSel,
  avoidSel,
  backgroundSel,
  minPx,
  parts = ['title', 'reading', 'source'],
  screenTop = 0,
}: {
  holderSel: string;
  avoidSel: string | null;
  backgroundSel: string;
  minPx: number;
  parts?: string[];
  /** Where the screen's free area starts (below the band, for text read under it). */
  screenTop?: number;
}) {
  const holder = document.querySelector<HTMLElement>(holderSel)!;
  const box = holder.getBoundingClientRect();
  const problems: string[] = [];
  const tol = 1;
  const part = (name: string) => holder.querySelector<HTMLElement>(`[data-graphic-caption="${name}"]`);
  const text = (el: HTMLElement | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const overlap = (a: DOMRect, b: DOMRect) =>
    Math.min(a.right, b.right) - Math.max(a.left, b.left) > tol && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > tol;
  const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
  const lum = ([r, g, b]: number[]) => {
    const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  // The colour behind the caption: the nearest opaque background from backgroundSel up.
  let bgEl: HTMLElement | null = document.querySelector<HTMLElement>(backgroundSel);
  while (bgEl && /rgba\(.*,\s*0\)|transparent/.test(getComputedStyle(bgEl).backgroundColor)) bgEl = bgEl.parentElement;
  const bg = rgb(getComputedStyle(bgEl ?? document.body).backgroundColor);
  const avoid = avoidSel ? holder.querySelector<HTMLElement>(avoidSel)!.getBoundingClientRect() : null;
  // Every chart text on the page that is drawn: the pinned graphic's (a caption in the card sits below the band).
  const chartTexts = [...document.querySelectorAll<SVGTextElement>('[data-graphic] svg text')]
    .filter((t) => t.textContent?.trim() && getComputedStyle(t).visibility !== 'hidden')
    .map((t) => ({ text: t.textContent!.trim(), r: t.getBoundingClientRect() }))
    .filter(({ r }) => r.width > 0 && r.height > 0);
  for (const name of parts) {
    const el = part(name);
    if (!el || !el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) || el.getClientRects().length === 0) {
      problems.push(`${name} is not shown`);
      continue;
    }
    if (!text(el)) problems.push(`${name} is empty`);
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size < minPx) problems.push(`${name} is ${size} px`);
    // Each line box: inside the holder and on screen (all of a part no taller than the free area; else its start).
    const tall = el.getBoundingClientRect().height > window.innerHeight - screenTop;
    for (const r of el.getClientRects()) {
      if (r.left < box.left - tol || r.right > box.right + tol || r.top < box.top - tol || r.bottom > box.bottom + tol)
        problems.push(`${name} past its box (${[r.left - box.left, box.right - r.right, r.top - box.top, box.bottom - r.bottom].map(Math.round).join(' ')})`);
      if (r.left < -tol || r.right > document.documentElement.clientWidth + tol || r.top < screenTop - tol || (r.bottom > window.innerHeight + tol && !tall))
        problems.push(`${name} off screen`);
      if (tall) break;
      if (avoid && overlap(r, avoid)) problems.push(`${name} overlaps the chart's element`);
      for (const t of chartTexts) if (overlap(r, t.r)) problems.push(`${name} overlaps chart text "${t.text}"`);
    }
    const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(bg)];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) problems.push(`${name} contrast ${ratio.toFixed(2)}:1`);
  }
  // Nothing cut inside the caption's own blocks (a word too long for the line, a clipped line).
  for (const name of ['head', 'source'].filter((n) => parts.includes(n === 'head' ? 'title' : n))) {
    const el = part(name);
    if (el && el.getClientRects().length && (el.scrollWidth > el.clientWidth + tol || el.scrollHeight > el.clientHeight + tol))
      problems.push(`${name} overflows its block`);
  }
  const head = part('head')?.getBoundingClientRect();
  const source = part('source')?.getBoundingClientRect();
  if (avoid && head && head.bottom > avoid.top + tol) problems.push('the title and reading are not above the chart');
  if (avoid && source && source.top < avoid.bottom - tol) problems.push('the source line is not below the chart');
  return { problems, title: text(part('title')), reading: text(part('reading')), source: text(part('source')) };
}

async function readStep(page: Page, id: string, kind: string): Promise<Seen> {
  await showStep(page, id, kind);
  const pinned = await page.evaluate(() => {
    const frame = document.querySelector<HTMLElement>('[data-graphic]')!;
    const box = frame.getBoundingClientRect();
    const chart = frame.querySelector<HTMLElement>('.graphic-chart')!.getBoundingClientRect();
    const svg = frame.querySelector('svg[data-graphic-kind]')!.getBoundingClientRect();
    const head = frame.querySelector<HTMLElement>('[data-graphic-caption="head"]');
    const source = frame.querySelector<HTMLElement>('[data-graphic-caption="source"]');
    const problems: string[] = [];
    // The chart's drawing box is what the caption leaves: its SVG is drawn within it.
    if (svg.bottom > chart.bottom + 1 || svg.top < chart.top - 1)
      problems.push(`the chart's SVG (${Math.round(svg.height)} px) is taller than its ${Math.round(chart.height)} px box`);
    const inGraphic = !!head?.getClientRects().length || !!source?.getClientRects().length;
    return {
      frameHeight: box.height,
      chartHeight: chart.height,
      root: parseFloat(getComputedStyle(document.documentElement).fontSize),
      inGraphic,
      flag: document.documentElement.dataset.captionPlace ?? null,
      problems,
    };
  });
  const problems = [...pinned.problems];
  const rem = pinned.frameHeight / pinned.root;
  if (pinned.inGraphic) {
    if (pinned.flag === 'card') problems.push('the root says the caption is in the card, but the graphic shows it');
    const seen = await page.evaluate(captionProblemsInPage, {
      holderSel: '[data-graphic]',
      avoidSel: '.graphic-chart',
      backgroundSel: '[data-graphic]',
      minPx: MIN_CAPTION_PX,
    });
    return { frameHeight: pinned.frameHeight, root: pinned.root, place: 'graphic', ...seen, problems: [...problems, ...seen.problems] };
  }
  // Left out of the graphic: only in a box under 12rem, and then in the step's card.
  if (rem >= CARD_BELOW_REM) problems.push(`caption left out of a ${rem.toFixed(1)}rem box`);
  if (Math.abs(pinned.chartHeight - pinned.frameHeight) > 1)
    problems.push(`caption left out but the chart has ${Math.round(pinned.chartHeight)} of ${Math.round(pinned.frameHeight)} px`);
  if (pinned.flag !== 'card') problems.push('caption left out of the graphic, but the page was not told (no data-caption-place="card")');
  const holderSel = `#${id} .step-static-graphic`;
  if (await page.evaluate((sel) => document.querySelector(`${sel} .graphic-chart`)!.getClientRects().length > 0, holderSel))
    problems.push("the card repeats the graphic's chart");
  // Each part brought in turn to the top of the reading area (below the band, if any), as a reader
  // scrolling on meets it: shown whole, uncovered, its step still active.
  let card = { title: '', reading: '', source: '', problems: [] as string[] };
  for (const name of ['title', 'reading', 'source']) {
    const screenTop = await page.evaluate(
      ({ sel, part }) => {
        const el = document.querySelector<HTMLElement>(`${sel} [data-graphic-caption="${part}"]`)!;
        const band = document.documentElement.dataset.layout === 'band' ? document.querySelector('.graphic-layer')!.getBoundingClientRect().bottom : 0;
        window.scrollBy(0, el.getBoundingClientRect().top - band - 4);
        return band;
      },
      { sel: holderSel, part: name },
    );
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const covered = await page.evaluate(
      ({ sel, part, stepId }) => {
        const el = document.querySelector<HTMLElement>(`${sel} [data-graphic-caption="${part}"]`)!;
        const out: string[] = [];
        if (document.querySelector<HTMLElement>('[data-active-step]')?.dataset.activeStep !== stepId)
          out.push(`its step is not active beside the card ${part}`);
        // Hit-tested with every layer taking pointer events: nothing (the band, the step control) covers it.
        const sheet = new CSSStyleSheet();
        sheet.replaceSync('* { pointer-events: auto !important; }');
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
        const r = el.getBoundingClientRect();
        for (const fy of [0.05, 0.5, 0.95]) {
          const y = r.top + fy * r.height;
          if (y >= window.innerHeight) break;
          const hit = document.elementFromPoint(r.left + r.width / 2, y);
          if (!hit || !el.contains(hit)) out.push(`card ${part} is covered by ${hit?.className || hit?.tagName}`);
        }
        document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
        return out;
      },
      { sel: holderSel, part: name, stepId: id },
    );
    const seen = await page.evaluate(captionProblemsInPage, {
      holderSel,
      avoidSel: null,
      backgroundSel: holderSel,
      minPx: MIN_CAPTION_PX,
      parts: [name],
      screenTop,
    });
    card = { ...seen, problems: [...card.problems, ...covered, ...seen.problems.map((p) => `card ${p}`)] };
  }
  return { frameHeight: pinned.frameHeight, root: pinned.root, place: 'card', ...card, problems: [...problems, ...card.problems] };
}

/**
 * steady: the chart's box is one size at every step (the graphic box is at least 21rem wide, so it
 * holds every caption's room: graphics.css). A 320 px phone's is narrower: each caption its own height.
 */
const SIZES = GRAPHIC_SIZES.map((size) => ({ ...size, steady: size.width > 320 }));

/** Every step's caption at one size, scheme and text size: the problems found, and where each caption was. */
async function readStory(viewport: { width: number; height: number }, colorScheme: 'light' | 'dark', rootPx?: number) {
  const context = await built.browser.newContext({ viewport, colorScheme, reducedMotion: 'reduce' });
  try {
    const page = await context.newPage();
    await page.goto(`${built.server.origin}/`);
    await page.waitForFunction(() => document.documentElement.dataset.scrollSource === 'native');
    if (rootPx) await setReaderTextSize(page, `${rootPx}px`);
    const found: string[] = [];
    const places: Record<string, string> = {};
    /** The chart's box (what the caption leaves) at each step: width × height, CSS px. */
    const chartBoxes: Record<string, string> = {};
    for (const step of story.steps) {
      const seen = await readStep(page, step.id, step.graphic.split(':')[0]);
      chartBoxes[step.id] = await page.evaluate(() => {
        const r = document.querySelector('[data-graphic] .graphic-chart')!.getBoundingClientRect();
        return `${r.width.toFixed(1)} × ${r.height.toFixed(1)}`;
      });
      const at = `${step.id} (box ${Math.round(seen.frameHeight)} px)`;
      places[step.id] = seen.place;
      found.push(...seen.problems.map((p) => `${at}: ${p}`));
      const { title, reading, sourceIds } = step.chart;
      if (!inOrder(seen.title, pieces(title)) || TOKEN.test(seen.title)) found.push(`${at}: title "${seen.title}" does not match "${title}"`);
      if (!inOrder(seen.reading, pieces(reading)) || TOKEN.test(seen.reading)) found.push(`${at}: reading "${seen.reading}" does not match "${reading}"`);
      const names = [...new Set(sourceNames(sourceIds))];
      const template = names.length === 1 ? story.page.chartSource.one : story.page.chartSource.many;
      if (seen.source !== template.replace('{names}', names.join(', '))) found.push(`${at}: source line "${seen.source}"`);
    }
    return { found, places, chartBoxes };
  } finally {
    await context.close();
  }
}

describe('graphic captions from data/: title, what to see, sources, in the graphic', () => {
  it.each(
    SIZES.flatMap(({ steady, ...viewport }) =>
      (['light', 'dark'] as const).map((scheme) => [`${viewport.width} × ${viewport.height}, ${scheme}`, viewport, scheme, steady] as const),
    ),
  )(
    '%s: every step shows its whole caption in the graphic',
    async (_, viewport, colorScheme, steady) => {
      const { found, places, chartBoxes } = await readStory(viewport, colorScheme);
      expect(found).toEqual([]);
      expect(Object.entries(places).filter(([, place]) => place !== 'graphic')).toEqual([]);
      if (steady) expect(new Set(Object.values(chartBoxes)), JSON.stringify(chartBoxes)).toHaveProperty('size', 1);
    },
    120_000,
  );
});

describe('graphic captions at a 200% text size (32 px root)', () => {
  it.each([
    ['320 × 568 (band)', { width: 320, height: 568 }, 'card'],
    ['390 × 844 (band)', { width: 390, height: 844 }, 'card'],
    ['844 × 390 (side)', { width: 844, height: 390 }, 'card'],
    ['1280 × 800 (side)', { width: 1280, height: 800 }, 'graphic'],
  ] as const)(
    '%s: in the graphic where its box is 12rem tall or more, else whole in the step beside it',
    async (_, viewport, expected) => {
      const { found, places } = await readStory(viewport, 'light', 32);
      expect(found).toEqual([]);
      // Each size's box is one height for every step: the rule puts every caption in one place.
      expect(new Set(Object.values(places))).toEqual(new Set([expected]));
    },
    120_000,
  );
});
