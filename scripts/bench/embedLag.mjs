#!/usr/bin/env node
/**
 * Embed lag under fast wheel bursts (issue #10, case 11). The story in an auto-height frame cannot
 * use CSS sticky: embed.js sends the frame's position and the story moves its graphic itself, a
 * frame or more behind the host's scroll. This measures how often that shows: desktop wheel bursts
 * over the frame on the snippet host (embed.js), recording every host frame (the frame's top) and
 * every story frame (where the graphic is drawn), and counting the host frames on which the graphic
 * sits more than 50 px from its pinned place (the top of the reader's viewport).
 *
 * Runnable alone: node scripts/bench/embedLag.mjs [--dist <dir>] [--runs N]; npm run bench calls
 * embedLagRun(). Needs a built dist/ (npm run build).
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, chromiumPath } from './chromium.mjs';
import { serveDist } from './server.mjs';
import { median, round } from './stats.mjs';

const ROOT = resolve(import.meta.dirname, '../..');
const HOSTS = join(ROOT, 'tests/fixtures/hosts');
export const OFF_PX = 50;

/** In every frame: a rAF recorder. The host records the story frame's top, the story its graphic. */
const RECORDER = `(() => {
  const rec = (window.__lag = { samples: [], on: false, sources: [] });
  const now = () => performance.timeOrigin + performance.now();
  const tick = () => {
    requestAnimationFrame(tick);
    if (!rec.on) return;
    const frame = document.querySelector('iframe[data-driscoll-embed]');
    if (frame) { rec.samples.push([now(), frame.getBoundingClientRect().top]); return; }
    const source = document.documentElement.dataset.scrollSource;
    if (rec.sources[rec.sources.length - 1] !== source) rec.sources.push(source);
    const layer = document.querySelector('.graphic-layer');
    const section = document.querySelector('.scrolly');
    if (!layer || !section) return;
    const l = layer.getBoundingClientRect();
    const s = section.getBoundingClientRect();
    rec.samples.push([now(), l.top, s.top, s.height, l.height]);
  };
  requestAnimationFrame(tick);
})();`;

/**
 * @param {import('playwright-core').Browser} browser
 * @param {string} hostUrl the snippet host, with ?child= the story
 * @param {string} storyOrigin
 */
export async function embedLagRun(browser, hostUrl, storyOrigin, { bursts = 8, notches = 10, delta = 120, speed = 3000 } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript(RECORDER);
    const page = await context.newPage();
    await page.goto(hostUrl, { waitUntil: 'load' });
    await page.evaluate(() => document.querySelector('#slot')?.scrollIntoView());
    const child = await (async () => {
      for (let i = 0; i < 100; i++) {
        const f = page.frames().find((x) => x.url().startsWith(storyOrigin));
        if (f) return f;
        await page.waitForTimeout(100);
      }
      throw new Error('embedLag: the story frame never appeared');
    })();
    await child.waitForFunction(() => document.documentElement.dataset.scrollSource === 'relay', null, { timeout: 15_000 });
    // Start with the story's section just below the top of the viewport.
    const sectionTop = await child.evaluate(() => document.querySelector('.scrolly').getBoundingClientRect().top);
    await page.evaluate((y) => {
      const r = document.querySelector('iframe[data-driscoll-embed]').getBoundingClientRect();
      window.scrollBy(0, r.top + y - 200);
    }, sectionTop);
    await page.waitForTimeout(500);
    await Promise.all([page.evaluate(() => (window.__lag.on = true)), child.evaluate(() => (window.__lag.on = true))]);
    await page.mouse.move(640, 400);
    // A wheel burst as the browser's own input pipeline makes it (the compositor scrolls at a steady
    // speed and the main thread follows), not a chain of CDP wheel events, which arrive one per
    // round trip, every second frame or so on a loaded machine.
    const cdp = await context.newCDPSession(page);
    for (let b = 0; b < bursts; b++) {
      await cdp.send('Input.synthesizeScrollGesture', {
        x: 640,
        y: 400,
        yDistance: -notches * delta,
        speed: speed,
        gestureSourceType: 'mouse',
        preventFling: true,
      });
      await page.waitForTimeout(300);
    }
    await Promise.all([page.evaluate(() => (window.__lag.on = false)), child.evaluate(() => (window.__lag.on = false))]);
    const hostSamples = await page.evaluate(() => window.__lag.samples);
    const storySamples = await child.evaluate(() => window.__lag.samples);
    const sources = await child.evaluate(() => window.__lag.sources);
    return { ...lagStats(hostSamples, storySamples), sources };
  } finally {
    await context.close();
  }
}

/**
 * Pairs each host frame with the story's latest frame drawn by then and measures how far the
 * graphic is from where it belongs: pinned to the viewport's top while the section spans it.
 */
export function lagStats(hostSamples, storySamples) {
  let j = 0;
  const errors = [];
  for (const [t, frameTop] of hostSamples) {
    while (j + 1 < storySamples.length && storySamples[j + 1][0] <= t + 4) j++;
    const s = storySamples[j];
    if (!s || s[0] > t + 4) continue;
    const [, layerTop, sectionTop, sectionHeight, layerHeight] = s;
    // In the story's own (document) coordinates: the graphic's place is the viewport's top.
    const wanted = Math.min(Math.max(-frameTop, sectionTop), sectionTop + sectionHeight - layerHeight);
    if (wanted <= sectionTop || wanted >= sectionTop + sectionHeight - layerHeight) continue;
    errors.push(Math.abs(layerTop - wanted));
  }
  const off = errors.filter((e) => e > OFF_PX).length;
  const sorted = [...errors].sort((a, b) => a - b);
  return {
    frames: errors.length,
    offFrames: off,
    offShare: errors.length ? off / errors.length : null,
    medianErrorPx: median(errors),
    p95ErrorPx: sorted.length ? sorted[Math.floor(sorted.length * 0.95)] : null,
    maxErrorPx: sorted.length ? sorted[sorted.length - 1] : null,
  };
}

/** Serves dist/ and the host fixtures, runs the bursts `runs` times, returns the runs and medians. */
export async function embedLagReport({ dist = join(ROOT, 'dist'), runs = 3, browserPath = chromiumPath() } = {}) {
  const story = await serveDist(dist, { host: '127.0.0.1' });
  const hosts = await serveDist(HOSTS, { host: 'localhost' });
  // Desktop browsers animate wheel scrolls; headless Chromium does not unless asked.
  const browser = await chromium.launch({ executablePath: browserPath, args: [...CHROMIUM_FLAGS, '--enable-smooth-scrolling'] });
  try {
    const url = `${hosts.origin}/snippet.html?${new URLSearchParams({ child: `${story.origin}/` })}`;
    const all = [];
    for (let i = 0; i < runs; i++) all.push(await embedLagRun(browser, url, story.origin));
    return {
      settings: { host: 'snippet.html (embed.js)', viewport: '1280x800', bursts: 8, pxPerBurst: 1200, speedPxPerS: 3000, offPx: OFF_PX },
      offShare: median(all.map((r) => r.offShare)),
      medianErrorPx: median(all.map((r) => r.medianErrorPx)),
      p95ErrorPx: median(all.map((r) => r.p95ErrorPx)),
      runs: all,
    };
  } finally {
    await browser.close();
    await Promise.all([story.close(), hosts.close()]);
  }
}

export function formatEmbedLag(r) {
  const lines = r.runs.map(
    (x, i) =>
      `  run ${i + 1}: ${x.frames} pinned frames, ${x.offFrames} more than ${OFF_PX} px off (${round((x.offShare ?? 0) * 100, 1)}%); median ${round(x.medianErrorPx, 1)} px, p95 ${round(x.p95ErrorPx)} px, max ${round(x.maxErrorPx)} px; sources ${x.sources.join(' > ')}`,
  );
  lines.push(`\n  HEADLINE  frames with the graphic > ${OFF_PX} px from its place: ${round((r.offShare ?? 0) * 100, 1)}% (median of ${r.runs.length} runs)`);
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const at = (name) => (args.indexOf(name) >= 0 ? args[args.indexOf(name) + 1] : undefined);
  const report = await embedLagReport({ dist: at('--dist') ? resolve(at('--dist')) : undefined, runs: Number(at('--runs')) || 3 });
  console.log(formatEmbedLag(report));
}
