// @ts-check
/**
 * The embed lag bench's arithmetic (scripts/bench/embedLag.mjs), pure and unit-tested
 * (tests/unit/bench/embedLagStats.test.ts): pairing the host's frames with the story frame's,
 * where the graphic is on each host frame, and the figures printed.
 *
 * Coordinates are CSS pixels in the host's viewport; times are absolute milliseconds (a frame's
 * rAF timestamp plus its document's timeOrigin), so frames of different documents compare.
 */

/** The distances, in px, whose shares of frames the bench prints. */
export const THRESHOLDS_PX = [8, 50];

/**
 * Nearest-rank percentile (p in 0..100): the smallest value with at least p% of values at or below it.
 * @param {readonly number[]} values
 * @param {number} p
 */
export function percentile(values, p) {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * v.length));
  return v[Math.min(rank, v.length) - 1];
}

/**
 * Share (0..1) of values strictly over `limit`; null for no values.
 * @param {readonly number[]} values
 * @param {number} limit
 */
export function shareOver(values, limit) {
  return values.length ? values.filter((x) => x > limit).length / values.length : null;
}

/**
 * For each host frame, the story frame's latest sample drawn by then: the one with the greatest time
 * at or before the host frame's time plus `toleranceMs` (the two documents' clocks round apart by a
 * fraction of a millisecond; a frame lasts 16.7). Null when the story has drawn nothing yet.
 * Both lists sorted by time, each sample `{ t, ... }`.
 * @template H, S
 * @param {readonly (H & { t: number })[]} host
 * @param {readonly (S & { t: number })[]} story
 * @param {number} [toleranceMs]
 * @returns {{ host: H & { t: number }, story: (S & { t: number }) | null }[]}
 */
export function pairFrames(host, story, toleranceMs = 2) {
  const out = [];
  let j = -1;
  for (const h of host) {
    while (j + 1 < story.length && story[j + 1].t <= h.t + toleranceMs) j++;
    out.push({ host: h, story: j >= 0 ? story[j] : null });
  }
  return out;
}

/**
 * Whether the story's section spans the viewport around the graphic's resting place on a host frame:
 * the graphic would be pinned there (a CSS-sticky graphic is neither held back by the section's top
 * nor pushed up by its bottom).
 * @param {number} frameTop the text frame's top in the host viewport
 * @param {{ rest: number, sectionTop: number, sectionHeight: number, graphicHeight: number }} g
 *   rest: the graphic's top at rest in the host viewport; the section's top and height in the text
 *   frame's document; the graphic's height
 */
export function sectionSpans(frameTop, g) {
  const top = frameTop + g.sectionTop;
  return top <= g.rest && top + g.sectionHeight - g.graphicHeight >= g.rest;
}

/**
 * The graphic's distance from its resting place on every host frame on which the section spans the
 * viewport. Each frame gives the text frame's top and the graphic's top, both in the host viewport
 * (null: not known on that frame, skipped).
 * @param {readonly { frameTop: number, graphicTop: number | null }[]} frames
 * @param {{ rest: number, sectionTop: number, sectionHeight: number, graphicHeight: number }} g
 */
export function placeErrors(frames, g) {
  const errors = [];
  for (const f of frames) {
    if (f.graphicTop === null || !Number.isFinite(f.graphicTop) || !Number.isFinite(f.frameTop)) continue;
    if (sectionSpans(f.frameTop, g)) errors.push(Math.abs(f.graphicTop - g.rest));
  }
  return errors;
}

/**
 * Host frames with the graphic's top for the relayed graphic (drawn by the text frame: its own top
 * in the story document plus the frame's top) or the pinned one (a frame of its own on the host page).
 * @param {readonly { t: number, frameTop: number, graphicFrameTop: number | null }[]} host
 * @param {readonly { t: number, layerTop: number }[]} story
 * @param {'relay' | 'sticky'} mode
 */
export function graphicTops(host, story, mode, toleranceMs = 2) {
  if (mode === 'sticky') return host.map((h) => ({ t: h.t, frameTop: h.frameTop, graphicTop: h.graphicFrameTop }));
  return pairFrames(host, story, toleranceMs).map(({ host: h, story: s }) => ({
    t: h.t,
    frameTop: h.frameTop,
    graphicTop: s && Number.isFinite(s.layerTop) ? h.frameTop + s.layerTop : null,
  }));
}

/**
 * Share (0..1) of paired host frames whose story sample is of the same vsync (within `toleranceMs`),
 * not an older one: how often the story drew on time. Null for no pairs.
 * @param {readonly { host: { t: number }, story: { t: number } | null }[]} pairs
 */
export function sameFrameShare(pairs, toleranceMs = 2) {
  return pairs.length ? pairs.filter((p) => p.story && Math.abs(p.story.t - p.host.t) <= toleranceMs).length / pairs.length : null;
}

/**
 * Frames the host's main thread did not draw, from its frame times: a gap of k frame intervals
 * (rounded) means k - 1 frames without a main-thread update. The compositor may still have drawn
 * them (moving the frames with the scroll); the bench cannot see where the graphic was then.
 * @param {readonly number[]} times
 */
export function missedFrames(times, intervalMs = 1000 / 60) {
  let missed = 0;
  for (let i = 1; i < times.length; i++) missed += Math.max(0, Math.round((times[i] - times[i - 1]) / intervalMs) - 1);
  return missed;
}

/**
 * The printed figures for one pass: frames measured, the shares over each threshold, median, p95, max.
 * @param {readonly number[]} errors
 */
export function lagSummary(errors) {
  return {
    frames: errors.length,
    over8: shareOver(errors, 8),
    over50: shareOver(errors, 50),
    medianPx: percentile(errors, 50),
    p95Px: percentile(errors, 95),
    maxPx: errors.length ? Math.max(...errors) : null,
  };
}

/**
 * Long animation frames (entries `{ start, duration, blocking? }`, absolute ms) that began inside
 * [from, to]: how many, the longest, and how many blocked the main thread (blockingDuration > 0: a
 * task in the frame ran over 50 ms, so input waited). The others were long while the main thread
 * was free: the frame waited for something outside it.
 * @param {readonly { start: number, duration: number, blocking?: number }[]} entries
 * @param {number} from
 * @param {number} to
 */
export function longFramesIn(entries, from, to) {
  const inside = entries.filter((e) => e.start >= from && e.start <= to);
  return {
    count: inside.length,
    blocking: inside.filter((e) => (e.blocking ?? 0) > 0).length,
    longestMs: inside.length ? Math.max(...inside.map((e) => e.duration)) : 0,
  };
}
