/**
 * The scrollytelling story in a real browser: steps activate in order both ways under real wheel
 * input, jumps and deep links land on the right state, the charts show the computed figures, and
 * reduced motion stops every animation while states still change.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import steps from '../../data/story.json';
import { derived } from '../../src/story/data/dataset.ts';
import { formatCount, formatShare } from '../../src/story/data/format.ts';
import { DESKTOP, waitFor, watchErrors, type PageErrors, serveBuiltStory } from './harness.ts';

const STEP_IDS = steps.steps.map((s) => s.id);
const LAST = steps.steps[steps.steps.length - 1];

const built = serveBuiltStory();

async function open(viewport: { width: number; height: number }, hash = '', options: Parameters<Browser['newContext']>[0] = {}) {
  const context: BrowserContext = await built.browser.newContext({ viewport, ...options });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${built.server.origin}/${hash}`);
  await page.waitForFunction(() => document.documentElement.dataset.scrollSource === 'native');
  return { context, page, errors };
}

const activeStep = (page: Page) => page.evaluate(() => document.querySelector<HTMLElement>('[data-active-step]')!.dataset.activeStep ?? '');
const graphicState = (page: Page) => page.evaluate(() => document.querySelector<HTMLElement>('[data-graphic]')!.dataset.graphicState);

/** Scrolls with real wheel input, sampling the active step after each notch. */
async function wheelThrough(page: Page, direction: 1 | -1, notch: number): Promise<string[]> {
  const seen: string[] = [];
  const viewport = page.viewportSize()!;
  await page.mouse.move(viewport.width / 2, viewport.height / 2);
  // Stop at the end of the page: three notches in a row that move nothing (one may be swallowed).
  for (let i = 0, stalls = 0; i < 400 && stalls < 3; i++) {
    const before = await page.evaluate(() => window.scrollY);
    await page.mouse.wheel(0, direction * notch);
    await page.waitForFunction((y) => window.scrollY !== y, before, { timeout: 1000 }).catch(() => undefined);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    seen.push(await activeStep(page));
    const after = await page.evaluate(() => window.scrollY);
    stalls = after === before ? stalls + 1 : 0;
  }
  return seen;
}

/** Distinct values in the order first seen, dropping repeats. */
const runs = (values: string[]) => values.filter((v, i) => i === 0 || v !== values[i - 1]);

describe.each([
  ['phone', { width: 390, height: 844 }],
  ['desktop', DESKTOP.viewport!],
])('scrolling the whole story (%s)', (_name, viewport) => {
  let page: Page;
  let errors: PageErrors;
  let context: BrowserContext;

  beforeAll(async () => {
    ({ page, errors, context } = await open(viewport));
  });
  afterAll(() => context.close());

  it('activates every step in story order going down', async () => {
    const shortest = await page.evaluate(() => Math.min(...[...document.querySelectorAll('[data-step]')].map((el) => el.getBoundingClientRect().height)));
    const notch = Math.min(400, Math.floor(shortest / 2));
    const seen = runs(await wheelThrough(page, 1, notch));
    expect(seen.filter((s) => s !== '')).toEqual(STEP_IDS);
  });

  it('activates every step in reverse going up', async () => {
    const seen = runs(await wheelThrough(page, -1, 300)).filter((s) => s !== '');
    expect(seen).toEqual([...STEP_IDS].reverse());
    expect(await activeStep(page)).toBe('');
  });

  it('marks only the active step with aria-current and shows its graphic state', async () => {
    await page.evaluate((id) => document.getElementById(id)!.scrollIntoView(), 'poll');
    await page.evaluate(() => window.scrollBy(0, 10));
    await waitFor(async () => (await activeStep(page)) === 'poll');
    const current = await page.$$eval('[aria-current="step"]', (els) => els.map((el) => (el as HTMLElement).dataset.step));
    expect(current).toEqual(['poll']);
    expect(await graphicState(page)).toBe('bars:poll');
  });

  it('raises no console errors', () => {
    expect(errors.errors).toEqual([]);
  });
});

describe('jumps, reloads and deep links', () => {
  it('lands on the last step and its graphic state after one jump from top to bottom', async () => {
    const { page, context } = await open({ width: 390, height: 844 });
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await waitFor(async () => (await activeStep(page)) === LAST.id, { timeout: 1500 })).toBe(true);
    // The graphic follows the active step in a deferred render (a frame or so later), never another state.
    expect(await waitFor(async () => (await graphicState(page)) === LAST.graphic, { timeout: 1500 })).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    expect(await waitFor(async () => (await activeStep(page)) === '', { timeout: 1500 })).toBe(true);
    await context.close();
  });

  it.each(['barred', 'result', 'by-area'])('opens at #%s in that step and its state, and keeps the hash', async (id) => {
    const { page, context, errors } = await open({ width: 390, height: 844 }, `#${id}`);
    const step = steps.steps.find((s) => s.id === id)!;
    expect(await waitFor(async () => (await activeStep(page)) === id)).toBe(true);
    expect(await waitFor(async () => (await graphicState(page)) === step.graphic)).toBe(true);
    expect(new URL(page.url()).hash).toBe(`#${id}`);
    expect(errors.errors).toEqual([]);
    await context.close();
  });

  it('ignores garbage in the hash and query', async () => {
    const { page, context, errors } = await open({ width: 390, height: 844 }, '?step=%E0%A4%A&x=<script>#%E0%A4%A');
    expect(await activeStep(page)).toBe('');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(errors.errors).toEqual([]);
    await context.close();
  });

  it('updates the hash as steps change, without adding history entries', async () => {
    const { page, context } = await open({ width: 1280, height: 800 });
    const historyLength = await page.evaluate(() => history.length);
    await page.evaluate(() => document.getElementById('rmt')!.scrollIntoView());
    await page.evaluate(() => window.scrollBy(0, 10));
    expect(await waitFor(async () => new URL(page.url()).hash === '#rmt')).toBe(true);
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
    await context.close();
  });
});

describe('the charts show the computed figures', () => {
  it("draws every candidate's computed share and votes at the result step", async () => {
    const { page, context } = await open({ width: 390, height: 844 }, '#result');
    // The state switches at once; the chart's own code may still be arriving, so wait for its marks.
    await waitFor(async () => (await page.locator('[data-graphic] [data-candidate][data-share]').count()) === derived.results.length);
    const bars = await page.$$eval('[data-graphic] [data-candidate][data-share]', (els) =>
      els.map((el) => ({
        id: el.getAttribute('data-candidate'),
        share: Number(el.getAttribute('data-share')),
        votes: Number(el.getAttribute('data-votes')),
        text: el.textContent,
      })),
    );
    expect(bars).toHaveLength(derived.results.length);
    for (const r of derived.results) {
      const bar = bars.find((b) => b.id === r.id)!;
      expect(bar.share).toBeCloseTo(r.share, 10);
      expect(bar.votes).toBe(r.votes);
      expect(bar.text).toContain(formatShare(r.share));
      expect(bar.text).toContain(formatCount(r.votes));
    }
    await context.close();
  });

  it("shows each area's winner and margin at the by-area step", async () => {
    const { page, context } = await open({ width: 1280, height: 800 }, '#by-area');
    // The areas chart's panels (data-winner): the map's council paths are [data-area] too, and the
    // live graphic draws the first step's map until the deep-linked step's state follows.
    await waitFor(async () => (await page.locator('[data-graphic] [data-area][data-winner]').count()) === 7);
    const areas = await page.$$eval('[data-graphic] [data-area][data-winner]', (els) =>
      els.map((el) => ({
        code: el.getAttribute('data-area'),
        winner: el.getAttribute('data-winner'),
        runnerUp: el.getAttribute('data-runner-up'),
        margin: Number(el.getAttribute('data-margin')),
        text: el.textContent,
      })),
    );
    expect(areas).toHaveLength(7);
    for (const a of derived.areas) {
      const drawn = areas.find((x) => x.code === a.code)!;
      expect(drawn.winner).toBe(a.winnerId);
      expect(drawn.runnerUp).toBe(a.runnerUpId);
      expect(drawn.margin).toBe(a.marginVotes);
      expect(drawn.text).toContain(formatCount(a.marginVotes));
    }
    await context.close();
  });
});

describe('reduced motion', () => {
  it('changes states with nothing animating', async () => {
    const { page, context, errors } = await open({ width: 390, height: 844 }, '', { reducedMotion: 'reduce' });
    const states: string[] = [];
    for (const id of ['new-region', 'barred', 'crowdfunder', 'poll', 'result', 'by-area']) {
      await page.evaluate((stepId) => {
        document.getElementById(stepId)!.scrollIntoView();
        window.scrollBy(0, 10);
      }, id);
      await waitFor(async () => (await activeStep(page)) === id);
      // Sample straight after the change and a moment later: no CSS or Web Animation may be running.
      for (let i = 0; i < 3; i++) {
        const running = await page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length);
        expect(running).toBe(0);
        await page.waitForTimeout(60);
      }
      states.push((await graphicState(page))!);
    }
    expect(new Set(states).size).toBe(6);
    expect(errors.errors).toEqual([]);
    await context.close();
  });
});

describe('narrow screens', () => {
  it('never scrolls sideways at 320 px, at any step', async () => {
    const { page, context } = await open({ width: 320, height: 640 });
    for (const id of STEP_IDS) {
      await page.evaluate((stepId) => document.getElementById(stepId)!.scrollIntoView(), id);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `horizontal overflow at ${id}`).toBeLessThanOrEqual(0);
    }
    await context.close();
  });
});
