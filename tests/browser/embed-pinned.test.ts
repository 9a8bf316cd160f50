/**
 * embed.js sticky mode: the graphic drawn by a second, graphic-only frame of the story in a
 * `position: sticky` box over the text frame, so the host's own compositor pins it. Checked here:
 *   - the graphic frame's top in the host's viewport does not move by a pixel on any animation frame
 *     of a scroll through the section (scripted and wheel), on a plain page, a phone, an app shell
 *     whose <main> scrolls and under a sticky header; at rest it lies on the text frame's own
 *     (hidden) graphic box;
 *   - the graphic frame shows the text frame's active step at rest after fast and instant scrolls
 *     both ways;
 *   - the fallback to the relayed graphic where sticky cannot work (overflow: hidden, a scaled or
 *     zoomed column, the host's opt-out), named once in the console, re-checked on resize;
 *   - the graphic frame is absent from the accessibility tree and the tab order, keyboard stepping
 *     reaches all 12 steps with focus on screen, print shows no overlay, destroy() restores the page,
 *     and two embeds each get their own.
 */
import type { BrowserContextOptions, Frame, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DESKTOP, PHONE, waitFor } from './harness.ts';
import {
  boxInHost,
  childState,
  frameBoxInHost,
  hostGeometry,
  iframeBox,
  nextButtonBox,
  openHost,
  placeFrameAt,
  pointAtFrame,
  settle,
  serveEmbedHosts,
  stepIds,
  storyGeometry,
  waitForContext,
  type Box,
  type OpenHost,
} from './embedHarness.ts';

const embed = serveEmbedHosts();

/** The graphic-only frames on the page, in the order embed.js made them. */
function graphicFrames(page: Page): Frame[] {
  return page.frames().filter((f) => f.url().startsWith(`${embed.servers.story.origin}/graphic.html`));
}

interface PinState {
  mode: string | null;
  overlays: number;
  storyPinned: boolean;
}

async function pinState(h: OpenHost): Promise<PinState> {
  const host = await h.page.evaluate(() => ({
    mode: document.querySelector('[data-driscoll-src]')?.getAttribute('data-driscoll-pinned') ?? null,
    overlays: document.querySelectorAll('[data-driscoll-overlay]').length,
  }));
  const storyPinned = await h.child.evaluate(() => 'graphicPinned' in document.documentElement.dataset);
  return { ...host, storyPinned };
}

/** Opens a host, scrolls into the story's section and waits until sticky mode has drawn its graphic. */
async function openPinned(name: string, device: BrowserContextOptions): Promise<OpenHost> {
  const h = await openHost(embed.browser, embed.servers, name, device);
  // Into the section whatever stands above it (the masthead's height changes with the copy).
  const { sectionTop } = await storyGeometry(h.child);
  await placeFrameAt(h.page, 100 - sectionTop);
  await waitForContext(h.child, 'auto', 'relay');
  const pinned = await waitFor(async () => {
    const s = await pinState(h);
    return s.mode === 'sticky' && s.overlays === 1 && s.storyPinned ? s : null;
  });
  expect(pinned, `${name}: sticky mode with the graphic frame drawn`).toBeTruthy();
  return h;
}

/** The section's top in the host's viewport units: where the overlay starts. */
async function overlayBox(page: Page) {
  return page.evaluate(() => {
    const o = document.querySelector('[data-driscoll-overlay]')!.getBoundingClientRect();
    const g = document.querySelector('[data-driscoll-graphic]')!.getBoundingClientRect();
    return { top: o.top, bottom: o.bottom, graphicTop: g.top, graphicHeight: g.height, graphicLeft: g.left, graphicWidth: g.width };
  });
}

/** How far each slow stretch of scrollThrough goes, CSS px: more than a phone screen (1,600 took CI past 10 minutes). */
const STRETCH_PX = 1000;

/**
 * Scrolls the host's scroller `perFrame` px per animation frame (down, then up) and records, on every
 * animation frame, the graphic frame's top in the host's viewport while the section spans the sticky
 * place: through the whole section, or through a stretch of STRETCH_PX at each of `stretches`, a
 * fraction of the way through it (0 its top, 1 its end): a slow scroll through the whole
 * section's 10,000-13,000 px of scroll took 25 s a test.
 */
async function scrollThrough(page: Page, perFrame: number, stretches: readonly number[] | null = null): Promise<number[]> {
  return page.evaluate(
    async ({ step, stretches, stretchPx }) => {
      const sc = document.querySelector<HTMLElement>('[data-test-scroller]') ?? document.scrollingElement!;
      const overlay = document.querySelector<HTMLElement>('[data-driscoll-overlay]')!;
      const sticky = overlay.firstElementChild as HTMLElement;
      const graphic = document.querySelector('[data-driscoll-graphic]')!;
      const raf = () => new Promise((r) => requestAnimationFrame(r));
      const stickTop = parseFloat(sticky.style.top) + (sc === document.scrollingElement ? 0 : Math.max(0, sc.getBoundingClientRect().top));
      const stickyHeight = sticky.getBoundingClientRect().height;
      // The span over which the sticky box is stuck: overlay top above the sticky place, bottom below its end.
      const startTop = stickTop - 20;
      const endTop = stickTop + stickyHeight + 20 - overlay.getBoundingClientRect().height;
      const tops: number[] = [];
      const record = () => {
        const o = overlay.getBoundingClientRect();
        if (o.top <= startTop + 0.5 && o.top >= endTop - 0.5) tops.push(graphic.getBoundingClientRect().top);
      };
      // Each stretch as [overlay top where it starts, where it ends]; the overlay's top falls as the page scrolls down.
      const spans = (stretches ?? [0]).map((f) => {
        const from = startTop - f * Math.max(0, startTop - endTop - stretchPx);
        return [from, stretches ? Math.max(endTop, from - stretchPx) : endTop];
      });
      for (const [from, to] of spans) {
        sc.scrollBy({ top: overlay.getBoundingClientRect().top - from, behavior: 'instant' });
        await raf();
        for (const dir of [1, -1]) {
          for (let i = 0; i < 1000; i++) {
            const top = overlay.getBoundingClientRect().top;
            // Within a pixel: the scroller moves in whole (or device) pixels.
            if (dir > 0 ? top <= to + 1 : top >= from - 1) break;
            sc.scrollBy({ top: dir * Math.min(step, Math.abs(dir > 0 ? top - to : from - top)), behavior: 'instant' });
            await raf();
            record();
          }
        }
      }
      return tops;
    },
    { step: perFrame, stretches, stretchPx: STRETCH_PX },
  );
}

/**
 * Where the text frame lays out its graphic's box for the reader's place, in the host's viewport:
 * its graphic layer is held still while pinned (the graphic frame draws the band), so the box is
 * found from its control's layer, which still follows the reader, and the box's offset from it.
 */
function reservedBox(page: Page, frameSelector: string, frame: Frame): Promise<Box> {
  return frameBoxInHost(
    page,
    frameSelector,
    frame.evaluate(() => {
      const nav = document.querySelector<HTMLElement>('.nav-layer')!;
      const layer = document.querySelector<HTMLElement>('.graphic-layer')!;
      const box = layer.querySelector<HTMLElement>('[data-graphic]')!;
      const at = nav.getBoundingClientRect();
      return {
        left: at.left + layer.offsetLeft + box.offsetLeft - nav.offsetLeft,
        top: at.top + layer.offsetTop + box.offsetTop - nav.offsetTop,
        width: box.offsetWidth,
        height: box.offsetHeight,
      };
    }),
  );
}

/**
 * What the reader sees drawn by the graphic frame (its graphic and its copy of the step control) and
 * what the text frame lays out for them (its hidden graphic's box and its unseen control), in the
 * host's viewport.
 */
async function drawnAndReserved(h: OpenHost) {
  const [graphic] = graphicFrames(h.page);
  // The text frame: the first iframe (the graphic frame comes after it), as hostGeometry finds it.
  const text = 'iframe:not(#ad)';
  return {
    graphic: await boxInHost(h.page, '[data-driscoll-graphic]', graphic, '[data-graphic]'),
    control: await boxInHost(h.page, '[data-driscoll-graphic]', graphic, '.step-nav'),
    reserved: await reservedBox(h.page, text, h.child),
    ownControl: await boxInHost(h.page, text, h.child, '.step-nav'),
  };
}

function expectOn(drawn: Box, laidOut: Box, what: string) {
  for (const k of ['left', 'top', 'width', 'height'] as const)
    expect(Math.abs(drawn[k] - laidOut[k]), `${what} ${k}: drawn ${drawn[k]}, laid out ${laidOut[k]}`).toBeLessThanOrEqual(1.5);
}

const CASES: { host: string; device: BrowserContextOptions; why: string }[] = [
  { host: 'snippet', device: DESKTOP, why: 'a plain article, desktop' },
  { host: 'snippet', device: PHONE, why: 'a plain article, phone' },
  { host: 'app-shell', device: DESKTOP, why: 'an app shell whose <main> scrolls (not a fallback case)' },
  { host: 'sticky-header', device: DESKTOP, why: 'below a sticky site header' },
];

describe('sticky mode: the graphic is pinned by the host page', () => {
  for (const c of CASES) {
    test(`${c.why}: constant in host viewport coordinates on every frame of a scroll through the section`, async () => {
      const h = await openPinned(c.host, c.device);
      try {
        // Fast through the whole section; slowly (many more frames) at its top, middle and end.
        for (const [perFrame, stretches] of [
          [90, null],
          [23, [0, 0.5, 1]],
        ] as const) {
          const tops = await scrollThrough(h.page, perFrame, stretches);
          expect(tops.length, `frames recorded at ${perFrame} px/frame`).toBeGreaterThan(10);
          const spread = Math.max(...tops) - Math.min(...tops);
          expect(
            spread,
            `graphic top moved by ${spread.toFixed(2)} px at ${perFrame} px/frame (${Math.min(...tops)}..${Math.max(...tops)})`,
          ).toBeLessThanOrEqual(0.5);
        }
        // Below any sticky header, and on the text frame's own graphic box once the relay has caught up.
        const geo = await hostGeometry(h.page);
        const box = await overlayBox(h.page);
        // The section's top 400 px above the sticky place: mid-section, stuck.
        await placeFrameAt(h.page, geo.insetTop - 400 - (box.top - geo.frameTop));
        const rest = await settle(() => drawnAndReserved(h), { quiet: 300 });
        expect(rest.control.top, 'the layer sits below the sticky header').toBeGreaterThanOrEqual(geo.insetTop - 0.5);
        expectOn(rest.graphic, rest.reserved, 'graphic');
        expectOn(rest.control, rest.ownControl, 'step control');
        expect(h.errors.errors).toEqual([]);
      } finally {
        await h.close();
      }
    });
  }

  test('wheel bursts: the graphic frame never moves while the section spans the viewport', async () => {
    const h = await openPinned('snippet', DESKTOP);
    try {
      await h.page.evaluate(() => {
        const overlay = document.querySelector<HTMLElement>('[data-driscoll-overlay]')!;
        const sticky = overlay.firstElementChild as HTMLElement;
        const graphic = document.querySelector('[data-driscoll-graphic]')!;
        const w = window as unknown as { __tops: number[]; __stop: boolean };
        w.__tops = [];
        w.__stop = false;
        const stickTop = parseFloat(sticky.style.top);
        const stickyHeight = sticky.getBoundingClientRect().height;
        const loop = () => {
          const o = overlay.getBoundingClientRect();
          // The section spans the sticky place: its top above it, its bottom below the sticky box's end.
          if (o.top <= stickTop - 1 && o.bottom >= stickTop + stickyHeight + 1) w.__tops.push(graphic.getBoundingClientRect().top);
          if (!w.__stop) requestAnimationFrame(loop);
        };
        requestAnimationFrame(loop);
      });
      await placeFrameAt(h.page, -900);
      await pointAtFrame(h.page);
      for (let burst = 0; burst < 4; burst++) {
        for (let i = 0; i < 8; i++) await h.page.mouse.wheel(0, 120);
        await new Promise((r) => setTimeout(r, 60));
      }
      const tops = await h.page.evaluate(() => {
        const w = window as unknown as { __tops: number[]; __stop: boolean };
        w.__stop = true;
        return w.__tops;
      });
      expect(tops.length).toBeGreaterThan(10);
      expect(Math.max(...tops) - Math.min(...tops)).toBeLessThanOrEqual(0.5);
    } finally {
      await h.close();
    }
  });
});

/** The graphic frame's step once it settles, and the text frame's active step by index. */
/**
 * The text frame's step and the graphic frame's, once the scroll has come to rest: the text frame's
 * step settled, then up to 5 s for the graphic frame to agree (a loaded machine can take a while to
 * relay and draw it; one that never follows is still caught).
 */
async function stepsAtRest(h: OpenHost, ids: string[], graphic: Frame) {
  const read = async () => {
    const s = await childState(h.child);
    const g = await graphic.evaluate(() => {
      const el = document.querySelector<HTMLElement>('[data-graphic]');
      return { index: Number(el?.dataset.stepIndex ?? NaN), state: el?.dataset.graphicState ?? null };
    });
    return { text: ids.indexOf(s.active ?? ''), textState: s.graphicState, graphic: g.index, graphicState: g.state };
  };
  const rest = await settle(read, { quiet: 400 });
  const agreed = await waitFor(
    async () => {
      const r = await read();
      return r.text === rest.text && r.graphic === r.text && r.graphicState === r.textState ? r : null;
    },
    { timeout: 5000, interval: 100 },
  );
  return agreed ?? (await read());
}

test('a header that appears mid-read moves the graphic below it; embed.js hit-tests for headers only a few times a second while the page scrolls', async () => {
  const h = await openPinned('snippet', DESKTOP);
  try {
    const geo = await hostGeometry(h.page);
    const box = await overlayBox(h.page);
    await placeFrameAt(h.page, -400 - (box.top - geo.frameTop));
    const before = (await settle(() => overlayBox(h.page), { quiet: 300 })).graphicTop;
    // A site that fixes its masthead once the reader scrolls past it.
    await h.page.evaluate(() => {
      const header = document.createElement('div');
      header.id = 'late-header';
      header.setAttribute('data-test-header', '');
      header.style.cssText = 'position:fixed;top:0;left:0;right:0;height:72px;background:#333;z-index:10';
      document.body.appendChild(header);
    });
    // Count hit tests through a scroll of 60 frames (about a second), one that keeps the section stuck.
    const { hits, ms } = await h.page.evaluate(async () => {
      const raf = () => new Promise((r) => requestAnimationFrame(r));
      const original = document.elementFromPoint.bind(document);
      let hits = 0;
      document.elementFromPoint = (x: number, y: number) => {
        hits += 1;
        return original(x, y);
      };
      const started = performance.now();
      for (let i = 0; i < 60; i++) {
        window.scrollBy({ top: i < 30 ? 3 : -3, behavior: 'instant' });
        await raf();
      }
      const ms = performance.now() - started;
      document.elementFromPoint = original;
      return { hits, ms };
    });
    // Three points per lookup, one lookup per 250 ms at most (and one for the frame that started it).
    expect(hits, `${hits} hit tests in ${Math.round(ms)} ms of scrolling`).toBeLessThanOrEqual(3 * (Math.ceil(ms / 250) + 1));
    expect(hits, 'the header was looked for').toBeGreaterThan(0);
    const under = await waitFor(async () => {
      const g = await overlayBox(h.page);
      return g.graphicTop >= Math.max(72, before) - 0.5 && g.graphicTop > before + 1 ? g : null;
    });
    expect(under, 'the graphic moved below the new header').toBeTruthy();
    // The header slides away (a transform, as sites hide it on scroll): the graphic rises to the top.
    await h.page.evaluate(() => {
      document.getElementById('late-header')!.style.transform = 'translateY(-100%)';
      window.scrollBy({ top: 2, behavior: 'instant' });
    });
    const back = await waitFor(async () => {
      const g = await overlayBox(h.page);
      return Math.abs(g.graphicTop - before) <= 1 ? g : null;
    });
    expect(back, `the graphic back at ${before} px once the header slid away`).toBeTruthy();
    expect(h.errors.errors).toEqual([]);
  } finally {
    await h.close();
  }
});

test('the graphic frame shows the text frame’s active step at rest after fast and instant scrolls, both ways', async () => {
  const h = await openPinned('snippet', DESKTOP);
  try {
    const ids = await stepIds(h.child);
    const [graphic] = graphicFrames(h.page);
    const geo = await hostGeometry(h.page);
    const check = async (what: string) => {
      const r = await stepsAtRest(h, ids, graphic);
      expect(r.text, `${what}: a step is active`).toBeGreaterThanOrEqual(0);
      expect(r.graphic, `${what}: graphic frame step`).toBe(r.text);
      expect(r.graphicState, `${what}: graphic frame state`).toBe(r.textState);
    };
    // Notes, for each new graphic state, whether it was committed while a message from the host was
    // being handled: the step arrives in one, and a render it causes at once runs in its microtasks,
    // where window.event is still that message (React's background render runs in a task of its own).
    await graphic.evaluate(() => {
      const w = window as unknown as { __drawnInMessage: boolean[] };
      w.__drawnInMessage = [];
      new MutationObserver(() => {
        const event = window.event;
        w.__drawnInMessage.push(event instanceof MessageEvent && event.source === window.parent);
      }).observe(document.querySelector('[data-graphic]')!, { attributes: true, attributeFilter: ['data-graphic-state'] });
    });
    // Instant jumps, down then up.
    for (const top of [-2500, -7000, -4000, -1200]) {
      await placeFrameAt(h.page, top);
      await check(`instant jump to ${top}`);
    }
    // Fast wheel flicks, down then up.
    await pointAtFrame(h.page);
    for (let i = 0; i < 12; i++) await h.page.mouse.wheel(0, 600);
    await check('fast wheel down');
    for (let i = 0; i < 8; i++) await h.page.mouse.wheel(0, -600);
    await check('fast wheel up');
    // One instant jump with no frame in between, far down then far up.
    await h.page.evaluate((y) => window.scrollBy({ top: y, behavior: 'instant' }), 3000);
    await check('one instant jump down');
    await h.page.evaluate((y) => window.scrollBy({ top: y, behavior: 'instant' }), -3000);
    await check('one instant jump up');
    // Each new step's graphic was drawn in a background render, never in the task of the message
    // that brought it (there it was one 30-50 ms task at 4x CPU, issue #17's embedded figures).
    const drawnInMessage = await graphic.evaluate(() => (window as unknown as { __drawnInMessage: boolean[] }).__drawnInMessage);
    expect(drawnInMessage.length).toBeGreaterThan(3);
    expect(drawnInMessage.filter(Boolean), 'graphic states committed in a message task').toEqual([]);
    expect(geo.vh).toBeGreaterThan(0);
    expect(h.errors.errors).toEqual([]);
  } finally {
    await h.close();
  }
});

describe('fallback to the relayed graphic', () => {
  const RELAY = [
    { host: 'overflow-hidden', culprit: '<div.article-body.clearfix> (overflow: hidden)' },
    { host: 'pin-off', culprit: null },
    { host: 'scale', culprit: 'transform' },
    { host: 'zoom', culprit: 'zoom' },
  ];
  for (const c of RELAY) {
    test(`${c.host}: relay, no overlay${c.culprit ? ', the culprit named once' : ''}`, async () => {
      const h = await openHost(embed.browser, embed.servers, c.host, DESKTOP);
      try {
        await placeFrameAt(h.page, -1500);
        await waitForContext(h.child, 'auto', 'relay');
        const mode = await waitFor(() => h.page.evaluate(() => document.querySelector('[data-driscoll-src]')?.getAttribute('data-driscoll-pinned') ?? null));
        expect(mode).toBe('relay');
        // The story has reported its section (a frame resize later) and still nothing is laid over it.
        await new Promise((r) => setTimeout(r, 800));
        expect(await pinState(h)).toEqual({ mode: 'relay', overlays: 0, storyPinned: false });
        expect(graphicFrames(h.page)).toEqual([]);
        await h.page.setViewportSize({ width: 1200, height: 800 });
        await new Promise((r) => setTimeout(r, 300));
        const warnings = await h.page.evaluate(() => (window as unknown as { __warnings: string[] }).__warnings.filter((w) => /pinned by the page/.test(w)));
        if (c.culprit) {
          expect(warnings.length, warnings.join('\n')).toBe(1);
          expect(warnings[0]).toContain(c.culprit);
        } else expect(warnings).toEqual([]);
        expect(h.errors.errors).toEqual([]);
      } finally {
        await h.close();
      }
    });
  }

  test('re-checked on resize: the clipping box gone, sticky mode takes over', async () => {
    const h = await openHost(embed.browser, embed.servers, 'overflow-hidden', DESKTOP);
    try {
      await placeFrameAt(h.page, -1500);
      await waitForContext(h.child, 'auto', 'relay');
      expect(await waitFor(() => h.page.evaluate(() => document.querySelector('[data-driscoll-src]')?.getAttribute('data-driscoll-pinned') ?? null))).toBe(
        'relay',
      );
      await h.page.evaluate(() => document.querySelector<HTMLElement>('.article-body')!.style.setProperty('overflow', 'visible'));
      await h.page.setViewportSize({ width: 1240, height: 800 });
      const s = await waitFor(async () => {
        const p = await pinState(h);
        return p.mode === 'sticky' && p.overlays === 1 && p.storyPinned ? p : null;
      });
      expect(s, 'sticky mode after the resize').toBeTruthy();
    } finally {
      await h.close();
    }
  });
});

test('the graphic frame is absent from the accessibility tree and the tab order; pointer events pass around it', async () => {
  const h = await openPinned('snippet', DESKTOP);
  try {
    const attrs = await h.page.evaluate(() => {
      const g = document.querySelector('[data-driscoll-graphic]')!;
      const o = document.querySelector<HTMLElement>('[data-driscoll-overlay]')!;
      return {
        hidden: g.getAttribute('aria-hidden'),
        tabindex: g.getAttribute('tabindex'),
        inert: g.hasAttribute('inert'),
        title: g.getAttribute('title'),
        overlayPointer: getComputedStyle(o).pointerEvents,
        graphicPointer: getComputedStyle(g).pointerEvents,
      };
    });
    expect(attrs).toEqual({
      hidden: 'true',
      tabindex: '-1',
      inert: true,
      title: 'Barred, independent, beaten (graphic)',
      overlayPointer: 'none',
      graphicPointer: 'none',
    });
    // The host's accessibility tree: one frame (the story's), not two.
    const cdp = await h.page.context().newCDPSession(h.page);
    const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as { nodes: { ignored: boolean; role?: { value: string }; name?: { value: string } }[] };
    const frames = nodes.filter((n) => !n.ignored && n.role?.value === 'Iframe');
    expect(frames.length, JSON.stringify(frames.map((n) => n.name?.value))).toBe(1);
    // Over the drawn graphic, over the control's copy and beside them, the text frame takes the pointer.
    await placeFrameAt(h.page, -1500);
    const rest = await settle(() => drawnAndReserved(h), { quiet: 300 });
    const [graphic] = graphicFrames(h.page);
    const next = await boxInHost(h.page, '[data-driscoll-graphic]', graphic, 'button[aria-label="Next step"]');
    const points = {
      graphic: [rest.graphic.left + rest.graphic.width / 2, rest.graphic.top + rest.graphic.height / 2],
      beside: [Math.max(2, rest.graphic.left - 20), rest.graphic.top + rest.graphic.height / 2],
      next: [next.left + next.width / 2, next.top + next.height / 2],
    };
    for (const [what, [x, y]] of Object.entries(points)) {
      const under = await h.page.evaluate(
        ([x, y]) => (document.elementFromPoint(x, y) as HTMLElement | null)?.getAttribute('data-driscoll-embed') ?? null,
        [x, y],
      );
      expect(under, what).toBe('driscoll-1');
    }
    // A click on the copy's "Next step" lands on the story's own button, unseen under it: one step on.
    const activeIndex = () => h.child.evaluate(() => [...document.querySelectorAll('[data-step]')].findIndex((s) => s.getAttribute('aria-current') === 'step'));
    const before = await activeIndex();
    expect(before).toBeGreaterThanOrEqual(0);
    await h.page.mouse.click(points.next[0], points.next[1]);
    expect(await waitFor(async () => ((await activeIndex()) === before + 1 ? true : null)), `from step ${before + 1}, one step on`).toBe(true);
    // Tab through the host and into the story: focus never lands in the graphic frame.
    await placeFrameAt(h.page, 200);
    await h.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (let i = 0; i < 25; i++) {
      await h.page.keyboard.press('Tab');
      const onGraphic = await h.page.evaluate(() => document.activeElement?.hasAttribute('data-driscoll-graphic') ?? false);
      expect(onGraphic, `Tab #${i + 1}`).toBe(false);
      expect(await graphic.evaluate(() => document.hasFocus()), `Tab #${i + 1}: graphic frame focused`).toBe(false);
    }
  } finally {
    await h.close();
  }
});

test('scrolling down fast on a slow phone, the graphic frame is never sent back to a step the reader has left', async () => {
  const h = await openPinned('snippet', DESKTOP);
  try {
    const [graphic] = graphicFrames(h.page);
    // 4x CPU, the host's and both story frames' (cross-site: each frame is its own target), as the
    // embed lag bench runs a mid-range phone. There the text frame's background render lags the
    // scroll, and the step it held for a fling was that render's stale one: the graphic frame was
    // sent 2, 1, 2, 1 (each a whole new chart) while the reader went on down.
    const context = h.page.context();
    const sessions = await Promise.all([h.page, h.child, graphic].map((target) => context.newCDPSession(target)));
    await Promise.all(sessions.map((s) => s.send('Emulation.setCPUThrottlingRate', { rate: 4 })));
    await graphic.evaluate(() => {
      const w = window as unknown as { __stepsSent: number[] };
      w.__stepsSent = [];
      addEventListener('message', (event) => {
        let m: unknown = event.data;
        try {
          if (typeof m === 'string') m = JSON.parse(m);
        } catch {
          return;
        }
        const step = m as { type?: string; index?: number };
        if (step.type === 'step' && typeof step.index === 'number' && step.index !== w.__stepsSent.at(-1)) w.__stepsSent.push(step.index);
      });
    });
    const frame = await iframeBox(h.page);
    const [x, y] = [frame.left + Math.min(200, frame.width / 2), DESKTOP.viewport!.height / 2];
    for (let i = 0; i < 10; i++) {
      await sessions[0].send('Input.synthesizeScrollGesture', { x, y, yDistance: -1200, speed: 3000, gestureSourceType: 'mouse', preventFling: true });
      await new Promise((r) => setTimeout(r, 250));
    }
    await Promise.all(sessions.map((s) => s.send('Emulation.setCPUThrottlingRate', { rate: 1 })));
    const sent = await graphic.evaluate(() => (window as unknown as { __stepsSent: number[] }).__stepsSent);
    expect(sent.length, `steps sent: ${sent.join(' ')}`).toBeGreaterThan(3);
    const back = sent.filter((index, i) => i > 0 && index < sent[i - 1]);
    expect(back, `steps sent: ${sent.join(' ')}`).toEqual([]);
  } finally {
    await h.close();
  }
});

/** The text frame's control and the graphic frame's copy: what each says, which button has a ring, and what the reader sees of the text frame's. */
async function controls(h: OpenHost, graphic: Frame) {
  const read = () => ({
    status: document.querySelector('.step-nav-status')!.textContent,
    ring: [...document.querySelectorAll('.step-nav button')].map((b) => b.matches(':focus-visible') || b.hasAttribute('data-focus-ring')),
    opacity: getComputedStyle(document.querySelector('.step-nav')!).opacity,
    band: getComputedStyle(document.querySelector('.graphic-layer') ?? document.body).backgroundColor,
  });
  const [own, copy] = await Promise.all([h.child.evaluate(read), graphic.evaluate(read)]);
  return { own, copy };
}

test('keyboard stepping reaches all 12 steps with the focused control on screen, and the graphic frame follows', async () => {
  const h = await openPinned('sticky-header', DESKTOP);
  try {
    const ids = await stepIds(h.child);
    expect(ids.length).toBe(12);
    const [graphic] = graphicFrames(h.page);
    await placeFrameAt(h.page, 200);
    await waitFor(async () => ((await childState(h.child)).active === '' ? true : null), { timeout: 3000 });
    await h.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let label: string | null = null;
    for (let i = 0; i < 12 && label !== 'Next step'; i++) {
      await h.page.keyboard.press('Tab');
      label = await h.child.evaluate(() => (document.hasFocus() ? (document.activeElement?.getAttribute('aria-label') ?? null) : null));
    }
    expect(label, 'Tab reaches "Next step"').toBe('Next step');
    for (let i = 0; i < ids.length; i++) {
      await h.page.keyboard.press('ArrowDown');
      const got = await waitFor(async () => ((await childState(h.child)).active === ids[i] ? ids[i] : null), { timeout: 4000 });
      expect(got, `ArrowDown #${i + 1} makes ${ids[i]} active`).toBe(ids[i]);
      const geo = await hostGeometry(h.page);
      const button = await settle(() => nextButtonBox(h), { quiet: 250 });
      expect(button, `step ${ids[i]}: the focused control is rendered`).not.toBeNull();
      expect(button!.y, `step ${ids[i]}: control below the sticky header`).toBeGreaterThanOrEqual(geo.insetTop - 1);
      expect(button!.y + button!.height, `step ${ids[i]}: control above the viewport's bottom`).toBeLessThanOrEqual(geo.vh + 1);
      // The reader sees the copy (the story's own is unseen), saying the same, with the focus ring on "Next step".
      // The copy follows a step change one message later: wait for its status, then read both.
      const ownStatus = await h.child.evaluate(() => document.querySelector('.step-nav-status')!.textContent);
      await waitFor(() => graphic.evaluate((want) => (document.querySelector('.step-nav-status')!.textContent === want ? true : null), ownStatus));
      const c = await controls(h, graphic);
      expect(c.copy.status, `step ${ids[i]}: the copy's status`).toBe(c.own.status);
      expect(c.own.ring, `step ${ids[i]}: focus on the story's "Next step"`).toEqual([false, true]);
      expect(c.copy.ring, `step ${ids[i]}: the ring drawn on the copy's "Next step"`).toEqual([false, true]);
      expect([c.own.opacity, c.copy.opacity, c.own.band], `step ${ids[i]}: the story's control and band unseen`).toEqual(['0', '1', 'rgba(0, 0, 0, 0)']);
    }
    const r = await stepsAtRest(h, ids, graphic);
    expect(r.graphic).toBe(ids.length - 1);
    expect(h.errors.errors).toEqual([]);
  } finally {
    await h.close();
  }
});

test('print shows no overlay', async () => {
  const h = await openPinned('snippet', DESKTOP);
  try {
    const overlayShown = () =>
      h.page.evaluate(() => {
        const o = document.querySelector('[data-driscoll-overlay]');
        return o ? getComputedStyle(o).display !== 'none' : false;
      });
    const storyPrints = () => h.child.evaluate(() => matchMedia('print').matches);
    // Print media on the host's renderer alone. Playwright's emulateMedia also reaches the story's
    // cross-origin frame, where Chromium drops the emulation at each resize of the frame and
    // Playwright puts it back: the story flips between its print and screen layouts, resizing
    // itself each time, and may end on either. The host's own print rule is what keeps the overlay
    // off paper whatever the story does (the story's print layout is checked in phone.test.ts).
    const cdp = await h.page.context().newCDPSession(h.page);
    const media = (m: string) => cdp.send('Emulation.setEmulatedMedia', { media: m });
    await media('print');
    expect(await h.page.evaluate(() => matchMedia('print').matches)).toBe(true);
    expect(await overlayShown()).toBe(false);
    const rule = await h.page.evaluate(() =>
      [...(document.querySelector<HTMLStyleElement>('style[data-driscoll-embed-style]')?.sheet?.cssRules ?? [])].map((r) => r.cssText).join(' '),
    );
    expect(rule).toMatch(/@media print/);
    await new Promise((r) => setTimeout(r, 500));
    expect(await overlayShown()).toBe(false);
    expect(await storyPrints(), 'the emulation stayed on the host').toBe(false);
    // Back on screen, the graphic is pinned again.
    await media('');
    expect(await waitFor(overlayShown, { timeout: 8000 })).toBe(true);
    await cdp.detach();
  } finally {
    await h.close();
  }
});

test('destroy() removes the overlay and gives the story its own graphic back', async () => {
  const h = await openPinned('snippet', DESKTOP);
  try {
    const before = await h.page.evaluate(() => document.querySelector<HTMLElement>('[data-driscoll-src]')!.style.position);
    expect(before).toBe('relative');
    await h.page.evaluate(() => (window as unknown as { DriscollEmbed: { destroy(): void } }).DriscollEmbed.destroy());
    const after = await h.page.evaluate(() => ({
      overlays: document.querySelectorAll('[data-driscoll-overlay]').length,
      graphics: document.querySelectorAll('[data-driscoll-graphic]').length,
      attr: document.querySelector('[data-driscoll-src]')!.hasAttribute('data-driscoll-pinned'),
      position: document.querySelector<HTMLElement>('[data-driscoll-src]')!.style.position,
      style: document.querySelectorAll('style[data-driscoll-embed-style]').length,
    }));
    expect(after).toEqual({ overlays: 0, graphics: 0, attr: false, position: '', style: 0 });
    const storyPinned = await waitFor(async () => ((await h.child.evaluate(() => 'graphicPinned' in document.documentElement.dataset)) ? null : 'unpinned'));
    expect(storyPinned, 'the story draws its own graphic again').toBe('unpinned');
    expect(h.errors.errors).toEqual([]);
  } finally {
    await h.close();
  }
});

test('while pinned, the story’s own hidden graphic stands still (drawn once, in the graphic frame); unpinned, it shows the reader’s step', async () => {
  const h = await openPinned('snippet', DESKTOP);
  try {
    const [graphic] = graphicFrames(h.page);
    const kindOf = (state: string | null) => (state ?? '').split(':')[0];
    const drawnKind = (frame: Frame) =>
      frame.evaluate(() => document.querySelector('[data-graphic] svg[data-graphic-kind]')?.getAttribute('data-graphic-kind') ?? null);
    const pinnedKind = await drawnKind(h.child);
    expect(pinnedKind, 'the story drew its graphic before the graphic frame took over').toBeTruthy();
    // Down the story until the reader's step shows another kind of graphic.
    let moved: string | null = null;
    for (let top = -1500; top > -40_000 && !moved; top -= 1500) {
      await placeFrameAt(h.page, top);
      const state = (await settle(async () => (await childState(h.child)).graphicState, { quiet: 300 })) ?? null;
      if (kindOf(state) !== pinnedKind) moved = state;
    }
    expect(moved, 'a step with another kind of graphic').toBeTruthy();
    const shownByGraphicFrame = await waitFor(async () => ((await drawnKind(graphic)) === kindOf(moved) ? true : null), { timeout: 8000 });
    expect(shownByGraphicFrame, 'the graphic frame draws the new step').toBe(true);
    expect(await drawnKind(h.child), 'the hidden graphic did not redraw').toBe(pinnedKind);
    // Unpinned, the story's own graphic catches up with the reader's step.
    await h.page.evaluate(() => (window as unknown as { DriscollEmbed: { destroy(): void } }).DriscollEmbed.destroy());
    const caughtUp = await waitFor(async () => ((await drawnKind(h.child)) === kindOf(moved) ? true : null), { timeout: 8000 });
    expect(caughtUp, 'the story draws the reader’s step once unpinned').toBe(true);
    expect(h.errors.errors).toEqual([]);
  } finally {
    await h.close();
  }
});

test('a phone turned on its side: the story lays its band out again (side by side), and the graphic frame draws the graphic and the control copy where the story lays them', async () => {
  const h = await openPinned('snippet', PHONE);
  try {
    const layout = () => h.child.evaluate(() => document.documentElement.dataset.layout ?? '');
    expect(await layout()).toBe('band');
    await placeFrameAt(h.page, -1500);
    const before = await settle(() => drawnAndReserved(h), { quiet: 300 });
    expectOn(before.graphic, before.reserved, 'graphic, upright');
    expectOn(before.control, before.ownControl, 'step control, upright');
    await h.page.setViewportSize({ width: 844, height: 390 });
    expect(await waitFor(async () => ((await layout()) === 'side' ? true : null))).toBe(true);
    // Into the section again (its place in the page changed with the layout), and at rest.
    const { sectionTop } = await storyGeometry(h.child);
    await placeFrameAt(h.page, -sectionTop - 1200);
    const after = await settle(() => drawnAndReserved(h), { quiet: 400 });
    expectOn(after.graphic, after.reserved, 'graphic, on its side');
    expectOn(after.control, after.ownControl, 'step control, on its side');
    const [graphic] = graphicFrames(h.page);
    expect(await graphic.evaluate(() => document.querySelector<HTMLElement>('.graphic-frame-layer')?.dataset.layout)).toBe('side');
    expect(h.errors.errors).toEqual([]);
  } finally {
    await h.close();
  }
});

test('pinned as a layer, the story holds its unseen graphic layer still while its control’s layer follows the reader and covers the band: a tap on the drawn graphic reaches no text under it', async () => {
  const h = await openPinned('snippet', PHONE);
  try {
    const transforms = () =>
      h.child.evaluate(() => ({
        graphic: document.querySelector<HTMLElement>('.graphic-layer')!.style.transform,
        held: document.querySelector('.graphic-layer')!.hasAttribute('data-held'),
        control: document.querySelector<HTMLElement>('.nav-layer')!.style.transform,
      }));
    await placeFrameAt(h.page, -1500);
    const before = await settle(transforms, { quiet: 300 });
    await h.page.evaluate(() => window.scrollBy(0, 400));
    const after = await settle(transforms, { quiet: 300 });
    expect(after.held).toBe(true);
    expect(after.graphic, 'the graphic layer held').toBe(before.graphic);
    expect(after.control, 'the control layer followed').not.toBe(before.control);
    // Where the reader sees the graphic, the text frame has the control's layer, not the step text.
    const rest = await settle(() => drawnAndReserved(h), { quiet: 300 });
    const frame = await iframeBox(h.page);
    const hit = await h.child.evaluate(
      ([x, y]) => {
        const el = document.elementFromPoint(x, y);
        return el?.closest('.nav-layer') ? 'control layer' : el?.closest('.step') ? 'step text' : (el?.tagName ?? null);
      },
      [rest.graphic.left + rest.graphic.width / 2 - frame.left, rest.graphic.top + rest.graphic.height / 2 - frame.top],
    );
    expect(hit).toBe('control layer');
    // Where the held layer lies, left behind by the reader, the text under it takes the pointer.
    const underHeld = await h.child.evaluate(() => {
      const r = document.querySelector('.graphic-layer')!.getBoundingClientRect();
      const el = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return el?.closest('.graphic-layer') ? 'held layer' : 'what lies under it';
    });
    expect(underHeld).toBe('what lies under it');
    expect(h.errors.errors).toEqual([]);
  } finally {
    await h.close();
  }
});

type StepMessage = { index: number; progress: number; story: number; focus: number };

test('the graphic frame hears of step changes, not of every frame’s progress (none of the story’s graphics draws it), and of the bar in 200ths', async () => {
  const h = await openPinned('snippet', DESKTOP);
  try {
    const [graphic] = graphicFrames(h.page);
    // Well into the story, where every scrolled pixel moves the bar (above its first step it stays at 0).
    await placeFrameAt(h.page, -1500);
    await settle(() => h.child.evaluate(() => document.querySelector<HTMLElement>('.step-nav-fill')!.style.transform), { quiet: 300 });
    await graphic.evaluate(() => {
      const w = window as unknown as { __steps: unknown[] };
      w.__steps = [];
      window.addEventListener('message', (e) => {
        const d = e.data as { type?: string; index: number; progress: number; story: number; focus: number } | null;
        if (d?.type === 'step') w.__steps.push({ index: d.index, progress: d.progress, story: d.story, focus: d.focus });
      });
    });
    const received = () => graphic.evaluate(() => (window as unknown as { __steps: StepMessage[] }).__steps);
    const scale = () => Number(/scaleX\(([\d.e-]+)\)/.exec(document.querySelector<HTMLElement>('.step-nav-fill')!.style.transform)?.[1] ?? NaN);
    const ownBefore = await h.child.evaluate(scale);
    const active = () => h.child.evaluate(() => document.querySelector<HTMLElement>('.scrolly')!.dataset.activeStep ?? '');
    // Two seconds of slow reading (2 px a frame), with the step that was active on each frame.
    const seen: string[] = [await active()];
    for (let i = 0; i < 40; i++) {
      await h.page.evaluate(async () => {
        for (let f = 0; f < 3; f++) {
          window.scrollBy({ top: 2, behavior: 'instant' });
          await new Promise((r) => requestAnimationFrame(r));
        }
      });
      seen.push(await active());
    }
    await settle(async () => (await received()).length, { quiet: 300 });
    const messages = await received();
    const changes = seen.filter((id, i) => i > 0 && id !== seen[i - 1]).length;
    // One change of step per step change (and at most one more, for the frame the scroll began on);
    // a message per frame would be 120.
    const stepChanges = messages.filter((m, i) => i === 0 || m.index !== messages[i - 1].index || m.progress !== messages[i - 1].progress).length;
    expect(stepChanges, `${stepChanges} step changes heard over 120 frames with ${changes} step change(s)`).toBeLessThanOrEqual(changes + 1);
    // The rest move the control's bar: in 200ths of the story, each one a new 200th, never the same message twice.
    for (const [i, m] of messages.entries()) {
      expect(Math.abs(m.story * 200 - Math.round(m.story * 200)), `message ${i}: story ${m.story}`).toBeLessThan(1e-9);
      if (i > 0) expect(m, `message ${i} repeats the one before`).not.toEqual(messages[i - 1]);
    }
    expect(messages.length, 'the bar moved, a few 200ths').toBeGreaterThan(stepChanges);
    // The story's own bar, unseen under the copy, was not written on the way.
    expect(await h.child.evaluate(scale), 'the story’s own, unseen bar').toBe(ownBefore);
    // At rest the copy's bar shows where the story's own does once seen again (embed.js gone), to a 200th.
    const copy = await graphic.evaluate(scale);
    await h.page.evaluate(() => (window as unknown as { DriscollEmbed: { destroy(): void } }).DriscollEmbed.destroy());
    await waitFor(() => h.child.evaluate(() => !('graphicPinned' in document.documentElement.dataset)));
    const own = await settle(() => h.child.evaluate(scale), { quiet: 200 });
    expect(own, 'the story’s own bar').toBeGreaterThan(0);
    expect(Math.abs(copy - own), `the copy's bar ${copy}, the story's ${own}`).toBeLessThanOrEqual(1 / 200);
    expect(h.errors.errors).toEqual([]);
  } finally {
    await h.close();
  }
});

test('two embeds: each pinned by its own graphic frame, following its own story', async () => {
  const h = await openHost(embed.browser, embed.servers, 'two-embeds', DESKTOP);
  try {
    const texts = () => h.page.frames().filter((f) => f.url().startsWith(`${embed.servers.story.origin}/?`));
    for (const which of [0, 1]) {
      const ok = await waitFor(
        async () => {
          // Into this embed's section (again, until it is pinned: a lazy frame grows as it loads).
          await h.page.evaluate((i) => {
            const el = document.querySelectorAll('[data-driscoll-src] > iframe[data-driscoll-embed]')[i];
            if (el) window.scrollBy({ top: el.getBoundingClientRect().top + 2500, behavior: 'instant' });
          }, which);
          const modes = await h.page.evaluate(() => [...document.querySelectorAll('[data-driscoll-src]')].map((d) => d.getAttribute('data-driscoll-pinned')));
          const overlays = await h.page.evaluate(
            (i) => document.querySelectorAll('[data-driscoll-src]')[i].querySelectorAll('[data-driscoll-overlay]').length,
            which,
          );
          return modes[which] === 'sticky' && overlays === 1 ? true : null;
        },
        { timeout: 15_000, interval: 250 },
      );
      expect(ok, `embed ${which + 1} in sticky mode`).toBe(true);
    }
    expect(texts().length).toBe(2);
    // Each graphic frame matches its own text frame (ids driscoll-1 and driscoll-2).
    for (const which of [0, 1]) {
      const id = `driscoll-${which + 1}`;
      const text = texts().find((f) => f.url().includes(`embedId=${id}&`) || f.url().endsWith(`embedId=${id}`))!;
      await h.page.evaluate((i) => {
        const el = document.querySelectorAll('[data-driscoll-src] > iframe[data-driscoll-embed]')[i];
        window.scrollBy({ top: el.getBoundingClientRect().top + 3500, behavior: 'instant' });
      }, which);
      // The reader is in this embed's section: its graphic frame is there (made again if it was replaced).
      const graphic = (await waitFor(async () => graphicFrames(h.page).find((f) => f.url().includes(`embedId=${id}-g`)) ?? null, { timeout: 8000 }))!;
      expect(graphic, `${id}'s graphic frame`).toBeTruthy();
      const ids = await stepIds(text);
      const r = await stepsAtRest({ ...h, child: text }, ids, graphic);
      expect(r.text).toBeGreaterThanOrEqual(0);
      expect(r.graphic, `${id}: graphic frame follows its own story`).toBe(r.text);
    }
    expect(h.errors.errors).toEqual([]);
  } finally {
    await h.close();
  }
});
