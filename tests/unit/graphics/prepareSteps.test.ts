/**
 * Issue #17: the layouts prepared at idle after load run in steps, so no idle task holds the main
 * thread for a whole layout search (the timeline's for one event was one 61 ms task at 4x CPU
 * slowdown, the money chart's 48 ms, the map's outlines with garbage collection 58 ms: load traces).
 * Every graphic's prepare jobs return steps that stop between tries, and end with the layout the
 * chart renders from.
 */
import { describe, expect, it } from 'vitest';
import { EAGER_GRAPHICS } from '../../../src/story/graphics/Graphic.tsx';
import { storyChartModel } from '../../../src/story/graphics/storyChartModel.ts';
import type { ChartBox } from '../../../src/kit/graphics/box.ts';
import type { Steps } from '../../../src/kit/graphics/steps.ts';

const BOXES: [string, ChartBox][] = [
  ['390 × 844 phone band', { width: 359, height: 293, font: 13, measured: true }],
  ['320 × 568 phone band', { width: 289, height: 190, font: 13, measured: true }],
  ['1280 × 800 desktop column', { width: 640, height: 639, font: 15, measured: true }],
];

/** Runs steps to the end; how many times they stopped. */
function stops(steps: Steps<unknown>): number {
  let n = 0;
  while (!steps.next().done) n += 1;
  return n;
}

describe.each(BOXES)('prepared in steps, %s', (_, box) => {
  it.each(Object.keys(EAGER_GRAPHICS))('%s: every job is steps, and each stops at least once', (kind) => {
    const jobs = EAGER_GRAPHICS[kind].prepare(storyChartModel, box);
    expect(jobs.length).toBeGreaterThan(0);
    for (const job of jobs) {
      const steps = job();
      expect(steps, `a ${kind} job that ran at once`).toBeTruthy();
      expect(stops(steps as Steps<unknown>)).toBeGreaterThanOrEqual(1);
    }
    // Prepared: the same jobs now find their layouts made, and stop nowhere.
    for (const job of EAGER_GRAPHICS[kind].prepare(storyChartModel, box).slice(kind === 'map' ? 1 : 0)) expect(stops(job() as Steps<unknown>)).toBe(0);
  });
});
