/**
 * The scroll run: real wheel input (CDP mouse wheel events, the same path a mouse takes) through the
 * whole page at 390x844 with the CPU throttled, counting long animation frames, the longest frame,
 * layout shifts and the JS heap at the end.
 *
 * Run on its own (after npm run build), without Lighthouse or the byte report:
 *   node scripts/bench/scroll.mjs [--runs N] [--dist <dir>] [--trace <file.json>]
 * It prints each run's long frames with their script attribution (LoAF scripts), and each layout
 * shift with the nodes that moved and the step it fell in, so each one can be named.
 *
 * --trace <file.json>: records a Chrome trace of each run's scroll (the second run's goes to
 * file-2.json, ...; open them in DevTools > Performance > Load profile) and prints, under each long
 * frame, what the trace says about it: the tasks in it, main-thread self time per trace event
 * (FunctionCall, UpdateLayoutTree, Layout, PrePaint, Paint, GC...), busy, CPU and idle time (a frame
 * that is long while the main thread is idle, or busy far beyond its thread CPU time x the throttle
 * rate, was starved of CPU: the machine was busy), layouts a script
 * forced and the function that forced them, and the CPU profiler's functions (total and self ms).
 * Tracing with the CPU profiler slows the page: read causes from a traced run, figures from an
 * untraced one. For readable function names, trace an unminified build (scripts/bench/profileBuild.mjs).
 *
 * The bench's own work is kept off the page's main thread: the position is polled with a bare CDP
 * evaluate of a number the page records after the story's own scroll listener has run, and the
 * page's height is read only when the scroll stops. The machine must be otherwise idle: on a loaded
 * machine every frame is long.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { attributeFrames, formatAttribution, startTrace, SYNC_MARK } from './trace.mjs';

/** Installed before any page script: records frames, LoAFs, layout shifts and step changes. */
export const OBSERVER_SCRIPT = `(() => {
  const b = (window.__bench = { loaf: [], shifts: [], steps: [], stepTimes: [], frames: [], phase: 'load' });
  const po = (type, cb) => {
    try { new PerformanceObserver((l) => l.getEntries().forEach(cb)).observe({ type, buffered: true }); } catch (e) { b.unsupported = (b.unsupported || []).concat(type); }
  };
  po('long-animation-frame', (e) => b.loaf.push({
    phase: b.phase, start: e.startTime, duration: e.duration, blocking: e.blockingDuration,
    render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
    style: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
    scripts: (e.scripts || []).map((s) => ({ invoker: s.invoker, src: s.sourceURL, fn: s.sourceFunctionName, duration: s.duration, forcedLayout: s.forcedStyleAndLayoutDuration })),
  }));
  const rect = (r) => r ? [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)].join(',') : '';
  po('layout-shift', (e) => b.shifts.push({ phase: b.phase, start: e.startTime, value: e.value, hadRecentInput: e.hadRecentInput,
    sources: (e.sources || []).map((s) => s.node ? (s.node.nodeName + (s.node.id ? '#' + s.node.id : '') + (s.node.className && typeof s.node.className === 'string' ? '.' + s.node.className.split(' ').join('.') : '')) : '?'),
    rects: (e.sources || []).map((s) => rect(s.previousRect) + ' -> ' + rect(s.currentRect)) }));
  let last = 0;
  // Frame gaps, from the scroll phase on (startTicking): a rAF loop keeps a frame always pending, and
  // the browser then never offers the page an idle period longer than a frame, so ticking from load
  // starved the story's idle work (its layouts prepared ahead) in the settle time before the scroll.
  const tick = (t) => { if (last) b.frames.push(t - last); last = t; requestAnimationFrame(tick); };
  b.startTicking = () => requestAnimationFrame(tick);
  const watch = () => {
    const root = document.querySelector('[data-active-step]');
    if (!root) return void setTimeout(watch, 50);
    const note = () => { const s = root.getAttribute('data-active-step'); if (s && b.steps[b.steps.length - 1] !== s) { b.steps.push(s); b.stepTimes.push(performance.now()); } };
    new MutationObserver(note).observe(root, { attributes: true, attributeFilter: ['data-active-step'] });
    note();
  };
  document.addEventListener('DOMContentLoaded', watch);
})();`;

export const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true };

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} url
 * @param {{ cpuThrottle?: number, step?: number, intervalMs?: number, trace?: string, settleMs?: number }} [o]
 *   trace: a file to write a Chrome trace of the scroll to; each long frame then carries its attribution from it.
 */
export async function scrollRun(browser, url, o = {}) {
  const cpuThrottle = o.cpuThrottle ?? 4;
  const step = o.step ?? 100;
  const intervalMs = o.intervalMs ?? 50;
  const context = await browser.newContext(PHONE);
  try {
    await context.addInitScript(OBSERVER_SCRIPT);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottle });
    const loadStarted = Date.now();
    await page.goto(url, { waitUntil: 'load' });
    // Settle: the story live (hydrated: entry-client sets data-story-ready; the boot script's
    // data-embed-context, which this once waited for, is set before any of our JavaScript runs, so
    // the scroll began during hydration, seconds before it ended at 4x CPU), then quiet: three idle
    // periods in a row with 40 ms to spare (the graphics' chunks fetched and their layouts prepared,
    // as on a page a reader has opened and begun to read), then settleMs, then two frames.
    await page.waitForFunction(() => 'storyReady' in document.documentElement.dataset, null, { timeout: 30_000 });
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          const started = performance.now();
          let quiet = 0;
          const check = (idle) => {
            quiet = idle.timeRemaining() >= 40 ? quiet + 1 : 0;
            if (quiet >= 3 || performance.now() - started > 20_000) resolve(undefined);
            else requestIdleCallback(check);
          };
          requestIdleCallback(check);
        }),
    );
    const settledMs = Date.now() - loadStarted;
    await page.waitForTimeout(o.settleMs ?? 1000);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const stopTrace = o.trace ? await startTrace(cdp) : null;
    const syncAt = await page.evaluate((mark) => {
      const b = window.__bench;
      // The run's position, read right after the story's own scroll listener (added at hydration, so it
      // runs first) has read scrollY: by then layout is clean and this read costs nothing. Polling
      // scrollHeight per wheel event instead forced a layout of the page each time.
      b.y = window.scrollY;
      addEventListener('scroll', () => (b.y = window.scrollY), { passive: true });
      b.phase = 'scroll';
      b.startTicking();
      return performance.mark(mark).startTime;
    }, SYNC_MARK);

    await page.mouse.move(195, 422);
    const started = Date.now();
    let stuck = 0;
    let lastY = -1;
    let events = 0;
    // A bare CDP evaluate of a number: page.evaluate's wrapper and serialiser took 5-23 ms of the page's
    // main thread per call at 4x slowdown (the trace showed them inside long frames).
    const readY = async () => (await cdp.send('Runtime.evaluate', { expression: 'window.__bench.y', returnByValue: true })).result.value;
    for (;;) {
      await page.mouse.wheel(0, step);
      events++;
      await page.waitForTimeout(intervalMs);
      const y = await readY();
      stuck = y === lastY ? stuck + 1 : 0;
      lastY = y;
      // Only when the page stops moving: is this its end?
      if (stuck >= 3) {
        const max = await page.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
        if (y >= max - 1) break;
      }
      if (stuck > 40) throw new Error(`scroll run: stuck at y=${y} after ${events} wheel events`);
      if (Date.now() - started > 180_000) throw new Error('scroll run: took over 3 minutes');
    }
    const scrollMs = Date.now() - started;
    await page.waitForTimeout(1000); // trailing transitions
    await page.evaluate(() => (window.__bench.phase = 'after'));
    const traceEvents = stopTrace ? await stopTrace() : null;
    if (traceEvents && o.trace) writeFileSync(o.trace, JSON.stringify({ traceEvents }));
    const data = await page.evaluate(() => ({
      ...window.__bench,
      scrollHeight: document.documentElement.scrollHeight,
      stepIds: [...document.querySelectorAll('[data-step]')].map((e) => e.getAttribute('data-step')),
    }));
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heapBeforeGc = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null;
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');

    const inScroll = (x) => x.phase === 'scroll' || x.phase === 'after';
    const loafs = data.loaf.filter(inScroll).filter((l) => l.duration > 50);
    const causes = new Map();
    const longFrames = [];
    for (const l of loafs) {
      const top = [...l.scripts].sort((a, b) => b.duration - a.duration)[0];
      const script = top ? `${top.invoker || '?'} ${top.fn || ''} ${top.src ? top.src.replace(/^.*\//, '') : ''}`.replace(/\s+/g, ' ').trim() : null;
      // Did the active step change during the frame, or just before it (a React re-render of the story)?
      const i = data.stepTimes.findIndex((t) => t >= l.start - 100 && t <= l.start + l.duration);
      const atStep = i >= 0 ? data.steps[i] : null;
      const what = script ?? (l.render > l.duration / 2 ? 'rendering (style/layout/paint), no script' : 'no script attribution');
      const key = `${what}${atStep ? ' (at a step change)' : ''}`;
      causes.set(key, (causes.get(key) ?? 0) + 1);
      longFrames.push({
        durationMs: Math.round(l.duration),
        blockingMs: Math.round(l.blocking),
        styleLayoutMs: Math.round(l.style),
        script,
        scriptMs: top ? Math.round(top.duration) : 0,
        forcedLayoutMs: top ? Math.round(top.forcedLayout ?? 0) : 0,
        atStep,
      });
    }
    const attribution = traceEvents ? attributeFrames(traceEvents, loafs, syncAt) : null;
    if (attribution?.error) throw new Error(`trace: ${attribution.error}`);
    attribution?.frames.forEach((a, i) => (longFrames[i].trace = a));
    const shifts = data.shifts.filter((s) => !s.hadRecentInput);
    const stepAt = (t) => {
      let i = -1;
      while (i + 1 < data.stepTimes.length && data.stepTimes[i + 1] <= t) i++;
      return i >= 0 ? data.steps[i] : null;
    };
    return {
      settledMs,
      wheelEvents: events,
      scrollMs,
      scrollHeight: data.scrollHeight,
      stepsVisited: data.steps,
      allStepsVisited: data.stepIds.every((id) => data.steps.includes(id)),
      longFrames: loafs.length,
      longestLoafMs: loafs.length ? Math.max(...loafs.map((l) => l.duration)) : 0,
      longestFrameMs: data.frames.length ? Math.max(...data.frames) : null,
      frames: data.frames.length,
      longFramesAtLoad: data.loaf.filter((l) => l.phase === 'load' && l.duration > 50).length,
      layoutShifts: shifts.filter(inScroll).length,
      layoutShiftScore: shifts.filter(inScroll).reduce((n, s) => n + s.value, 0),
      layoutShiftsAtLoad: shifts.filter((s) => s.phase === 'load').length,
      layoutShiftScoreAtLoad: shifts.filter((s) => s.phase === 'load').reduce((n, s) => n + s.value, 0),
      shiftSources: [...new Set(shifts.flatMap((s) => s.sources))].slice(0, 10),
      shiftDetails: shifts.filter(inScroll).map((s) => ({
        value: s.value,
        step: stepAt(s.start),
        msAfterStepChange: Math.round(s.start - (data.stepTimes.filter((t) => t <= s.start).pop() ?? 0)),
        sources: s.sources.map((n, i) => `${n} ${s.rects[i]}`),
      })),
      heapUsedBytes: heap.usedSize,
      heapUsedBeforeGcBytes: heapBeforeGc,
      longFrameCauses: Object.fromEntries(causes),
      longFrameDetails: longFrames,
      unsupported: data.unsupported ?? [],
    };
  } finally {
    await context.close();
  }
}

/**
 * A run's long frames and layout shifts, one line each (with the trace's attribution under a frame
 * when the run was traced): what names each one's cause. Also printed by `npm run bench`.
 * @param {Awaited<ReturnType<typeof scrollRun>>} r
 */
export function runDetails(r, indent = '  ') {
  const lines = [];
  for (const f of r.longFrameDetails) {
    lines.push(
      `${indent}${f.durationMs} ms${f.atStep ? ` at step ${f.atStep}` : ''}: ${f.script ?? 'no script'} (script ${f.scriptMs} ms, style/layout ${f.styleLayoutMs} ms, forced layout ${f.forcedLayoutMs} ms)`,
    );
    if (f.trace) lines.push(formatAttribution(f.trace, `${indent}  `));
  }
  for (const s of r.shiftDetails) {
    lines.push(`${indent}layout shift ${s.value.toFixed(4)} in step ${s.step ?? '(none)'}, ${s.msAfterStepChange} ms after it began: ${s.sources.join('; ')}`);
  }
  return lines;
}

/** CLI: the scroll run alone. */
async function main() {
  const args = process.argv.slice(2);
  const value = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
  const runs = Number(value('--runs', '1'));
  const dist = resolve(value('--dist', resolve(import.meta.dirname, '../../dist')));
  const trace = value('--trace', null);
  const settleMs = Number(value('--settle', '1000'));
  const { chromium } = await import('playwright-core');
  const { CHROMIUM_FLAGS, chromiumPath } = await import('./chromium.mjs');
  const { serveDist } = await import('./server.mjs');
  const server = await serveDist(dist);
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_FLAGS });
  try {
    for (let i = 0; i < runs; i++) {
      // With several runs, each run's trace gets its own file: out.json, out-2.json, ...
      const tracePath = trace && (i === 0 ? trace : trace.replace(/(\.json)?$/, `-${i + 1}$1`));
      const r = await scrollRun(browser, `${server.origin}/`, { trace: tracePath ?? undefined, settleMs });
      console.log(
        `run ${i + 1}: ${r.longFrames} long animation frames (> 50 ms), longest ${Math.round(r.longestLoafMs)} ms; ` +
          `steps ${r.stepsVisited.length}${r.allStepsVisited ? ' (all)' : ' (NOT ALL)'}; layout shifts ${r.layoutShifts}; ` +
          `page quiet ${r.settledMs} ms after navigation; longest gap between frames ${Math.round(r.longestFrameMs ?? 0)} ms`,
      );
      for (const line of runDetails(r)) console.log(line);
      if (tracePath) console.log(`  trace: ${tracePath} (open in Chrome DevTools > Performance > Load profile)`);
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
