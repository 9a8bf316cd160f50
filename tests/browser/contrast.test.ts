/**
 * Issue #18, WCAG 1.4.3 on fills: every label drawn on the map (a council's name and, on the result
 * map, its lead: "+18,010" on County Durham) meets 4.5:1 against the fill of the council under it, or
 * has a halo (a paint-order stroke in the page colour, drawn under the glyphs) that does. Measured in
 * Chromium from computed styles: each label's colour, its halo, and the colour of the shape under
 * points across its box (the council's fill at its fill-opacity over the page colour), at issue #18's
 * five sizes (two phones, a landscape phone, a laptop, a large desktop), in light and dark mode.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import story from '../../data/story.json';
import { goToStep, GRAPHIC_SIZES, openStoryPage, PHONE, serveBuiltStory } from './harness.ts';

const built = serveBuiltStory();
const MAP_STEPS = story.steps.filter((s) => s.graphic.startsWith('map:')).map((s) => ({ id: s.id, state: s.graphic }));

interface LabelReading {
  label: string;
  text: string;
  halo: { colour: string; widthPx: number; paintOrder: string } | null;
  /** The colour under each sampled point that falls on a council ('page' where none does). */
  under: { area: string; colour: string }[];
  page: string;
}

type Rgb = [number, number, number];
const parse = (c: string): Rgb => {
  const m = /rgba?\(([^)]+)\)/.exec(c);
  if (!m) throw new Error(`not a colour: ${c}`);
  const [r, g, b] = m[1]
    .split(/[ ,/]+/)
    .filter(Boolean)
    .map(Number);
  return [r, g, b];
};
const luminance = ([r, g, b]: Rgb) => {
  const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
};
/** WCAG 2 contrast ratio of two colours. */
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(parse(a)), luminance(parse(b))].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
};

/** Each map label's text colour, halo and the colours under it, read from the page. */
function readLabels(page: Page): Promise<LabelReading[]> {
  return page.evaluate(() => {
    const canvas = document.createElement('canvas').getContext('2d')!;
    /** A CSS colour as rgb(), through the canvas (computed styles of SVG paint may read "rgb(...)" already). */
    const rgb = (c: string) => {
      canvas.fillStyle = '#000';
      canvas.fillStyle = c;
      const v = canvas.fillStyle;
      if (v.startsWith('#')) return `rgb(${parseInt(v.slice(1, 3), 16)}, ${parseInt(v.slice(3, 5), 16)}, ${parseInt(v.slice(5, 7), 16)})`;
      return v;
    };
    const parts = (c: string) =>
      /rgba?\(([^)]+)\)/
        .exec(c)![1]
        .split(/[ ,/]+/)
        .filter(Boolean)
        .map(Number);
    /** `top` at `alpha` over `base`. */
    const over = (top: string, alpha: number, base: string) => {
      const [r1, g1, b1, a1 = 1] = parts(top);
      const [r0, g0, b0] = parts(base);
      const a = alpha * a1;
      return `rgb(${[r1 * a + r0 * (1 - a), g1 * a + g0 * (1 - a), b1 * a + b0 * (1 - a)].map((v) => Math.round(v)).join(', ')})`;
    };
    const root = getComputedStyle(document.documentElement);
    const pageColour = rgb(root.getPropertyValue('--bg').trim());
    const fg = rgb(root.getPropertyValue('--fg').trim());
    const svg = document.querySelector<SVGSVGElement>('[data-graphic] svg')!;
    const out: LabelReading[] = [];
    for (const g of svg.querySelectorAll<SVGGElement>('[data-label-for]')) {
      const text = g.querySelector<SVGTextElement>('text')!;
      const s = getComputedStyle(text);
      const widthPx = parseFloat(s.strokeWidth) * (text.getScreenCTM()?.a ?? 1);
      const halo = s.stroke && s.stroke !== 'none' && widthPx > 0 ? { colour: rgb(s.stroke), widthPx, paintOrder: s.paintOrder } : null;
      for (const span of text.querySelectorAll<SVGTSpanElement>('tspan')) {
        const r = span.getBoundingClientRect();
        const under: { area: string; colour: string }[] = [];
        for (const fx of [0.1, 0.3, 0.5, 0.7, 0.9])
          for (const fy of [0.3, 0.5, 0.7]) {
            const hit = document
              .elementsFromPoint(r.left + r.width * fx, r.top + r.height * fy)
              .find((el): el is SVGPathElement => el instanceof SVGPathElement && el.hasAttribute('data-area'));
            if (!hit) {
              under.push({ area: 'page', colour: pageColour });
              continue;
            }
            const ps = getComputedStyle(hit);
            const opacity = parseFloat(ps.fillOpacity);
            if (ps.fill.startsWith('url(')) {
              // The hatching: a faint tile of the text colour and its stronger stripes; both count.
              const tile = over(fg, 0.1 * opacity, pageColour);
              under.push({ area: hit.getAttribute('data-area')!, colour: tile });
              under.push({ area: hit.getAttribute('data-area')!, colour: over(fg, 0.55 * opacity, tile) });
            } else under.push({ area: hit.getAttribute('data-area')!, colour: over(rgb(ps.fill), opacity, pageColour) });
          }
        out.push({
          label: g.getAttribute('data-label-for')!,
          text: span.textContent ?? '',
          colour: rgb(getComputedStyle(span).fill),
          halo,
          under,
          page: pageColour,
        } as LabelReading & {
          colour: string;
        });
      }
    }
    return out;
  });
}

/** Issue #18's five sizes, each as a reader meets it (a phone with touch, a desktop without). */
const SIZES = GRAPHIC_SIZES.map((viewport) => [`${viewport.width}x${viewport.height}`, viewport.width < 700 ? { ...PHONE, viewport } : { viewport }] as const);

describe.each(SIZES)('map labels over the councils’ fills meet 4.5:1 (%s)', (name, options) => {
  describe.each(['light', 'dark'] as const)('%s mode', (scheme) => {
    const opened = openStoryPage(built, { ...options, colorScheme: scheme, reducedMotion: 'reduce' }, { liveChart: true });

    it.each(MAP_STEPS)('$id ($state)', async ({ id, state }) => {
      expect(await goToStep(opened.page, id, state)).toBe(true);
      await opened.page.waitForTimeout(100);
      const labels = (await readLabels(opened.page)) as (LabelReading & { colour: string })[];
      expect(labels.length).toBeGreaterThan(0);
      const failures: string[] = [];
      let overFills = 0;
      for (const l of labels) {
        const worst = Math.min(...l.under.map((u) => contrast(l.colour, u.colour)));
        if (l.under.some((u) => u.area !== 'opened.page')) overFills += 1;
        // A halo counts where it is drawn under the glyphs, wide enough to show around them, and itself meets 4.5:1.
        const haloOk = l.halo !== null && l.halo.paintOrder.startsWith('stroke') && l.halo.widthPx >= 2 && contrast(l.colour, l.halo.colour) >= 4.5;
        if (worst < 4.5 && !haloOk) failures.push(`${l.label} "${l.text}": ${worst.toFixed(2)}:1 on its fill, halo ${JSON.stringify(l.halo)} (${l.colour})`);
        // Every label carries the halo in any case (it also crosses council edges and leader lines).
        if (!haloOk) failures.push(`${l.label} "${l.text}": no halo that meets 4.5:1 (${JSON.stringify(l.halo)})`);
      }
      // On the desktop result map the large councils' labels (County Durham's "+18,010") sit on their
      // fills, and are checked against them; the phone's map is drawn small enough that every label
      // sits beside it, on the opened.page.
      if (state === 'map:result' && name === '1280x800') expect(overFills).toBeGreaterThan(0);
      expect(failures).toEqual([]);
    });
  });
});
