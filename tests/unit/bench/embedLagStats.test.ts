/** The embed lag bench's arithmetic (scripts/bench/embedLagStats.mjs): synthetic frames with known answers. */
import { describe, expect, it } from 'vitest';
import {
  graphicTops,
  lagSummary,
  longFramesIn,
  missedFrames,
  pairFrames,
  percentile,
  placeErrors,
  sameFrameShare,
  sectionSpans,
  shareOver,
} from '../../../scripts/bench/embedLagStats.mjs';

const FRAME = 1000 / 60;

describe('percentile', () => {
  it('is the nearest rank: the smallest value with at least p% at or below it', () => {
    const values = [5, 1, 4, 2, 3, 10, 9, 8, 7, 6]; // unsorted on purpose
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 95)).toBe(10);
    expect(percentile(values, 90)).toBe(9);
    expect(percentile(values, 91)).toBe(10); // rank 9.1 rounds up: 9 of 10 values are only 90%
    expect(percentile(values, 10)).toBe(1);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile(values, 100)).toBe(10);
  });
  it('takes p95 of 100 values as the 95th, not the 96th', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 95)).toBe(95);
  });
  it('ignores non-finite values and is null for none', () => {
    expect(percentile([NaN, 3, Infinity], 50)).toBe(3);
    expect(percentile([], 95)).toBeNull();
  });
});

describe('shareOver', () => {
  it('counts values strictly over the limit', () => {
    expect(shareOver([0, 8, 8.5, 50, 51], 8)).toBe(3 / 5);
    expect(shareOver([0, 8, 8.5, 50, 51], 50)).toBe(1 / 5);
    expect(shareOver([], 8)).toBeNull();
  });
});

describe('pairFrames', () => {
  const host = [0, 1, 2, 3, 4].map((i) => ({ t: 1000 + i * FRAME, i }));
  it('pairs each host frame with the story frame of the same vsync, across clock rounding', () => {
    const story = host.map((h) => ({ t: h.t + 0.3, i: h.i }));
    expect(pairFrames(host, story).map((p) => p.story?.i)).toEqual([0, 1, 2, 3, 4]);
    expect(sameFrameShare(pairFrames(host, story))).toBe(1);
  });
  it('holds the story at its last frame while it misses frames, and never pairs a later one', () => {
    // The story drew on vsyncs 0 and 3 only; its frame at vsync 3 must not be paired with host frames 1 and 2.
    const story = [host[0], host[3]].map((h) => ({ t: h.t - 0.2, i: h.i }));
    const pairs = pairFrames(host, story);
    expect(pairs.map((p) => p.story?.i)).toEqual([0, 0, 0, 3, 3]);
    expect(sameFrameShare(pairs)).toBe(2 / 5);
  });
  it('pairs nothing before the story has drawn', () => {
    const pairs = pairFrames(host, [{ t: host[2].t, i: 2 }]);
    expect(pairs.map((p) => p.story?.i ?? null)).toEqual([null, null, 2, 2, 2]);
  });
});

describe('sectionSpans and placeErrors', () => {
  // Section 200..2200 in the text frame's document, a 500 px graphic resting at 0 in the host viewport.
  const g = { rest: 0, sectionTop: 200, sectionHeight: 2000, graphicHeight: 500 };
  it('spans from the section top reaching the resting place to its bottom pushing the graphic up', () => {
    expect(sectionSpans(-199, g)).toBe(false); // section top at +1: not yet
    expect(sectionSpans(-200, g)).toBe(true);
    expect(sectionSpans(-150, g)).toBe(false);
    expect(sectionSpans(-1700, g)).toBe(true); // bottom of section at 500 = graphic's bottom
    expect(sectionSpans(-1701, g)).toBe(false);
  });
  it('measures the distance from the resting place on spanning frames only', () => {
    const frames = [
      { frameTop: -100, graphicTop: 100 }, // section below the top: the graphic rides with it, not counted
      { frameTop: -300, graphicTop: 0 },
      { frameTop: -400, graphicTop: 20 }, // 20 px low
      { frameTop: -500, graphicTop: -60 }, // 60 px high
      { frameTop: -600, graphicTop: null }, // unknown: skipped
      { frameTop: -2000, graphicTop: -300 }, // pushed up by the section's end, not counted
    ];
    expect(placeErrors(frames, g)).toEqual([0, 20, 60]);
  });
  it('uses a resting place below the top (a sticky header inset)', () => {
    const inset = { ...g, rest: 60 };
    expect(
      placeErrors(
        [
          { frameTop: -300, graphicTop: 60 },
          { frameTop: -300, graphicTop: 0 },
        ],
        inset,
      ),
    ).toEqual([0, 60]);
  });
});

describe('graphicTops', () => {
  const host = [
    { t: 0, frameTop: -300, graphicFrameTop: 0 },
    { t: FRAME, frameTop: -350, graphicFrameTop: 0 },
  ];
  it('relay: the text frame top plus the graphic layer top of the paired story frame', () => {
    const story = [
      { t: 0.1, layerTop: 300 },
      { t: FRAME + 0.1, layerTop: 320 }, // a frame behind: should be 350
    ];
    expect(graphicTops(host, story, 'relay').map((f) => f.graphicTop)).toEqual([0, -30]);
    const errors = placeErrors(graphicTops(host, story, 'relay'), { rest: 0, sectionTop: 200, sectionHeight: 4000, graphicHeight: 500 });
    expect(errors).toEqual([0, 30]);
  });
  it('sticky: the graphic frame top on the host, whatever the text frame drew', () => {
    expect(graphicTops(host, [], 'sticky').map((f) => f.graphicTop)).toEqual([0, 0]);
  });
});

describe('missedFrames', () => {
  it('counts the frames skipped in gaps between frame times', () => {
    expect(missedFrames([0, FRAME, 2 * FRAME])).toBe(0);
    expect(missedFrames([0, FRAME, 4 * FRAME, 5 * FRAME])).toBe(2);
  });
});

describe('lagSummary', () => {
  it('gives the shares over 8 and 50 px, p95 and max', () => {
    const errors = [...Array.from({ length: 90 }, () => 0), ...Array.from({ length: 6 }, () => 20), 60, 70, 80, 90];
    const s = lagSummary(errors);
    expect(s.frames).toBe(100);
    expect(s.over8).toBeCloseTo(0.1);
    expect(s.over50).toBeCloseTo(0.04);
    expect(s.medianPx).toBe(0);
    expect(s.p95Px).toBe(20);
    expect(s.maxPx).toBe(90);
  });
  it('is empty for no frames', () => {
    expect(lagSummary([])).toEqual({ frames: 0, over8: null, over50: null, medianPx: null, p95Px: null, maxPx: null });
  });
});

describe('longFramesIn', () => {
  it('counts the long frames that began inside the window, those that blocked the main thread, and the longest', () => {
    const entries = [
      { start: 50, duration: 300, blocking: 250 }, // before: a long frame at load
      { start: 120, duration: 60, blocking: 0 }, // long, the main thread free: waited
      { start: 180, duration: 90, blocking: 12 }, // a task of 62 ms in it
      { start: 200, duration: 55 }, // no blocking figure: not counted as blocking
      { start: 260, duration: 400, blocking: 350 }, // after
    ];
    expect(longFramesIn(entries, 100, 250)).toEqual({ count: 3, blocking: 1, longestMs: 90 });
    expect(longFramesIn(entries, 1000, 2000)).toEqual({ count: 0, blocking: 0, longestMs: 0 });
  });
});

describe('embedLagReport --processes', () => {
  it('takes isolated (desktop) or shared (a phone: host and story on one main thread), and names both when given another', async () => {
    const { embedLagReport } = await import('../../../scripts/bench/embedLag.mjs');
    await expect(embedLagReport({ processes: 'one-per-frame' })).rejects.toThrow('embedLag: processes one-per-frame is not one of isolated, shared');
  });
});

describe('embedLag summarize: the story frame’s step control in sticky mode', () => {
  const pass = (stepControl: { over8: number; over50: number; p95Px: number; maxPx: number } | null) => ({
    cpu: 4,
    frames: 300,
    over8: 0,
    over50: 0,
    p95Px: 0,
    maxPx: 0,
    longFrames: { count: 0, blocking: 0, longestMs: 0 },
    storyLongFrames: { count: 0, blocking: 0, longestMs: 0 },
    inputMs: 5000,
    hostCpuMsPerS: 0,
    renderersCpuMsPerS: 0,
    gpuCpuMsPerS: 0,
    hostFramesMissed: 0,
    stepControl,
  });
  it('takes the median of each run’s trail (max the largest), and none where the relay draws the layers itself', async () => {
    const { summarize, formatEmbedLag } = await import('../../../scripts/bench/embedLag.mjs');
    const table = summarize([
      { setup: 'sticky', input: 'wheel', mode: 'sticky', passes: [pass({ over8: 0.5, over50: 0.3, p95Px: 120, maxPx: 200 })] },
      { setup: 'sticky', input: 'wheel', mode: 'sticky', passes: [pass({ over8: 0.7, over50: 0.1, p95Px: 80, maxPx: 150 })] },
      { setup: 'sticky', input: 'wheel', mode: 'sticky', passes: [pass({ over8: 0.6, over50: 0.2, p95Px: 100, maxPx: 120 })] },
      { setup: 'fallback', input: 'wheel', mode: 'relay', passes: [pass(null)] },
    ]);
    expect(table.map((r: { stepControl: unknown }) => r.stepControl)).toEqual([{ over8: 0.6, over50: 0.2, p95Px: 100, maxPx: 200 }, null]);
    const text = formatEmbedLag({ table, settings: { runs: 3 } });
    expect(text).toContain('> 8 px 60%, > 50 px 20%, p95 100 / max 200 px');
    expect(text.split('\n')[2].trimEnd().endsWith(' -')).toBe(true);
  });
});
