import { describe, expect, test } from 'vitest';
import {
  autoStableHeight,
  bandFromProbe,
  bandFromPym,
  bandFromRelay,
  feedAgreesWithProbe,
  hostScale,
  MAX_PREDICT_MS,
  PROBE_STRIP,
  PROBE_THRESHOLDS,
  relayLead,
  stripCount,
  unionOfRects,
} from '../../../src/kit/embed/bands.ts';

describe('bands from host numbers', () => {
  test('relay: the frame 1820 px above the viewport top means we show from y=1820', () => {
    const m = { type: 'viewport' as const, id: '', seq: 1, vw: 390, vh: 664, svh: 630, lvh: 748, top: -1820, left: 0, width: 390, height: 5400, insetTop: 0 };
    expect(bandFromRelay(m)).toEqual({ viewportTop: 1820, viewportHeight: 664 });
    // A 60 px sticky site header hides the top of the viewport.
    expect(bandFromRelay({ ...m, insetTop: 60 })).toEqual({ viewportTop: 1880, viewportHeight: 604 });
  });
  test('pym: six numbers, vw vh top left bottom right', () => {
    expect(bandFromPym({ type: 'viewport-iframe-position', vw: 800, vh: 600, top: 300, left: 0, bottom: 2800, right: 800 })).toEqual({
      viewportTop: -300,
      viewportHeight: 600,
    });
  });
});

describe('bands from probe strips', () => {
  test('clipped at both ends: exact, and measures the viewport', () => {
    expect(bandFromProbe({ top: 1200, bottom: 2000, frameHeight: 9000 }, 700)).toEqual({ viewportTop: 1200, viewportHeight: 800, measured: true });
  });
  test('frame entering from below: the top is unknown, taken from the known height', () => {
    expect(bandFromProbe({ top: 0, bottom: 300, frameHeight: 9000 }, 800)).toEqual({ viewportTop: -500, viewportHeight: 800, measured: false });
  });
  test('frame leaving at the top: the top is exact', () => {
    expect(bandFromProbe({ top: 8700, bottom: 9000, frameHeight: 9000 }, 800)).toEqual({ viewportTop: 8700, viewportHeight: 800, measured: false });
  });
  test('the known height never undercuts what is visibly there', () => {
    expect(bandFromProbe({ top: 8000, bottom: 9000, frameHeight: 9000 }, 700).viewportHeight).toBe(1000);
  });
  test('a frame wholly on screen is centred', () => {
    expect(bandFromProbe({ top: 0, bottom: 400, frameHeight: 400 }, 800)).toEqual({ viewportTop: -200, viewportHeight: 800, measured: false });
  });
  test('union of strips', () => {
    expect(unionOfRects([])).toBeNull();
    expect(
      unionOfRects([
        [40, 80],
        [0, 40],
        [80, 95],
      ]),
    ).toEqual({ top: 0, bottom: 95 });
  });
  test('strips cover the whole frame', () => {
    expect(stripCount(0)).toBe(1);
    expect(stripCount(PROBE_STRIP * 10)).toBe(10);
    expect(stripCount(PROBE_STRIP * 10 + 1)).toBe(11);
  });
  test('strips see the band to 2 px, with few enough of them to be cheap on every scrolled frame', () => {
    // A threshold is crossed every strip height / (thresholds - 1) px of a strip's edge moving.
    expect(PROBE_THRESHOLDS[0]).toBe(0);
    expect(PROBE_THRESHOLDS[PROBE_THRESHOLDS.length - 1]).toBe(1);
    const gaps = PROBE_THRESHOLDS.slice(1).map((t, i) => (t - PROBE_THRESHOLDS[i]) * PROBE_STRIP);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2 + 1e-9);
    // The story's auto-height frame is about 22,000 px tall in a desktop column; 40 px strips made 550 targets.
    expect(stripCount(22_000)).toBeLessThanOrEqual(110);
  });
});

describe('autoStableHeight', () => {
  test('fixed per width: viewport height changes alone never move the layout', () => {
    const stable = autoStableHeight();
    expect(stable(760, 800, true)).toBe(800);
    expect(stable(760, 600, true)).toBe(800);
    expect(stable(760, 1000, true)).toBe(800);
    expect(stable(390, 844, true)).toBe(844);
  });
  test('a guess gives way to the first measurement, once', () => {
    const stable = autoStableHeight();
    expect(stable(760, 600, false)).toBe(600);
    expect(stable(760, 700, false)).toBe(600);
    expect(stable(760, 800, true)).toBe(800);
    expect(stable(760, 900, true)).toBe(800);
  });
});

describe('zoomed and scaled hosts, prediction, and evidence (issue #10, cases 4, 5 and 11)', () => {
  const m = { type: 'viewport' as const, id: '', seq: 1, vw: 1280, vh: 800, svh: 800, lvh: 800, top: -1500, left: 0, width: 780, height: 30_000, insetTop: 72 };
  test('hostScale: host pixels per story pixel; near 1 and nonsense are 1', () => {
    expect(hostScale(780, 520)).toBe(1.5);
    expect(hostScale(684, 760)).toBeCloseTo(0.9);
    expect(hostScale(761, 760)).toBe(1);
    expect(hostScale(0, 760)).toBe(1);
    expect(hostScale(780, 0)).toBe(1);
  });
  test('relay numbers in a page zoomed 1.5x become our pixels', () => {
    expect(bandFromRelay(m, 1.5)).toEqual({ viewportTop: (72 + 1500) / 1.5, viewportHeight: (800 - 72) / 1.5 });
    expect(bandFromPym({ type: 'viewport-iframe-position', vw: 1280, vh: 800, top: -1500, left: 0, bottom: 28_500, right: 780 }, 1.5)).toEqual({
      viewportTop: 1000,
      viewportHeight: 800 / 1.5,
    });
  });
  test('a moving frame is looked ahead by its speed, within a cap; a still one is not', () => {
    expect(relayLead({ ...m, vy: 0 }, 1, 40)).toBe(0);
    // Scrolling down: the frame's top falls at 2 px/ms; 20 ms on, the reader is 40 px further in.
    expect(relayLead({ ...m, vy: -2 }, 1, 20)).toBe(40);
    expect(relayLead({ ...m, vy: -2 }, 2, 20)).toBe(20);
    expect(relayLead({ ...m, vy: -40 }, 1, 1000)).toBeLessThanOrEqual(120);
    expect(relayLead({ ...m, vy: -2 }, 1, 1000)).toBe(2 * MAX_PREDICT_MS);
    // The band itself (which picks the step) is never predicted.
    expect(bandFromRelay({ ...m, vy: -40 }).viewportTop).toBe(1572);
  });
  test('feedAgreesWithProbe: the same visible part within the tolerance; a feed left behind does not agree', () => {
    const reading = { top: 1500, bottom: 2300, frameHeight: 30_000 };
    expect(feedAgreesWithProbe({ top: 1500, bottom: 2300 }, reading)).toBe(true);
    expect(feedAgreesWithProbe({ top: 1530, bottom: 2330 }, reading)).toBe(true);
    expect(feedAgreesWithProbe({ top: 400, bottom: 1200 }, reading)).toBe(false);
    expect(feedAgreesWithProbe({ top: -5000, bottom: -4200 }, reading)).toBe(false);
  });
});
