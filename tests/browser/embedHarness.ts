/**
 * Helpers for the embedding tests: the built story on one origin (127.0.0.1), the host fixtures on
 * another (localhost, so the story is cross-site and runs in its own process, as on a news site),
 * and a third origin for a hostile sibling frame. Pym comes from node_modules, never a CDN.
 */
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { DIST, launchBrowser, requireBuild, ROOT, serveDir, waitFor, watchErrors, type PageErrors, type StaticServer } from './harness.ts';

export const HOSTS_DIR = join(ROOT, 'tests/fixtures/hosts');
const PYM = join(ROOT, 'node_modules/pym.js/dist/pym.v1.min.js');

export interface EmbedServers {
  story: StaticServer;
  hosts: StaticServer;
  third: StaticServer;
  close(): Promise<void>;
}

/**
 * The embed tests' shared setup: the three servers (story, hosts, a third origin) and one Chromium,
 * started before the file's tests and closed after them. Read `.browser` and `.servers` inside tests.
 */
export function serveEmbedHosts(): { readonly browser: Browser; readonly servers: EmbedServers } {
  const env = {} as { browser: Browser; servers: EmbedServers };
  beforeAll(async () => {
    requireBuild();
    env.servers = await startEmbedServers();
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.servers?.close();
  });
  return env;
}

export async function startEmbedServers(): Promise<EmbedServers> {
  const story = await serveDir(DIST, { host: '127.0.0.1' });
  const hosts = await serveDir(HOSTS_DIR, { host: 'localhost', aliases: { '/vendor/pym.v1.min.js': PYM } });
  const third = await serveDir(HOSTS_DIR, { host: '127.0.0.1' });
  return {
    story,
    hosts,
    third,
    close: async () => {
      await Promise.all([story.close(), hosts.close(), third.close()]);
    },
  };
}

/** A fixture's file name without .html (tests/fixtures/hosts/<name>.html). */
export type HostName = string;

export interface OpenHost {
  page: Page;
  errors: PageErrors;
  child: Frame;
  close(): Promise<void>;
}

export function hostUrl(servers: EmbedServers, name: HostName): string {
  const params = new URLSearchParams({ child: `${servers.story.origin}/`, evil: `${servers.third.origin}/sibling.html` });
  return `${servers.hosts.origin}/${name}.html?${params}`;
}

/**
 * The first frame of the page that `matches`, once it exists. embed.js frames load lazily: one far
 * below the fold (on a phone) appears only once the reader comes closer, so after a second without
 * it the host is scrolled to the first iframe (the ad's aside). Null after 13 s.
 */
export async function lazyFrame(page: Page, matches: (frame: Frame) => boolean): Promise<Frame | null> {
  const find = () => page.frames().find(matches) ?? null;
  const started = Date.now();
  let nudged = false;
  let frame = find();
  while (!frame && Date.now() - started < 13_000) {
    if (!nudged && Date.now() - started > 1000) {
      nudged = await page.evaluate(() => {
        const iframe = document.querySelector('iframe:not(#ad)');
        iframe?.scrollIntoView({ block: 'start' });
        return iframe !== null;
      });
    }
    await new Promise((r) => setTimeout(r, 50));
    frame = find();
  }
  return frame;
}

/** Opens a host fixture in a fresh context and waits for the story frame to exist. */
export async function openHost(browser: Browser, servers: EmbedServers, name: HostName, options: BrowserContextOptions): Promise<OpenHost> {
  const context = await browser.newContext(options);
  await context.addInitScript(RECORDER);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(hostUrl(servers, name));
  const child = await lazyFrame(page, (f) => f.url().startsWith(`${servers.story.origin}/`));
  if (!child) throw new Error(`${name}: the story frame never appeared`);
  await child.waitForLoadState('load');
  return { page, errors, child, close: () => context.close() };
}

export interface ChildState {
  context: string | undefined;
  source: string | undefined;
  active: string | undefined;
  graphicState: string | null;
  scrollHeight: number;
  docHeight: number;
  innerHeight: number;
  innerWidth: number;
  clientWidth: number;
  scrollY: number;
  transform: string;
}

export async function childState(child: Frame): Promise<ChildState> {
  return child.evaluate(() => {
    const root = document.documentElement;
    const graphic = document.querySelector('[data-graphic]');
    const layer = document.querySelector<HTMLElement>('.graphic-layer');
    return {
      context: root.dataset.embedContext,
      source: root.dataset.scrollSource,
      active:
        document.querySelector<HTMLElement>('[data-active-step]')?.dataset.activeStep ?? document.querySelector<HTMLElement>('.scrolly')?.dataset.activeStep,
      graphicState: graphic?.getAttribute('data-graphic-state') ?? null,
      scrollHeight: root.scrollHeight,
      docHeight: root.getBoundingClientRect().height,
      innerHeight: window.innerHeight,
      innerWidth: window.innerWidth,
      clientWidth: root.clientWidth,
      scrollY: window.scrollY,
      transform: layer?.style.transform ?? '',
    };
  });
}

export async function stepIds(child: Frame): Promise<string[]> {
  return child.evaluate(() => [...document.querySelectorAll<HTMLElement>('.scrolly [data-step]')].map((el) => el.dataset.step ?? ''));
}

/** Waits until the story reports the expected context and scroll source. */
export async function waitForContext(child: Frame, context: string, source?: string, timeout = 8000): Promise<ChildState> {
  let last = await childState(child);
  await waitFor(
    async () => {
      last = await childState(child);
      return last.context === context && (source === undefined || last.source === source);
    },
    { timeout },
  );
  return last;
}

export async function iframeBox(page: Page): Promise<{ top: number; bottom: number; left: number; height: number; width: number }> {
  return page.evaluate(() => {
    const r = document.querySelector('iframe:not(#ad)')!.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, height: r.height, width: r.width };
  });
}

export const hostScrollY = (page: Page) => page.evaluate(() => window.scrollY);

/** Resolves once the value read by fn stays the same for `quiet` ms. */
export async function settle<T>(fn: () => Promise<T>, { quiet = 150, timeout = 4000 } = {}): Promise<T> {
  const end = Date.now() + timeout;
  let last = JSON.stringify(await fn());
  let since = Date.now();
  let value = await fn();
  while (Date.now() < end) {
    await new Promise((r) => setTimeout(r, 40));
    value = await fn();
    const now = JSON.stringify(value);
    if (now !== last) {
      last = now;
      since = Date.now();
    } else if (Date.now() - since >= quiet) break;
  }
  return value;
}

/** The graphic's box in the reader's (main frame) viewport; playwright maps frames for us. */
export async function graphicBox(child: Frame) {
  return child.locator('.graphic-layer').boundingBox();
}

/** Moves the mouse over the frame's visible part, so wheel input goes through the frame. */
export async function pointAtFrame(page: Page): Promise<void> {
  const box = await iframeBox(page);
  const vh = page.viewportSize()!.height;
  const top = Math.max(box.top, 0);
  const bottom = Math.min(box.bottom, vh);
  const y = bottom > top ? (top + bottom) / 2 : vh / 2;
  await page.mouse.move(box.left + Math.min(200, box.width / 2), y);
}

/**
 * Installed in every frame before its scripts: it keeps console warnings, and in the story it
 * records each change of the active step (a MutationObserver on data-active-step), so a test can scroll quickly and read the order
 * afterwards instead of settling after every notch.
 */
export const RECORDER = `(() => {
  const rec = (window.__embedRec = { steps: [] });
  // Console warnings (embed.js names what stops sticky mode), kept for the test to read.
  const warnings = (window.__warnings = []);
  const warn = console.warn;
  console.warn = function (...args) {
    warnings.push(args.map(String).join(' '));
    return warn.apply(this, args);
  };
  const watch = () => {
    const section = document.querySelector('.scrolly');
    if (!section) return void setTimeout(watch, 50);
    const note = () => {
      const s = section.getAttribute('data-active-step') || '';
      if (rec.steps[rec.steps.length - 1] !== s) rec.steps.push(s);
    };
    new MutationObserver(note).observe(section, { attributes: true, attributeFilter: ['data-active-step'] });
    note();
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', watch);
  else watch();
})();`;

/** Takes (and clears) the step changes the story recorded since the last call. */
export async function takeSteps(child: Frame): Promise<string[]> {
  return child.evaluate(() => {
    const rec = (window as unknown as { __embedRec: { steps: string[] } }).__embedRec;
    const out = rec.steps.slice();
    rec.steps = out.length ? [out[out.length - 1]] : [];
    return out;
  });
}

/**
 * The host's geometry in one read: the frame's rect, the element that scrolls the page (a fixture
 * marks an app shell's scroller with data-test-scroller; else the document), and the top inset a
 * reader loses to a sticky header (elements marked data-test-header).
 */
export interface HostGeometry {
  frameTop: number;
  frameBottom: number;
  frameLeft: number;
  frameWidth: number;
  /** The frame's layout height in its own pixels (no zoom or transform). */
  frameLayoutHeight: number;
  vh: number;
  insetTop: number;
  scrollTop: number;
  scrollMax: number;
}

export async function hostGeometry(page: Page): Promise<HostGeometry> {
  return page.evaluate(() => {
    const frame = document.querySelector<HTMLIFrameElement>('iframe:not(#ad)')!;
    const r = frame.getBoundingClientRect();
    const sc = document.querySelector<HTMLElement>('[data-test-scroller]') ?? document.scrollingElement!;
    let inset = 0;
    document.querySelectorAll('[data-test-header]').forEach((h) => {
      const hr = h.getBoundingClientRect();
      if (hr.top <= 1 && hr.bottom > inset) inset = hr.bottom;
    });
    return {
      frameTop: r.top,
      frameBottom: r.bottom,
      frameLeft: r.left,
      frameWidth: r.width,
      frameLayoutHeight: frame.clientHeight,
      vh: window.innerHeight,
      insetTop: inset,
      scrollTop: sc.scrollTop,
      scrollMax: sc.scrollHeight - sc.clientHeight,
    };
  });
}

/** Scrolls the host's scroller by dy (host CSS px), instantly. */
export async function hostScrollBy(page: Page, dy: number): Promise<void> {
  await page.evaluate((d) => {
    const sc = document.querySelector<HTMLElement>('[data-test-scroller]') ?? document.scrollingElement!;
    sc.scrollBy({ top: d, behavior: 'instant' });
  }, dy);
}

/**
 * Scrolls the host from one frame-relative place to another in steps of `step` px, two animation
 * frames per step, in one call: fast, and slow enough for the story to see every step.
 * from/to are where the frame's top should be in the viewport (so -2000 = 2000 px scrolled in).
 */
export async function sweep(page: Page, from: number, to: number, step: number): Promise<void> {
  await page.evaluate(
    async ({ from, to, step }) => {
      const sc = document.querySelector<HTMLElement>('[data-test-scroller]') ?? document.scrollingElement!;
      const frame = document.querySelector('iframe:not(#ad)')!;
      const raf = () => new Promise((r) => requestAnimationFrame(r));
      const place = (top: number) => sc.scrollBy({ top: frame.getBoundingClientRect().top - top, behavior: 'instant' });
      const dir = Math.sign(to - from) || 1;
      for (let t = from; dir > 0 ? t <= to : t >= to; t += dir * step) {
        place(t);
        await raf();
        await raf();
      }
      place(to);
    },
    { from, to, step },
  );
}

/** Puts the frame's top at this offset in the host's viewport (negative: scrolled into the frame). */
export async function placeFrameAt(page: Page, top: number): Promise<void> {
  await sweep(page, top, top, 1);
}

/** The story's geometry in its own pixels: content height, steps, the section. */
export async function storyGeometry(child: Frame) {
  return child.evaluate(() => {
    const section = document.querySelector('.scrolly')!.getBoundingClientRect();
    const steps = [...document.querySelectorAll<HTMLElement>('.scrolly [data-step]')].map((el) => {
      const r = el.getBoundingClientRect();
      return { id: el.dataset.step ?? '', top: r.top + window.scrollY, height: r.height };
    });
    return {
      contentHeight: document.documentElement.getBoundingClientRect().height,
      innerHeight: window.innerHeight,
      innerWidth: window.innerWidth,
      scrollY: window.scrollY,
      sectionTop: section.top + window.scrollY,
      sectionHeight: section.height,
      steps,
    };
  });
}

/** Checks that a recorded sequence of steps runs in order (one way) and covers every step. */
export function orderProblems(seen: string[], ids: string[], direction: 1 | -1): string[] {
  const problems: string[] = [];
  const idx = seen.filter((s) => s !== '').map((s) => ids.indexOf(s));
  for (let i = 1; i < idx.length; i++) {
    if (direction * (idx[i] - idx[i - 1]) < 0) problems.push(`out of order: ${seen.join(',')}`);
  }
  for (let i = 0; i < ids.length; i++) if (!idx.includes(i)) problems.push(`step ${ids[i]} never active: ${seen.join(',')}`);
  return [...new Set(problems)];
}

/**
 * How much of the graphic lies in the reader's visible area: the host viewport less its sticky
 * header, and (for a frame that scrolls inside) the frame's visible part. The graphic the reader
 * sees: in embed.js's sticky mode, once the story has handed over its layer, the graphic frame's.
 */
export async function graphicVisibility(h: OpenHost): Promise<{ share: number; graphic: { y: number; height: number } | null; area: [number, number] }> {
  const [geo, inner] = await Promise.all([
    hostGeometry(h.page),
    h.child.evaluate(() => {
      const el = document.querySelector('[data-graphic]');
      const r = el?.getBoundingClientRect();
      return r ? { top: r.top, height: r.height, width: window.innerWidth, pinned: document.documentElement.dataset.graphicPinned === 'layer' } : null;
    }),
  ]);
  const top = Math.max(geo.insetTop, geo.frameTop, 0);
  const bottom = Math.min(geo.vh, geo.frameBottom);
  if (!inner || inner.height <= 0) return { share: 0, graphic: null, area: [top, bottom] };
  const box = inner.pinned ? await pinnedGraphicInHost(h.page) : inHost(geo, inner);
  const inside = Math.max(0, Math.min(bottom, box.y + box.height) - Math.max(top, box.y));
  return { share: inside / box.height, graphic: box, area: [top, bottom] };
}

/**
 * A box inside the story (its own viewport's pixels) in the host's viewport. Computed, not asked
 * of playwright: its boundingBox ignores a host's CSS zoom around the frame.
 */
export function inHost(geo: HostGeometry, inner: { top: number; height: number; width: number }): { y: number; height: number } {
  const scale = geo.frameWidth / inner.width;
  return { y: geo.frameTop + inner.top * scale, height: inner.height * scale };
}

export type Box = { left: number; top: number; width: number; height: number };

/**
 * A box a frame reports in its own pixels (`inner`, read there), in the host's viewport: offset by
 * the frame element's place (`frameSelector` in the host). For sticky mode, which is never scaled.
 */
export async function frameBoxInHost(page: Page, frameSelector: string, inner: Promise<Box>): Promise<Box> {
  const [outer, box] = await Promise.all([page.evaluate((s) => document.querySelector(s)!.getBoundingClientRect().toJSON() as Box, frameSelector), inner]);
  return { left: outer.left + box.left, top: outer.top + box.top, width: box.width, height: box.height };
}

/** An element's box in the host's viewport: `selector` in `frame`, the frame element being `frameSelector` in the host. */
export function boxInHost(page: Page, frameSelector: string, frame: Frame, selector: string): Promise<Box> {
  return frameBoxInHost(
    page,
    frameSelector,
    frame.evaluate((s) => document.querySelector(s)!.getBoundingClientRect().toJSON() as Box, selector),
  );
}

/** The graphic embed.js's graphic frame draws (sticky mode), in the host's viewport. */
async function pinnedGraphicInHost(page: Page): Promise<{ y: number; height: number }> {
  const frame = page.frames().find((f) => /\/graphic\.html/.test(f.url()))!;
  const box = await boxInHost(page, '[data-driscoll-graphic]', frame, '[data-graphic]');
  return { y: box.top, height: box.height };
}

/** The story's "Next step" button in the host's viewport. */
export async function nextButtonBox(h: OpenHost): Promise<{ y: number; height: number } | null> {
  const [geo, inner] = await Promise.all([
    hostGeometry(h.page),
    h.child.evaluate(() => {
      const r = document.querySelector('button[aria-label="Next step"]')?.getBoundingClientRect();
      return r ? { top: r.top, height: r.height, width: window.innerWidth } : null;
    }),
  ]);
  return inner ? inHost(geo, inner) : null;
}
