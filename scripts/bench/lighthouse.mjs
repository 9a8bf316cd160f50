/**
 * Lighthouse (from npm, 12.8.2: the last line that runs on Node 20) driving the local Chromium.
 * Default config = mobile form factor, simulated throttling (Moto G Power class, slow 4G, 4x CPU).
 */
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { CHROMIUM_FLAGS, chromiumPath } from './chromium.mjs';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
export const METRICS = {
  fcp: 'first-contentful-paint',
  lcp: 'largest-contentful-paint',
  tbt: 'total-blocking-time',
  cls: 'cumulative-layout-shift',
  si: 'speed-index',
  transfer: 'total-byte-weight',
};

/** One Chromium for a series of Lighthouse runs (each run gets a fresh tab and cleared storage). */
export async function startLighthouseChrome() {
  const chrome = await launch({
    chromePath: chromiumPath(),
    chromeFlags: CHROMIUM_FLAGS,
    logLevel: 'silent',
  });
  return { port: chrome.port, close: async () => chrome.kill() };
}

/** Runs Lighthouse once and returns the figures we report, plus every failing scored audit. */
export async function runLighthouse(url, port) {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
  if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse runtime error on ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100)]));
  const metrics = Object.fromEntries(Object.entries(METRICS).map(([k, id]) => [k, lhr.audits[id]?.numericValue ?? null]));
  // Scored audits (weight > 0) below 1, with the first offending items; and the performance
  // insights/diagnostics that flag something (weight 0: they do not move the score).
  const failing = [];
  const hints = [];
  for (const c of CATEGORIES) {
    for (const ref of lhr.categories[c]?.auditRefs ?? []) {
      const a = lhr.audits[ref.id];
      if (!a || a.score === null || a.score >= 1 || ['notApplicable', 'informative', 'manual'].includes(a.scoreDisplayMode)) continue;
      if (ref.weight === 0) {
        hints.push(a.id);
        continue;
      }
      const items = (a.details?.items ?? [])
        .slice(0, 5)
        .map((i) => i.node?.selector ?? i.url ?? i.source?.url ?? i.description ?? JSON.stringify(i).slice(0, 160));
      failing.push({ category: c, id: a.id, score: a.score, weight: ref.weight, title: a.title, displayValue: a.displayValue, items });
    }
  }
  return {
    scores,
    metrics,
    failing,
    hints,
    lcpElement: lhr.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node?.selector ?? null,
    benchmarkIndex: lhr.environment?.benchmarkIndex ?? null,
    warnings: lhr.runWarnings ?? [],
    lighthouseVersion: lhr.lighthouseVersion,
    userAgent: lhr.environment?.hostUserAgent,
  };
}
