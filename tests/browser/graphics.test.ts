/**
 * Issue #18's "done when", for all five graphics: at every step of the story (all twelve: the maps,
 * the timeline, the money, the bars and the by-council panels), at 320×568, 390×844, 844×390,
 * 1280×800 and 2560×1440, in light and in dark mode, the chart as drawn has no two texts overlapping,
 * no text past the graphic's box, no leader crossing a text other than its own label's, and no mark
 * (a dot or circle) over a text or past the box (chartGeometry.ts reads them). One page per size and
 * mode walks the steps in order; every problem found at that size and mode is listed in its failure.
 *
 * The bars' share axis (the poll and the result) is ticked from 0% to no more than 100%, on one scale
 * for the poll and the result, so the two can be compared bar by bar.
 *
 * A figure drawn over its own bar is not a collision here (a bar is not a text); labels.test.ts checks
 * texts against bars.
 */
import { describe, expect, it } from 'vitest';
import { CHART_STEPS, goToChart, readChart } from './chartGeometry.ts';
import { GRAPHIC_SIZES, serveBuiltStory, setReaderTextSize } from './harness.ts';

const built = serveBuiltStory();

const CASES = GRAPHIC_SIZES.flatMap((viewport) =>
  (['light', 'dark'] as const).map((colorScheme) => ({ name: `${viewport.width}×${viewport.height} ${colorScheme}`, viewport, colorScheme })),
);

describe('every graphic at every step: no text over text, no leader or mark over another’s text, all inside the box', () => {
  it.each(CASES)('$name', async ({ viewport, colorScheme }) => {
    const context = await built.browser.newContext({ viewport, colorScheme, reducedMotion: 'reduce' });
    const page = await context.newPage();
    try {
      await page.goto(`${built.server.origin}/`);
      await page.waitForFunction(() => document.documentElement.dataset.scrollSource === 'native');
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(colorScheme === 'dark');
      const problems: string[] = [];
      /** The share axis's ticks at each bars step (fractions of the vote). */
      const axes: Record<string, number[]> = {};
      for (const step of CHART_STEPS) {
        await goToChart(page, step);
        const r = await readChart(page, step);
        const at = `${step.id} (${step.kind}:${step.variant}, ${Math.round(r.width)}×${Math.round(r.height)})`;
        if (r.texts === 0) problems.push(`${at}: no chart text`);
        problems.push(...r.problems.map((p) => `${at}: ${p}`));
        if (step.kind !== 'bars') continue;
        const ticks = await page.evaluate(() =>
          [...document.querySelectorAll('[data-graphic] svg [data-tick]')].map((t) => Number(t.getAttribute('data-tick'))),
        );
        axes[step.id] = ticks;
        if (ticks.length > 0 && (ticks[0] !== 0 || Math.max(...ticks) > 1)) problems.push(`${at}: share axis ticked ${ticks.join(', ')}`);
      }
      const scales = new Set(Object.values(axes).map((t) => t.join(',')));
      if (scales.size > 1) problems.push(`the poll and the result on different share axes: ${JSON.stringify(axes)}`);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

// At 200% page zoom a phone lays out half its size in CSS px, and both ways up the page is stacked
// (layout.ts): each step followed by its own chart, drawn as tall as it needs.
// - On its side, 422 × 195: side by side, each chart had a 91 px high box and its labels ran over
//   each other or out of it (4-24 problems at 10 of the 12 steps). A viewport that low is stacked.
// - Upright, 195 × 422: the map's charts are 164 px wide, and the leaders of the Tyne and Wear
//   councils ran through each other's labels (12 and 13 problems at the region and result maps).
//   The map now lists the councils below itself there (MapForm.list).
// - A 320 × 568 phone upright, 160 × 284: its charts are 129 px wide. The bars' shares ran out of the
//   box (a name column left no room), and so did the timeline's axis and end labels (its aspect gave
//   it 105 px of height); the bars now put the names above them, and the timeline takes the height
//   it needs (ChartBox.heightIsMost) with a smaller date where 1.5 ems does not fit.
describe.each([
  { width: 422, height: 195, tallest: 2 },
  { width: 195, height: 422, tallest: null },
  { width: 160, height: 284, tallest: null },
])('a phone at 200% page zoom ($width × $height CSS px): stacked, every graphic clean', ({ width, height, tallest }) => {
  it('every step', async () => {
    const context = await built.browser.newContext({ viewport: { width, height }, deviceScaleFactor: 2, reducedMotion: 'reduce' });
    const page = await context.newPage();
    try {
      await page.goto(`${built.server.origin}/`);
      await page.waitForFunction(() => document.documentElement.dataset.scrollSource === 'native');
      expect(await page.evaluate(() => document.documentElement.dataset.layout)).toBe('stacked');
      const problems: string[] = [];
      for (const step of CHART_STEPS) {
        await goToChart(page, step);
        const r = await readChart(page, step);
        const at = `${step.id} (${step.kind}:${step.variant}, ${Math.round(r.width)}×${Math.round(r.height)})`;
        if (r.texts === 0) problems.push(`${at}: no chart text`);
        // Drawn at the chart's own aspect, not stretched to three times its height (a 1,100 px money chart).
        if (tallest !== null && r.height > tallest * r.width) problems.push(`${at}: taller than ${tallest} times its width`);
        problems.push(...r.problems.map((p) => `${at}: ${p}`));
      }
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

// At a 200% text size the map's callouts used to move left over the coast to fit, and their leaders
// and dots ran through each other's labels; now the map is drawn smaller (or its text given back, not
// under the default size) before that. The maps alone: the other graphics have no leaders.
describe('the map at a 200% text size: no text over text, no leader or dot over another’s text, all inside the box', () => {
  it.each(GRAPHIC_SIZES)('$width×$height', async (viewport) => {
    const context = await built.browser.newContext({ viewport, reducedMotion: 'reduce' });
    const page = await context.newPage();
    try {
      await page.goto(`${built.server.origin}/`);
      await setReaderTextSize(page, '32px');
      const problems: string[] = [];
      for (const step of CHART_STEPS.filter((s) => s.kind === 'map')) {
        await goToChart(page, step);
        const r = await readChart(page, step);
        const at = `${step.id} (${step.variant}, ${Math.round(r.width)}×${Math.round(r.height)}, text ${r.minFont} px)`;
        if (r.texts === 0) problems.push(`${at}: no chart text`);
        problems.push(...r.problems.map((p) => `${at}: ${p}`));
      }
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
