#!/usr/bin/env node
/**
 * Embed lag (issue #16): how far the graphic of the embedded story strays from its resting place
 * while the reader scrolls a news page fast, for three embed codes:
 *   sticky   embed.js as the README gives it (a pinned graphic frame in a CSS-sticky box, where the host allows it);
 *   fallback embed.js with data-driscoll-pin="off" (the relay: embed.js sends the frame's position, the story moves its graphic);
 *   pym      the README's Pym code (trackscroll, scrollwait 0).
 * Inputs: desktop 1280x800 wheel bursts (~3,000 px/s, the browser's own smooth-scroll pipeline) and
 * phone 390x844 touch swipes released while moving, so the page flings (Input.dispatchTouchEvent
 * every 16 ms, as a finger does); each at CPU 1x and 4x, throttling the host page and every story
 * frame's own target (the story is cross-site: its frames are out-of-process).
 *
 * Every document records, once per animation frame and after that frame's rAF callbacks and layout
 * (a ResizeObserver on a 1 px probe toggled in rAF fires then), where its part is: the host the text
 * frame's top and the pinned graphic frame's top, the text frame its graphic layer's top. Host frames
 * are paired with the text frame's latest frame of the same or an earlier vsync (rAF timestamps of
 * one vsync are equal across processes). The figures: the share of host frames, while the story's
 * section spans the viewport, with the graphic more than 8 and 50 px from its resting place; p95 and
 * max; and the host page's long animation frames during the input.
 *
 *   node scripts/bench/embedLag.mjs [--runs N] [--setups sticky,fallback,pym] [--inputs wheel,touch]
 *     [--cpu 1,4] [--processes isolated|shared] [--json file] [--dist dir]
 * npm run bench calls embedLagReport(). Needs a built dist/ (npm run build).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from './chromium.mjs';
import { touchSwipe } from './gestures.mjs';
import { graphicTops, lagSummary, longFramesIn, missedFrames, pairFrames, placeErrors, sameFrameShare } from './embedLagStats.mjs';
import { serveDir, serveDist } from './server.mjs';
import { attributeFrames, formatAttribution, startTrace, SYNC_MARK } from './trace.mjs';
import { median, round } from './stats.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const HOSTS = join(ROOT, 'tests/fixtures/hosts');
const PYM = join(ROOT, 'node_modules/pym.js/dist/pym.v1.min.js');

export const SETUPS = ['sticky', 'fallback', 'pym'];
export const INPUTS = ['wheel', 'touch'];
export const CPU_RATES = [1, 4];

/**
 * Viewports, and the screen each reports (--screen-info; headless Chromium otherwise tells
 * cross-origin frames 800 x 600): a desktop window is shorter than its screen, a phone's is not.
 */
const DEVICES = {
  wheel: { context: { viewport: { width: 1280, height: 800 } }, screen: '1280x900' },
  touch: { context: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true }, screen: '390x844' },
};

/**
 * How the story's frames share processes with the host (--processes): `isolated`, each site its own
 * renderer, as desktop Chrome does; `shared`, one renderer and one main thread for the host and the
 * story, as on most phones (Chrome on Android isolates only sites people log in to). Shared, the
 * story's work lands in the host's own long frames, and the story frames report none of their own.
 */
const PROCESS_FLAGS = {
  isolated: ['--site-per-process'],
  shared: ['--disable-site-isolation-trials', '--disable-features=IsolateOrigins,site-per-process'],
};

/** Host pages: the README's two codes; the fallback is the snippet host with the pin switched off. */
function hostRoutes() {
  const snippet = readFileSync(join(HOSTS, 'snippet.html'), 'utf8');
  const anchor = "d.setAttribute('data-driscoll-title'";
  if (!snippet.includes(anchor)) throw new Error(`embedLag: tests/fixtures/hosts/snippet.html no longer contains ${anchor}; update hostRoutes()`);
  const fallback = snippet.replace(anchor, `d.setAttribute('data-driscoll-pin', 'off');\n      ${anchor}`);
  return { '/__lag-fallback.html': fallback };
}
const HOST_PAGE = { sticky: 'snippet.html', fallback: '__lag-fallback.html', pym: 'pym-trackscroll.html' };

/**
 * In every document, before its scripts: its long animation frames. Host: the text frame's top and
 * the graphic frame's top. Story frames: the graphic layer's top (a text frame) or nothing.
 */
const RECORDER = `(() => {
  if (window.__lag) return;
  const isHost = window === window.top;
  // The graphic frame (sticky mode) has nothing to sample: the host reads its top. A rAF loop in it
  // would make it draw every frame, where by itself it draws only when something in it changes (a
  // step, the control's bar), and would add that work to the process it shares with the text frame.
  // Its long frames are still kept.
  const samples = isHost || !location.pathname.endsWith('/graphic.html');
  const rec = (window.__lag = { samples: [], loaf: [], on: false });
  try {
    new PerformanceObserver((l) => l.getEntries().forEach((e) => rec.loaf.push({
      start: performance.timeOrigin + e.startTime, duration: e.duration, blocking: e.blockingDuration,
      renderMs: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
      styleLayoutMs: e.styleAndLayoutStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0,
      scripts: (e.scripts || []).map((x) => ({ invoker: x.invoker, src: (x.sourceURL || '').split('/').pop(), fn: x.sourceFunctionName, ms: Math.round(x.duration) })),
    })))
      .observe({ type: 'long-animation-frame' });
  } catch (e) { rec.loafUnsupported = true; }
  // The first rAF callback of each frame (this script runs before any page script). The host's
  // frames move only with its scroll, which is already applied when rAF runs: read them now. The
  // story moves its graphic in its own rAF callback, after this one: its state at the start of the
  // next frame is what the previous frame drew (nothing else moves it between frames).
  const top = (el) => (el ? el.getBoundingClientRect().top : null);
  let previous = null;
  const tick = (ts) => {
    requestAnimationFrame(tick);
    const t = performance.timeOrigin + ts;
    if (!rec.on) return void (previous = null);
    if (isHost) {
      const text = document.querySelector('#slot iframe:not([src*="graphic.html"])');
      const graphic = document.querySelector('#slot iframe[src*="graphic.html"]');
      rec.samples.push({ t, frameTop: top(text), graphicFrameTop: top(graphic) });
    } else if (previous !== null) {
      rec.samples.push({ t: previous, layerTop: top(document.querySelector('.graphic-layer')) });
    }
    previous = t;
  };
  if (samples) requestAnimationFrame(tick);
})();`;

const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));

async function poll(fn, what, timeout = 15_000) {
  const until = Date.now() + timeout;
  for (;;) {
    const v = await fn().catch(() => null);
    if (v) return v;
    if (Date.now() > until) throw new Error(`embedLag: ${what}`);
    await sleep(100);
  }
}

/**
 * The story's geometry in the text frame's document and the graphic's resting top in the host
 * viewport, measured at rest with the section spanning the viewport. Relay: the text frame's graphic
 * layer. Sticky: the graphic frame, which sits a constant `d` px below its sticky box (the layer's
 * place); the section is shifted by `d` so the spanning test is about the box, as for the layer.
 */
async function restGeometry(page, text, mode) {
  const g = await text.evaluate(() => {
    const s = document.querySelector('.scrolly').getBoundingClientRect();
    const l = document.querySelector('.graphic-layer')?.getBoundingClientRect();
    return { sectionTop: s.top, sectionHeight: s.height, layerTop: l?.top ?? null, layerHeight: l?.height ?? 0 };
  });
  const h = await page.evaluate(() => {
    const text = document.querySelector('#slot iframe:not([src*="graphic.html"])').getBoundingClientRect();
    const graphic = document.querySelector('#slot iframe[src*="graphic.html"]');
    const box = graphic?.parentElement?.getBoundingClientRect();
    return { frameTop: text.top, graphicTop: graphic?.getBoundingClientRect().top ?? null, boxTop: box?.top ?? null, boxHeight: box?.height ?? null };
  });
  if (mode === 'sticky') {
    const d = h.graphicTop - h.boxTop;
    return { rest: h.graphicTop, sectionTop: g.sectionTop + d, sectionHeight: g.sectionHeight, graphicHeight: h.boxHeight, frameTop: h.frameTop };
  }
  return { rest: h.frameTop + g.layerTop, sectionTop: g.sectionTop, sectionHeight: g.sectionHeight, graphicHeight: g.layerHeight, frameTop: h.frameTop };
}

/** Scrolls the host so the story's section top is `above` px above the viewport's top, and waits for rest. */
async function placeSection(page, text, above) {
  const sectionTop = await text.evaluate(() => document.querySelector('.scrolly').getBoundingClientRect().top);
  await page.evaluate(
    ([s, a]) => {
      const r = document.querySelector('#slot iframe:not([src*="graphic.html"])').getBoundingClientRect();
      window.scrollBy({ top: r.top + s + a, behavior: 'instant' });
    },
    [sectionTop, above],
  );
  await sleep(800);
}

/** Smooth wheel bursts over the page, as a mouse wheel makes them (the compositor scrolls, the main thread follows). */
async function wheelBurst(cdp, { x, y, px, speed }) {
  await cdp.send('Input.synthesizeScrollGesture', { x, y, yDistance: -px, speed, gestureSourceType: 'mouse', preventFling: true });
}

/** The host renderer's counters (seconds): Timestamp, ThreadTime (main thread CPU), ScriptDuration... */
async function hostMetrics(cdp) {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(metrics.map((m) => [m.name, m.value]));
}

/** Each process's cumulative CPU time (s) by id and type, from the browser's CDP session. */
async function processCpu(browserCdp) {
  const { processInfo } = await browserCdp.send('SystemInfo.getProcessInfo');
  return { at: performance.now(), processes: processInfo };
}

/**
 * CPU time per second between two processCpu readings (processes in both): the renderer processes'
 * together, with how many there were, and the GPU process's (it composites every frame's layers).
 */
function cpuByProcessType(before, after) {
  const was = new Map(before.processes.map((p) => [p.id, p.cpuTime]));
  const seconds = (after.at - before.at) / 1000 || 1;
  const of = (type) => after.processes.filter((p) => p.type === type && was.has(p.id));
  const msPerS = (list) => (list.reduce((sum, p) => sum + p.cpuTime - was.get(p.id), 0) * 1000) / seconds;
  const renderers = of('renderer');
  return { renderersCpuMsPerS: msPerS(renderers), renderers: renderers.length, gpuCpuMsPerS: msPerS(of('GPU')) };
}

/** CDP sessions for the host page and every out-of-process story frame, to throttle each. */
async function throttleTargets(context, page) {
  const sessions = [await context.newCDPSession(page)];
  let inProcess = 0;
  for (const f of page.frames()) {
    if (f === page.mainFrame()) continue;
    try {
      sessions.push(await context.newCDPSession(f));
    } catch {
      inProcess++; // a same-process frame is throttled with its page
    }
  }
  return { sessions, outOfProcessFrames: sessions.length - 1, inProcessFrames: inProcess };
}

/**
 * One setup and input in a fresh context: loads the host, then for each CPU rate places the section
 * and gives the input while recording, and returns each pass's figures.
 * @param {import('playwright-core').Browser} browser
 */
export async function embedLagSetup(browser, { url, storyOrigin, setup, input, cpuRates = CPU_RATES, trace = null, log = () => {} }) {
  const device = DEVICES[input];
  const context = await browser.newContext(device.context);
  try {
    await context.addInitScript(RECORDER);
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => document.querySelector('#slot')?.scrollIntoView());
    const isStory = (f) => f.url().startsWith(storyOrigin) && !/graphic\.html/.test(f.url());
    const text = await poll(async () => page.frames().find(isStory), 'the story frame never appeared');
    await text.waitForFunction(() => document.querySelector('.scrolly') && document.documentElement.dataset.scrollSource, null, { timeout: 20_000 });
    // embed.js marks the placeholder once it has chosen (sticky or relay); Pym and an embed.js
    // without the pinned mode do not.
    if (setup !== 'pym')
      await poll(() => page.evaluate(() => document.querySelector('[data-driscoll-pinned]') !== null), 'no data-driscoll-pinned', 5000).catch(() => null);
    const mode =
      setup === 'pym'
        ? 'relay'
        : (await page.evaluate(() => document.querySelector('[data-driscoll-pinned]')?.getAttribute('data-driscoll-pinned'))) === 'sticky'
          ? 'sticky'
          : 'relay';
    if (mode === 'sticky') {
      await poll(() => page.evaluate(() => document.querySelector('#slot iframe[src*="graphic.html"]') !== null), 'no graphic frame in sticky mode');
      // The text frame stops drawing its graphic once the graphic frame has drawn it.
      await text.waitForFunction(() => document.documentElement.hasAttribute('data-graphic-pinned'), null, { timeout: 15_000 });
    }
    const source = await text.evaluate(() => document.documentElement.dataset.scrollSource);
    const { sessions, outOfProcessFrames, inProcessFrames } = await throttleTargets(context, page);
    const input0 = sessions[0];
    const browserCdp = await browser.newBrowserCDPSession();
    await input0.send('Performance.enable', { timeDomain: 'threadTicks' });
    const screen = await text.evaluate(() => `${screen.width}x${screen.height}`);
    const passes = [];
    for (const cpu of cpuRates) {
      await Promise.all(sessions.map((s) => s.send('Emulation.setCPUThrottlingRate', { rate: cpu })));
      await placeSection(page, text, 40);
      const g = await restGeometry(page, text, mode);
      // Sticky mode: the step control the reader sees. Where the graphic frame draws the whole layer
      // (the story marks itself data-graphic-pinned="layer"), that is its copy, pinned with the
      // graphic frame. Else (embed.js before December 2026 pinned the graphic alone) it is the story
      // frame's own layers (control, band background and rule), still moved from the relayed
      // positions: their resting place, for how far they trail (in the relay the graphic layer is
      // those layers: the row's own figures).
      const layerPinned = mode === 'sticky' && (await text.evaluate(() => document.documentElement.dataset.graphicPinned === 'layer'));
      const layersRest = mode === 'sticky' && !layerPinned ? await restGeometry(page, text, 'relay') : null;
      if (g.rest === null || !Number.isFinite(g.rest)) throw new Error(`embedLag ${setup}/${input}: no resting place for the graphic`);
      const end = () => page.evaluate(() => document.querySelector('#slot iframe:not([src*="graphic.html"])').getBoundingClientRect().top);
      const beyond = async () => (await end()) + g.sectionTop + g.sectionHeight - g.graphicHeight < g.rest + 2000;
      const frames = [page.mainFrame(), text];
      await Promise.all(frames.map((f) => f.evaluate(() => ((window.__lag.samples = []), (window.__lag.on = true)))));
      const stopTrace = trace ? await startTrace(sessions[0]) : null;
      const before = await hostMetrics(sessions[0]);
      const processesBefore = await processCpu(browserCdp);
      const syncAt = await page.evaluate((mark) => performance.mark(mark).startTime, SYNC_MARK);
      const from = await page.evaluate(() => performance.timeOrigin + performance.now());
      let gestures = 0;
      if (input === 'wheel') {
        await page.mouse.move(640, 400);
        for (let b = 0; b < 8 && !(await beyond()); b++, gestures++) {
          await wheelBurst(input0, { x: 640, y: 400, px: 1200, speed: 3000 });
          await sleep(250);
        }
      } else {
        for (let b = 0; b < 8 && !(await beyond()); b++, gestures++) {
          await touchSwipe(input0, { x: 195, y: 700, moves: 8, step: 50 });
          await sleep(1000);
        }
      }
      const to = await page.evaluate(() => performance.timeOrigin + performance.now());
      const after = await hostMetrics(sessions[0]);
      const processesAfter = await processCpu(browserCdp);
      const traceEvents = stopTrace ? await stopTrace() : null;
      await Promise.all(frames.map((f) => f.evaluate(() => (window.__lag.on = false))));
      const host = await page.evaluate(() => window.__lag.samples);
      const story = await text.evaluate(() => window.__lag.samples);
      const loaf = await page.evaluate(() => window.__lag.loaf);
      // The story's own long frames (issue #17: the host's and the story's, together): the text
      // frame's and, in sticky mode, the graphic frame's (one process and main thread: the same site).
      const graphicFrame = page.frames().find((f) => /graphic\.html/.test(f.url()));
      const frameLoaf = async (f, frame) => (f ? (await f.evaluate(() => window.__lag.loaf)).map((e) => ({ ...e, frame })) : []);
      const storyLoaf = [...(await frameLoaf(text, 'text')), ...(await frameLoaf(graphicFrame, 'graphic'))];
      const scrolled = await page.evaluate(() => window.scrollY);
      const errors = placeErrors(graphicTops(host, story, mode), g);
      const stepControl = layerPinned ? lagSummary(errors) : layersRest ? lagSummary(placeErrors(graphicTops(host, story, 'relay'), layersRest)) : null;
      const inWindow = loaf.filter((e) => e.start >= from && e.start <= to);
      if (traceEvents) {
        const file = `${trace.replace(/\.json$/, '')}-${setup}-${input}-${cpu}x.json`;
        writeFileSync(file, JSON.stringify({ traceEvents }));
        const origin = await page.evaluate(() => performance.timeOrigin);
        const a = attributeFrames(
          traceEvents,
          inWindow.map((e) => ({ start: e.start - origin, duration: e.duration })),
          syncAt,
        );
        if (a.error) throw new Error(`embedLag trace: ${a.error}`);
        a.frames.forEach((f, i) => (inWindow[i].trace = f));
        log(`  trace of ${setup} ${input} ${cpu}x: ${file}`);
        for (const f of a.frames) log(`  host long frame ${round(f.duration)} ms:\n${formatAttribution(f, '    ')}`);
      }
      passes.push({
        cpu,
        ...lagSummary(errors),
        hostFrames: host.length,
        hostFramesMissed: missedFrames(host.map((h) => h.t)),
        storyFrames: story.length,
        storySameFrame: mode === 'relay' ? sameFrameShare(pairFrames(host, story)) : null,
        stepControl,
        longFrames: longFramesIn(loaf, from, to),
        storyLongFrames: longFramesIn(storyLoaf, from, to),
        storyLongFrameEntries: storyLoaf.filter((e) => e.start >= from && e.start <= to),
        longFrameEntries: inWindow,
        inputMs: to - from,
        // The host main thread's own CPU time (not wall time: a starved thread does not count) and
        // its script time, per second of input.
        hostCpuMsPerS: ((after.ThreadTime - before.ThreadTime) * 1000) / (after.Timestamp - before.Timestamp || 1),
        hostScriptMsPerS: ((after.ScriptDuration - before.ScriptDuration) * 1000) / (after.Timestamp - before.Timestamp || 1),
        // Every renderer process's CPU time (all threads) per second of input: the host's and the
        // story's (its text and graphic frames are one site, so one process), the page's whole cost.
        ...cpuByProcessType(processesBefore, processesAfter),
        gestures,
        restPx: g.rest,
        scrollY: scrolled,
      });
    }
    await browserCdp.detach();
    return { setup, input, mode, source, screen, outOfProcessFrames, inProcessFrames, passes };
  } finally {
    await context.close();
  }
}

/**
 * Serves dist/ (the story, 127.0.0.1) and the host pages (localhost: cross-site, so the story runs
 * out of process), and runs every setup x input x CPU rate `runs` times, rotating the setups' order
 * between runs so a busy moment of the machine does not always fall on the same one.
 */
export async function embedLagReport({
  dist = join(ROOT, 'dist'),
  runs = 1,
  setups = SETUPS,
  inputs = INPUTS,
  cpuRates = CPU_RATES,
  browserPath = chromiumPath(),
  log = () => {},
  trace = null,
  processes = 'isolated',
} = {}) {
  if (!PROCESS_FLAGS[processes]) throw new Error(`embedLag: processes ${processes} is not one of ${Object.keys(PROCESS_FLAGS).join(', ')}`);
  const story = await serveDist(dist, { host: '127.0.0.1', originHost: '127.0.0.1' });
  const hosts = await serveDir(HOSTS, {
    host: 'localhost',
    originHost: 'localhost',
    production: true,
    routes: hostRoutes(),
    aliases: { '/vendor/pym.v1.min.js': PYM },
  });
  const results = [];
  try {
    for (const input of inputs) {
      const browser = await chromium.launch({
        executablePath: browserPath,
        // Desktop browsers animate wheel scrolls (headless Chromium does not unless asked); the story's
        // frames run in a process of their own (isolated) or in the host's (shared).
        args: [...CHROMIUM_FLAGS, '--enable-smooth-scrolling', ...PROCESS_FLAGS[processes], `--screen-info={${DEVICES[input].screen}}`],
      });
      try {
        for (let run = 0; run < runs; run++) {
          for (let i = 0; i < setups.length; i++) {
            const setup = setups[(i + run) % setups.length];
            const url = `${hosts.origin}/${HOST_PAGE[setup]}?${new URLSearchParams({ child: `${story.origin}/` })}`;
            const r = await embedLagSetup(browser, { url, storyOrigin: story.origin, setup, input, cpuRates, trace, log });
            results.push({ run: run + 1, ...r });
            log(formatSetupRun({ run: run + 1, ...r }));
          }
        }
      } finally {
        await browser.close();
      }
    }
  } finally {
    await Promise.all([story.close(), hosts.close()]);
  }
  return {
    settings: {
      setups,
      inputs,
      cpuRates,
      runs,
      processes,
      devices: DEVICES,
      wheel: '8 bursts x 1200 px at 3000 px/s',
      touch: '8 moves x 50 px, 16 ms apart, released moving',
    },
    table: summarize(results),
    results,
  };
}

/** One row per setup x input x CPU rate: medians over runs of each figure. */
export function summarize(results) {
  const rows = new Map();
  for (const r of results)
    for (const p of r.passes) {
      const key = `${r.setup}|${r.input}|${p.cpu}`;
      if (!rows.has(key)) rows.set(key, { setup: r.setup, input: r.input, cpu: p.cpu, modes: new Set(), passes: [] });
      rows.get(key).modes.add(r.mode);
      rows.get(key).passes.push(p);
    }
  return [...rows.values()].map(({ modes, passes, ...row }) => ({
    ...row,
    mode: [...modes].join('/'),
    runs: passes.length,
    frames: median(passes.map((p) => p.frames)),
    over8: median(passes.map((p) => p.over8)),
    over50: median(passes.map((p) => p.over50)),
    p95Px: median(passes.map((p) => p.p95Px)),
    maxPx: Math.max(...passes.map((p) => p.maxPx ?? 0)),
    longFrames: median(passes.map((p) => p.longFrames.count)),
    longFramesPer10s: median(passes.map((p) => (p.longFrames.count / p.inputMs) * 10_000)),
    blockingPer10s: median(passes.map((p) => (p.longFrames.blocking / p.inputMs) * 10_000)),
    hostCpuMsPerS: median(passes.map((p) => p.hostCpuMsPerS)),
    renderersCpuMsPerS: median(passes.map((p) => p.renderersCpuMsPerS)),
    gpuCpuMsPerS: median(passes.map((p) => p.gpuCpuMsPerS)),
    inputS: median(passes.map((p) => p.inputMs / 1000)),
    longestLoafMs: Math.max(...passes.map((p) => p.longFrames.longestMs)),
    storyLongFramesPer10s: median(passes.map((p) => (p.storyLongFrames.count / p.inputMs) * 10_000)),
    storyBlockingPer10s: median(passes.map((p) => (p.storyLongFrames.blocking / p.inputMs) * 10_000)),
    storyLongestLoafMs: Math.max(...passes.map((p) => p.storyLongFrames.longestMs)),
    hostFramesMissed: median(passes.map((p) => p.hostFramesMissed)),
    stepControl: passes.every((p) => p.stepControl)
      ? {
          over8: median(passes.map((p) => p.stepControl.over8)),
          over50: median(passes.map((p) => p.stepControl.over50)),
          p95Px: median(passes.map((p) => p.stepControl.p95Px)),
          maxPx: Math.max(...passes.map((p) => p.stepControl.maxPx ?? 0)),
        }
      : null,
  }));
}

/** How far the step control the reader sees trails, in sticky mode: "> 8 px a%, > 50 px b%, p95 c / max d px", or "-". */
const trail = (t) => (t ? `> 8 px ${pct(t.over8)}, > 50 px ${pct(t.over50)}, p95 ${round(t.p95Px)} / max ${round(t.maxPx)} px` : '-');

const pct = (x) => (x === null ? '-' : `${round(x * 100, 1)}%`);

function formatSetupRun(r) {
  return r.passes
    .map(
      (p) =>
        `  run ${r.run} ${r.setup} (${r.mode}, source ${r.source}, screen ${r.screen}, ${r.outOfProcessFrames} OOPIF) ${r.input} ${p.cpu}x: ` +
        `${p.frames} frames, > 8 px ${pct(p.over8)}, > 50 px ${pct(p.over50)}, p95 ${round(p.p95Px)} / max ${round(p.maxPx)} px; ` +
        `host LoAF ${p.longFrames.count} (${p.longFrames.blocking} blocking; longest ${round(p.longFrames.longestMs)} ms), story frames' LoAF ${p.storyLongFrames.count} (${p.storyLongFrames.blocking} blocking; longest ${round(p.storyLongFrames.longestMs)} ms), host CPU ${round(p.hostCpuMsPerS)} ms/s, renderers' CPU ${round(p.renderersCpuMsPerS)} ms/s (${p.renderers} processes), GPU process ${round(p.gpuCpuMsPerS)} ms/s, host frames missed ${p.hostFramesMissed}, story on time ${pct(p.storySameFrame)}, ${p.gestures} gestures, rest ${round(p.restPx, 1)} px; the step control seen: ${trail(p.stepControl)}`,
    )
    .join('\n');
}

/** The table: one line per setup, input and CPU rate. */
export function formatEmbedLag(report) {
  const head =
    '  setup     mode    input  cpu  frames   > 8 px  > 50 px  p95 / max px  host LoAF (longest)  LoAF/10 s  blocking/10 s  story LoAF/10 s (blocking, longest)  input s  host CPU ms/s  renderer CPU ms/s  GPU ms/s  host frames missed  step control seen (sticky mode)';
  const lines = report.table.map(
    (r) =>
      `  ${r.setup.padEnd(9)} ${r.mode.padEnd(7)} ${r.input.padEnd(6)} ${`${r.cpu}x`.padStart(3)}  ${String(r.frames).padStart(6)}  ${pct(r.over8).padStart(7)}  ${pct(r.over50).padStart(7)}  ` +
      `${`${round(r.p95Px)} / ${round(r.maxPx)}`.padStart(12)}  ${`${r.longFrames} (${round(r.longestLoafMs)} ms)`.padStart(19)}  ${String(round(r.longFramesPer10s, 1)).padStart(9)}  ${String(round(r.blockingPer10s, 1)).padStart(13)}  ${`${round(r.storyLongFramesPer10s, 1)} (${round(r.storyBlockingPer10s, 1)}, ${round(r.storyLongestLoafMs)} ms)`.padStart(35)}  ${String(round(r.inputS, 1)).padStart(7)}  ${String(round(r.hostCpuMsPerS)).padStart(12)}  ${String(round(r.renderersCpuMsPerS)).padStart(17)}  ${String(round(r.gpuCpuMsPerS)).padStart(8)}  ${String(r.hostFramesMissed).padStart(18)}  ${trail(r.stepControl)}`,
  );
  return [head, ...lines, `  (medians of ${report.settings.runs} run(s); max is the largest of any run)`].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const at = (name) => (args.indexOf(name) >= 0 ? args[args.indexOf(name) + 1] : undefined);
  const list = (name, all, parse = String) => {
    const v = at(name);
    if (!v) return all;
    const picked = v.split(',').map((x) => parse(x.trim()));
    for (const x of picked) if (!all.includes(x)) throw new Error(`${name}: ${x} is not one of ${all.join(', ')}`);
    return picked;
  };
  const report = await embedLagReport({
    dist: at('--dist') ? resolve(at('--dist')) : undefined,
    runs: Number(at('--runs')) || 1,
    setups: list('--setups', SETUPS),
    inputs: list('--inputs', INPUTS),
    cpuRates: list('--cpu', CPU_RATES, Number),
    log: (line) => console.log(line),
    trace: at('--trace') ? resolve(at('--trace')) : null,
    processes: at('--processes') ?? 'isolated',
  });
  console.log(`\n${formatEmbedLag(report)}`);
  if (at('--json')) writeFileSync(resolve(at('--json')), JSON.stringify(report, null, 2));
}
