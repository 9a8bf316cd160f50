#!/usr/bin/env node
/**
 * npm run bench: one report on how fast, heavy and smooth the built page is.
 *
 *   1. builds (npm run build; skip with --no-build) and reports the bytes of every file in dist/,
 *      raw, gzip and brotli, the JS the first load needs and everything the page loads;
 *   2. serves dist/ on localhost (gzip/brotli, long-lived caching for hashed assets);
 *   3. Lighthouse 12 at its default mobile settings on our page and on the floor page (our own
 *      prerendered index.html with every script removed), alternating, several runs each; medians
 *      and the ratio of our LCP and FCP to the floor's;
 *   4. a scroll run: real wheel input through the whole page at 390x844 with the CPU throttled 4x,
 *      counting long animation frames (> 50 ms), the longest frame, layout shifts and the JS heap;
 *   5. embed lag (scripts/bench/embedLag.mjs): the story embedded with embed.js (sticky), embed.js
 *      with the pin off (the relayed fallback) and Pym, under desktop wheel bursts and phone touch
 *      flings at CPU 1x and 4x: the share of frames with the graphic more than 8 and 50 px from its
 *      resting place, p95 and max, and the host page's long animation frames;
 *   6. flings (scripts/bench/fling.mjs, issue #17): 60 Hz wheel and touch flings through the story and
 *      back at 390x844, CPU 4x, with and without reduced motion, on our page and the floor page in the
 *      same run (long animation frames, ours against the floor's, with each one's script and step);
 *      load-time tasks over 50 ms; the step buttons' interaction to next paint.
 *
 * Prints the report and writes it as JSON to bench-results/latest.json (and a dated copy).
 * Options: --runs N (Lighthouse runs per page, default 5), --scroll-runs N (default 3), --no-build,
 * --no-lighthouse, --no-scroll, --no-embed-lag, --embed-lag-runs N (default 1), --embed-lag-processes
 * isolated|shared (default isolated: the story's frames in their own processes, as on desktop; shared:
 * on the host's main thread, as on most phones), --no-fling, --fling-runs N (default 1), --dist <dir>
 * (measure another folder; implies --no-build).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { byteReport, formatByteReport, kb } from './bench/bytes.mjs';
import { chromiumPath, launchChromium } from './bench/chromium.mjs';
import { floorPage } from './bench/floor.mjs';
import { CATEGORIES, runLighthouse, startLighthouseChrome } from './bench/lighthouse.mjs';
import { embedLagReport, formatEmbedLag } from './bench/embedLag.mjs';
import { flingReport, formatFling } from './bench/fling.mjs';
import { runDetails, scrollRun } from './bench/scroll.mjs';
import { serveDist } from './bench/server.mjs';
import { median, medians, round } from './bench/stats.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const OUT = join(ROOT, 'bench-results');

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const num = (name, fallback) => {
  const i = args.indexOf(name);
  const v = i >= 0 ? Number(args[i + 1]) : NaN;
  return Number.isInteger(v) && v > 0 ? v : fallback;
};
const LH_RUNS = num('--runs', 5);
const distArg = args.indexOf('--dist');
/** --dist <dir>: measure another built folder (used to test this script on a trivial page). */
const DIST = distArg >= 0 ? resolve(args[distArg + 1]) : join(ROOT, 'dist');
const SCROLL_RUNS = num('--scroll-runs', 3);
const log = (...a) => console.log(...a);
const section = (title) => log(`\n=== ${title} ${'='.repeat(Math.max(0, 76 - title.length))}`);

async function main() {
  const started = Date.now();
  const report = {
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model, memoryGB: round(totalmem() / 1e9, 1), node: process.version },
  };

  if (!flag('--no-build') && distArg < 0) {
    section('build');
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
  if (!existsSync(join(DIST, 'index.html'))) throw new Error('dist/index.html is missing: run npm run build (or drop --no-build).');

  section('bytes (exact)');
  const bytes = byteReport(DIST);
  report.bytes = bytes;
  log(formatByteReport(bytes));

  const browserPath = chromiumPath();
  report.machine.chromium = execFileSync(browserPath, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const server = await serveDist(DIST, { routes: { '/__floor.html': floorPage(html) } });
  const pageUrl = `${server.origin}/`;
  const floorUrl = `${server.origin}/__floor.html`;
  log(`\nserving dist/ at ${pageUrl} (floor page at ${floorUrl}); Chromium: ${report.machine.chromium}`);

  try {
    if (!flag('--no-lighthouse')) {
      section(`Lighthouse ${LH_RUNS} runs per page, mobile (default config, simulated throttling)`);
      const chrome = await startLighthouseChrome();
      const page = [];
      const floor = [];
      try {
        for (let i = 0; i < LH_RUNS; i++) {
          page.push(await runLighthouse(pageUrl, chrome.port));
          floor.push(await runLighthouse(floorUrl, chrome.port));
          const p = page.at(-1);
          const f = floor.at(-1);
          log(
            `  run ${i + 1}: page ${CATEGORIES.map((c) => p.scores[c]).join('/')}  LCP ${round(p.metrics.lcp)} ms  FCP ${round(p.metrics.fcp)} ms  TBT ${round(p.metrics.tbt)} ms` +
              ` | floor LCP ${round(f.metrics.lcp)} ms  FCP ${round(f.metrics.fcp)} ms  (benchmarkIndex ${round(p.benchmarkIndex)})`,
          );
        }
      } finally {
        await chrome.close();
      }
      const sum = (runs) => ({
        scores: medians(
          runs.map((r) => r.scores),
          CATEGORIES,
        ),
        metrics: medians(
          runs.map((r) => r.metrics),
          Object.keys(runs[0].metrics),
        ),
      });
      const ratios = page.map((p, i) => ({ lcp: p.metrics.lcp / floor[i].metrics.lcp, fcp: p.metrics.fcp / floor[i].metrics.fcp }));
      report.lighthouse = {
        version: page[0].lighthouseVersion,
        settings: 'default config: mobile form factor, simulated throttling (150 ms RTT, 1.6 Mbps, 4x CPU)',
        runs: LH_RUNS,
        page: { ...sum(page), lcpElement: page[0].lcpElement, runs: page },
        floor: { ...sum(floor), lcpElement: floor[0].lcpElement, runs: floor },
        ratios: { lcp: median(ratios.map((r) => r.lcp)), fcp: median(ratios.map((r) => r.fcp)), perRun: ratios },
        benchmarkIndex: median(page.map((r) => r.benchmarkIndex)),
      };
      const L = report.lighthouse;
      log('\n  medians                 page      floor');
      for (const c of CATEGORIES) log(`  ${c.padEnd(20)} ${String(L.page.scores[c]).padStart(7)}  ${String(L.floor.scores[c]).padStart(9)}`);
      const ms = (x) => `${round(x)} ms`;
      const rows = [
        ['FCP', ms(L.page.metrics.fcp), ms(L.floor.metrics.fcp)],
        ['LCP', ms(L.page.metrics.lcp), ms(L.floor.metrics.lcp)],
        ['TBT', ms(L.page.metrics.tbt), ms(L.floor.metrics.tbt)],
        ['CLS', String(round(L.page.metrics.cls, 4)), String(round(L.floor.metrics.cls, 4))],
        ['Speed Index', ms(L.page.metrics.si), ms(L.floor.metrics.si)],
        ['total transfer', kb(L.page.metrics.transfer), kb(L.floor.metrics.transfer)],
      ];
      for (const [n, a, b] of rows) log(`  ${n.padEnd(20)} ${a.padStart(7)}  ${b.padStart(9)}`);
      log(`  LCP element: page ${L.page.lcpElement ?? '?'} | floor ${L.floor.lcpElement ?? '?'}`);
      log(`\n  HEADLINE  LCP ratio page/floor ${round(L.ratios.lcp, 3)} (target <= 1.2)   FCP ratio ${round(L.ratios.fcp, 3)}`);
      const failing = new Map();
      for (const r of page) for (const f of r.failing) failing.set(`${f.category}: ${f.id}`, f);
      if (failing.size) {
        log('  audits that fell short of 1 in at least one run of our page:');
        for (const [k, f] of failing)
          log(`    ${k} (score ${f.score}, weight ${f.weight}) ${f.displayValue ?? ''} ${f.items?.length ? `-> ${f.items.join(' | ')}` : ''}`);
      }
      const hints = new Set(page.flatMap((r) => r.hints));
      if (hints.size) log(`  unscored performance hints flagged (no effect on the score): ${[...hints].join(', ')}`);
      const warnings = new Set(page.flatMap((r) => r.warnings));
      for (const w of warnings) log(`  Lighthouse warning: ${w}`);
    }

    if (!flag('--no-scroll')) {
      section(`scroll run x${SCROLL_RUNS}: wheel through the whole page, 390x844, CPU 4x slower`);
      const browser = await launchChromium();
      const runs = [];
      try {
        for (let i = 0; i < SCROLL_RUNS; i++) {
          const r = await scrollRun(browser, pageUrl);
          runs.push(r);
          log(
            `  run ${i + 1}: ${r.wheelEvents} wheel events in ${r.scrollMs} ms, steps ${r.stepsVisited.length}${r.allStepsVisited ? ' (all)' : ' (NOT ALL)'};` +
              ` long frames ${r.longFrames}, longest LoAF ${round(r.longestLoafMs)} ms, longest rAF gap ${round(r.longestFrameMs)} ms;` +
              ` shifts ${r.layoutShifts} (${round(r.layoutShiftScore, 4)}); heap ${kb(r.heapUsedBytes)}`,
          );
          // Each long frame and shift with what it was (for a trace of them: scripts/bench/scroll.mjs --trace).
          for (const line of runDetails(r, '    ')) log(line);
        }
      } finally {
        await browser.close();
      }
      const keys = [
        'longFrames',
        'longestLoafMs',
        'longestFrameMs',
        'layoutShifts',
        'layoutShiftScore',
        'heapUsedBytes',
        'heapUsedBeforeGcBytes',
        'longFramesAtLoad',
        'scrollMs',
      ];
      const causes = {};
      for (const r of runs) for (const [k, n] of Object.entries(r.longFrameCauses)) causes[k] = (causes[k] ?? 0) + n;
      report.scroll = {
        settings: { viewport: '390x844', cpuThrottle: 4, wheelDeltaPx: 100, wheelIntervalMs: 50 },
        medians: medians(runs, keys),
        longFrameCauses: causes,
        runs,
      };
      const m = report.scroll.medians;
      log(
        `\n  medians: long animation frames (> 50 ms) ${m.longFrames}; longest LoAF ${round(m.longestLoafMs)} ms; longest frame (rAF gap) ${round(m.longestFrameMs)} ms`,
      );
      log(
        `           layout shifts while scrolling ${m.layoutShifts} (score ${round(m.layoutShiftScore, 4)}); JS heap at end ${kb(m.heapUsedBytes)} after GC (${kb(m.heapUsedBeforeGcBytes)} before)`,
      );
      if (Object.keys(causes).length) log(`  long-frame causes (all runs): ${JSON.stringify(causes)}`);
    }

    if (!flag('--no-embed-lag')) {
      const at = args.indexOf('--embed-lag-processes');
      const processes = at >= 0 ? args[at + 1] : 'isolated';
      section(`embed lag: sticky, fallback and Pym embeds; wheel 1280x800 and touch 390x844; CPU 1x and 4x; processes ${processes}`);
      report.embedLag = await embedLagReport({ dist: DIST, runs: num('--embed-lag-runs', 1), browserPath, log, processes });
      log(formatEmbedLag(report.embedLag));
    }

    if (!flag('--no-fling')) {
      section('flings: wheel 60 Hz and touch swipes, 390x844, CPU 4x; ours vs the floor page; step buttons');
      report.fling = await flingReport({ dist: DIST, runs: num('--fling-runs', 1), log });
      log(`\n${formatFling(report.fling)}`);
    }
  } finally {
    await server.close();
  }

  report.durationSeconds = round((Date.now() - started) / 1000);
  mkdirSync(OUT, { recursive: true });
  const json = JSON.stringify(report, null, 2);
  writeFileSync(join(OUT, 'latest.json'), json);
  writeFileSync(join(OUT, `bench-${report.date.replace(/[:.]/g, '-')}.json`), json);
  section('done');
  log(`  report: bench-results/latest.json (${report.durationSeconds} s)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
