#!/usr/bin/env node
// @ts-check
/**
 * What the load and a step change cost the main thread, in thread CPU time, which a busy machine
 * inflates far less than wall time (issue #17: the build machine is shared; long-frame counts there
 * swing with the load). A 390x844 phone, CPU throttled 4x, reduced motion (the step buttons jump at
 * once), a light trace (trace.mjs LIGHT_TRACE_CATEGORIES) from navigation on:
 * - load: from the load event until the page is quiet, the main thread's tasks over 50 ms of thread
 *   CPU time (at 4x, long tasks on an idle machine);
 * - presses: from the top of the story, "Next step" through every step, then "Previous step" back;
 *   for each press, from the press until 600 ms after its step's graphic state is on screen: its
 *   tasks' thread CPU time, its longest task (wall), and where the time went.
 * Several dists, alternating, so a busy moment falls on each:
 *
 *   node scripts/bench/stepCost.mjs [--runs 2] [--cpu 4] --dist /tmp/base-dist --dist dist
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { PHONE } from './scroll.mjs';
import { serveDist } from './server.mjs';
import { median, round } from './stats.mjs';
import { attributeFrames, LIGHT_TRACE_CATEGORIES, mainThreadTasks, startTrace, SYNC_MARK } from './trace.mjs';

const AFTER_MS = 600;

/** Three idle periods in a row with 40 ms to spare (as fling.mjs). */
const quiet = (/** @type {import('playwright-core').Page} */ page) =>
  page.evaluate(
    () =>
      new Promise((done) => {
        let calm = 0;
        const check = (/** @type {IdleDeadline} */ idle) => {
          calm = idle.timeRemaining() >= 40 ? calm + 1 : 0;
          if (calm >= 3) done(null);
          else requestIdleCallback(check);
        };
        requestIdleCallback(check);
      }),
  );

/**
 * One dist: every step forward and back by the buttons; per press, its window's CPU time.
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {number} cpu
 */
async function pressAll(browser, url, cpu) {
  const context = await browser.newContext({ ...PHONE, reducedMotion: 'reduce' });
  try {
    // The mark ties page time to trace time (trace.mjs), from the page's first script on.
    await context.addInitScript(`performance.mark(${JSON.stringify(SYNC_MARK)})`);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    const stop = await startTrace(cdp, LIGHT_TRACE_CATEGORIES);
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => 'storyReady' in document.documentElement.dataset, null, { timeout: 30_000 });
    await quiet(page);
    const quietAt = await page.evaluate(() => performance.now());
    await page.evaluate(() => document.querySelector('.scrolly')?.scrollIntoView({ behavior: 'instant' }));
    await quiet(page);
    const ids = await page.evaluate(() =>
      [...document.querySelectorAll('[data-step]')].map((s) => [s.getAttribute('data-step'), s.getAttribute('data-graphic-state')]),
    );
    const { syncAt, loadAt } = await page.evaluate((mark) => {
      const nav = /** @type {PerformanceNavigationTiming} */ (performance.getEntriesByType('navigation')[0]);
      return { syncAt: performance.getEntriesByName(mark)[0].startTime, loadAt: nav.loadEventStart };
    }, SYNC_MARK);
    const plan = [...ids.map((_, i) => ['next', i]), ...ids.slice(0, -1).map((_, i) => ['previous', ids.length - 2 - i])];
    /** @type {{ to: string, from: string, kindChange: boolean, start: number, shownMs: number }[]} */
    const presses = [];
    let from = '';
    for (const [direction, index] of plan) {
      const [id, state] = ids[/** @type {number} */ (index)];
      const name = direction === 'next' ? 'Next step' : 'Previous step';
      const box = await page.getByRole('button', { name }).boundingBox();
      if (!box) throw new Error(`stepCost: no ${name} button on screen`);
      // Watched from inside the page (a mutation observer: no polling, which would be page work in the window).
      const shown = page.evaluate(
        ([step, graphic]) =>
          new Promise((done) => {
            const section = document.querySelector('[data-active-step]');
            const frame = document.querySelector('[data-graphic]');
            const check = () => {
              if (section?.getAttribute('data-active-step') !== step || frame?.getAttribute('data-graphic-state') !== graphic) return;
              observer.disconnect();
              done(performance.now());
            };
            const observer = new MutationObserver(check);
            for (const el of [section, frame]) if (el) observer.observe(el, { attributes: true });
          }),
        [id, state],
      );
      const start = await page.evaluate(() => performance.now());
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
      const shownAt = await shown;
      const shownMs = /** @type {number} */ (shownAt) - start;
      const fromState = ids.find(([s]) => s === from)?.[1] ?? '';
      presses.push({ to: id ?? '', from, kindChange: (fromState ?? '').split(':')[0] !== (state ?? '').split(':')[0], start, shownMs });
      from = id ?? '';
      await page.waitForTimeout(AFTER_MS);
      await quiet(page);
    }
    const events = await stop();
    const windows = presses.map((p) => ({ start: p.start, duration: p.shownMs + AFTER_MS }));
    const a = attributeFrames(events, windows, syncAt);
    const loadTasks = mainThreadTasks(events, loadAt, quietAt, syncAt);
    if (!a.frames || !loadTasks) throw new Error(`stepCost trace: no "${SYNC_MARK}" mark`);
    const long = loadTasks.filter((t) => t.cpuMs > 50);
    const longAttributed = attributeFrames(
      events,
      long.map((t) => ({ start: t.start, duration: t.wallMs })),
      syncAt,
    ).frames;
    return {
      load: { quietMs: quietAt - loadAt, long: long.map((t, i) => ({ ...t, at: t.start - loadAt, byEvent: longAttributed?.[i].byEvent ?? [] })) },
      presses: presses.map((p, i) => ({ ...p, cpuMs: a.frames[i].cpuMs, longestTaskMs: a.frames[i].longestTaskMs, byEvent: a.frames[i].byEvent })),
    };
  } finally {
    await context.close();
  }
}

async function main() {
  const args = process.argv.slice(2);
  const dists = args.flatMap((a, i) => (a === '--dist' ? [resolve(args[i + 1])] : []));
  const at = (/** @type {string} */ name) => (args.indexOf(name) >= 0 ? Number(args[args.indexOf(name) + 1]) : undefined);
  const runs = at('--runs') ?? 1;
  const cpu = at('--cpu') ?? 4;
  if (!dists.length) throw new Error('stepCost: give one or more --dist dirs');
  const servers = await Promise.all(dists.map((d) => serveDist(d)));
  const browser = await launchChromium();
  /** @type {Map<string, Awaited<ReturnType<typeof pressAll>>[]>} */
  const byDist = new Map(dists.map((d) => [d, []]));
  try {
    for (let run = 0; run < runs; run++)
      for (const [i, dist] of (run % 2 ? [...dists].reverse() : dists).entries()) {
        const server = servers[dists.indexOf(dist)];
        const { load, presses } = await pressAll(browser, `${server.origin}/`, cpu);
        byDist.get(dist)?.push({ load, presses });
        console.log(`run ${run + 1}.${i + 1} ${dist}`);
        console.log(`  load: ${load.long.length} tasks over 50 ms of thread CPU from the load event until quiet (${round(load.quietMs)} ms after it)`);
        for (const t of load.long)
          console.log(
            `    at ${round(t.at)} ms: CPU ${round(t.cpuMs)} ms, wall ${round(t.wallMs)} ms; ${t.byEvent.map((e) => `${e.name} ${e.ms}`).join(', ')}`,
          );
        for (const p of presses)
          console.log(
            `  ${p.from || '(top)'} -> ${p.to}${p.kindChange ? ' (new kind)' : ''}: CPU ${p.cpuMs} ms, longest task ${p.longestTaskMs} ms, on screen after ${round(p.shownMs)} ms; ${p.byEvent.map((e) => `${e.name} ${e.ms}`).join(', ')}`,
          );
      }
  } finally {
    await browser.close();
    await Promise.all(servers.map((s) => s.close()));
  }
  console.log(
    `\nmedians over ${runs} run(s), ${cpu}x CPU, reduced motion; CPU = main-thread thread time from the press to ${AFTER_MS} ms after its state is on screen`,
  );
  for (const [dist, all] of byDist) {
    const flat = all.flatMap((r) => r.presses);
    const loads = all.map((r) => r.load.long);
    const of = (/** @type {boolean} */ kind) => flat.filter((p) => p.kindChange === kind);
    const line = (/** @type {typeof flat} */ ps) =>
      `CPU ${round(median(ps.map((p) => p.cpuMs)) ?? 0, 1)} ms, longest task ${round(median(ps.map((p) => p.longestTaskMs)) ?? 0, 1)} ms (max ${round(Math.max(...ps.map((p) => p.longestTaskMs)), 1)})`;
    console.log(
      `  ${dist}\n    load: tasks over 50 ms of CPU ${round(median(loads.map((l) => l.length)) ?? 0, 1)}, longest ${round(Math.max(0, ...loads.flat().map((t) => t.cpuMs)))} ms` +
        `\n    new kind (${of(true).length}): ${line(of(true))}\n    same kind (${of(false).length}): ${line(of(false))}`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
