/**
 * Issue #17, the load: the first live chart is not drawn inside hydration's task. The prerendered
 * chart stands in until the chart on screen has been laid out for its measured box at idle
 * (KeptKinds.tsx prepareOnScreen); then the live chart takes over with no input from the reader,
 * and the graphic box holds a chart all the way, also on a page that is never idle.
 */
import { describe, expect, it } from 'vitest';
import { PHONE, serveBuiltStory, waitFor } from './harness.ts';

const built = serveBuiltStory();

/**
 * Records, after every change to the page, which chart the graphic box shows: the prerendered one
 * ("stand-in"), the live one drawn for its measured box ("live") or none; consecutive repeats merged,
 * from the first chart the parser inserts.
 */
const RECORD_CHARTS = () => {
  const seen: string[] = [];
  (window as unknown as { __charts: string[] }).__charts = seen;
  new MutationObserver(() => {
    const frame = document.querySelector('[data-graphic]');
    if (!frame) return;
    const svg = frame.querySelector('svg');
    const now = !svg ? 'none' : svg.classList.contains('graphic-svg-measured') ? 'live' : 'stand-in';
    // From the first chart on: before it, the parser may not have reached the graphic's markup yet.
    if (seen.length === 0 && now === 'none') return;
    if (seen[seen.length - 1] !== now) seen.push(now);
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['class'] });
};

const charts = (page: import('playwright-core').Page) => page.evaluate(() => (window as unknown as { __charts: string[] }).__charts);

/** Loads the story on a phone (never idle: no idle period at all) and returns the charts shown until the live one. */
async function chartsAtLoad(neverIdle: boolean): Promise<string[]> {
  const context = await built.browser.newContext(PHONE);
  try {
    await context.addInitScript(RECORD_CHARTS);
    if (neverIdle)
      await context.addInitScript(() => {
        window.requestIdleCallback = () => 0;
      });
    const page = await context.newPage();
    await page.goto(`${built.server.origin}/`);
    await waitFor(async () => (await charts(page)).includes('live'));
    return await charts(page);
  } finally {
    await context.close();
  }
}

describe('at load, the prerendered chart stands in until the live one is drawn', () => {
  it('the graphic box shows the prerendered chart, then the live chart for its measured box, never none, with no input', async () => {
    expect(await chartsAtLoad(false)).toEqual(['stand-in', 'live']);
  });

  it('on a page never idle (no idle period for the layouts), the live chart still takes over, at its time limit', async () => {
    expect(await chartsAtLoad(true)).toEqual(['stand-in', 'live']);
  });
});
