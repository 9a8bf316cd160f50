import { describe, expect, it } from 'vitest';
import { derived } from '../../../src/data/dataset.ts';
import { formatCount, formatShare } from '../../../src/data/format.ts';
import { axisGeometry, BARS_PLOT, BARS_VIEW, GROWTH_END, growth, rowOrder, rowTop, shareScale } from '../../../src/graphics/bars/barsLayout.ts';
import { estimateTextWidth } from '../../../src/graphics/text.ts';

describe('growth', () => {
  it('is 0 at the start of the step and 1 from GROWTH_END on, early in the step', () => {
    expect(GROWTH_END).toBeGreaterThan(0);
    expect(GROWTH_END).toBeLessThanOrEqual(0.25);
    expect(growth(0)).toBe(0);
    expect(growth(GROWTH_END)).toBe(1);
    expect(growth(0.6)).toBe(1);
    expect(growth(1)).toBe(1);
  });
  it('rises monotonically in between, strictly inside (0, 1)', () => {
    let last = 0;
    for (let p = GROWTH_END / 20; p < GROWTH_END - 1e-9; p += GROWTH_END / 20) {
      const g = growth(p);
      expect(g).toBeGreaterThan(last);
      expect(g).toBeLessThan(1);
      last = g;
    }
  });
  it('clamps bad input', () => {
    expect(growth(-1)).toBe(0);
    expect(growth(Number.NaN)).toBe(0);
    expect(growth(Infinity)).toBe(0);
    expect(growth(5)).toBe(1);
  });
});

describe('shareScale', () => {
  const x = shareScale(
    derived.results,
    derived.pollRanked.map((p) => p.percent),
  );
  it('starts at zero and covers the largest poll or result share, rounded up to a tenth', () => {
    const [lo, hi] = x.domain();
    expect(lo).toBe(0);
    const largest = Math.max(...derived.results.map((r) => r.share), ...derived.pollRanked.map((p) => p.percent / 100));
    expect(hi).toBeGreaterThanOrEqual(largest);
    expect(hi - largest).toBeLessThan(0.1);
    expect(Math.round(hi * 10)).toBeCloseTo(hi * 10);
  });
  it('leaves room for every value label inside the view', () => {
    for (const r of derived.results) {
      const label = `${formatShare(r.share)} · ${formatCount(r.votes)}`;
      expect(x(r.share) + 6 + estimateTextWidth(label, 13, true)).toBeLessThanOrEqual(BARS_VIEW.width);
    }
  });
  it('maps 0 to the left edge of the plot', () => {
    expect(x(0)).toBe(BARS_PLOT.left);
  });
});

describe('rows', () => {
  it('use the result order for both variants', () => {
    expect(rowOrder(derived.results)).toEqual(derived.results.map((r) => r.id));
    expect(rowOrder(derived.results)[0]).toBe(derived.winnerId);
  });
  it('fit inside the view', () => {
    // Tick labels' descenders (about a quarter of the font size) stay inside the view.
    expect(axisGeometry(derived.results.length).labelBaseline + 4).toBeLessThanOrEqual(BARS_VIEW.height);
    expect(rowTop(1) - rowTop(0)).toBe(BARS_PLOT.rowHeight);
  });
});
