/**
 * The story in every kind of host page: hosts on http://localhost:<p>, the built story on
 * http://127.0.0.1:<q> (cross-site, so an out-of-process frame, as on a news site). Each case opens
 * its host in a fresh context of one shared browser and checks, in one pass:
 *   - the context and scroll source the story settles on;
 *   - steps in order going down and going up (the story records every change of data-active-step
 *     itself, so the host is swept with quick instant scrolls, not wheel-and-settle loops);
 *   - at a few settled places, the graphic at least 90% inside the reader's visible area (the
 *     viewport less any sticky header, and less what a scrolling frame hides);
 *   - for a frame sized to the story, the frame exactly as tall as the story's content (±1 px);
 *   - keyboard stepping after Tab brings focus into the frame, with the focused control on screen;
 *   - no errors on either side.
 * The wheel path itself is covered by a few real wheel bursts; the lag under them is measured by
 * `npm run bench` (scripts/bench/embedLag.mjs).
 */
import type { BrowserContextOptions } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DESKTOP, PHONE, waitFor } from './harness.ts';
import {
  childState,
  graphicVisibility,
  hostGeometry,
  hostScrollBy,
  nextButtonBox,
  openHost,
  orderProblems,
  placeFrameAt,
  pointAtFrame,
  settle,
  serveEmbedHosts,
  stepIds,
  storyGeometry,
  takeSteps,
  waitForContext,
  type OpenHost,
} from './embedHarness.ts';

const embed = serveEmbedHosts();

const LANDSCAPE: BrowserContextOptions = { viewport: { width: 844, height: 390 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };
const DEVICES = { desktop: DESKTOP, phone: PHONE, landscape: LANDSCAPE } as const;

interface HostCase {
  host: string;
  device?: keyof typeof DEVICES;
  context: 'fixed' | 'auto' | 'stacked';
  source: 'native' | 'relay' | 'pym' | 'probe';
  /** Check keyboard stepping from Tab entry (default: yes; the stacked layout has no step control). */
  keyboard?: boolean;
  /** What the case is about, for the test name. */
  why: string;
}

const CASES: HostCase[] = [
  { host: 'snippet', context: 'auto', source: 'relay', why: 'embed.js' },
  { host: 'snippet', device: 'phone', context: 'auto', source: 'relay', why: 'embed.js on a phone' },
  { host: 'pym-trackscroll', context: 'auto', source: 'pym', why: 'Pym with trackscroll and xdomain' },
  { host: 'pym-plain', context: 'auto', source: 'pym', why: 'an existing Pym embed without trackscroll' },
  { host: 'resize-only', context: 'auto', source: 'probe', why: 'a host that only sizes the frame' },
  { host: 'resize-only', device: 'phone', context: 'auto', source: 'probe', keyboard: false, why: 'a sizing-only host on a phone' },
  { host: 'fixed', context: 'fixed', source: 'native', why: 'a plain iframe (case 3: keyboard focus stays on screen)' },
  { host: 'short-fixed', context: 'stacked', source: 'native', keyboard: false, why: 'a plain iframe too short to read in' },
  { host: 'wrapper', context: 'auto', source: 'relay', why: 'case 1: embed.js inside an aspect-ratio wrapper' },
  { host: 'wrapper-iframe', device: 'phone', context: 'stacked', source: 'native', keyboard: false, why: 'case 1: a plain iframe clipped by the wrapper' },
  { host: 'app-shell', context: 'auto', source: 'relay', why: 'case 2: embed.js where <main> scrolls' },
  { host: 'body-scroller-pym', context: 'auto', source: 'pym', why: 'case 2: Pym where body scrolls' },
  { host: 'sticky-header', context: 'auto', source: 'relay', why: 'case 7: a sticky header found without the attribute' },
  { host: 'sticky-header', device: 'phone', context: 'auto', source: 'relay', why: 'case 7 on a phone' },
  { host: 'zoom', context: 'auto', source: 'relay', why: 'case 5: body { zoom: 1.5 } with embed.js' },
  { host: 'zoom-pym', context: 'auto', source: 'pym', why: 'case 5: body { zoom: 1.5 } with Pym' },
  { host: 'scale', context: 'auto', source: 'relay', why: 'case 5: a column in transform: scale(0.9)' },
  { host: 'amp', context: 'auto', source: 'probe', why: 'case 6: an AMP-style embed-size host' },
  { host: 'datawrapper', context: 'auto', source: 'probe', why: 'case 12: Datawrapper\u2019s responsive snippet sizes the story' },
  { host: 'fixed-700', device: 'landscape', context: 'stacked', source: 'native', keyboard: false, why: 'case 10: a 700 px frame on a 390 px tall phone' },
];

/**
 * How long the story may take to follow the host: each wait returns as soon as it does, so this only
 * bounds a failure. 3-4 s was too short on a loaded two-core machine (a step missed its 3 s).
 */
const FOLLOW_MS = 10_000;

function triggerFraction(frameWidth: number): number {
  return frameWidth < 900 ? 0.7 : 0.5;
}

type StoryGeometry = Awaited<ReturnType<typeof storyGeometry>>;

/** Scrolls so that `y` (the story's own px) sits on the story's trigger line; `story` is its geometry, freshly read. */
async function bringToTrigger(h: OpenHost, c: HostCase, story: StoryGeometry, y: number): Promise<void> {
  const f = triggerFraction(story.innerWidth);
  if (c.context !== 'auto') {
    await h.child.evaluate((top) => window.scrollTo({ top, behavior: 'instant' }), y - story.innerHeight * f);
    // A frame that scrolls inside must itself be on screen.
    await placeFrameAt(h.page, 30);
    return;
  }
  const geo = await hostGeometry(h.page);
  const scale = geo.frameWidth / story.innerWidth;
  const frameTop = geo.insetTop + (geo.vh - geo.insetTop) * f - y * scale;
  await placeFrameAt(h.page, frameTop);
}

async function activeId(h: OpenHost): Promise<string> {
  return (await childState(h.child)).active ?? '';
}

/**
 * Steps in order down, then up: the host jumps to each step in turn (instant scrolls, as anchors,
 * scroll restoration and keyboards make) and the story must make it active; everything the story
 * activated on the way is recorded inside it, so a step shown out of order shows up too. At the
 * first, middle and last step the graphic must be in the reader's view once settled.
 */
async function checkStepsAndGraphic(h: OpenHost, c: HostCase, ids: string[]): Promise<void> {
  const story = await storyGeometry(h.child);
  const picks = new Set([0, Math.floor(ids.length / 2), ids.length - 1]);
  const visit = async (i: number) => {
    // Fresh geometry for each step: the frame's content can still change height as the graphics
    // draw ahead (and a host such as Pym resizes the frame to match), which moves the steps.
    const now = await storyGeometry(h.child);
    const step = now.steps[i];
    await bringToTrigger(h, c, now, step.top + Math.min(200, step.height * 0.3));
    const active = await waitFor(async () => ((await activeId(h)) === step.id ? step.id : null), { timeout: FOLLOW_MS });
    expect(active, `step ${step.id} active once the host reaches it`).toBe(step.id);
  };
  await bringToTrigger(h, c, story, story.steps[0].top - 300);
  await waitFor(async () => ((await activeId(h)) === '' ? true : null), { timeout: FOLLOW_MS });
  await takeSteps(h.child);
  for (let i = 0; i < ids.length; i++) {
    await visit(i);
    if (!picks.has(i) || c.context === 'stacked') continue;
    // Where the graphic rests: it may still be moving to its place, so first until it is there.
    await waitFor(async () => (await graphicVisibility(h)).share >= 0.9, { timeout: FOLLOW_MS });
    const seen = await settle(() => graphicVisibility(h), { quiet: 200 });
    expect(seen.share, `graphic visible at step ${ids[i]}: ${JSON.stringify(seen)}`).toBeGreaterThanOrEqual(0.9);
  }
  expect(orderProblems(await takeSteps(h.child), ids, 1), 'going down').toEqual([]);
  for (let i = ids.length - 1; i >= 0; i--) await visit(i);
  await bringToTrigger(h, c, story, story.steps[0].top - 300);
  await waitFor(async () => ((await activeId(h)) === '' ? true : null), { timeout: FOLLOW_MS });
  expect(orderProblems(await takeSteps(h.child), ids, -1), 'going up').toEqual([]);
}

/**
 * The frame is exactly as tall as the story's own content (not scrollHeight, never smaller than the
 * frame), and holds still there. It is waited for first: on a loaded machine the resize round trips
 * can take longer than one quiet period's timeout.
 */
async function checkHeight(h: OpenHost): Promise<void> {
  const read = async () => {
    const [s, geo] = await Promise.all([storyGeometry(h.child), hostGeometry(h.page)]);
    return { content: s.contentHeight, inner: s.innerHeight, layout: geo.frameLayoutHeight, scrollY: s.scrollY };
  };
  await waitFor(
    async () => {
      const now = await read();
      return Math.abs(now.inner - now.content) <= 1 && now.scrollY === 0;
    },
    { timeout: FOLLOW_MS },
  );
  const exact = await settle(read, { quiet: 600, timeout: 6000 });
  expect(Math.abs(exact.inner - exact.content), `frame ${exact.inner} px vs story content ${exact.content} px`).toBeLessThanOrEqual(1);
  expect(exact.scrollY, 'the story itself never scrolls').toBe(0);
}

/** Tab from the host's top into the frame, to "Next step"; arrows step with the control on screen. */
async function checkKeyboard(h: OpenHost, ids: string[]): Promise<void> {
  // The story's top in view, focus at the host's start: the next Tab enters the frame.
  await placeFrameAt(h.page, 200);
  await waitFor(async () => ((await activeId(h)) === '' ? true : null), { timeout: FOLLOW_MS });
  await h.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  let label: string | null = null;
  for (let i = 0; i < 12 && label !== 'Next step'; i++) {
    await h.page.keyboard.press('Tab');
    label = await h.child.evaluate(() => (document.hasFocus() ? (document.activeElement?.getAttribute('aria-label') ?? null) : null));
  }
  expect(label, 'Tab reaches the story\u2019s "Next step" control').toBe('Next step');
  let index = ids.indexOf(await activeId(h));
  // The host may still be scrolling (smoothly) when the step changes: wait until the control is on
  // screen, then until it holds still, and check where it rests (a quiet period alone ended mid-scroll
  // in a run at load 23, the control 10 px above the viewport).
  const onScreen = async (what: string) => {
    const geo = await hostGeometry(h.page);
    const fits = (box: { y: number; height: number } | null) => box !== null && box.y >= geo.insetTop - 1 && box.y + box.height <= geo.vh + 1;
    await waitFor(async () => fits(await nextButtonBox(h)), { timeout: FOLLOW_MS });
    const box = await settle(() => nextButtonBox(h), { quiet: 250 });
    expect(box, `${what}: the focused control is rendered`).not.toBeNull();
    expect(box!.y, `${what}: the focused control is below any sticky header`).toBeGreaterThanOrEqual(geo.insetTop - 1);
    expect(box!.y + box!.height, `${what}: the focused control is above the viewport's bottom`).toBeLessThanOrEqual(geo.vh + 1);
  };
  // Each press shows its step and no other on the way: a jump that lost hold of its step showed the
  // steps it scrolled past (in a frame scrolling itself: "2 of 12", none, "1 of 12", "2 of 12").
  const press = async (key: 'ArrowDown' | 'ArrowUp', to: number, what: string) => {
    const from = index >= 0 ? ids[index] : '';
    await takeSteps(h.child);
    await h.page.keyboard.press(key);
    const want = ids[to];
    const got = await waitFor(async () => ((await activeId(h)) === want ? want : null), { timeout: FOLLOW_MS });
    expect(got, `${what} makes ${want} active`).toBe(want);
    index = to;
    await onScreen(what);
    await settle(() => Promise.all([h.child.evaluate(() => window.scrollY), hostGeometry(h.page)]), { quiet: 250 });
    expect(await takeSteps(h.child), `${what}: the steps shown on the way`).toEqual([from, want]);
  };
  for (let k = 0; k < 3; k++) await press('ArrowDown', index + 1, `ArrowDown #${k + 1}`);
  await press('ArrowUp', index - 1, 'ArrowUp');
}

async function runCase(c: HostCase): Promise<void> {
  const h = await openHost(embed.browser, embed.servers, c.host, DEVICES[c.device ?? 'desktop']);
  try {
    await placeFrameAt(h.page, c.context === 'auto' ? 300 : 30);
    const state = await waitForContext(h.child, c.context, c.source);
    expect([state.context, state.source], 'context and scroll source').toEqual([c.context, c.source]);
    const ids = await stepIds(h.child);
    expect(ids.length).toBeGreaterThan(5);
    await checkStepsAndGraphic(h, c, ids);
    if (c.context === 'stacked') {
      const statics = await h.child.evaluate(() => document.querySelectorAll('.scrolly [data-step] .step-static-graphic svg').length);
      expect(statics, 'every step carries its own chart').toBeGreaterThanOrEqual(ids.length);
    }
    if (c.context === 'auto') await checkHeight(h);
    if (c.keyboard !== false) await checkKeyboard(h, ids);
    const after = await childState(h.child);
    expect([after.context, after.source], 'no flapping after all that').toEqual([c.context, c.source]);
    expect(h.errors.errors).toEqual([]);
  } finally {
    await h.close();
  }
}

/**
 * Three hosts at a time, each in its own context of the one browser: most of a case is waiting on
 * the story (messages, layout), so this cuts the file's time by half on a two-core machine.
 */
function limit(n: number) {
  let running = 0;
  const queue: (() => void)[] = [];
  return async <T>(fn: () => Promise<T>): Promise<T> => {
    if (running >= n) await new Promise<void>((ok) => queue.push(ok));
    running += 1;
    try {
      return await fn();
    } finally {
      running -= 1;
      queue.shift()?.();
    }
  };
}
const slot = limit(3);

describe('hosts', () => {
  test.concurrent.each(CASES)('$host ($device): $why', async (c) => slot(() => runCase(c)), 300_000);
});

describe('auto-height frames', () => {
  test('the height follows width changes, ignores height-only changes, and never loops', async () => {
    const h = await openHost(embed.browser, embed.servers, 'snippet', DESKTOP);
    try {
      await placeFrameAt(h.page, 200);
      await waitForContext(h.child, 'auto', 'relay');
      await checkHeight(h);
      const initial = (await hostGeometry(h.page)).frameLayoutHeight;
      const heights = async (ms: number) => {
        const seen = new Set<number>();
        const end = Date.now() + ms;
        while (Date.now() < end) {
          seen.add((await hostGeometry(h.page)).frameLayoutHeight);
          await new Promise((r) => setTimeout(r, 100));
        }
        return [...seen];
      };
      // Mobile toolbars change only the viewport height: the story's height must not follow.
      for (const height of [600, 900]) {
        await h.page.setViewportSize({ width: 1280, height });
        await placeFrameAt(h.page, -1500);
        expect(await heights(500), `viewport height ${height}`).toEqual([initial]);
      }
      // Width changes rewrap the text: the frame follows, then holds still.
      for (const width of [390, 1280]) {
        await h.page.setViewportSize({ width, height: 800 });
        await placeFrameAt(h.page, -1500);
        await checkHeight(h);
        const exact = (await hostGeometry(h.page)).frameLayoutHeight;
        expect(await heights(800), `width ${width}: the height holds`).toEqual([exact]);
        if (width === 1280) expect(exact).toBe(initial);
      }
      expect(h.errors.errors).toEqual([]);
    } finally {
      await h.close();
    }
  });

  test('real wheel bursts over the frame scroll the host and step the story', async () => {
    const h = await openHost(embed.browser, embed.servers, 'snippet', DESKTOP);
    try {
      await placeFrameAt(h.page, 300);
      await waitForContext(h.child, 'auto', 'relay');
      const ids = await stepIds(h.child);
      await takeSteps(h.child);
      const y0 = (await hostGeometry(h.page)).scrollTop;
      for (let burst = 0; burst < 4; burst++) {
        await pointAtFrame(h.page);
        for (let i = 0; i < 8; i++) await h.page.mouse.wheel(0, 250);
        await new Promise((r) => setTimeout(r, 150));
      }
      await settle(async () => (await hostGeometry(h.page)).scrollTop);
      expect((await hostGeometry(h.page)).scrollTop, 'the wheel over the frame scrolled the host').toBeGreaterThan(y0 + 4000);
      const seen = (await takeSteps(h.child)).filter((s) => s !== '');
      expect(seen.length, `steps seen: ${seen.join(',')}`).toBeGreaterThan(2);
      expect(orderProblems(seen, seen, 1)).toEqual([]);
      expect(ids.indexOf(seen[seen.length - 1])).toBeGreaterThan(ids.indexOf(seen[0]));
      const view = await settle(() => graphicVisibility(h), { quiet: 200 });
      if ((await activeId(h)) !== '') expect(view.share).toBeGreaterThanOrEqual(0.9);
      expect(h.errors.errors).toEqual([]);
    } finally {
      await h.close();
    }
  });

  test.each(['snippet', 'pym-trackscroll', 'resize-only'])('%s: a jump from top to bottom lands on the last step, and back', async (host) => {
    const h = await openHost(embed.browser, embed.servers, host, DESKTOP);
    try {
      await placeFrameAt(h.page, 300);
      await waitForContext(h.child, 'auto');
      const ids = await stepIds(h.child);
      await hostScrollBy(h.page, 1e6);
      const last = await waitFor(async () => ((await activeId(h)) === ids[ids.length - 1] ? true : null), { timeout: FOLLOW_MS });
      expect(last, 'the last step after the jump').toBe(true);
      await placeFrameAt(h.page, 0);
      const back = await waitFor(async () => ((await activeId(h)) === '' ? true : null), { timeout: FOLLOW_MS });
      expect(back, 'no step active at the story\u2019s top').toBe(true);
      expect(h.errors.errors).toEqual([]);
    } finally {
      await h.close();
    }
  });

  test('when the host script stops, the story falls back to the probe and keeps working', async () => {
    const h = await openHost(embed.browser, embed.servers, 'snippet', DESKTOP);
    try {
      await placeFrameAt(h.page, 300);
      await waitForContext(h.child, 'auto', 'relay');
      const ids = await stepIds(h.child);
      await h.page.evaluate(() => (window as unknown as { DriscollEmbed: { destroy(): void } }).DriscollEmbed.destroy());
      const t0 = Date.now();
      let state = await childState(h.child);
      for (let top = 0; state.source !== 'probe' && Date.now() - t0 < 5000; top -= 60) {
        await placeFrameAt(h.page, top);
        await new Promise((r) => setTimeout(r, 100));
        state = await childState(h.child);
      }
      expect(state.source).toBe('probe');
      expect(Date.now() - t0, 'fell back within about a second of scrolling').toBeLessThan(2500);
      await hostScrollBy(h.page, 1e6);
      const last = await waitFor(async () => ((await activeId(h)) === ids[ids.length - 1] ? true : null), { timeout: FOLLOW_MS });
      expect(last).toBe(true);
      expect(h.errors.errors).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

describe('instant scrolls and off-screen time', () => {
  test('case 4: after an instant jump under a sticky header, the relay stays and the step control stays below the header', async () => {
    const h = await openHost(embed.browser, embed.servers, 'sticky-header', DESKTOP);
    try {
      await placeFrameAt(h.page, 300);
      await waitForContext(h.child, 'auto', 'relay');
      const story = await storyGeometry(h.child);
      // One instant jump into the middle of the story (an anchor link), then nothing.
      await placeFrameAt(h.page, -story.steps[4].top);
      await new Promise((r) => setTimeout(r, 1800));
      const state = await childState(h.child);
      expect(state.source, 'a quiet relay is not a dead relay').toBe('relay');
      const geo = await hostGeometry(h.page);
      const nav = await nextButtonBox(h);
      expect(nav!.y, 'the step control is below the sticky header').toBeGreaterThanOrEqual(geo.insetTop - 1);
      const view = await graphicVisibility(h);
      expect(view.share).toBeGreaterThanOrEqual(0.9);
      expect(h.errors.errors).toEqual([]);
    } finally {
      await h.close();
    }
  });

  test('case 10: a plain iframe keeps its layout and the reader\u2019s place while scrolled off screen', async () => {
    const h = await openHost(embed.browser, embed.servers, 'fixed', DESKTOP);
    try {
      await placeFrameAt(h.page, 30);
      await waitForContext(h.child, 'fixed', 'native');
      const story = await storyGeometry(h.child);
      await h.child.evaluate((y) => window.scrollTo({ top: y, behavior: 'instant' }), story.steps[5].top);
      const y0 = (await storyGeometry(h.child)).scrollY;
      // Away from the frame for longer than any handshake or in-flight window.
      await hostScrollBy(h.page, 1e6);
      await new Promise((r) => setTimeout(r, 2500));
      await placeFrameAt(h.page, 30);
      await new Promise((r) => setTimeout(r, 300));
      const after = await childState(h.child);
      expect([after.context, after.source]).toEqual(['fixed', 'native']);
      expect(Math.abs(after.scrollY - y0), 'the reader\u2019s place inside the frame').toBeLessThanOrEqual(1);
      // A flip to stacked (the frame made short) keeps the same step at the top: the last step whose
      // top is at or above the frame's top edge, to within a pixel. The scroll above went to a step's
      // top, which is fractional (for example 4287.36 px), but scroll positions are whole pixels (4287), so that
      // step starts a fraction of a pixel below the edge: 'top <= 0' named the step before it.
      const stepAtTop = () =>
        h.child.evaluate(() => {
          const steps = [...document.querySelectorAll<HTMLElement>('.scrolly [data-step]')];
          return steps.filter((el) => el.getBoundingClientRect().top <= 1).pop()?.dataset.step ?? '';
        });
      const stepBefore = await stepAtTop();
      expect(stepBefore, 'the step scrolled to is the one at the top').toBe(story.steps[5].id);
      await h.page.evaluate(() => (document.querySelector('iframe')!.height = '300'));
      await waitForContext(h.child, 'stacked', 'native');
      await new Promise((r) => setTimeout(r, 200));
      expect(await stepAtTop(), 'the same step at the top after the flip').toBe(stepBefore);
      expect(h.errors.errors).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

test('a top-level page is top/native', async () => {
  const context = await embed.browser.newContext(DESKTOP);
  const page = await context.newPage();
  await page.goto(`${embed.servers.story.origin}/`);
  const state = await waitForContext(page.mainFrame(), 'top', 'native');
  expect([state.context, state.source]).toEqual(['top', 'native']);
  await context.close();
});
