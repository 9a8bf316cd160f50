/**
 * Issue #17: pressing "Next step" or "Previous step" (mouse, touch, Enter) shows the new step at the
 * very next paint: its marks (data-active-step, aria-current), the step control's status and the
 * graphic's state, drawn. The scroll still goes there (smoothly, unless reduced motion), and while it
 * does the step never flips back to the one it left. Each frame after a press is read the way the
 * fling bench reads it: in a ResizeObserver callback on a probe resized in rAF, which runs after
 * that frame's rAF callbacks, style and layout, just before it paints.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import story from '../../data/story.json';
import { PHONE, serveBuiltStory, watchErrors, type PageErrors } from './harness.ts';

const built = serveBuiltStory();
const steps = story.steps;
const BUTTON = { next: story.page.stepNav.next, previous: story.page.stepNav.previous };

interface Frame {
  scrollY: number;
  step: string | null;
  graphic: string | null;
  /** What the graphic's <svg> says it draws: its variant, or the timeline's event. */
  drawn: string | null;
  current: string[];
  status: string;
}

interface Press {
  from: string;
  /** The scroll position when the button was pressed. */
  startY: number;
  frames: Frame[];
}

/** Records, from each click on, the state on screen at every frame until the scroll has settled. */
function watchFrames() {
  const w = window as unknown as { __press: Press | null };
  w.__press = null;
  const probe = document.createElement('div');
  probe.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;pointer-events:none;visibility:hidden';
  document.body.appendChild(probe);
  const nextFrame = () => requestAnimationFrame(() => (probe.style.width = probe.style.width === '1px' ? '2px' : '1px'));
  new ResizeObserver(() => {
    const press = w.__press;
    if (!press) return;
    const frame = document.querySelector<HTMLElement>('[data-graphic]')!;
    const svg = frame.querySelector('svg');
    press.frames.push({
      scrollY: window.scrollY,
      step: document.querySelector('[data-active-step]')!.getAttribute('data-active-step'),
      graphic: frame.getAttribute('data-graphic-state'),
      drawn: svg ? (svg.getAttribute('data-variant') ?? svg.getAttribute('data-event')) : null,
      current: [...document.querySelectorAll('[aria-current="step"]')].map((el) => el.getAttribute('data-step') ?? ''),
      status: document.querySelector('.step-nav-status')?.textContent ?? '',
    });
    const n = press.frames.length;
    const settled = n > 12 && press.frames.slice(-10).every((f) => f.scrollY === press.frames[n - 1].scrollY);
    if (!settled && n < 400) nextFrame();
  }).observe(probe);
  addEventListener(
    'click',
    () => {
      w.__press = { from: document.querySelector('[data-active-step]')!.getAttribute('data-active-step') ?? '', startY: window.scrollY, frames: [] };
      nextFrame();
    },
    true,
  );
}

/** Waits until the page has been idle for three periods in a row (its graphics' code is in by then). */
const quiet = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        let calm = 0;
        const check = (idle: IdleDeadline) => {
          calm = idle.timeRemaining() >= 40 ? calm + 1 : 0;
          if (calm >= 3) resolve();
          else requestIdleCallback(check);
        };
        requestIdleCallback(check);
      }),
  );

/** Presses a step button where it is on screen (no scroll into view: a scroll of ours would change the step). */
async function press(page: Page, how: 'click' | 'tap' | 'enter', direction: 'next' | 'previous'): Promise<Press> {
  const button = page.getByRole('button', { name: BUTTON[direction] });
  const box = (await button.boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  if (how === 'click') await page.mouse.click(x, y);
  else if (how === 'tap') await page.touchscreen.tap(x, y);
  else {
    await button.evaluate((el) => (el as HTMLElement).focus({ preventScroll: true }));
    await page.keyboard.press('Enter');
  }
  await page.waitForFunction(
    () => {
      const p = (window as unknown as { __press: Press | null }).__press;
      if (!p || p.frames.length < 12) return false;
      const last = p.frames.slice(-10);
      return last.every((f) => f.scrollY === last[last.length - 1].scrollY) || p.frames.length >= 400;
    },
    null,
    { timeout: 15_000 },
  );
  return page.evaluate(() => (window as unknown as { __press: Press }).__press);
}

const PRESSES = [
  ['click', 'next'],
  ['tap', 'next'],
  ['enter', 'next'],
  ['click', 'next'],
  ['tap', 'next'],
  ['enter', 'previous'],
  ['click', 'previous'],
  ['tap', 'previous'],
] as const;

describe.each([
  ['normal motion', 'no-preference'],
  ['reduced motion', 'reduce'],
] as const)('the step buttons (%s)', (_name, reducedMotion) => {
  let context: BrowserContext;
  let page: Page;
  let errors: PageErrors;

  beforeAll(async () => {
    context = await built.browser.newContext({ ...PHONE, reducedMotion });
    page = await context.newPage();
    errors = watchErrors(page);
    await page.goto(`${built.server.origin}/`);
    await page.waitForFunction(() => document.documentElement.dataset.scrollSource === 'native');
    await page.evaluate(() => document.querySelector('.scrolly')!.scrollIntoView({ behavior: 'instant' }));
    await quiet(page);
    await page.evaluate(watchFrames);
  });
  afterAll(() => context.close());

  it.each(PRESSES.map(([how, direction], i) => [i + 1, how, direction] as const))(
    'press %i (%s %s): the next paint shows the new step and its graphic; the scroll goes there without going back',
    async (_i, how, direction) => {
      const { from, startY, frames } = await press(page, how, direction);
      const at = steps.findIndex((s) => s.id === from);
      const to = steps[direction === 'next' ? at + 1 : at - 1];
      const [first] = frames;
      const expected = {
        step: to.id,
        graphic: to.graphic,
        drawn: to.graphic.split(':')[1],
        current: [to.id],
        status: `${steps.indexOf(to) + 1} of ${steps.length}`,
      };
      expect({ ...first, status: first.status.slice(0, expected.status.length), scrollY: undefined }).toEqual({ ...expected, scrollY: undefined });
      // Not a frame back to the step it left, nor to one in between, while the scroll is on its way.
      expect(frames.filter((f) => f.step !== to.id || f.graphic !== to.graphic).map((f) => `${f.step} ${f.graphic} at ${f.scrollY}`)).toEqual([]);
      const ys = frames.map((f) => f.scrollY);
      expect(ys[ys.length - 1], 'the page scrolled to the step').not.toBe(startY);
      if (reducedMotion === 'reduce') expect(new Set(ys).size, 'one jump, no animation').toBe(1);
      else expect(new Set(ys).size, 'a smooth scroll passes through positions on its way').toBeGreaterThan(3);
      // Where it landed, the scroll position itself makes that step the active one (the jump has let go).
      await page.waitForTimeout(700);
      expect(await page.evaluate(() => document.querySelector('[data-active-step]')!.getAttribute('data-active-step'))).toBe(to.id);
      // Focus stays on the button pressed.
      expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(BUTTON[direction]);
    },
  );

  it('raises no console errors', () => {
    expect(errors.errors).toEqual([]);
  });
});
