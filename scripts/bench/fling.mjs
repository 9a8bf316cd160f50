#!/usr/bin/env node
// @ts-check
/**
 * The fling bench (issue #17): a mid-range phone (390x844 mobile emulation, touch, CPU throttled 4x)
 * flung through the whole built story and back, and the same for the floor page (the prerendered
 * page with every script removed, scripts/bench/floor.mjs) in the same run, the two pages alternating
 * so a busy moment of the machine falls on both. The headline is our count of long animation frames
 * against the floor's: the machine is noisy, the difference between two pages in one run less so.
 *
 *   inputs   wheel: one wheel event every 16 ms (60 Hz), sized so top to end takes about 5 s;
 *            touch: finger swipes released while moving (gestures.mjs touchSwipe), one every 600 ms;
 *            each down to the end, then back up to the top;
 *   motion   with and without reduced motion (the context's reducedMotion);
 *   figures  long animation frames while scrolling (count, longest, each one's heaviest script and
 *            the step active then); from the load event until the page is quiet, main-thread tasks
 *            over 50 ms (Long Tasks API) and long animation frames; the step buttons' interaction to
 *            next paint (Event Timing API, durationThreshold 16) over mouse clicks, taps and Enter,
 *            and whether the new step and its graphic state were on screen at the paint after the press.
 *
 *   node scripts/bench/fling.mjs [--runs N] [--cpu 4] [--dist dir] [--trace file.json] [--no-flings] [--no-buttons] [--loads N]
 * after npm run build. npm run bench calls flingReport() (skip with --no-fling). --loads N adds N
 * loads of each page (alternating, normal motion): the load figures with less noise
 * (--no-flings --no-buttons --loads 10 for those alone).
 * --trace: a Chrome trace of each fling of our page (file-wheel-normal.json, ...), and under each of
 * its long frames what the trace says about it (trace.mjs); and of the step buttons' presses
 * (file-buttons-normal.json, ...), with what the trace says about each press, from the press to
 * the paint that showed its step. Tracing slows the page: read causes from a traced run, figures
 * from an untraced one.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { floorPage } from './floor.mjs';
import { CEILING_MS, formatInp, formatVersus, inpSummary, longFrames, longTasksIn, pressDurations, stateSummary, versusFloor } from './flingStats.mjs';
import { touchSwipe, wheelFling } from './gestures.mjs';
import { OBSERVER_SCRIPT, PHONE } from './scroll.mjs';
import { serveDist } from './server.mjs';
import { median, round } from './stats.mjs';
import { attributeFrames, formatAttribution, startTrace, SYNC_MARK } from './trace.mjs';

const ROOT = resolve(import.meta.dirname, '../..');

export const INPUTS = /** @type {const} */ (['wheel', 'touch']);
export const MOTIONS = /** @type {const} */ (['normal', 'reduce']);
export const DIRECTIONS = /** @type {const} */ (['down', 'up']);
const FLING_SECONDS = 5;
const SWIPE_EVERY_MS = 600;

/** The step buttons: pressed in this order, from the top of the story (7 forward, 4 back). */
const PRESSES = /** @type {const} */ ([
  ['click', 'next'],
  ['click', 'next'],
  ['tap', 'next'],
  ['tap', 'next'],
  ['enter', 'next'],
  ['enter', 'next'],
  ['click', 'next'],
  ['click', 'previous'],
  ['tap', 'previous'],
  ['enter', 'previous'],
  ['enter', 'previous'],
]);
const BUTTON = { next: 'Next step', previous: 'Previous step' };

/**
 * Installed after scroll.mjs's OBSERVER_SCRIPT (which records long animation frames by phase and the
 * step changes): long tasks, until the load is measured (an observer's callbacks are the page's work).
 */
const LOAD_SCRIPT = `(() => {
  const b = window.__bench;
  b.tasks = [];
  try {
    b.taskObserver = new PerformanceObserver((l) => l.getEntries().forEach((e) => b.tasks.push({ start: e.startTime, duration: e.duration })));
    b.taskObserver.observe({ type: 'longtask', buffered: true });
  } catch (e) { b.unsupported = (b.unsupported || []).concat('longtask'); }
})();`;

/**
 * Evaluated before the step buttons are pressed (not installed for the flings: capture listeners for
 * pointer and touch events would be the page's work while flinging): Event Timing entries, and for
 * each press the step and graphic state on screen at each frame after it, read in a ResizeObserver
 * callback on a probe resized in rAF, which runs after that frame's rAF callbacks, style and layout,
 * just before it paints.
 */
function watchPresses() {
  const b = /** @type {any} */ (window).__bench;
  b.events = [];
  new PerformanceObserver((l) =>
    l.getEntries().forEach((e) => {
      const t = /** @type {PerformanceEventTiming} */ (e);
      b.events.push({ name: t.name, start: t.startTime, duration: t.duration, interactionId: t.interactionId || 0 });
    }),
  ).observe(/** @type {PerformanceObserverInit} */ ({ type: 'event', durationThreshold: 16, buffered: true }));
  const probe = document.createElement('div');
  probe.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;pointer-events:none;visibility:hidden';
  document.body.appendChild(probe);
  const nextFrame = () => requestAnimationFrame(() => (probe.style.width = probe.style.width === '1px' ? '2px' : '1px'));
  new ResizeObserver(() => {
    const q = b.press;
    if (!q || q.done || q.expectedStep === undefined) return;
    const step = document.querySelector('[data-active-step]')?.getAttribute('data-active-step') ?? null;
    const graphic = document.querySelector('[data-graphic]')?.getAttribute('data-graphic-state') ?? null;
    q.frames.push({ t: performance.now(), step, graphic });
    if (step === q.expectedStep && graphic === q.expectedGraphic) {
      q.matchedFrames = q.frames.length;
      q.matchedMs = performance.now() - q.start;
      q.done = true;
    } else if (q.frames.length >= 240) q.done = true;
    else nextFrame();
  }).observe(probe);
  const begin = (/** @type {Event} */ e) => {
    if (b.press && b.press.start === null) b.press.start = e.timeStamp;
  };
  for (const type of ['pointerdown', 'touchstart', 'keydown']) addEventListener(type, begin, { capture: true, passive: true });
  addEventListener(
    'click',
    (e) => {
      const p = b.press;
      if (!p || p.expectedStep !== undefined) return;
      if (p.start === null) p.start = e.timeStamp;
      const sections = [...document.querySelectorAll('[data-step]')];
      const ids = sections.map((s) => s.getAttribute('data-step'));
      const i = ids.indexOf(document.querySelector('[data-active-step]')?.getAttribute('data-active-step') ?? '');
      const j = p.direction === 'next' ? Math.min(ids.length - 1, i + 1) : Math.max(0, i - 1);
      p.fromStep = i >= 0 ? ids[i] : '';
      p.expectedStep = ids[j];
      p.expectedGraphic = sections[j].getAttribute('data-graphic-state');
      nextFrame();
    },
    true,
  );
}

const sleep = (/** @type {number} */ ms) => new Promise((ok) => setTimeout(ok, ms));

/**
 * Waits for the page to be quiet: three idle periods in a row with 40 ms to spare (as scroll.mjs),
 * at most 20 s. Returns the page time it was quiet at.
 * @param {import('playwright-core').Page} page
 */
function quiet(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const started = performance.now();
        let calm = 0;
        const check = (/** @type {IdleDeadline} */ idle) => {
          calm = idle.timeRemaining() >= 40 ? calm + 1 : 0;
          if (calm >= 3 || performance.now() - started > 20_000) resolve(performance.now());
          else requestIdleCallback(check);
        };
        requestIdleCallback(check);
      }),
  );
}

/**
 * A fresh phone context on one page: loads it, measures the load, waits until it is quiet.
 * @param {import('playwright-core').Browser} browser
 * @param {{ url: string, story: boolean, motion: 'normal' | 'reduce', cpu: number }} o
 */
async function openPage(browser, { url, story, motion, cpu }) {
  const context = await browser.newContext({ ...PHONE, reducedMotion: motion === 'reduce' ? 'reduce' : 'no-preference' });
  await context.addInitScript(OBSERVER_SCRIPT);
  await context.addInitScript(LOAD_SCRIPT);
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    await page.goto(url, { waitUntil: 'load' });
    if (story) await page.waitForFunction(() => 'storyReady' in document.documentElement.dataset, null, { timeout: 30_000 });
    const quietAt = await quiet(page);
    const data = await page.evaluate(() => {
      const nav = /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType('navigation')[0]);
      const b = /** @type {any} */ (window).__bench;
      b.taskObserver?.disconnect();
      return { loadAt: nav?.loadEventStart ?? 0, tasks: b.tasks, loaf: b.loaf, unsupported: b.unsupported ?? [] };
    });
    const fromLoad = (/** @type {{ start: number }} */ e) => e.start >= data.loadAt && e.start <= quietAt;
    const loafs = data.loaf.filter(fromLoad);
    const load = {
      quietMsAfterLoad: Math.round(quietAt - data.loadAt),
      tasks: longTasksIn(data.tasks, data.loadAt, quietAt),
      longFrames: { count: loafs.length, longestMs: loafs.length ? Math.max(...loafs.map((/** @type {{ duration: number }} */ l) => l.duration)) : 0 },
    };
    if (data.unsupported.length) throw new Error(`fling: this Chromium does not support ${data.unsupported.join(', ')}`);
    return { context, page, cdp, load };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/**
 * @param {import('playwright-core').CDPSession} cdp
 * @param {string} expression
 */
const evaluate = async (cdp, expression) => (await cdp.send('Runtime.evaluate', { expression, returnByValue: true })).result.value;

/** Polls the scroll position, once the input has stopped, until it has not moved for 300 ms; returns it. */
async function stopped(/** @type {import('playwright-core').CDPSession} */ cdp) {
  let last = NaN;
  for (let same = 0, i = 0; same < 3 && i < 200; i++) {
    await sleep(100);
    const y = await evaluate(cdp, 'scrollY');
    same = y === last ? same + 1 : 0;
    last = y;
  }
  return last;
}

/**
 * One direction of one input, from wherever the page is to its end (down) or its top (up).
 * @param {import('playwright-core').CDPSession} cdp
 * @param {{ input: 'wheel' | 'touch', direction: 'down' | 'up', maxY: number }} o
 */
async function fling(cdp, { input, direction, maxY }) {
  const started = Date.now();
  const target = direction === 'down' ? maxY : 0;
  const there = (/** @type {number} */ y) => (direction === 'down' ? y >= maxY - 1 : y <= 1);
  let gestures = 0;
  let y = await evaluate(cdp, 'scrollY');
  if (input === 'wheel') {
    // Sized from the page's height: the issue's fling crosses the story in about 5 s.
    const deltaY = Math.ceil(maxY / (FLING_SECONDS * 60)) * (direction === 'down' ? 1 : -1);
    // Events the page dropped or clamped: top up, a second at a time, until it is there.
    for (let round = 0; round < 4 && !there(y); round++) {
      const count = Math.ceil(Math.abs(target - y) / Math.abs(deltaY)) + (round ? 60 : 15);
      await wheelFling(cdp, { x: 195, y: 422, deltaY, count });
      gestures += count;
      y = await stopped(cdp);
    }
  } else {
    const swipe = direction === 'down' ? { x: 195, y: 700, moves: 8, step: 50 } : { x: 195, y: 150, moves: 8, step: -50 };
    while (!there(y) && gestures < 80) {
      await touchSwipe(cdp, swipe);
      gestures++;
      await sleep(SWIPE_EVERY_MS);
      y = await evaluate(cdp, 'scrollY');
    }
    y = await stopped(cdp);
  }
  return { gestures, ms: Date.now() - started, reached: there(y), endY: y };
}

/**
 * Our page or the floor page, one input, one motion setting: load, then down to the end and back up,
 * recording long animation frames in each direction.
 * @param {import('playwright-core').Browser} browser
 * @param {{ url: string, story: boolean, input: 'wheel' | 'touch', motion: 'normal' | 'reduce', cpu: number, trace?: string | null }} o
 */
async function flingPage(browser, o) {
  const { context, page, cdp, load } = await openPage(browser, o);
  try {
    const maxY = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    await sleep(1000);
    const stopTrace = o.trace ? await startTrace(cdp) : null;
    const syncAt = await page.evaluate((mark) => performance.mark(mark).startTime, SYNC_MARK);
    if (o.input === 'wheel') await page.mouse.move(195, 422);
    /** @type {Record<string, Awaited<ReturnType<typeof fling>>>} */
    const moves = {};
    for (const direction of DIRECTIONS) {
      await evaluate(cdp, `window.__bench.phase = ${JSON.stringify(direction)}`);
      moves[direction] = await fling(cdp, { input: o.input, direction, maxY });
      await sleep(500); // the last frames of the fling and of any transition it started
    }
    await evaluate(cdp, "window.__bench.phase = 'after'");
    const traceEvents = stopTrace ? await stopTrace() : null;
    const data = await page.evaluate(() => {
      const b = /** @type {any} */ (window).__bench;
      return {
        loaf: b.loaf,
        steps: b.steps,
        stepTimes: b.stepTimes,
        stepIds: [...document.querySelectorAll('[data-step]')].map((e) => e.getAttribute('data-step')),
      };
    });
    /** @type {Record<string, ReturnType<typeof longFrames> & { gestures: number, ms: number, reached: boolean }>} */
    const passes = {};
    for (const direction of DIRECTIONS) {
      const loafs = data.loaf.filter((/** @type {{ phase: string }} */ l) => l.phase === direction);
      const { gestures, ms, reached } = moves[direction];
      passes[direction] = { ...longFrames(loafs, data.steps, data.stepTimes), gestures, ms, reached };
    }
    if (traceEvents && o.trace) {
      writeFileSync(o.trace, JSON.stringify({ traceEvents }));
      const frames = DIRECTIONS.flatMap((d) => passes[d].frames);
      const a = attributeFrames(
        traceEvents,
        frames.map((f) => ({ start: f.startMs, duration: f.durationMs })),
        syncAt,
      );
      if (!a.frames) throw new Error(`fling trace: ${a.error}`);
      a.frames.forEach((t, i) => Object.assign(frames[i], { trace: t }));
    }
    return {
      load,
      maxY,
      stepsVisited: new Set(data.steps).size,
      steps: data.stepIds.length,
      passes,
    };
  } finally {
    await context.close();
  }
}

/**
 * The step buttons on our page: from the top of the story, each press (click, tap, Enter) waits for
 * the new step's graphic state to be on screen, then for the scroll it started to end.
 * @param {import('playwright-core').Browser} browser
 * @param {{ url: string, motion: 'normal' | 'reduce', cpu: number, trace?: string | null }} o
 */
async function pressButtons(browser, o) {
  const { context, page, cdp, load } = await openPage(browser, { ...o, story: true });
  try {
    await page.evaluate(() => document.querySelector('.scrolly')?.scrollIntoView({ behavior: 'instant' }));
    await quiet(page);
    await page.evaluate(watchPresses);
    const stopTrace = o.trace ? await startTrace(cdp) : null;
    const syncAt = await page.evaluate((mark) => performance.mark(mark).startTime, SYNC_MARK);
    /** @type {(import('./flingStats.mjs').PressCheck & Record<string, any>)[]} what the page recorded of each press (JSON from the page), and its figures */
    const checks = [];
    for (const [kind, direction] of PRESSES) {
      const button = page.getByRole('button', { name: BUTTON[direction] });
      await page.evaluate((d) => {
        /** @type {any} */ (window).__bench.press = { direction: d, start: null, frames: [], done: false, matchedFrames: null, matchedMs: null };
      }, direction);
      // Not locator.click(): its scroll-into-view and its wait for a stable box are page work, and a
      // scroll of ours would change the step. The sticky nav is on screen; press it where it is.
      const box = await button.boundingBox();
      if (!box) throw new Error(`fling: the ${BUTTON[direction]} button is not on screen`);
      const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
      if (kind === 'click') await page.mouse.click(x, y);
      else if (kind === 'tap') await page.touchscreen.tap(x, y);
      else {
        await button.evaluate((el) => /** @type {HTMLElement} */ (el).focus({ preventScroll: true }));
        await page.keyboard.press('Enter');
      }
      // 240 frames end a press's watch; a press that never reached the page (no click) ends here.
      await page.waitForFunction(() => /** @type {any} */ (window).__bench.press.done, null, { timeout: 15_000 }).catch(() => null);
      const p = await page.evaluate(() => {
        const { frames, ...rest } = /** @type {any} */ (window).__bench.press;
        return { ...rest, frameCount: frames.length, firstFrame: frames[0] ?? null };
      });
      checks.push({ kind, direction, ...p });
      await sleep(300);
      await quiet(page);
    }
    const traceEvents = stopTrace ? await stopTrace() : null;
    const events = await page.evaluate(() => /** @type {any} */ (window).__bench.events);
    const durations = pressDurations(
      checks.map((c) => c.start),
      events,
    );
    checks.forEach((c, i) => (c.inpMs = durations[i]));
    if (traceEvents && o.trace) {
      writeFileSync(o.trace, JSON.stringify({ traceEvents }));
      // Each press from its input to the paint that showed its step (or to its event's end, if longer).
      const windows = checks.map((c) => ({ start: c.start ?? 0, duration: Math.max(c.matchedMs ?? 0, c.inpMs ?? 0, 16) }));
      const a = attributeFrames(traceEvents, windows, syncAt);
      if (!a.frames) throw new Error(`fling trace: ${a.error}`);
      a.frames.forEach((t, i) => Object.assign(checks[i], { trace: t }));
    }
    return { load, inp: inpSummary(durations), state: stateSummary(checks), presses: checks };
  } finally {
    await context.close();
  }
}

/**
 * Serves `dist` (and its floor page) and runs every input x motion setting on both pages, `runs`
 * times, the pages' order alternating; then the step buttons on our page under each motion setting.
 * @param {{ dist?: string, runs?: number, cpu?: number, trace?: string | null, flings?: boolean, buttons?: boolean, loads?: number, log?: (line: string) => void }} [o]
 *   flings, buttons: false skips that part (both run by default); loads: that many more loads of each page, measured alone
 */
export async function flingReport({
  dist = join(ROOT, 'dist'),
  runs = 1,
  cpu = 4,
  trace = null,
  flings: withFlings = true,
  buttons: withButtons = true,
  loads: extraLoads = 0,
  log = () => {},
} = {}) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const server = await serveDist(dist, { routes: { '/__floor.html': floorPage(html) } });
  const url = { ours: `${server.origin}/`, floor: `${server.origin}/__floor.html` };
  const browser = await launchChromium();
  const flings = [];
  const buttons = [];
  /** @type {{ which: 'ours' | 'floor', load: Awaited<ReturnType<typeof openPage>>['load'] }[]} */
  const loads = [];
  try {
    let turn = 0;
    for (let run = 1; run <= runs; run++) {
      for (const input of withFlings ? INPUTS : [])
        for (const motion of MOTIONS) {
          /** @type {('ours' | 'floor')[]} */
          const order = turn++ % 2 ? ['floor', 'ours'] : ['ours', 'floor'];
          /** @type {Record<string, Awaited<ReturnType<typeof flingPage>>>} */
          const pages = {};
          for (const which of order) {
            const tracePath = trace && which === 'ours' ? trace.replace(/(\.json)?$/, `-${input}-${motion}${runs > 1 ? `-${run}` : ''}.json`) : null;
            pages[which] = await flingPage(browser, { url: url[which], story: which === 'ours', input, motion, cpu, trace: tracePath });
            if (tracePath) log(`  trace: ${tracePath}`);
          }
          const row = { run, input, motion, ours: pages.ours, floor: pages.floor };
          flings.push(row);
          for (const line of formatFlingRow(row)) log(line);
        }
      for (const motion of withButtons ? MOTIONS : []) {
        const tracePath = trace ? trace.replace(/(\.json)?$/, `-buttons-${motion}${runs > 1 ? `-${run}` : ''}.json`) : null;
        const b = { run, motion, ...(await pressButtons(browser, { url: url.ours, motion, cpu, trace: tracePath })) };
        if (tracePath) log(`  trace: ${tracePath}`);
        buttons.push(b);
        for (const line of formatButtons(b)) log(line);
      }
    }
    for (let i = 0; i < extraLoads; i++)
      for (const which of /** @type {('ours' | 'floor')[]} */ (i % 2 ? ['floor', 'ours'] : ['ours', 'floor'])) {
        const { context, load } = await openPage(browser, { url: url[which], story: which === 'ours', motion: 'normal', cpu });
        await context.close();
        loads.push({ which, load });
        log(`  load ${i + 1} ${which.padEnd(5)} ${loadLine(load)}`);
      }
  } finally {
    await browser.close();
    await server.close();
  }
  return {
    settings: {
      viewport: '390x844 mobile, touch',
      cpuThrottle: cpu,
      wheel: `60 Hz, each event 1/${FLING_SECONDS * 60} of the page's height (top to end in about ${FLING_SECONDS} s)`,
      touch: `swipes of 8 moves x 50 px, 16 ms apart, released moving, one every ${SWIPE_EVERY_MS} ms`,
      presses: PRESSES.map(([k, d]) => `${k} ${d}`),
      runs,
    },
    table: summarize(flings),
    flings,
    buttons,
    loads,
  };
}

/**
 * One row per input x motion x direction: medians over runs of the counts, the largest longest.
 * @param {readonly { input: string, motion: string, ours: Awaited<ReturnType<typeof flingPage>>, floor: Awaited<ReturnType<typeof flingPage>> }[]} flings
 */
export function summarize(flings) {
  const rows = [];
  for (const input of INPUTS)
    for (const motion of MOTIONS)
      for (const direction of DIRECTIONS) {
        const runs = flings.filter((f) => f.input === input && f.motion === motion);
        if (!runs.length) continue;
        const ours = median(runs.map((r) => r.ours.passes[direction].count)) ?? 0;
        const floor = median(runs.map((r) => r.floor.passes[direction].count)) ?? 0;
        rows.push({
          input,
          motion,
          direction,
          runs: runs.length,
          versus: versusFloor(ours, floor),
          oursLongestMs: Math.max(...runs.map((r) => r.ours.passes[direction].longestMs)),
          floorLongestMs: Math.max(...runs.map((r) => r.floor.passes[direction].longestMs)),
          oursOver100: median(runs.map((r) => r.ours.passes[direction].overCeiling)),
          oursMs: median(runs.map((r) => r.ours.passes[direction].ms)),
          allReached: runs.every((r) => r.ours.passes[direction].reached && r.floor.passes[direction].reached),
        });
      }
  return rows;
}

/** @param {ReturnType<typeof longFrames>['frames'][number] & { trace?: import('./trace.mjs').FrameAttribution }} f */
function frameLine(f, indent = '      ') {
  const lines = [
    `${indent}${f.durationMs} ms in step ${f.step || '(none)'}${f.stepChange ? `, at the change to ${f.stepChange}` : ''}: ${f.script ?? 'no script'}` +
      ` (script ${f.scriptMs} ms, style/layout ${f.styleLayoutMs} ms, forced layout ${f.forcedLayoutMs} ms)`,
  ];
  if (f.trace) lines.push(formatAttribution(f.trace, `${indent}  `));
  return lines;
}

/** @param {{ quietMsAfterLoad: number, tasks: ReturnType<typeof longTasksIn>, longFrames: { count: number, longestMs: number } }} l */
const loadLine = (l) =>
  `tasks > 50 ms ${l.tasks.count} (longest ${round(l.tasks.longestMs)} ms, blocking ${round(l.tasks.blockingMs)} ms), LoAF ${l.longFrames.count} (longest ${round(l.longFrames.longestMs)} ms), quiet ${l.quietMsAfterLoad} ms after load`;

/**
 * One run of one input and motion setting, both pages, as printed while the bench runs.
 * @param {{ run: number, input: string, motion: string, ours: Awaited<ReturnType<typeof flingPage>>, floor: Awaited<ReturnType<typeof flingPage>> }} r
 */
export function formatFlingRow(r) {
  const lines = [];
  for (const direction of DIRECTIONS) {
    const o = r.ours.passes[direction];
    const f = r.floor.passes[direction];
    lines.push(
      `  run ${r.run} ${r.input} ${r.motion} ${direction}: long frames ours ${formatVersus(versusFloor(o.count, f.count))} floor; longest ${round(o.longestMs)} vs ${round(f.longestMs)} ms;` +
        ` ${o.gestures} ${r.input === 'wheel' ? 'wheel events' : 'swipes'} in ${round(o.ms / 1000, 1)} s${o.reached && f.reached ? '' : ' (DID NOT REACH THE END)'}`,
    );
    for (const frame of o.frames) lines.push(...frameLine(frame));
    if (f.frames.length) lines.push(`      floor: ${f.frames.map((x) => `${x.durationMs} ms ${x.script ?? 'no script'}`).join('; ')}`);
  }
  lines.push(`    load: ours ${loadLine(r.ours.load)}`, `          floor ${loadLine(r.floor.load)}`);
  lines.push(`    steps seen ${r.ours.stepsVisited} of ${r.ours.steps}; scroll height ours ${r.ours.maxY} px, floor ${r.floor.maxY} px`);
  return lines;
}

/**
 * The step buttons under one motion setting.
 * @param {{ run: number, motion: string } & Awaited<ReturnType<typeof pressButtons>>} b
 */
export function formatButtons(b) {
  const lines = [
    `  run ${b.run} step buttons, motion ${b.motion}: INP max ${formatInp(b.inp.maxMs)}, p75 ${formatInp(b.inp.p75Ms)} over ${b.inp.presses} presses (${b.inp.overCeiling} over ${CEILING_MS} ms);` +
      ` new step's graphic state at the next paint ${b.state.atNextPaint}/${b.state.presses}, within ${CEILING_MS} ms ${b.state.within100}/${b.state.presses}` +
      `${b.state.never ? `, never (4 s) ${b.state.never}` : ''}; time to it p75 ${round(b.state.p75Ms)} ms, max ${round(b.state.maxMs)} ms`,
  ];
  for (const p of b.presses) {
    lines.push(
      `      ${p.kind} ${p.direction} ${p.fromStep || '(none)'} -> ${p.expectedStep} (${p.expectedGraphic}): INP ${formatInp(p.inpMs)};` +
        ` next paint showed ${p.firstFrame ? `${p.firstFrame.step || '(none)'} / ${p.firstFrame.graphic}` : '?'}; state on screen after ${p.matchedFrames ?? '-'} frames, ${round(p.matchedMs)} ms`,
    );
    if (p.trace) lines.push(formatAttribution(p.trace, '        '));
  }
  lines.push(`    load: ${loadLine(b.load)}`);
  return lines;
}

/**
 * The summary printed at the end: the headline table, then the load and buttons' figures.
 * @param {Awaited<ReturnType<typeof flingReport>>} report
 */
export function formatFling(report) {
  const lines = [];
  if (report.table.length)
    lines.push(
      '  input  motion  dir    long frames ours vs floor (diff, ratio)   longest ours / floor   ours > 100 ms  fling s',
      ...report.table.map(
        (r) =>
          `  ${r.input.padEnd(6)} ${r.motion.padEnd(7)} ${r.direction.padEnd(5)}  ${formatVersus(r.versus).padEnd(40)}  ${`${round(r.oursLongestMs)} / ${round(r.floorLongestMs)} ms`.padEnd(21)}  ${String(r.oursOver100).padStart(13)}  ${String(round((r.oursMs ?? 0) / 1000, 1)).padStart(7)}${r.allReached ? '' : '  (did not reach the end)'}`,
      ),
    );
  const extra = (/** @type {string} */ which) => report.loads.filter((l) => l.which === which).map((l) => l.load);
  const ours = [...report.flings.map((f) => f.ours.load), ...report.buttons.map((b) => b.load), ...extra('ours')];
  const floor = [...report.flings.map((f) => f.floor.load), ...extra('floor')];
  const max = (/** @type {number[]} */ xs) => (xs.length ? Math.max(...xs) : 0);
  /** @param {(l: (typeof ours)[number]) => number} pick */
  const versus = (pick) => formatVersus(versusFloor(median(ours.map(pick)) ?? 0, median(floor.map(pick)) ?? 0));
  lines.push(
    `  load, from the load event until quiet (medians of ${ours.length} loads of ours, ${floor.length} of the floor): tasks > 50 ms ${versus((l) => l.tasks.count)},` +
      ` longest ${round(max(ours.map((l) => l.tasks.longestMs)))} / ${round(max(floor.map((l) => l.tasks.longestMs)))} ms; long animation frames ${versus((l) => l.longFrames.count)},` +
      ` longest ${round(max(ours.map((l) => l.longFrames.longestMs)))} / ${round(max(floor.map((l) => l.longFrames.longestMs)))} ms`,
  );
  for (const b of report.buttons)
    lines.push(
      `  step buttons (run ${b.run}, motion ${b.motion}): INP max ${formatInp(b.inp.maxMs)}, p75 ${formatInp(b.inp.p75Ms)} over ${b.inp.presses} presses;` +
        ` new graphic state at the next paint ${b.state.atNextPaint}/${b.state.presses}, within ${CEILING_MS} ms ${b.state.within100}/${b.state.presses}, p75 ${round(b.state.p75Ms)} ms`,
    );
  lines.push(
    `  (medians of ${report.settings.runs} run(s) at ${report.settings.cpuThrottle}x CPU; longest is the largest of any run; a busy machine inflates both pages: read ours against the floor)`,
  );
  return lines.join('\n');
}

async function main() {
  const args = process.argv.slice(2);
  const at = (/** @type {string} */ name) => (args.indexOf(name) >= 0 ? args[args.indexOf(name) + 1] : undefined);
  const report = await flingReport({
    dist: at('--dist') ? resolve(/** @type {string} */ (at('--dist'))) : undefined,
    runs: Number(at('--runs')) || 1,
    cpu: Number(at('--cpu')) || 4,
    trace: at('--trace') ? resolve(/** @type {string} */ (at('--trace'))) : null,
    flings: !args.includes('--no-flings'),
    buttons: !args.includes('--no-buttons'),
    loads: Number(at('--loads')) || 0,
    log: (line) => console.log(line),
  });
  console.log(`\n${formatFling(report)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
