// @ts-check
/**
 * The fling bench's arithmetic (scripts/bench/fling.mjs), pure and unit-tested
 * (tests/unit/bench/flingStats.test.ts): long animation frames with their script and step, our page
 * against the script-free floor page, load-time long tasks, the step buttons' interaction-to-next-paint
 * and whether the new step's graphic state was on screen by then. Times are page milliseconds
 * (performance.now()).
 */

/**
 * @typedef {{ invoker?: string, src?: string, fn?: string, duration: number, forcedLayout?: number }} LoafScript
 * @typedef {{ start: number, duration: number, style?: number, scripts: LoafScript[] }} Loaf
 * @typedef {{ name?: string, start: number, duration: number, interactionId: number }} EventEntry
 * @typedef {object} PressCheck
 * @property {number | null} matchedFrames Frames seen after the press until the step and graphic state matched (1: the next paint).
 * @property {number | null} matchedMs
 */

import { percentile } from './embedLagStats.mjs';

/** A frame or task longer than this is long (LoAF and Long Tasks both use 50 ms). */
export const LONG_MS = 50;
/** The ceiling for any long frame while flinging, and for a step button's next paint. */
export const CEILING_MS = 100;

/**
 * The script that took the most of a long frame, as "invoker function file", or null for none.
 * @param {readonly LoafScript[]} scripts
 */
export function topScript(scripts) {
  const top = [...scripts].sort((a, b) => b.duration - a.duration)[0];
  if (!top) return null;
  return `${top.invoker || '?'} ${top.fn || ''} ${top.src ? top.src.replace(/^.*\//, '') : ''}`.replace(/\s+/g, ' ').trim();
}

/**
 * The active step at time t: the last step change at or before t (steps[i] began at stepTimes[i]).
 * @param {readonly string[]} steps
 * @param {readonly number[]} stepTimes
 * @param {number} t
 */
export function stepAt(steps, stepTimes, t) {
  let i = -1;
  while (i + 1 < stepTimes.length && stepTimes[i + 1] <= t) i++;
  return i >= 0 ? steps[i] : null;
}

/**
 * Long animation frames of one pass: count, longest, how many over the ceiling, and each frame with
 * its heaviest script, the step active when it began and the step it changed to, if a step change
 * fell in it or in the 100 ms before it (a React render of the new step lands a frame or two late).
 * @param {readonly Loaf[]} loafs
 * @param {readonly string[]} steps
 * @param {readonly number[]} stepTimes
 */
export function longFrames(loafs, steps, stepTimes) {
  const long = loafs.filter((l) => l.duration > LONG_MS);
  const frames = long.map((l) => {
    const top = [...l.scripts].sort((a, b) => b.duration - a.duration)[0];
    const changed = stepTimes.findIndex((t) => t >= l.start - 100 && t <= l.start + l.duration);
    return {
      startMs: Math.round(l.start),
      durationMs: Math.round(l.duration),
      script: topScript(l.scripts),
      scriptMs: top ? Math.round(top.duration) : 0,
      forcedLayoutMs: top ? Math.round(top.forcedLayout ?? 0) : 0,
      styleLayoutMs: Math.round(l.style ?? 0),
      step: stepAt(steps, stepTimes, l.start),
      stepChange: changed >= 0 ? steps[changed] : null,
    };
  });
  return {
    count: long.length,
    longestMs: long.length ? Math.max(...long.map((l) => l.duration)) : 0,
    overCeiling: long.filter((l) => l.duration > CEILING_MS).length,
    frames,
  };
}

/**
 * Our figure against the floor page's: the difference, and the ratio (1 when both are 0, null when
 * only the floor's is 0: no finite ratio, read the difference).
 * @param {number} ours
 * @param {number} floor
 */
export function versusFloor(ours, floor) {
  return { ours, floor, difference: ours - floor, ratio: floor > 0 ? ours / floor : ours === 0 ? 1 : null };
}

/**
 * Main-thread tasks over 50 ms that began inside [from, to]: count, longest, and the time over 50 ms
 * summed (Total Blocking Time's measure).
 * @param {readonly { start: number, duration: number }[]} tasks
 * @param {number} from
 * @param {number} to
 */
export function longTasksIn(tasks, from, to) {
  const inside = tasks.filter((t) => t.start >= from && t.start <= to && t.duration > LONG_MS);
  return {
    count: inside.length,
    longestMs: inside.length ? Math.max(...inside.map((t) => t.duration)) : 0,
    blockingMs: inside.reduce((n, t) => n + t.duration - LONG_MS, 0),
  };
}

/**
 * Each press's interaction duration: the longest Event Timing entry with an interactionId that began
 * in the press's window (from its first input event up to the next press's). Null when none did: the
 * observer's threshold is 16 ms, so a press without an entry was painted within 16 ms.
 * @param {readonly number[]} pressStarts sorted
 * @param {readonly EventEntry[]} entries
 */
export function pressDurations(pressStarts, entries) {
  return pressStarts.map((from, i) => {
    const to = i + 1 < pressStarts.length ? pressStarts[i + 1] : Infinity;
    // Event Timing rounds start times to the millisecond, the event's timeStamp is finer.
    const mine = entries.filter((e) => e.interactionId > 0 && e.start >= Math.floor(from) - 1 && e.start < to - 1);
    return mine.length ? Math.max(...mine.map((e) => e.duration)) : null;
  });
}

/**
 * Interaction to next paint over the presses: the largest and the 75th percentile (nearest rank), a
 * press with no entry counted as under the 16 ms threshold (0).
 * @param {readonly (number | null)[]} durations
 */
export function inpSummary(durations) {
  const values = durations.map((d) => d ?? 0);
  return {
    presses: durations.length,
    measured: durations.filter((d) => d !== null).length,
    maxMs: values.length ? Math.max(...values) : null,
    p75Ms: percentile(values, 75),
    overCeiling: values.filter((v) => v > CEILING_MS).length,
  };
}

/**
 * Whether each press's new step and its graphic state were on screen by the paint after the press
 * (the first frame the bench saw), and how long until they were.
 * @param {readonly PressCheck[]} checks
 */
export function stateSummary(checks) {
  const matched = checks.map((c) => c.matchedMs).filter((x) => typeof x === 'number');
  return {
    presses: checks.length,
    atNextPaint: checks.filter((c) => c.matchedFrames === 1).length,
    within100: checks.filter((c) => typeof c.matchedMs === 'number' && c.matchedMs <= CEILING_MS).length,
    never: checks.filter((c) => c.matchedMs === null).length,
    p75Ms: percentile(matched, 75),
    maxMs: matched.length ? Math.max(...matched) : null,
  };
}

/** "8 vs 1 (+7, x8)": our count, the floor's, the difference and the ratio. */
export function formatVersus(/** @type {ReturnType<typeof versusFloor>} */ v) {
  const ratio = v.ratio === null ? 'x-' : `x${Math.round(v.ratio * 10) / 10}`;
  return `${v.ours} vs ${v.floor} (${v.difference >= 0 ? '+' : ''}${v.difference}, ${ratio})`;
}

/** A duration in ms for the report: "<16" for an interaction under the Event Timing threshold. */
export function formatInp(/** @type {number | null} */ ms) {
  if (ms === null) return '-';
  return ms < 16 ? '<16 ms' : `${Math.round(ms)} ms`;
}
