/**
 * Helpers for the embedding tests: the built story on one origin (127.0.0.1), the host fixtures on
 * another (localhost, so the story is cross-site and runs in its own process, as on a news site),
 * and a third origin for a hostile sibling frame. Pym comes from node_modules, never a CDN.
 */
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Frame, Page } from 'playwright-core';
import { DIST, ROOT, serveDir, waitFor, watchErrors, type PageErrors, type StaticServer } from './harness.ts';

export const HOSTS_DIR = join(ROOT, 'tests/fixtures/hosts');
const PYM = join(ROOT, 'node_modules/pym.js/dist/pym.v1.min.js');

export interface EmbedServers {
  story: StaticServer;
  hosts: StaticServer;
  third: StaticServer;
  close(): Promise<void>;
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

export type HostName = 'fixed' | 'snippet' | 'pym-trackscroll' | 'pym-plain' | 'resize-only' | 'short-fixed' | 'evil';

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

/** Opens a host fixture in a fresh context and waits for the story frame to exist. */
export async function openHost(browser: Browser, servers: EmbedServers, name: HostName, options: BrowserContextOptions): Promise<OpenHost> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(hostUrl(servers, name));
  const find = async () => page.frames().find((f) => f.url().startsWith(`${servers.story.origin}/`)) ?? null;
  let child = await waitFor(find, { timeout: 3000 });
  if (!child) {
    // embed.js frames load lazily: far below the fold on a phone, bring the reader closer.
    await page.evaluate(() => document.querySelector('iframe:not(#ad)')?.scrollIntoView({ block: 'start' }));
    child = await waitFor(find, { timeout: 10_000 });
  }
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
