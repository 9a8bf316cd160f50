/**
 * The drawn chart's geometry, read from the page (issue #18): what a design desk looks for in a
 * graphic, measured from the real boxes of what the browser drew (getBoundingClientRect, and the
 * screen position of each leader's ends), not from the layout's own numbers.
 *
 * For the step's graphic (the sticky [data-graphic], or in the stacked layout the step's own copy),
 * every problem found:
 * - two texts whose boxes overlap (by more than a pixel each way); a text past the graphic's box;
 * - a leader (any element with data-leader-of: a line, or the dot at its end) that crosses a text
 *   other than its own label's (the text, or its group, with the same data-label-of);
 * - a mark (any circle: the timeline's event marks, the map's leader dots) over any text, or past the box.
 * Only what is shown counts: a text or mark hidden (display, visibility, or an opacity of 0 on it or
 * a group around it) is left out, as a chart's figures waiting for their step are.
 */
import type { Page } from 'playwright-core';
import story from '../../data/story.json';

/** A step of the story and the graphic state it shows (`kind:variant`). */
export interface ChartStep {
  id: string;
  kind: string;
  variant: string;
}

export const CHART_STEPS: ChartStep[] = story.steps.map((s) => {
  const [kind, variant] = s.graphic.split(':');
  return { id: s.id, kind, variant };
});

/**
 * Scrolls a step into the reading area and waits until it is active and its graphic draws its state
 * (the <svg> of its kind, naming its variant or the timeline's event where it names one), then two
 * frames: the box is measured in a layout effect, and a ResizeObserver may lay the chart out again.
 * A late restore of the reader's place (after a text-size change) may move the page: it goes back.
 */
export async function goToChart(page: Page, step: ChartStep): Promise<void> {
  await page.evaluate((id) => {
    document.getElementById(id)!.scrollIntoView();
    window.scrollBy(0, 10);
  }, step.id);
  await page
    .waitForFunction(
      ({ id, kind, variant }) => {
        if (document.querySelector<HTMLElement>('[data-active-step]')?.dataset.activeStep !== id) {
          document.getElementById(id)!.scrollIntoView();
          window.scrollBy(0, 10);
          return false;
        }
        // Stacked: the step's own copy, once redrawn in the browser for its box (a .graphic-box in it).
        // Pinned: the live chart drawn for the measured box (the prerendered one stands in until then).
        const svg = document.querySelector(
          document.documentElement.dataset.layout === 'stacked'
            ? `#${id} .step-static-graphic .graphic-box svg[data-graphic-kind="${kind}"]`
            : `[data-graphic] svg.graphic-svg-measured[data-graphic-kind="${kind}"]`,
        );
        const drawn = svg?.getAttribute('data-variant') ?? svg?.getAttribute('data-event');
        return svg !== null && (drawn === null || drawn === variant);
      },
      step,
      { timeout: 10_000 },
    )
    .catch(async (e: Error) => {
      const seen = await page.evaluate(() => ({
        active: document.querySelector<HTMLElement>('[data-active-step]')?.dataset.activeStep,
        state: document.querySelector<HTMLElement>('[data-graphic]')?.dataset.graphicState,
        y: window.scrollY,
      }));
      throw new Error(`${step.id} (${step.kind}:${step.variant}): ${JSON.stringify(seen)}: ${e.message}`);
    });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

export interface ChartReading {
  /** Everything wrong, one line each (see the module's comment). */
  problems: string[];
  /** Texts shown. */
  texts: number;
  /** The smallest chart text, CSS px (its font size times its on-screen scale). */
  minFont: number;
  /** The graphic's box (caption and chart), CSS px. */
  width: number;
  height: number;
  /** The chart's <svg>'s height, and the height from the top of its highest text or mark to the bottom of its lowest. */
  chartHeight: number;
  drawnHeight: number;
  /** The tallest band across the chart (from its top to its bottom) with no text and no mark in it, CSS px. */
  emptyBand: number;
  /** The font of the chart's highlighted text ([data-highlight]: the timeline's current date), if it has one. */
  highlightFont: number | null;
  /** The <svg>'s data-orientation (the timeline: across or down). */
  orientation: string | null;
}

/** Reads the step's drawn chart (goToChart first). */
export function readChart(page: Page, step: ChartStep): Promise<ChartReading> {
  return page.evaluate(
    ({ id, kind }) => {
      const stacked = document.documentElement.dataset.layout === 'stacked';
      const frame = stacked
        ? document.getElementById(id)!.querySelector<HTMLElement>('.step-static-graphic')!
        : document.querySelector<HTMLElement>('[data-graphic]')!;
      const svg = frame.querySelector<SVGSVGElement>(`svg[data-graphic-kind="${kind}"]`)!;
      const box = frame.getBoundingClientRect();
      const chart = svg.getBoundingClientRect();
      const tol = 1;
      const problems: string[] = [];
      const shown = (el: Element) => {
        for (let e: Element | null = el; e && e !== svg; e = e.parentElement) {
          const s = getComputedStyle(e);
          if (s.display === 'none' || s.visibility === 'hidden' || parseFloat(s.opacity) === 0) return false;
        }
        return true;
      };
      const overlap = (a: DOMRect, b: DOMRect) =>
        Math.min(a.right, b.right) - Math.max(a.left, b.left) > tol && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > tol;
      const outside = (r: DOMRect) => r.left < box.left - tol || r.right > box.right + tol || r.top < box.top - tol || r.bottom > box.bottom + tol;
      /** Whose label or leader an element is: its own data-* or its group's. */
      const owner = (el: Element, attr: string) => el.closest(`[${attr}]`)?.getAttribute(attr) ?? null;

      type Text = { name: string; own: string | null; r: DOMRect };
      const textEls = [...svg.querySelectorAll<SVGTextElement>('text')].filter((t) => t.textContent?.trim() && shown(t));
      const texts: Text[] = textEls.map((t) => ({ name: t.textContent!.trim(), own: owner(t, 'data-label-of'), r: t.getBoundingClientRect() }));
      for (let i = 0; i < texts.length; i += 1) {
        const a = texts[i];
        if (outside(a.r)) problems.push(`"${a.name}" outside the box`);
        for (let j = i + 1; j < texts.length; j += 1) if (overlap(a.r, texts[j].r)) problems.push(`"${a.name}" overlaps "${texts[j].name}"`);
      }

      // A leader crosses a text where any of the segment between its ends (on screen) is inside the
      // text's box, by more than half a pixel (Liang-Barsky clipping).
      const inset = 0.5;
      const crosses = (p: DOMPoint, q: DOMPoint, r: DOMRect) => {
        const [x0, x1, y0, y1] = [r.left + inset, r.right - inset, r.top + inset, r.bottom - inset];
        const dx = q.x - p.x;
        const dy = q.y - p.y;
        let t0 = 0;
        let t1 = 1;
        for (const [a, b] of [
          [-dx, p.x - x0],
          [dx, x1 - p.x],
          [-dy, p.y - y0],
          [dy, y1 - p.y],
        ]) {
          if (a === 0) {
            if (b < 0) return false;
          } else if (a < 0) t0 = Math.max(t0, b / a);
          else t1 = Math.min(t1, b / a);
        }
        return t0 <= t1;
      };
      for (const l of svg.querySelectorAll<SVGLineElement>('line[data-leader-of]')) {
        if (!shown(l)) continue;
        const m = l.getScreenCTM()!;
        const end = (x: SVGAnimatedLength, y: SVGAnimatedLength) => new DOMPoint(x.baseVal.value, y.baseVal.value).matrixTransform(m);
        const [p, q] = [end(l.x1, l.y1), end(l.x2, l.y2)];
        const of = l.getAttribute('data-leader-of');
        for (const t of texts) if (t.own !== of && crosses(p, q, t.r)) problems.push(`leader of ${of} crosses "${t.name}"`);
      }
      // A mark's box is its circle's square; none may touch a text, not even its own label.
      const marks = [...svg.querySelectorAll<SVGCircleElement>('circle')].filter(shown);
      for (const c of marks) {
        const r = c.getBoundingClientRect();
        const of = owner(c, 'data-leader-of');
        const name = c.getAttribute('data-event-mark') ?? (c.hasAttribute('data-focus-mark') ? 'focus' : of ? `dot of ${of}` : 'circle');
        if (outside(r)) problems.push(`mark ${name} outside the box`);
        for (const t of texts) if (overlap(r, t.r)) problems.push(`mark ${name} crosses "${t.name}"`);
      }

      // The empty bands: the chart's height less what its texts and marks cover, the tallest gap.
      const spans = [...texts.map((t) => t.r), ...marks.map((c) => c.getBoundingClientRect())].map((r) => [r.top, r.bottom]).sort((a, b) => a[0] - b[0]);
      let emptyBand = 0;
      let reach = chart.top;
      for (const [top, bottom] of spans) {
        emptyBand = Math.max(emptyBand, top - reach);
        reach = Math.max(reach, bottom);
      }
      emptyBand = Math.max(emptyBand, chart.bottom - reach);

      let minFont = Infinity;
      for (const t of textEls)
        for (const el of [t, ...t.querySelectorAll('tspan')])
          if (el.textContent?.trim()) minFont = Math.min(minFont, parseFloat(getComputedStyle(el).fontSize) * (t.getScreenCTM()?.a ?? 1));
      const highlight = svg.querySelector('[data-highlight] tspan');
      return {
        problems,
        texts: texts.length,
        minFont,
        width: box.width,
        height: box.height,
        chartHeight: chart.height,
        drawnHeight: spans.length ? Math.max(...spans.map((s) => s[1])) - spans[0][0] : 0,
        emptyBand,
        highlightFont: highlight ? parseFloat(getComputedStyle(highlight).fontSize) : null,
        orientation: svg.getAttribute('data-orientation'),
      };
    },
    { id: step.id, kind: step.kind },
  );
}
