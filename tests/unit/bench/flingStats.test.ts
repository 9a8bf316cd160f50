/** The fling bench's arithmetic (scripts/bench/flingStats.mjs): synthetic entries with known answers. */
import { describe, expect, it } from 'vitest';
import {
  formatInp,
  formatVersus,
  inpSummary,
  longFrames,
  longTasksIn,
  pressDurations,
  stateSummary,
  stepAt,
  topScript,
  versusFloor,
} from '../../../scripts/bench/flingStats.mjs';

describe('topScript', () => {
  it('names the script that took longest, file without its path', () => {
    const scripts = [
      { invoker: 'FrameRequestCallback', fn: 'tick', src: 'http://localhost/assets/a.js', duration: 10 },
      { invoker: 'TimerHandler:setTimeout', fn: 'render', src: 'http://localhost/assets/index-abc.js', duration: 40 },
    ];
    expect(topScript(scripts)).toBe('TimerHandler:setTimeout render index-abc.js');
  });
  it('is null for a frame with no script', () => {
    expect(topScript([])).toBeNull();
  });
});

describe('stepAt', () => {
  const steps = ['intro', 'map', 'poll'];
  const times = [100, 500, 900];
  it('is the last step that began at or before t', () => {
    expect(stepAt(steps, times, 499)).toBe('intro');
    expect(stepAt(steps, times, 500)).toBe('map');
    expect(stepAt(steps, times, 5000)).toBe('poll');
  });
  it('is null before the first step', () => {
    expect(stepAt(steps, times, 99)).toBeNull();
  });
});

describe('longFrames', () => {
  const steps = ['intro', 'map'];
  const stepTimes = [0, 1000];
  const loafs = [
    { start: 200, duration: 50, scripts: [] }, // exactly 50 ms: not long
    {
      start: 950,
      duration: 120,
      style: 30,
      scripts: [
        { invoker: 'A', duration: 5 },
        { invoker: 'B', fn: 'commit', duration: 80, forcedLayout: 12 },
      ],
    },
    { start: 1500, duration: 60, scripts: [] },
  ];
  const r = longFrames(loafs, steps, stepTimes);
  it('counts frames over 50 ms, the longest and those over 100 ms', () => {
    expect(r.count).toBe(2);
    expect(r.longestMs).toBe(120);
    expect(r.overCeiling).toBe(1);
  });
  it('gives each frame its heaviest script, the step it began in and the step change inside it', () => {
    expect(r.frames[0]).toEqual({
      startMs: 950,
      durationMs: 120,
      script: 'B commit',
      scriptMs: 80,
      forcedLayoutMs: 12,
      styleLayoutMs: 30,
      step: 'intro',
      stepChange: 'map',
    });
  });
  it('does not blame a step change 500 ms before the frame', () => {
    expect(r.frames[1].step).toBe('map');
    expect(r.frames[1].stepChange).toBeNull();
    expect(r.frames[1].script).toBeNull();
  });
  it('is zero for no frames', () => {
    expect(longFrames([], [], [])).toEqual({ count: 0, longestMs: 0, overCeiling: 0, frames: [] });
  });
});

describe('versusFloor', () => {
  it('gives the difference and the ratio', () => {
    expect(versusFloor(8, 2)).toEqual({ ours: 8, floor: 2, difference: 6, ratio: 4 });
  });
  it('is a ratio of 1 when both are 0, and none when only the floor is 0', () => {
    expect(versusFloor(0, 0).ratio).toBe(1);
    expect(versusFloor(3, 0).ratio).toBeNull();
    expect(versusFloor(0, 2)).toEqual({ ours: 0, floor: 2, difference: -2, ratio: 0 });
  });
  it('formats as ours vs floor with the sign', () => {
    expect(formatVersus(versusFloor(8, 1))).toBe('8 vs 1 (+7, x8)');
    expect(formatVersus(versusFloor(1, 3))).toBe('1 vs 3 (-2, x0.3)');
    expect(formatVersus(versusFloor(2, 0))).toBe('2 vs 0 (+2, x-)');
  });
});

describe('longTasksIn', () => {
  const tasks = [
    { start: 90, duration: 200 }, // before the window
    { start: 100, duration: 51 },
    { start: 300, duration: 50 }, // not over 50
    { start: 400, duration: 150 },
    { start: 401, duration: 300 }, // after
  ];
  it('counts tasks over 50 ms starting inside the window, the longest and the blocking time', () => {
    expect(longTasksIn(tasks, 100, 400)).toEqual({ count: 2, longestMs: 150, blockingMs: 1 + 100 });
  });
  it('is zero for an empty window', () => {
    expect(longTasksIn(tasks, 1000, 2000)).toEqual({ count: 0, longestMs: 0, blockingMs: 0 });
  });
});

describe('pressDurations', () => {
  const entries = [
    { name: 'pointerdown', start: 100, duration: 24, interactionId: 1 },
    { name: 'click', start: 103, duration: 88, interactionId: 1 },
    { name: 'pointermove', start: 104, duration: 200, interactionId: 0 }, // not an interaction
    { name: 'keydown', start: 2000, duration: 40, interactionId: 2 },
  ];
  it("takes each press's longest interaction entry in its window", () => {
    expect(pressDurations([100.4, 1000, 1999.6], entries)).toEqual([88, null, 40]);
  });
  it("gives an entry stamped a rounded millisecond before a press's event to that press, not the one before", () => {
    const next = [{ name: 'keydown', start: 1999, duration: 300, interactionId: 3 }];
    expect(pressDurations([100.4, 1999.6], next)).toEqual([null, 300]);
  });
  it('leaves entries before the first press out', () => {
    expect(pressDurations([1500], entries)).toEqual([40]);
    expect(pressDurations([2500], entries)).toEqual([null]);
  });
});

describe('inpSummary', () => {
  it('gives max and p75 (nearest rank), counting a press without an entry as under 16 ms', () => {
    const s = inpSummary([40, null, 120, 24]);
    expect(s).toEqual({ presses: 4, measured: 3, maxMs: 120, p75Ms: 40, overCeiling: 1 });
  });
  it('formats a press under the threshold as <16 ms', () => {
    expect(formatInp(inpSummary([null, null]).p75Ms)).toBe('<16 ms');
    expect(formatInp(104.4)).toBe('104 ms');
    expect(formatInp(null)).toBe('-');
  });
});

describe('stateSummary', () => {
  it('counts presses whose step and graphic state were on the next paint, within 100 ms, or never', () => {
    const s = stateSummary([
      { matchedFrames: 1, matchedMs: 20 },
      { matchedFrames: 3, matchedMs: 60 },
      { matchedFrames: 20, matchedMs: 400 },
      { matchedFrames: null, matchedMs: null },
    ]);
    expect(s).toEqual({ presses: 4, atNextPaint: 1, within100: 2, never: 1, p75Ms: 400, maxMs: 400 });
  });
});
