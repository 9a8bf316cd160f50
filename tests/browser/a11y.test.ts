/**
 * Issue #5, accessibility gate in Chromium:
 *  - axe-core, WCAG 2.2 AA rules (wcag2a/aa, wcag21a/aa, wcag22a/aa), at load and at every step's
 *    state, at 390x844 and 1280x800, top-level and inside a cross-origin fixed-height iframe;
 *  - keyboard only: Tab reaches every control with a visible focus indicator, and the step control
 *    steps through the whole story;
 *  - 320 px wide and 200% zoom: no horizontal scrolling at any step;
 *  - forced colours: the bars and their labels still show.
 * Motion is reduced in the axe runs so every check sees a settled state, not a frame mid-transition.
 */
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DESKTOP, DIST, launchBrowser, PHONE, requireBuild, ROOT, serveDir, waitFor, type StaticServer } from './harness.ts';
import { activeStep, describeViolations, graphicDrawn, horizontalOverflow, runAxe, scrollToStep, settle, STEP_IDS } from './qualityHarness.ts';

let browser: Browser;
let story: StaticServer;
let host: StaticServer;

beforeAll(async () => {
  requireBuild();
  // The story on 127.0.0.1 and the host article on localhost: different sites, so the iframe is
  // cross-origin (and out of process), as on a news site.
  story = await serveDir(DIST, { host: '127.0.0.1' });
  host = await serveDir(join(ROOT, 'tests/fixtures'), { host: 'localhost' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await story?.close();
  await host?.close();
});

const SIZES: [string, BrowserContextOptions][] = [
  ['390x844', PHONE],
  ['1280x800', DESKTOP],
];

const storyUrl = () => `${story.origin}/`;
const hostUrl = () => `${host.origin}/a11y-host.html?src=${encodeURIComponent(storyUrl())}`;

async function hydrated(target: Page | Frame): Promise<void> {
  await target.waitForFunction(() => document.documentElement.dataset.embedContext !== undefined && document.querySelector('[data-active-step]') !== null);
  await settle(target);
}

const embedContext = (target: Page | Frame) => target.evaluate(() => document.documentElement.dataset.embedContext ?? null);

/**
 * axe at load, then at each step in story order; returns every violation, labelled. If the page
 * drops to the stacked layout on the way (an embed that gives up on scrolling), every step's state
 * is then rendered at once, statically, so one more axe run covers them all; the drop is reported.
 */
async function axeEveryStep(target: Page | Frame, where: string): Promise<{ problems: string[]; runs: number; reached: string[]; notes: string[] }> {
  const problems = describeViolations(`${where} at load`, await runAxe(target));
  const reached: string[] = [];
  const notes: string[] = [];
  let runs = 1;
  const startContext = await embedContext(target);
  for (const id of STEP_IDS) {
    const seen = await scrollToStep(target, id);
    const now = await embedContext(target);
    if (now === 'stacked' && startContext !== 'stacked') {
      notes.push(
        `WARNING ${where}: data-embed-context went from ${startContext} to stacked after scrolling to step ${id}; checked the stacked layout (every state, static) instead of stepping on`,
      );
      problems.push(...describeViolations(`${where} stacked`, await runAxe(target)));
      runs++;
      break;
    }
    if (seen === id) reached.push(id);
    else problems.push(`${where}: step ${id} never became active (saw ${seen})`);
    problems.push(...describeViolations(`${where} step ${id}`, await runAxe(target)));
    runs++;
  }
  return { problems, runs, reached, notes };
}

describe('axe-core, WCAG 2.2 AA, zero violations', () => {
  for (const [size, options] of SIZES) {
    test(`top-level page at ${size}, at load and every step`, async () => {
      const context = await browser.newContext({ ...options, reducedMotion: 'reduce' });
      const page = await context.newPage();
      await page.goto(storyUrl(), { waitUntil: 'load' });
      await hydrated(page);
      const { problems, runs, reached } = await axeEveryStep(page, `top ${size}`);
      expect(reached).toEqual(STEP_IDS);
      await context.close();
      console.log(`axe top-level ${size}: ${runs} runs, ${reached.length}/${STEP_IDS.length} steps reached, ${problems.length} problem(s)`);
      for (const p of problems) console.log(`  ${p}`);
      expect(problems).toEqual([]);
    });

    test(`inside a cross-origin fixed-height iframe at ${size}, at load and every step`, async () => {
      const context = await browser.newContext({ ...options, reducedMotion: 'reduce' });
      const page = await context.newPage();
      await page.goto(hostUrl(), { waitUntil: 'load' });
      const frame = await waitFor(async () => page.frames().find((f) => f.url().startsWith(story.origin)) ?? null, { timeout: 10_000 });
      expect(frame, 'the story iframe did not load').not.toBeNull();
      if (!frame) return;
      await frame.waitForLoadState('load');
      await hydrated(frame);
      // In a frame the page shows the stacked layout until it has measured the frame and waited
      // for a host that might size it; a 600 px frame nobody resizes then settles on "fixed".
      await frame.waitForFunction(() => document.documentElement.dataset.embedContext === 'fixed', null, { timeout: 10_000 }).catch(() => {});
      expect(await frame.evaluate(() => document.documentElement.dataset.embedContext)).toBe('fixed');
      const hostProblems = describeViolations(`host page ${size}`, await runAxe(page));
      const { problems, runs, reached, notes } = await axeEveryStep(frame, `iframe ${size}`);
      const finalContext = await embedContext(frame);
      await context.close();
      console.log(
        `axe iframe ${size} (data-embed-context=${finalContext}): ${runs} runs, ${reached.length}/${STEP_IDS.length} steps reached, ${problems.length} problem(s)`,
      );
      for (const n of notes) console.warn(n);
      for (const p of [...hostProblems, ...problems]) console.log(`  ${p}`);
      expect([...hostProblems, ...problems]).toEqual([]);
    });
  }
});

interface Focused {
  key: string;
  label: string;
  inViewport: boolean;
  indicator: boolean;
}

/** Describes document.activeElement: identity, whether it is on screen, whether focus is visible. */
function describeFocus(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body || el === document.documentElement) return null;
    const keys = (window as unknown as { __tabKeys?: WeakMap<Element, number> }).__tabKeys;
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
    const shadow = s.boxShadow !== 'none';
    return {
      key: `${el.tagName.toLowerCase()}#${keys?.get(el) ?? 'new'}`,
      label: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`,
      inViewport: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
      indicator: outline || shadow,
    };
  });
}

/** Every element a keyboard user should be able to Tab to, keyed (in a WeakMap) for describeFocus. */
function tabbables(page: Page): Promise<{ key: string; label: string }[]> {
  return page.evaluate(() => {
    const keys = new WeakMap<Element, number>();
    (window as unknown as { __tabKeys: typeof keys }).__tabKeys = keys;
    const sel =
      'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';
    return [...document.querySelectorAll<HTMLElement>(sel)]
      .filter((el) => el.tabIndex >= 0 && el.checkVisibility({ checkVisibilityCSS: true }) && !el.closest('[inert]'))
      .map((el, i) => ({
        key: `${el.tagName.toLowerCase()}#${(keys.set(el, i), i)}`,
        label: `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`,
      }));
  });
}

describe('keyboard only', () => {
  for (const [size, options] of SIZES) {
    test(`at ${size}: Tab reaches every control, each on screen with a visible focus indicator`, async () => {
      const context = await browser.newContext({ ...options, reducedMotion: 'reduce' });
      const page = await context.newPage();
      await page.goto(storyUrl(), { waitUntil: 'load' });
      await hydrated(page);
      const expected = await tabbables(page);
      const seen = new Map<string, Focused>();
      let first: string | null = null;
      for (let i = 0; i < expected.length + 20; i++) {
        await page.keyboard.press('Tab');
        const f = await describeFocus(page);
        if (!f) continue;
        if (f.key === first) break;
        first ??= f.key;
        seen.set(f.key, f);
      }
      await context.close();
      const unreached = expected.filter((e) => !seen.has(e.key)).map((e) => e.label);
      const offscreen = [...seen.values()].filter((f) => !f.inViewport).map((f) => f.label);
      const noIndicator = [...seen.values()].filter((f) => !f.indicator).map((f) => f.label);
      console.log(
        `keyboard ${size}: ${expected.length} tabbable controls, ${seen.size} reached by Tab; off-screen when focused ${offscreen.length}; without focus indicator ${noIndicator.length}`,
      );
      expect(expected.length).toBeGreaterThan(0);
      expect(unreached).toEqual([]);
      expect(offscreen).toEqual([]);
      expect(noIndicator).toEqual([]);
    });
  }

  test('the step control steps through the whole story and back, with the keyboard alone', async () => {
    const context = await browser.newContext({ ...DESKTOP, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(storyUrl(), { waitUntil: 'load' });
    await hydrated(page);
    // Tab until the "Next step" button has focus, as a keyboard user would.
    let tabs = 0;
    while (!(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') === 'Next step')) && tabs < 60) {
      await page.keyboard.press('Tab');
      tabs++;
    }
    expect(tabs, '"Next step" was never reached by Tab').toBeLessThan(60);
    const forward: (string | null)[] = [];
    for (let i = 0; i < STEP_IDS.length; i++) {
      // Whatever the page does with focus after a step change, the next press must still step on:
      // Enter on the focused button, or, if focus moved into the story, Tab back to the control.
      const onButton = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') === 'Next step');
      if (!onButton)
        throw new Error(
          `after step ${forward.at(-1)} focus left the Next button (now on ${await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))})`,
        );
      await page.keyboard.press('Enter');
      const want = STEP_IDS[i];
      await waitFor(async () => (await activeStep(page)) === want, { timeout: 10_000 });
      forward.push(await activeStep(page));
    }
    // At the last step "Next" is disabled; focus must stay in the step control, not drop to <body>.
    const focusAtEnd = await page.evaluate(() => {
      const el = document.activeElement;
      return el?.closest('nav') ? 'in the step control' : `${el?.tagName.toLowerCase()}${el?.className ? `.${String(el.className)}` : ''}`;
    });
    expect(forward).toEqual(STEP_IDS);
    expect(focusAtEnd, `after the last "Next" focus fell to ${focusAtEnd}`).toBe('in the step control');
    // Arrow keys work while focus is in the control: back to the first step.
    const backward: (string | null)[] = [];
    for (let i = STEP_IDS.length - 2; i >= 0; i--) {
      await page.keyboard.press('ArrowUp');
      await waitFor(async () => (await activeStep(page)) === STEP_IDS[i], { timeout: 10_000 });
      backward.push(await activeStep(page));
    }
    await context.close();
    console.log(`keyboard: Next x${STEP_IDS.length} -> ${forward.join(' > ')}; focus at the last step: ${focusAtEnd}; ArrowUp back to ${backward.at(-1)}`);
    expect(backward).toEqual(STEP_IDS.slice(0, -1).reverse());
  });
});

describe('no horizontal scrolling', () => {
  const cases: [string, BrowserContextOptions][] = [
    ['320 px wide', { viewport: { width: 320, height: 640 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true }],
    // A 1280x800 window at 200% zoom lays out a 640x400 CSS-pixel viewport at twice the density.
    ['200% zoom (1280x800 window)', { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 }],
  ];
  for (const [label, options] of cases) {
    test(`at ${label}, at load and at every step`, async () => {
      const context = await browser.newContext({ ...options, reducedMotion: 'reduce' });
      const page = await context.newPage();
      await page.goto(storyUrl(), { waitUntil: 'load' });
      await hydrated(page);
      const problems: string[] = [];
      const check = async (where: string) => {
        const o = await horizontalOverflow(page);
        if (o.scrollWidth > o.clientWidth) problems.push(`${where}: scrollWidth ${o.scrollWidth} > ${o.clientWidth}: ${o.offenders.join(', ')}`);
      };
      await check('load');
      for (const id of STEP_IDS) {
        await scrollToStep(page, id);
        await check(`step ${id}`);
      }
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await settle(page);
      await check('page end');
      await context.close();
      console.log(`reflow ${label}: ${STEP_IDS.length + 2} checks, ${problems.length} with horizontal overflow`);
      expect(problems).toEqual([]);
    });
  }
});

interface Box {
  what: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Share of pixels in each box that differ clearly from the graphic's background (its most common
 * colour), measured on a real screenshot. The PNG is decoded in the page itself from bytes (a Blob,
 * no URL is loaded, so the page's CSP is not involved); a second tab would stall this one's frames.
 */
async function inkInBoxes(page: Page, clip: Box, boxes: Box[]): Promise<{ background: string; ink: number[] }> {
  const png = (await page.screenshot({ clip: { x: clip.x, y: clip.y, width: clip.width, height: clip.height } })).toString('base64');
  return page.evaluate(
    async ({ png, boxes, clip }) => {
      const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(bitmap, 0, 0);
      const { data, width, height } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      const scale = width / clip.width;
      const counts = new Map<number, number>();
      for (let i = 0; i < data.length; i += 4) {
        const k = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      const bg = [...counts].sort((a, b) => b[1] - a[1])[0][0];
      const [br, bgG, bb] = [(bg >> 16) & 255, (bg >> 8) & 255, bg & 255];
      const ink = boxes.map((b) => {
        let n = 0;
        let inked = 0;
        const x0 = Math.max(0, Math.floor((b.x - clip.x) * scale));
        const y0 = Math.max(0, Math.floor((b.y - clip.y) * scale));
        const x1 = Math.min(width, Math.ceil((b.x - clip.x + b.width) * scale));
        const y1 = Math.min(height, Math.ceil((b.y - clip.y + b.height) * scale));
        for (let y = y0; y < y1; y++) {
          for (let x = x0; x < x1; x++) {
            const i = (y * width + x) * 4;
            n++;
            if (Math.abs(data[i] - br) + Math.abs(data[i + 1] - bgG) + Math.abs(data[i + 2] - bb) > 60) inked++;
          }
        }
        return n ? inked / n : 0;
      });
      return { background: `rgb(${br}, ${bgG}, ${bb})`, ink };
    },
    { png, boxes, clip },
  );
}

interface GraphicInk {
  state: string;
  background: string;
  bars: Map<string, number>;
  labels: Map<string, number>;
}

/** Ink of every bar and text label of the graphic now on screen (those wholly inside it). */
async function graphicInk(page: Page): Promise<GraphicInk | null> {
  const shapes = await page.evaluate(() => {
    const graphic = document.querySelector('[data-graphic]');
    if (!graphic) return null;
    const box = (el: Element, what: string) => {
      const r = el.getBoundingClientRect();
      return { what, x: r.x, y: r.y, width: r.width, height: r.height };
    };
    const g = box(graphic, 'graphic');
    const clip = { ...g, x: Math.max(0, g.x), y: Math.max(0, g.y) };
    clip.width = Math.min(innerWidth, g.x + g.width) - clip.x;
    clip.height = Math.min(innerHeight, g.y + g.height) - clip.y;
    const inside = (b: { x: number; y: number; width: number; height: number }) =>
      b.width > 1 && b.height > 1 && b.x >= clip.x && b.y >= clip.y && b.x + b.width <= clip.x + clip.width && b.y + b.height <= clip.y + clip.height;
    const named = (el: Element, i: number) => `${el.closest('[data-candidate]')?.getAttribute('data-candidate') ?? i} ${el.getAttribute('class') ?? ''}`.trim();
    return {
      state: graphic.getAttribute('data-graphic-state') ?? '',
      clip,
      bars: [...graphic.querySelectorAll('rect[class*="bar"]')].map((r, i) => box(r, `bar ${named(r, i)}`)).filter(inside),
      labels: [...graphic.querySelectorAll('text')]
        .filter((t) => (t.textContent ?? '').trim())
        .map((t, i) => box(t, `label ${i} "${(t.textContent ?? '').trim().slice(0, 30)}"`))
        .filter(inside),
    };
  });
  if (!shapes) return null;
  const boxes = [...shapes.bars, ...shapes.labels];
  const { background, ink } = await inkInBoxes(page, shapes.clip, boxes);
  const bars = new Map(shapes.bars.map((b, i) => [b.what, ink[i]]));
  const labels = new Map(shapes.labels.map((b, i) => [b.what, ink[shapes.bars.length + i]]));
  return { state: shapes.state, background, bars, labels };
}

describe('forced colours (Windows High Contrast)', () => {
  test('every bar and label visible in normal colours is still visible in forced colours, at every step', async () => {
    const seen: Record<'none' | 'active', Map<string, GraphicInk | null>> = { none: new Map(), active: new Map() };
    // One page read once: at each step the same graphic is measured in both modes, forced colours
    // switched on and off in place (the page uses it in CSS only), so each bar and label is compared
    // with itself at the same place (two pages, one per mode, read the story twice before).
    const context = await browser.newContext({ ...DESKTOP, reducedMotion: 'reduce', forcedColors: 'none' });
    const page = await context.newPage();
    await page.goto(storyUrl(), { waitUntil: 'load' });
    await hydrated(page);
    for (const id of STEP_IDS) {
      await scrollToStep(page, id);
      // The live chart, not the prerendered one that stands in after load: that one is swapped out
      // at idle, and a swap between the two readings (a loaded CI machine) compared two charts.
      expect(await graphicDrawn(page, 10_000, true), `${id}: the live chart drawn`).toBeGreaterThanOrEqual(0);
      for (const mode of ['none', 'active'] as const) {
        await page.emulateMedia({ forcedColors: mode });
        await settle(page);
        expect(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), `${id}: forced colours ${mode}`).toBe(mode === 'active');
        seen[mode].set(id, await graphicInk(page));
      }
    }
    await context.close();
    const VISIBLE_BAR = 0.3;
    const VISIBLE_TEXT = 0.03;
    const problems: string[] = [];
    const figures: string[] = [];
    for (const id of STEP_IDS) {
      const normal = seen.none.get(id);
      const forced = seen.active.get(id);
      if (!normal || !forced) {
        problems.push(`step ${id}: no [data-graphic]`);
        continue;
      }
      const lost = [
        ...[...normal.bars].filter(([k, ink]) => ink >= VISIBLE_BAR && (forced.bars.get(k) ?? 0) < VISIBLE_BAR).map(([k]) => k),
        ...[...normal.labels].filter(([k, ink]) => ink >= VISIBLE_TEXT && (forced.labels.get(k) ?? 0) < VISIBLE_TEXT).map(([k]) => k),
      ];
      const bars = [...forced.bars.values()].filter((v) => v >= VISIBLE_BAR).length;
      const labels = [...forced.labels.values()].filter((v) => v >= VISIBLE_TEXT).length;
      figures.push(
        `${id} (${forced.state}): ${bars} bars and ${labels} labels visible on ${forced.background} (normal: ${normal.bars.size} bars, ${normal.labels.size} labels on ${normal.background})`,
      );
      if (lost.length)
        problems.push(`step ${id} (${forced.state}): lost in forced colours: ${lost.slice(0, 8).join(', ')}${lost.length > 8 ? ` (+${lost.length - 8})` : ''}`);
      if (forced.state.startsWith('bars:') && bars < 6) problems.push(`step ${id} (${forced.state}): only ${bars} bars visible in forced colours, expected 6`);
      if (forced.labels.size > 0 && labels === 0) problems.push(`step ${id} (${forced.state}): no label visible in forced colours`);
    }
    console.log(`forced colours:\n  ${figures.join('\n  ')}`);
    for (const p of problems) console.log(`  ${p}`);
    expect(problems).toEqual([]);
  });
});
