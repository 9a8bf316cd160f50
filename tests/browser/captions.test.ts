/**
 * Every step's graphic carries its caption from data/ (data/story.json steps[].chart): a title and
 * a "what to see" line above the chart, a source line below it naming the sources by their short
 * names. At phone, landscape, desktop and wide-desktop sizes, in light and dark: each is non-empty,
 * matches the data (its words around the {{tokens}}, which the unit tests check filled), sits inside
 * the graphic's box, and overlaps neither the chart's element nor any chart text; its colour meets
 * 4.5:1 against the page.
 *
 * A pinned box shorter than 19rem (a portrait phone's band: 178 px at 320 × 568, 293 px at 390 × 844)
 * has no room for a caption and a chart showing all its data legibly (graphics.css): there the
 * caption is hidden, and this test checks it is, and that the chart keeps the whole box.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import sources from '../../data/sources.json';
import story from '../../data/story.json';
import { serveBuiltStory } from './harness.ts';

const built = serveBuiltStory();

const SHORT_BOX_REM = 19;
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
  shown: boolean;
  title: string;
  reading: string;
  source: string;
  problems: string[];
}

async function readStep(page: Page, id: string, kind: string): Promise<Seen> {
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
      return document.querySelector(`[data-graphic] svg[data-graphic-kind="${k}"]`) !== null;
    },
    { stepId: id, k: kind },
    { timeout: 5000 },
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(() => {
    const frame = document.querySelector<HTMLElement>('[data-graphic]')!;
    const box = frame.getBoundingClientRect();
    const root = parseFloat(getComputedStyle(document.documentElement).fontSize);
    const problems: string[] = [];
    const part = (name: string) => frame.querySelector<HTMLElement>(`[data-graphic-caption="${name}"]`);
    const head = part('head');
    const source = part('source');
    const chart = frame.querySelector<HTMLElement>('.graphic-chart')!.getBoundingClientRect();
    const text = (el: HTMLElement | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const shown = !!head && head.getClientRects().length > 0 && !!source && source.getClientRects().length > 0;
    const tol = 1;
    const overlap = (a: DOMRect, b: DOMRect) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > tol && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > tol;
    if (shown) {
      // Contrast of each caption line against the page behind it.
      const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const lum = ([r, g, b]: number[]) => {
        const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
      };
      const bg = rgb(getComputedStyle(document.body).backgroundColor);
      for (const name of ['title', 'reading', 'source']) {
        const el = part(name)!;
        const r = el.getBoundingClientRect();
        if (!text(el)) problems.push(`${name} is empty`);
        if (r.left < box.left - tol || r.right > box.right + tol || r.top < box.top - tol || r.bottom > box.bottom + tol)
          problems.push(
            `${name} past the graphic's box (${[r.left - box.left, box.right - r.right, r.top - box.top, box.bottom - r.bottom].map(Math.round).join(' ')})`,
          );
        if (overlap(r, chart)) problems.push(`${name} overlaps the chart's element`);
        for (const t of frame.querySelectorAll<SVGTextElement>('svg text')) {
          const tr = t.getBoundingClientRect();
          if (tr.width && t.textContent?.trim() && overlap(tr, chart) && overlap(r, tr)) problems.push(`${name} overlaps chart text "${t.textContent.trim()}"`);
        }
        const [a, b] = [lum(rgb(getComputedStyle(el).color)), lum(bg)];
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        if (ratio < 4.5) problems.push(`${name} contrast ${ratio.toFixed(2)}:1`);
      }
      if (head!.getBoundingClientRect().bottom > chart.top + tol) problems.push('the title and reading are not above the chart');
      if (source!.getBoundingClientRect().top < chart.bottom - tol) problems.push('the source line is not below the chart');
    } else {
      // Hidden in a short box: the chart has the whole box.
      if (Math.abs(chart.height - box.height) > tol)
        problems.push(`caption hidden but the chart has ${Math.round(chart.height)} of ${Math.round(box.height)} px`);
    }
    // The chart's drawing box is what the caption leaves: its SVG is drawn within it.
    const svg = frame.querySelector('svg[data-graphic-kind]')!.getBoundingClientRect();
    if (svg.bottom > chart.bottom + tol || svg.top < chart.top - tol)
      problems.push(`the chart's SVG (${Math.round(svg.height)} px) is taller than its ${Math.round(chart.height)} px box`);
    return { frameHeight: box.height, root, shown, title: text(part('title')), reading: text(part('reading')), source: text(source), problems };
  });
}

const SIZES = [
  { width: 320, height: 568 },
  { width: 390, height: 844 },
  { width: 844, height: 390 },
  { width: 1280, height: 800 },
  { width: 2560, height: 1440 },
];

describe('graphic captions from data/: title, what to see, sources', () => {
  it.each(
    SIZES.flatMap((viewport) => (['light', 'dark'] as const).map((scheme) => [`${viewport.width} × ${viewport.height}, ${scheme}`, viewport, scheme] as const)),
  )(
    '%s: every step',
    async (_, viewport, colorScheme) => {
      const context = await built.browser.newContext({ viewport, colorScheme, reducedMotion: 'reduce' });
      try {
        const page = await context.newPage();
        await page.goto(`${built.server.origin}/`);
        await page.waitForFunction(() => document.documentElement.dataset.scrollSource === 'native');
        const found: string[] = [];
        let shownSteps = 0;
        for (const step of story.steps) {
          const seen = await readStep(page, step.id, step.graphic.split(':')[0]);
          const at = `${step.id} (box ${Math.round(seen.frameHeight)} px)`;
          found.push(...seen.problems.map((p) => `${at}: ${p}`));
          const short = seen.frameHeight < SHORT_BOX_REM * seen.root;
          if (short !== !seen.shown) found.push(`${at}: caption ${seen.shown ? 'shown' : 'hidden'} in a ${short ? 'short' : 'tall enough'} box`);
          if (!seen.shown) continue;
          shownSteps += 1;
          const { title, reading, sourceIds } = step.chart;
          if (!inOrder(seen.title, pieces(title)) || TOKEN.test(seen.title)) found.push(`${at}: title "${seen.title}" does not match "${title}"`);
          if (!inOrder(seen.reading, pieces(reading)) || TOKEN.test(seen.reading)) found.push(`${at}: reading "${seen.reading}" does not match "${reading}"`);
          const names = [...new Set(sourceNames(sourceIds))];
          const template = names.length === 1 ? story.page.chartSource.one : story.page.chartSource.many;
          if (seen.source !== template.replace('{names}', names.join(', '))) found.push(`${at}: source line "${seen.source}"`);
        }
        // Side by side (landscape phones, desktops) every step's caption is shown.
        if (viewport.width > viewport.height) expect(shownSteps).toBe(story.steps.length);
        expect(found).toEqual([]);
      } finally {
        await context.close();
      }
    },
    120_000,
  );
});
