/**
 * The story in every kind of host: a host page on http://localhost:<p>, the built story on
 * http://127.0.0.1:<q> (cross-site, so an out-of-process frame as on a news site). The host is
 * scrolled with real wheel input over the frame; the story's state is read from its attributes.
 */
import type { Browser, BrowserContextOptions, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DESKTOP, launchBrowser, PHONE, requireBuild, waitFor } from './harness.ts';
import {
  childState,
  graphicBox,
  hostScrollY,
  iframeBox,
  openHost,
  pointAtFrame,
  settle,
  startEmbedServers,
  stepIds,
  waitForContext,
  type EmbedServers,
  type HostName,
  type OpenHost,
} from './embedHarness.ts';

let browser: Browser;
let servers: EmbedServers;

beforeAll(async () => {
  requireBuild();
  servers = await startEmbedServers();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await servers?.close();
});

interface Expectation {
  host: HostName;
  context: 'fixed' | 'auto' | 'stacked';
  source: 'native' | 'relay' | 'pym' | 'probe';
}

const HOSTS: Expectation[] = [
  { host: 'fixed', context: 'fixed', source: 'native' },
  { host: 'snippet', context: 'auto', source: 'relay' },
  { host: 'pym-trackscroll', context: 'auto', source: 'pym' },
  { host: 'pym-plain', context: 'auto', source: 'pym' },
  { host: 'resize-only', context: 'auto', source: 'probe' },
  { host: 'short-fixed', context: 'stacked', source: 'native' },
];

const AUTO_HOSTS = HOSTS.filter((h) => h.context === 'auto');

/** Puts the frame's top this far down the host's viewport (frames load below the fold). */
async function placeFrame(page: Page, topInViewport: number): Promise<void> {
  await page.evaluate((top) => {
    const r = document.querySelector('iframe:not(#ad)')!.getBoundingClientRect();
    window.scrollTo(0, window.scrollY + r.top - top);
  }, topInViewport);
}

interface Sample {
  index: number;
  hostY: number;
  childY: number;
  /** Visible area of the frame in the reader's viewport. */
  visibleTop: number;
  visibleBottom: number;
  section: { y: number; height: number } | null;
  graphic: { y: number; height: number } | null;
}

async function sample(h: OpenHost, ids: string[]): Promise<Sample> {
  const settled = await settle(async () => {
    const s = await childState(h.child);
    return { s, g: await graphicBox(h.child), y: await hostScrollY(h.page) };
  });
  const box = await iframeBox(h.page);
  const vh = h.page.viewportSize()!.height;
  return {
    index: ids.indexOf(settled.s.active ?? ''),
    hostY: settled.y,
    childY: settled.s.scrollY,
    visibleTop: Math.max(0, box.top),
    visibleBottom: Math.min(vh, box.bottom),
    section: await h.child.locator('.scrolly').boundingBox(),
    graphic: settled.g,
  };
}

/**
 * Wheels over the frame until the story stops moving, sampling after every notch. The notch is
 * well under the shortest step, so no step can be skipped by the sampling itself.
 */
async function wheelThrough(h: OpenHost, ids: string[], direction: 1 | -1, notch = 220): Promise<Sample[]> {
  const samples = [await sample(h, ids)];
  let still = 0;
  for (let i = 0; i < 400 && still < 2; i++) {
    await pointAtFrame(h.page);
    await h.page.mouse.wheel(0, direction * notch);
    const s = await sample(h, ids);
    const prev = samples[samples.length - 1];
    still = s.hostY === prev.hostY && s.childY === prev.childY ? still + 1 : 0;
    samples.push(s);
    const done = direction === 1 ? s.index === ids.length - 1 && s.section !== null && s.section.y + s.section.height < s.visibleTop : s.index === -1;
    if (done) break;
  }
  return samples;
}

function expectOrdered(samples: Sample[], count: number, direction: 1 | -1): void {
  const indices = samples.map((s) => s.index);
  for (let i = 1; i < indices.length; i++) {
    if (direction === 1) expect(indices[i], `step order going down: ${indices.join(',')}`).toBeGreaterThanOrEqual(indices[i - 1]);
    else expect(indices[i], `step order going up: ${indices.join(',')}`).toBeLessThanOrEqual(indices[i - 1]);
  }
  const seen = new Set(indices);
  for (let i = 0; i < count; i++) expect(seen.has(i), `step ${i} was never active: ${indices.join(',')}`).toBe(true);
}

/**
 * Whenever a step is active while the story section fills the visible area, the graphic lies
 * wholly inside it. (Past the story's end the last step stays active while the graphic leaves
 * with its section, by design, so those samples are not checked.)
 */
function expectGraphicInView(samples: Sample[]): number {
  let checked = 0;
  for (const s of samples) {
    if (s.index < 0 || !s.section) continue;
    const spans = s.section.y <= s.visibleTop + 1 && s.section.y + s.section.height >= s.visibleBottom - 1;
    if (!spans) continue;
    expect(s.graphic, 'graphic layer is rendered').not.toBeNull();
    const g = s.graphic!;
    expect(g.y, `graphic top at host y ${s.hostY}`).toBeGreaterThanOrEqual(s.visibleTop - 1);
    expect(g.y + g.height, `graphic bottom at host y ${s.hostY}`).toBeLessThanOrEqual(s.visibleBottom + 1);
    // Pinned to the top of the view (the engine's sticky mode), whichever feed placed it.
    expect(Math.abs(g.y - s.visibleTop), `graphic offset at host y ${s.hostY}`).toBeLessThanOrEqual(2);
    checked += 1;
  }
  return checked;
}

async function readAll(child: Frame, selector: string): Promise<number> {
  return child.evaluate((sel) => document.querySelectorAll(sel).length, selector);
}

describe.each(HOSTS)('host $host', ({ host, context, source }) => {
  test(`is ${context}/${source}; wheel over the frame steps through the story in order, down and up`, async () => {
    const h = await openHost(browser, servers, host, DESKTOP);
    try {
      await placeFrame(h.page, context === 'auto' ? 300 : 100);
      const state = await waitForContext(h.child, context, source);
      expect([state.context, state.source]).toEqual([context, source]);
      const ids = await stepIds(h.child);
      expect(ids.length).toBeGreaterThan(5);

      const down = await wheelThrough(h, ids, 1);
      expectOrdered(down, ids.length, 1);
      const up = await wheelThrough(h, ids, -1);
      expectOrdered(up, ids.length, -1);

      if (context === 'stacked') {
        // Each step carries its own static graphic; the scrolly graphic stays hidden.
        expect(await readAll(h.child, '.scrolly [data-step] .step-static-graphic svg')).toBeGreaterThanOrEqual(ids.length);
        expect(await graphicBox(h.child)).toBeNull();
      } else {
        const checked = expectGraphicInView([...down, ...up]);
        expect(checked, 'samples with the story filling the view').toBeGreaterThan(ids.length);
      }
      // Still the same context after all that scrolling: no flapping.
      const after = await childState(h.child);
      expect([after.context, after.source]).toEqual([context, source]);
      expect(h.errors.errors).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

describe.each(AUTO_HOSTS)('auto-height host $host', ({ host, source }) => {
  test('the frame is exactly as tall as the story, with no inner scrollbar and no resize loop', async () => {
    const h = await openHost(browser, servers, host, DESKTOP);
    try {
      // A cross-origin frame off-screen is not resized by the browser: keep it on screen.
      await placeFrame(h.page, 200);
      await waitForContext(h.child, 'auto', source);
      const expectExact = async (label: string) => {
        // Let the rewrap, the report and the host's resize all land first.
        const { s, box } = await settle(
          async () => {
            const [st, b] = await Promise.all([childState(h.child), iframeBox(h.page)]);
            return { s: st, box: b };
          },
          { quiet: 600, timeout: 8000 },
        );
        expect(Math.round(s.innerWidth), `${label}: the story has the frame's width`).toBe(Math.round(box.width));
        expect(Math.abs(box.height - s.scrollHeight), `${label}: frame height ${box.height} equals the story height ${s.scrollHeight}`).toBeLessThanOrEqual(1);
        expect(s.innerHeight).toBeGreaterThanOrEqual(s.scrollHeight - 1);
        expect(s.clientWidth, `${label}: no inner scrollbar`).toBe(s.innerWidth);
        expect(s.scrollY).toBe(0);
        return s.scrollHeight;
      };
      const stableFor = async (ms: number) => {
        const heights = new Set<number>();
        const end = Date.now() + ms;
        while (Date.now() < end) {
          heights.add(Math.round((await iframeBox(h.page)).height));
          await new Promise((r) => setTimeout(r, 100));
        }
        return [...heights];
      };

      const initial = await expectExact('initial');
      await h.page.mouse.move(300, 400);
      await h.page.mouse.wheel(0, 1500);
      await settle(() => hostScrollY(h.page));
      expect((await childState(h.child)).scrollY, 'the story itself never scrolls').toBe(0);

      // Mobile toolbars change only the viewport height: the story's height must not follow.
      for (const height of [600, 500, 800]) {
        await h.page.setViewportSize({ width: 1280, height });
        await placeFrame(h.page, -1500);
        await new Promise((r) => setTimeout(r, 400));
        expect(await stableFor(600), `viewport height ${height}`).toEqual([initial]);
      }

      // Width changes rewrap the text: the frame follows, then holds still (no loop).
      const byWidth = new Map<number, number>();
      for (const width of [390, 1280, 390, 1280, 700]) {
        await h.page.setViewportSize({ width, height: 800 });
        await placeFrame(h.page, -1500);
        const exact = await expectExact(`width ${width}`);
        const held = await stableFor(1500);
        expect(held, `width ${width}: height holds`).toEqual([exact]);
        if (byWidth.has(width)) expect(exact, `width ${width}: same height as last time`).toBe(byWidth.get(width));
        byWidth.set(width, exact);
      }
      expect(byWidth.get(390)!).toBeGreaterThan(byWidth.get(1280)!);
      expect(h.errors.errors).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

describe('jumps', () => {
  test.each(['snippet', 'pym-trackscroll', 'pym-plain', 'resize-only'] as HostName[])(
    '%s: a jump from top to bottom lands on the final state',
    async (host) => {
      const top = await browser.newContext(DESKTOP);
      const page = await top.newPage();
      await page.goto(`${servers.story.origin}/`);
      await page.evaluate(() => window.scrollTo(0, document.scrollingElement!.scrollHeight));
      const ids = await stepIds(page.mainFrame());
      const lastId = ids[ids.length - 1];
      // The top-level page is the oracle for the final state.
      const onTop = await waitFor(async () => {
        const s = await childState(page.mainFrame());
        return s.active === lastId ? s : null;
      });
      await top.close();
      expect(onTop, 'the top-level page reaches the last step').toBeTruthy();
      const finalState = onTop!.graphicState;

      const h = await openHost(browser, servers, host, DESKTOP);
      try {
        await placeFrame(h.page, 300);
        await waitForContext(h.child, 'auto');
        await h.page.evaluate(() => window.scrollTo(0, 0));
        await new Promise((r) => setTimeout(r, 200));
        await h.page.evaluate(() => window.scrollTo(0, document.scrollingElement!.scrollHeight));
        let last = await childState(h.child);
        await waitFor(
          async () => {
            last = await childState(h.child);
            return last.active === lastId && last.graphicState === finalState;
          },
          { timeout: 3000 },
        );
        expect([last.active, last.graphicState], 'final step and graphic state after the jump').toEqual([lastId, finalState]);
        // And back to the story's top: no step is active any more.
        await placeFrame(h.page, 0);
        const back = await waitFor(async () => ((await childState(h.child)).active === '' ? true : null), { timeout: 3000 });
        expect(back).toBe(true);
        expect(h.errors.errors).toEqual([]);
      } finally {
        await h.close();
      }
    },
  );
});

describe('keyboard', () => {
  test.each([
    ['snippet', DESKTOP],
    ['pym-trackscroll', DESKTOP],
    ['resize-only', DESKTOP],
    ['fixed', DESKTOP],
    ['snippet', PHONE],
  ] as [HostName, BrowserContextOptions][])('%s: stepping through with the keyboard scrolls the host to each step', async (host, device) => {
    const h = await openHost(browser, servers, host, device);
    try {
      const vh = h.page.viewportSize()!.height;
      await placeFrame(h.page, host === 'fixed' ? 50 : 300);
      await waitForContext(h.child, host === 'fixed' ? 'fixed' : 'auto');
      const ids = await stepIds(h.child);
      const next = h.child.locator('button[aria-label="Next step"]');
      await next.focus();
      for (let i = 0; i < 4; i++) {
        await h.page.keyboard.press('ArrowDown');
        let active = (await childState(h.child)).active;
        await waitFor(
          async () => {
            active = (await childState(h.child)).active;
            return active === ids[i];
          },
          { timeout: 4000 },
        );
        expect(active, `ArrowDown #${i + 1}`).toBe(ids[i]);
        const card = await settle(() => h.child.locator(`[data-step="${ids[i]}"] .step-card`).boundingBox());
        expect(card, `${ids[i]} card`).not.toBeNull();
        // The step's card is on the reader's screen (in the host's viewport).
        expect(card!.y).toBeGreaterThanOrEqual(-1);
        expect(card!.y).toBeLessThan(vh - 40);
      }
      await h.page.keyboard.press('ArrowUp');
      const back = await waitFor(async () => ((await childState(h.child)).active === ids[2] ? true : null), { timeout: 4000 });
      expect(back, 'ArrowUp goes back one step').toBe(true);
      expect(h.errors.errors).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

describe('phone', () => {
  test.each([
    ['snippet', 'relay'],
    ['resize-only', 'probe'],
  ] as [HostName, string][])('%s on a phone: steps in order with the graphic in view', async (host, source) => {
    const h = await openHost(browser, servers, host, PHONE);
    try {
      await placeFrame(h.page, 300);
      await waitForContext(h.child, 'auto', source);
      const ids = await stepIds(h.child);
      const down = await wheelThrough(h, ids, 1, 200);
      expectOrdered(down, ids.length, 1);
      expect(expectGraphicInView(down)).toBeGreaterThan(ids.length);
      expect(h.errors.errors).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

describe('fall-back', () => {
  test('when the host script stops, the story falls back to the probe and keeps working', async () => {
    const h = await openHost(browser, servers, 'snippet', DESKTOP);
    try {
      await placeFrame(h.page, 300);
      await waitForContext(h.child, 'auto', 'relay');
      const ids = await stepIds(h.child);
      await h.page.evaluate(() => (window as unknown as { DriscollEmbed: { destroy(): void } }).DriscollEmbed.destroy());
      const t0 = Date.now();
      let state = await childState(h.child);
      while (state.source !== 'probe' && Date.now() - t0 < 5000) {
        await pointAtFrame(h.page);
        await h.page.mouse.wheel(0, 120);
        await new Promise((r) => setTimeout(r, 100));
        state = await childState(h.child);
      }
      expect(state.source).toBe('probe');
      expect(Date.now() - t0, 'fell back within about a second of scrolling').toBeLessThan(2500);
      const down = await wheelThrough(h, ids, 1);
      expectOrdered(
        down.filter((s) => s.index >= ids.indexOf(state.active ?? '')),
        0,
        1,
      );
      expect(down[down.length - 1].index).toBe(ids.length - 1);
      expect(h.errors.errors).toEqual([]);
    } finally {
      await h.close();
    }
  });
});

test('a top-level page is top/native', async () => {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  await page.goto(`${servers.story.origin}/`);
  const state = await waitForContext(page.mainFrame(), 'top', 'native');
  expect([state.context, state.source]).toEqual(['top', 'native']);
  await context.close();
});
