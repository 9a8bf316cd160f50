/**
 * Issue #17: scrolling from a step to the next step that shows the same graphic keeps the sticky
 * graphic's <svg> and its marks (the same nodes, never removed and re-inserted), so the step change
 * commits attribute writes and issue #18's transitions have a mark to move. Each node is tagged with
 * a JS property before the step change and read after it. A change of graphic keeps each graphic's
 * chart too (KeptKinds.tsx): out of the document while another is shown, and back, the same nodes,
 * when its graphic is shown again.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import story from '../../data/story.json';
import { DESKTOP, goToStep, openStoryPage, PHONE, serveBuiltStory } from './harness.ts';

const built = serveBuiltStory();

/** The data marks of each graphic (as tests/unit/graphics/sameKind.test.tsx). */
const MARKS: Record<string, string> = {
  bars: '[data-candidate] > rect, [data-candidate] > text',
  map: 'path[data-area], path.g-group-outline',
  timeline: '.g-track, [data-event-mark], [data-focus-mark]',
  money: '[data-bar] rect, [data-bar] text, [data-target] > *',
};

const kindOf = (stateId: string) => stateId.split(':')[0];
const steps = story.steps;
const stateOf = (id: string) => steps.find((s) => s.id === id)!.graphic;
/** Each step whose next step shows another state of the same graphic. */
const PAIRS = steps.flatMap((step, i) => {
  const next = steps[i + 1];
  return next && next.graphic !== step.graphic && kindOf(next.graphic) === kindOf(step.graphic) ? [[step.id, next.id] as const] : [];
});

/** Tags the graphic's <svg> and marks, and starts recording any tagged node taken out of the tree. */
function tag(page: Page, selector: string): Promise<number> {
  return page.evaluate((sel) => {
    const svg = document.querySelector('[data-graphic] svg')! as SVGSVGElement & { __sameKind?: boolean };
    svg.__sameKind = true;
    const marks = [...svg.querySelectorAll(sel)];
    marks.forEach((m) => ((m as Element & { __sameKind?: boolean }).__sameKind = true));
    const w = window as unknown as { __removed: string[]; __observer?: MutationObserver };
    w.__removed = [];
    w.__observer?.disconnect();
    w.__observer = new MutationObserver((records) => {
      for (const r of records)
        for (const n of r.removedNodes) if ((n as Element & { __sameKind?: boolean }).__sameKind) w.__removed.push((n as Element).outerHTML.slice(0, 80));
    });
    w.__observer.observe(document.querySelector('[data-graphic]')!, { childList: true, subtree: true });
    return marks.length;
  }, selector);
}

/** After the step change: is the <svg> the tagged one, how many of its marks are tagged, and what was taken out. */
function readTags(page: Page, selector: string) {
  return page.evaluate((sel) => {
    const svg = document.querySelector('[data-graphic] svg') as (SVGSVGElement & { __sameKind?: boolean }) | null;
    const marks = svg ? [...svg.querySelectorAll(sel)] : [];
    const w = window as unknown as { __removed: string[]; __observer?: MutationObserver };
    w.__observer?.disconnect();
    return {
      sameSvg: svg?.__sameKind === true,
      marks: marks.length,
      tagged: marks.filter((m) => (m as Element & { __sameKind?: boolean }).__sameKind).length,
      removed: w.__removed,
    };
  }, selector);
}

describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
])('a step change within one graphic keeps its nodes (%s)', (_name, options) => {
  const opened = openStoryPage(built, options, { liveChart: true });

  it('has steps to test: the story changes state within a graphic', () => {
    expect(PAIRS.length).toBeGreaterThanOrEqual(4);
  });

  it.each(PAIRS.flatMap(([a, b]) => [[a, b] as const, [b, a] as const]))('%s -> %s: the same <svg> and marks', async (from, to) => {
    const selector = MARKS[kindOf(steps.find((s) => s.id === from)!.graphic)];
    expect(await goToStep(opened.page, from, stateOf(from))).toBe(true);
    const count = await tag(opened.page, selector);
    expect(count).toBeGreaterThan(0);
    expect(await goToStep(opened.page, to, stateOf(to))).toBe(true);
    // Past the deferred render and any CSS transition's first frames.
    await opened.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await readTags(opened.page, selector)).toEqual({ sameSvg: true, marks: count, tagged: count, removed: [] });
  });

  it('raises no console errors', () => {
    expect(opened.errors.errors).toEqual([]);
  });
});

/** Steps that show a graphic, another graphic, then the first graphic again in another state. */
const AWAY_AND_BACK = [
  ['new-region', 'loach-event', 'aftermath'],
  ['loach-event', 'crowdfunder', 'barred'],
  ['rmt', 'poll', 'crowdfunder'],
] as const;

describe.each([
  ['phone', PHONE],
  ['desktop', DESKTOP],
])('a change of graphic keeps each graphic’s chart (%s)', (_name, options) => {
  const opened = openStoryPage(built, options, { liveChart: true });

  it.each(AWAY_AND_BACK)('%s -> %s -> %s: one chart in the page at a time, and the first one’s nodes back', async (first, other, back) => {
    const selector = MARKS[kindOf(stateOf(first))];
    expect(await goToStep(opened.page, first, stateOf(first))).toBe(true);
    const count = await tag(opened.page, selector);
    expect(await goToStep(opened.page, other, stateOf(other))).toBe(true);
    // Only the graphic on screen is in the document: no hidden copy for screen readers, keyboards or `[data-graphic] svg`.
    const away = await opened.page.evaluate(() => ({
      charts: [...document.querySelectorAll('.graphic-layer svg[data-graphic-kind]')].map((s) => s.getAttribute('data-graphic-kind')),
      tagged: [...document.querySelectorAll('*')].filter((n) => (n as Element & { __sameKind?: boolean }).__sameKind).length,
    }));
    expect(away).toEqual({ charts: [kindOf(stateOf(other))], tagged: 0 });
    expect(await goToStep(opened.page, back, stateOf(back))).toBe(true);
    await opened.page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await readTags(opened.page, selector)).toEqual({ sameSvg: true, marks: count, tagged: count, removed: [] });
  });

  it('raises no console errors', () => {
    expect(opened.errors.errors).toEqual([]);
  });
});
