/** The scroll bench's trace reading (scripts/bench/trace.mjs): pure functions over synthetic trace events. */
import { describe, expect, it } from 'vitest';
import { attributeFrames, cpuSamples, profileInWindow, selfTimeSpans, sumInWindow, SYNC_MARK } from '../../../scripts/bench/trace.mjs';

const X = (name: string, ts: number, dur: number, extra: object = {}) => ({ name, ph: 'X', ts, dur, pid: 1, tid: 7, ...extra });

describe('selfTimeSpans', () => {
  it('gives each event its duration minus its children, as intervals', () => {
    // RunTask 0..100 holds FunctionCall 10..60, which holds Layout 20..30.
    const spans = selfTimeSpans([X('RunTask', 0, 100), X('FunctionCall', 10, 50), X('Layout', 20, 10)]);
    const total = (name: string) => spans.filter((s) => s.name === name).reduce((n, s) => n + s.self, 0);
    expect(total('RunTask')).toBe(50);
    expect(total('FunctionCall')).toBe(40);
    expect(total('Layout')).toBe(10);
  });
  it('clips a child that overruns its parent', () => {
    const spans = selfTimeSpans([X('RunTask', 0, 10), X('Paint', 5, 20)]);
    expect(spans.reduce((n, s) => n + s.self, 0)).toBe(10);
  });
});

describe('sumInWindow', () => {
  it('counts only the part of each span inside the window', () => {
    const spans = [
      { name: 'a', ts: 0, end: 10 },
      { name: 'a', ts: 15, end: 30 },
      { name: 'b', ts: 40, end: 50 },
    ];
    expect(Object.fromEntries(sumInWindow(spans, 5, 20))).toEqual({ a: 10 });
  });
});

const profile = (samples: number[], deltas: number[]) => [
  { name: 'Profile', ph: 'P', pid: 1, tid: 7, id: '0x1', ts: 0, args: { data: { startTime: 1000 } } },
  {
    name: 'ProfileChunk',
    ph: 'P',
    pid: 1,
    tid: 7,
    id: '0x1',
    ts: 0,
    args: {
      data: {
        cpuProfile: {
          nodes: [
            { id: 1, callFrame: { functionName: '(root)', url: '' } },
            { id: 2, parent: 1, callFrame: { functionName: 'render', url: 'https://x/assets/index.js', lineNumber: 9 } },
            { id: 3, parent: 2, callFrame: { functionName: 'layout', url: 'https://x/assets/Bars.js', lineNumber: 0 } },
          ],
          samples,
        },
        timeDeltas: deltas,
      },
    },
  },
];

describe('cpuSamples and profileInWindow', () => {
  it('rebuilds each sample’s stack and time, and splits self from total time', () => {
    const samples = cpuSamples(profile([3, 3, 2, 1], [0, 100, 100, 100]), 1);
    expect(samples.map((s) => s.ts)).toEqual([1000, 1100, 1200, 1300]);
    expect(samples[0].stack).toEqual(['layout Bars.js:1', 'render index.js:10', '(root)']);
    const { self, total } = profileInWindow(samples, 1000, 1250);
    expect(self.get('layout Bars.js:1')).toBe(200);
    expect(self.get('render index.js:10')).toBe(100);
    expect(total.get('render index.js:10')).toBe(300);
    expect(total.has('(root)')).toBe(false);
  });
});

describe('attributeFrames', () => {
  it('maps page time to trace time by the sync mark, and attributes a frame’s time and forced layouts', () => {
    const events = [
      { name: 'thread_name', ph: 'M', pid: 1, tid: 7, args: { name: 'CrRendererMain' } },
      // The mark set at page time 500 ms sits at trace time 10,000,000 µs.
      { name: SYNC_MARK, cat: 'blink.user_timing', ph: 'R', pid: 1, tid: 7, ts: 10_000_000 },
      X('RunTask', 10_100_000, 60_000, { tdur: 15_000 }),
      X('FunctionCall', 10_100_000, 40_000),
      X('Layout', 10_110_000, 20_000, { args: { beginData: { stackTrace: [{ functionName: 'measure', url: 'https://x/assets/index.js', lineNumber: 12 }] } } }),
      X('Paint', 10_145_000, 5_000),
    ];
    const { frames } = attributeFrames(events, [{ start: 600, duration: 70 }], 500);
    const [f] = frames ?? [];
    expect(f.tasks).toBe(1);
    expect(f.longestTaskMs).toBe(60);
    expect(f.busyMs).toBe(60);
    expect(f.idleMs).toBe(10);
    expect(f.cpuMs).toBe(15);
    expect(f.byEvent).toEqual([
      { name: 'FunctionCall', ms: 20 },
      { name: 'Layout', ms: 20 },
      { name: 'RunTask', ms: 15 },
      { name: 'Paint', ms: 5 },
    ]);
    expect(f.forced).toEqual([{ name: 'Layout forced by measure index.js:12', ms: 20 }]);
  });
  it('says so when the trace has no sync mark', () => {
    expect(attributeFrames([], [], 0)).toEqual({ error: expect.stringContaining(SYNC_MARK) });
  });
});
