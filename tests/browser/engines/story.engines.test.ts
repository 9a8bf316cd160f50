/**
 * The story in every engine. This one file runs three times, once per vitest project (chromium,
 * firefox, webkit; ENGINE picks the adapter), and checks only the page's conventions
 * (data-step, aria-current="step", data-active-step, data-graphic, data-graphic-state,
 * data-embed-context), never one layout's pixel positions; and the appendix's tables on a small
 * phone, whose row cards depend on each engine's fallback font's width. Engine limits: see adapter.ts.
 *
 * Scrolling is done inside the page (scrollTo and animation frames, in one evaluate), so a pass
 * through the story costs a few seconds, not one round trip per wheel notch.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import story from '../../../data/story.json';
import { DIST, requireBuild, ROOT, serveDir, type StaticServer } from '../harness.ts';
import { expectTablesToFit, readTablesInPage } from '../tableProbe.ts';
import { collectErrorsOptions, currentEngine, launchEngine, type Engine, type Tab, type Target } from './adapter.ts';

const ENGINE = currentEngine();
const STEP_IDS = story.steps.map((s) => s.id);
const GRAPHIC_OF = Object.fromEntries(story.steps.map((s) => [s.id, s.graphic]));
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };
const HOSTS_DIR = join(ROOT, 'tests/fixtures/hosts');
const PYM = join(ROOT, 'node_modules/pym.js/dist/pym.v1.min.js');

let story_: StaticServer;
let hosts: StaticServer;

beforeAll(async () => {
  requireBuild();
  // The story on 127.0.0.1 and the news-site fixtures on localhost: two origins, as on a real site.
  story_ = await serveDir(DIST, { host: '127.0.0.1', ...collectErrorsOptions });
  hosts = await serveDir(HOSTS_DIR, { host: 'localhost', aliases: { '/vendor/pym.v1.min.js': PYM }, ...collectErrorsOptions });
});
afterAll(async () => {
  await story_?.close();
  await hosts?.close();
});

/**
 * The three launches this file needs (Firefox and WebKit take reduced motion and JavaScript-off only
 * at launch), started together: each is seconds spent mostly waiting for a browser to come up, and
 * the later two would otherwise wait for the tests before them. Closed at the file's end.
 */
const launches = {} as Record<'plain' | 'reducedMotion' | 'noScript', Promise<Engine>>;
beforeAll(() => {
  launches.plain = launchEngine(ENGINE);
  launches.reducedMotion = launchEngine(ENGINE, { reducedMotion: true });
  launches.noScript = launchEngine(ENGINE, { javaScript: false });
  // Each describe awaits its own; a launch that fails before then must not count as unhandled.
  for (const launch of Object.values(launches)) launch.catch(() => undefined);
});
afterAll(async () => {
  await Promise.all(Object.values(launches).map(async (launch) => (await launch.catch(() => null))?.close()));
});

/**
 * Polls fn (in the page) until it returns something truthy. It returns as soon as fn does, so the
 * limit only bounds a failure: 20 s, as WebKit took more than 10 s to hydrate the story on a loaded
 * two-core machine.
 */
async function waitIn<R, A = undefined>(target: Target, what: string, fn: (arg: A) => R, arg?: A, timeout = 20_000): Promise<NonNullable<R>> {
  const end = Date.now() + timeout;
  let last: R | undefined;
  while (Date.now() < end) {
    last = await target.evaluate(fn, arg);
    if (last) return last as NonNullable<R>;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${ENGINE}: timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
}

const hydrated = () => document.documentElement.dataset.scrollSource !== undefined && document.querySelector('[data-active-step]') !== null;

async function openStory(engine: Engine, viewport: { width: number; height: number }, hash = ''): Promise<Tab> {
  const tab = await engine.open(viewport);
  await tab.goto(`${story_.origin}/${hash}`);
  await waitIn(tab, 'the story to hydrate', hydrated);
  return tab;
}

/**
 * Scrolls the document from its top to where the story's section has left the top of the screen (or
 * back) in strides no longer than half the shortest step, letting the page settle after each, and
 * records the active step and aria-current seen. Below that point lies only the appendix, where no
 * step can be active (more than half the page at 390 × 844): walking it added positions, not checks.
 */
function walk(direction: 'down' | 'up') {
  // Two frames (the story reads a scroll in the frame after it), then one task: the render React
  // queued from there (a task of its scheduler's MessageChannel) runs before a message posted after
  // it, even when a loaded machine draws the next frame first. The timer only bounds a stalled frame
  // loop; at 100 ms it cut the wait short while a loaded machine was still loading the graphics
  // (three positions in a row moved on before the page had, and 'opening' was never seen).
  const frame = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 1000);
      requestAnimationFrame(() =>
        requestAnimationFrame(() => {
          clearTimeout(timer);
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve();
          channel.port2.postMessage(null);
        }),
      );
    });
  const read = () => ({
    active: document.querySelector('[data-active-step]')?.getAttribute('data-active-step') ?? null,
    current: [...document.querySelectorAll('[aria-current="step"]')].map((e) => e.getAttribute('data-step')).join(','),
    state: document.querySelector('[data-graphic]')?.getAttribute('data-graphic-state') ?? null,
  });
  return (async () => {
    const sectionEnd = document.querySelector('[data-active-step]')!.getBoundingClientRect().bottom + scrollY;
    const max = Math.min(document.documentElement.scrollHeight - innerHeight, Math.ceil(sectionEnd));
    const shortest = Math.min(...[...document.querySelectorAll('[data-step]')].map((s) => s.getBoundingClientRect().height));
    const stride = Math.max(40, Math.min(innerHeight / 3, shortest / 2));
    const ys: number[] = [];
    for (let y = 0; y < max; y += stride) ys.push(Math.round(y));
    ys.push(max);
    if (direction === 'up') ys.reverse();
    const seen: string[] = [];
    const mismatches: string[] = [];
    for (const y of ys) {
      window.scrollTo(0, y);
      await frame();
      let now = read();
      // React commits a moment after the scroll store moves: give a disagreement a few frames to settle.
      for (let i = 0; i < 4 && now.current !== now.active; i++) {
        await frame();
        now = read();
      }
      if (now.active && seen[seen.length - 1] !== now.active) seen.push(now.active);
      if (now.active && now.current !== now.active) mismatches.push(`at y=${y}: active ${now.active}, aria-current on [${now.current}]`);
    }
    return { seen, mismatches, positions: ys.length, stride: Math.round(stride) };
  })();
}

describe(`${ENGINE}: with JavaScript`, () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await launches.plain;
    console.log(`${ENGINE}: ${engine.version}`);
  });

  test('the page loads with no errors and no failed request; every step is there once, in story order', async () => {
    const before = story_.failures.length;
    const tab = await openStory(engine, PHONE);
    const seen = await tab.evaluate(() => ({
      steps: [...document.querySelectorAll('[data-step]')].map((e) => e.getAttribute('data-step')),
      context: document.documentElement.dataset.embedContext,
      reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches,
      width: innerWidth,
      height: innerHeight,
    }));
    expect(seen.steps).toEqual(STEP_IDS);
    expect(seen.context).toBe('top');
    expect(seen.reducedMotion).toBe(false);
    // The window really is the phone's size (WebKit's window is sized around its toolbar).
    expect([seen.width, seen.height]).toEqual([PHONE.width, PHONE.height]);
    expect(await tab.errors()).toEqual([]);
    expect(story_.failures.slice(before)).toEqual([]);
    await tab.screenshot(join(tmpdir(), `engine-${ENGINE}-390x844.png`));
    await tab.close();
  });

  for (const viewport of [PHONE, DESKTOP]) {
    test(`every step activates in order scrolling down, then up, at ${viewport.width}×${viewport.height}`, async () => {
      const tab = await openStory(engine, viewport);
      const down = await tab.evaluate(walk, 'down' as const);
      const up = await tab.evaluate(walk, 'up' as const);
      console.log(`${ENGINE} ${viewport.width}×${viewport.height}: ${down.positions} positions each way, stride ${down.stride} px`);
      expect(down.seen).toEqual(STEP_IDS);
      expect(up.seen).toEqual([...STEP_IDS].reverse());
      expect([...down.mismatches, ...up.mismatches]).toEqual([]);
      expect(await tab.errors()).toEqual([]);
      await tab.close();
    });
  }

  // Firefox and WebKit set the tables in wider fallback fonts than Chromium (adapter.ts, ENGINE
  // LIMITS: fonts), and the row cards hang on container queries in the container's own em
  // (appendix.css): at 320 × 568 nothing scrolls sideways, nothing is cut, every figure shows its header.
  test('at 320×568 every table of the appendix fits its box, nothing is cut, every figure shows its header', async () => {
    const tab = await engine.open({ width: 320, height: 568 });
    try {
      await tab.goto(`${story_.origin}/`);
      expectTablesToFit(await tab.evaluate(readTablesInPage));
      expect(await tab.errors()).toEqual([]);
    } finally {
      await tab.close();
    }
  });

  test('a deep link lands on its step, with its graphic state, and keeps the hash', async () => {
    const id = 'poll';
    const tab = await openStory(engine, PHONE, `#${id}`);
    const landed = await waitIn(tab, `#${id} to be active`, () => {
      const active = document.querySelector('[data-active-step]')?.getAttribute('data-active-step');
      const step = document.querySelector('[data-step="poll"]')!.getBoundingClientRect();
      const state = document.querySelector('[data-graphic]')?.getAttribute('data-graphic-state');
      return active === 'poll' && state === 'bars:poll' ? { hash: location.hash, top: step.top, bottom: step.bottom, height: innerHeight } : null;
    });
    expect(GRAPHIC_OF[id]).toBe('bars:poll');
    expect(landed.hash).toBe(`#${id}`);
    // The step is on screen.
    expect(landed.top).toBeLessThan(landed.height);
    expect(landed.bottom).toBeGreaterThan(0);
    expect(await tab.errors()).toEqual([]);
    await tab.close();
  });

  for (const viewport of [PHONE, DESKTOP]) {
    test(`the sticky graphic stays pinned (±2 px) while the reader scrolls through the story at ${viewport.width}×${viewport.height}`, async () => {
      const tab = await openStory(engine, viewport);
      const r = await tab.evaluate(async () => {
        const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
        const steps = [...document.querySelectorAll('[data-step]')];
        const docTop = (el: Element) => el.getBoundingClientRect().top + scrollY;
        // From the second step reaching mid-screen to the second-to-last step reaching the top.
        const from = docTop(steps[1]) - innerHeight / 2;
        const to = docTop(steps[steps.length - 2]);
        const tops: number[] = [];
        const heights: number[] = [];
        for (let i = 0; i <= 24; i++) {
          window.scrollTo(0, from + ((to - from) * i) / 24);
          await frame();
          const box = document.querySelector('[data-graphic]')!.getBoundingClientRect();
          tops.push(Math.round(box.top * 10) / 10);
          heights.push(box.height);
        }
        return { tops, scrolled: to - from, minHeight: Math.min(...heights), viewport: innerHeight };
      });
      expect(r.scrolled).toBeGreaterThan(r.viewport);
      expect(r.minHeight).toBeGreaterThan(100);
      expect(Math.max(...r.tops) - Math.min(...r.tops), `graphic tops: ${r.tops.join(', ')}`).toBeLessThanOrEqual(2);
      expect(Math.min(...r.tops)).toBeGreaterThanOrEqual(-2);
      await tab.close();
    });
  }

  test('the embed.js host on another origin: the story frame follows the host page, every step in order', async () => {
    const tab = await engine.open(PHONE);
    await tab.goto(`${hosts.origin}/snippet.html?child=${encodeURIComponent(`${story_.origin}/`)}`);
    // embed.js makes the frame lazily, when the reader comes near it.
    await tab.evaluate(() => document.getElementById('slot')!.scrollIntoView({ block: 'start' }));
    const child = await tab.frame(`${story_.origin}/`);
    const context = await waitIn(child, 'the frame to follow its host', () =>
      document.documentElement.dataset.embedContext === 'auto' && document.querySelector('[data-active-step]') ? 'auto' : null,
    );
    expect(context).toBe('auto');
    // The host has sized the frame to the whole story.
    await waitIn(tab, 'the host to size the frame', () => document.querySelector('iframe')!.getBoundingClientRect().height > 4 * innerHeight);
    // The story records every active step itself, so the host can scroll at its own pace.
    await child.evaluate(() => {
      const root = document.querySelector('[data-active-step]')!;
      const seen = [root.getAttribute('data-active-step')];
      (window as unknown as { __steps: (string | null)[] }).__steps = seen;
      new MutationObserver((records) => {
        for (const r of records) seen.push(r.oldValue, root.getAttribute('data-active-step'));
      }).observe(root, { attributes: true, attributeFilter: ['data-active-step'], attributeOldValue: true });
    });
    // The frame never scrolls itself (auto height), so its section ends at a fixed place in it; past
    // that only the appendix is left, where no step can be active.
    const sectionEnd = await child.evaluate(() => document.querySelector('[data-active-step]')!.getBoundingClientRect().bottom);
    const scrolled = await tab.evaluate(async (end) => {
      const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
      const max = document.documentElement.scrollHeight - innerHeight;
      const iframe = document.querySelector('iframe')!;
      const start = scrollY;
      for (let y = scrollY; y <= max; y += innerHeight / 2) {
        window.scrollTo(0, y);
        await frame();
        await frame();
        if (iframe.getBoundingClientRect().top + end < 0) break;
      }
      return scrollY - start;
    }, sectionEnd);
    const seen = await child.evaluate(() => (window as unknown as { __steps: (string | null)[] }).__steps);
    const distinct = seen.filter((s, i) => s && s !== seen[i - 1]);
    console.log(`${ENGINE} embed.js host: scrolled ${Math.round(scrolled)} px; steps seen ${distinct.length}`);
    expect(distinct.filter((s, i) => s !== distinct[i - 1])).toEqual(STEP_IDS);
    expect(await tab.errors()).toEqual([]);
    await tab.close();
  });

  test('embed.js sticky mode: the graphic frame stays at one place in the host viewport while the host scrolls through the section', async () => {
    const tab = await engine.open(DESKTOP);
    await tab.goto(`${hosts.origin}/snippet.html?child=${encodeURIComponent(`${story_.origin}/`)}`);
    await tab.evaluate(() => document.getElementById('slot')!.scrollIntoView({ block: 'start' }));
    const child = await tab.frame(`${story_.origin}/?`);
    await waitIn(
      child,
      'the story to follow its host',
      () => document.documentElement.dataset.embedContext === 'auto' && document.querySelector('[data-active-step]') !== null,
    );
    await waitIn(tab, 'sticky mode', () => document.querySelector('[data-driscoll-pinned="sticky"] [data-driscoll-graphic]') !== null);
    const graphic = await tab.frame(`${story_.origin}/graphic.html`);
    await waitIn(graphic, 'the graphic frame to draw', () => document.querySelector('[data-graphic][data-drawn] svg') !== null);
    // The whole layer: the graphic frame draws the band and a copy of the step control; the story's own is unseen.
    await waitIn(child, 'the story to hand its graphic layer over', () => document.documentElement.dataset.graphicPinned === 'layer');
    const ownControl = await child.evaluate(() => ({
      status: document.querySelector('.step-nav-status')?.textContent ?? '',
      opacity: getComputedStyle(document.querySelector('.step-nav')!).opacity,
    }));
    expect(ownControl.opacity).toBe('0');
    expect(ownControl.status).toMatch(/12/);
    const sameStatus = (want: string) => (document.querySelector('.step-nav-status')?.textContent === want ? want : null);
    expect(await waitIn(graphic, 'the copy to say what the story says', sameStatus, ownControl.status)).toBe(ownControl.status);
    // The copy takes no pointer: over it the host hit-tests the text frame, whose control is under it.
    const next = await graphic.evaluate(() => document.querySelector('button[aria-label="Next step"]')!.getBoundingClientRect().toJSON() as DOMRect);
    const hit = await tab.evaluate(
      (n: { x: number; y: number; width: number; height: number }) => {
        const f = document.querySelector('[data-driscoll-graphic]')!.getBoundingClientRect();
        const el = document.elementFromPoint(f.left + n.x + n.width / 2, f.top + n.y + n.height / 2);
        return el?.getAttribute('data-driscoll-embed') ?? el?.tagName ?? null;
      },
      { x: next.x, y: next.y, width: next.width, height: next.height },
    );
    expect(hit, 'the text frame under the copy of "Next step"').toBe('driscoll-1');
    const r = await tab.evaluate(async () => {
      const raf = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
      const overlay = document.querySelector('[data-driscoll-overlay]')!;
      const sticky = overlay.firstElementChild as HTMLElement;
      const frame = document.querySelector('[data-driscoll-graphic]')!;
      const stickTop = parseFloat(sticky.style.top);
      const span = overlay.getBoundingClientRect().height - sticky.getBoundingClientRect().height;
      // From the section's top 20 px above the sticky place until its end is 20 px below the sticky box's,
      // 74 px a frame: some 200 frames, a dozen in each step (37 px took 400 frames, 13 s in WebKit's
      // 30 a second, and ran past the test's 120 s on a loaded machine). What is read is layout, the
      // same at any speed; the box is pinned by the host's CSS, not moved per frame.
      window.scrollBy(0, overlay.getBoundingClientRect().top - (stickTop - 20));
      await raf();
      const tops: number[] = [];
      for (let moved = 74; moved <= span - 20; moved += 74) {
        window.scrollBy(0, 74);
        await raf();
        tops.push(Math.round(frame.getBoundingClientRect().top * 10) / 10);
      }
      return { tops, span };
    });
    expect(r.tops.length).toBeGreaterThan(20);
    expect(Math.max(...r.tops) - Math.min(...r.tops), `graphic frame tops: ${r.tops.slice(0, 40).join(', ')}`).toBeLessThanOrEqual(1);
    expect(await tab.errors()).toEqual([]);
    await tab.close();
  });

  test('a plain iframe on another origin (600 px high, desktop): the story scrolls inside its frame, every step in order', async () => {
    // A fixed 600 px frame on a 844 px phone is too short to follow and shows the stacked layout (by design).
    const tab = await engine.open(DESKTOP);
    await tab.goto(`${hosts.origin}/fixed.html?child=${encodeURIComponent(`${story_.origin}/`)}`);
    await tab.evaluate(() => document.querySelector('iframe')!.scrollIntoView({ block: 'start' }));
    const child = await tab.frame(`${story_.origin}/`);
    // The frame shows the stacked layout while it waits to see whether a host will size it, then settles.
    const context = await waitIn(child, 'the frame to settle as fixed', () =>
      document.querySelector('[data-active-step]') && document.documentElement.dataset.embedContext === 'fixed' ? 'fixed' : null,
    );
    expect(context).toBe('fixed');
    const down = await child.evaluate(walk, 'down' as const);
    expect(down.seen).toEqual(STEP_IDS);
    expect(down.mismatches).toEqual([]);
    expect(await tab.errors()).toEqual([]);
    await tab.close();
  });
});

describe(`${ENGINE}: reduced motion`, () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await launches.reducedMotion;
  });

  test('the preference reaches the page, and graphic states change with nothing animating', async () => {
    const tab = await openStory(engine, PHONE);
    expect(await tab.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
    const states: string[] = [];
    for (const id of ['new-region', 'barred', 'crowdfunder', 'poll', 'by-area']) {
      await tab.evaluate((stepId) => {
        document.querySelector(`[data-step="${stepId}"]`)!.scrollIntoView();
        window.scrollBy(0, 10);
      }, id);
      await waitIn(
        tab,
        `${id} to be active`,
        (stepId) =>
          document.querySelector('[data-active-step]')?.getAttribute('data-active-step') === stepId &&
          document.querySelector('[aria-current="step"]')?.getAttribute('data-step') === stepId,
        id,
      );
      const sample = await tab.evaluate(async () => {
        const running: number[] = [];
        for (let i = 0; i < 3; i++) {
          running.push(document.getAnimations().filter((a) => a.playState === 'running').length);
          await new Promise((r) => setTimeout(r, 60));
        }
        return {
          running,
          active: document.querySelector('[data-active-step]')?.getAttribute('data-active-step') ?? '',
          state: document.querySelector('[data-graphic]')?.getAttribute('data-graphic-state') ?? '',
        };
      });
      expect(sample.active).toBe(id);
      expect(sample.running, `running animations at ${id}`).toEqual([0, 0, 0]);
      states.push(sample.state);
    }
    expect(states).toEqual(['new-region', 'barred', 'crowdfunder', 'poll', 'by-area'].map((id) => GRAPHIC_OF[id]));
    expect(await tab.errors()).toEqual([]);
    await tab.close();
  });
});

describe(`${ENGINE}: JavaScript off`, () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await launches.noScript;
  });

  test('the stacked layout: every step, in order, each followed by its own static graphic', async () => {
    const tab = await engine.open(PHONE);
    await tab.goto(`${story_.origin}/`);
    const [html] = await tab.elements('html', ['data-embed-context']);
    // A phone-wide window (less a classic scrollbar at most), so this is the narrow stacked layout.
    expect(html.rect.width).toBeGreaterThan(PHONE.width - 20);
    expect(html.rect.width).toBeLessThanOrEqual(PHONE.width);
    // The boot script would have set this: the page's scripts really did not run.
    expect(html.attrs['data-embed-context']).toBeNull();
    const steps = await tab.elements('[data-step]', ['data-step']);
    const graphics = await tab.elements('[data-static-graphic-state]', ['data-static-graphic-state']);
    expect(steps.map((s) => s.attrs['data-step'])).toEqual(STEP_IDS);
    expect(graphics.map((g) => g.attrs['data-static-graphic-state'])).toEqual(STEP_IDS.map((id) => GRAPHIC_OF[id]));
    const order: string[] = [];
    steps.forEach((s, i) => {
      const g = graphics[i].rect;
      const bottom = s.rect.y + s.rect.height;
      const next = steps[i + 1]?.rect;
      // Stacked: each step holds its own graphic in its lower part, and the next step starts below it.
      const ok = g.height > 100 && g.y > s.rect.y + 50 && g.y + g.height <= bottom + 1 && (!next || next.y >= bottom - 1);
      if (!ok) order.push(`${STEP_IDS[i]}: step ${JSON.stringify(s.rect)}, graphic ${JSON.stringify(g)}`);
    });
    expect(order).toEqual([]);
    // Headings carry soft hyphens (break points put in at prerender), shown only at a line break.
    const text = (await tab.text('body')).replaceAll('\u00ad', '');
    expect(text).toContain(story.headline);
    for (const s of story.steps) expect(text).toContain(s.title);
    await tab.close();
  });
});
