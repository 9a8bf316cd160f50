import { describe, expect, it } from 'vitest';
import { barsInput } from '../../../src/story/graphics/bars/BarsGraphic.tsx';
import { storyChartModel } from '../../../src/story/graphics/storyChartModel.ts';
import { barsLayout, GROWTH_END, growth, rowOrder } from '../../../src/story/graphics/bars/barsLayout.ts';
import { estimateTextWidth } from '../../../src/kit/graphics/text.ts';
import { BOXES } from './boxes.ts';
import { boxFor } from '../../../src/story/graphics/registry.ts';

const { derived } = storyChartModel;
const { rows: BARS_ROWS } = barsInput(storyChartModel);

describe('growth', () => {
  it('is 0 at the start of the step and 1 from GROWTH_END on, early in the step', () => {
    expect(GROWTH_END).toBeGreaterThan(0);
    expect(GROWTH_END).toBeLessThanOrEqual(0.25);
    expect(growth(0)).toBe(0);
    expect(growth(GROWTH_END)).toBe(1);
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
    expect(growth(5)).toBe(1);
  });
});

describe('rowOrder', () => {
  it('uses the result order for both variants', () => {
    expect(rowOrder(derived.results)).toEqual(derived.results.map((r) => r.id));
  });
});

describe.each(BOXES)('barsLayout in $name', ({ width, height, font, least }) => {
  const layout = barsLayout(BARS_ROWS, width, height, font);
  const name = (r: (typeof BARS_ROWS)[number]) => (layout.partyShown ? r.name : r.surname);

  it('fits the box with every candidate and text at the floor or more', () => {
    expect(layout.rows.map((r) => r.id)).toEqual(BARS_ROWS.map((r) => r.id));
    expect(layout.font).toBeGreaterThanOrEqual(least);
    expect(layout.font).toBeLessThanOrEqual(font);
    expect(layout.height).toBeLessThanOrEqual(height);
  });

  it('draws poll and result on one scale, with every value label inside the box', () => {
    // Both bars of every row come from the one x scale (up to the 0.1 px rounding of coordinates).
    layout.rows.forEach((r, i) => {
      expect(Math.abs(r.resultWidth - (layout.x(BARS_ROWS[i].share) - layout.left))).toBeLessThanOrEqual(0.051);
      expect(Math.abs(r.pollWidth - (layout.x(BARS_ROWS[i].poll) - layout.left))).toBeLessThanOrEqual(0.051);
    });
    layout.rows.forEach((r, i) => {
      const input = BARS_ROWS[i];
      const value = layout.votesShown ? input.resultLabel : input.shareLabel;
      expect(layout.left + r.resultWidth + 6 + estimateTextWidth(value, layout.font, true)).toBeLessThanOrEqual(width);
      if (layout.pollFiguresShown) expect(layout.left + r.pollWidth + 6 + estimateTextWidth(input.ghostLabel, layout.font)).toBeLessThanOrEqual(width);
      else expect(layout.left + r.pollWidth + 6 + estimateTextWidth(input.pollLabel, layout.font, true)).toBeLessThanOrEqual(width);
      if (layout.mode !== 'stacked') expect(estimateTextWidth(name(input), layout.font, true)).toBeLessThanOrEqual(layout.left);
      else expect(layout.left + estimateTextWidth(name(input), layout.font, true)).toBeLessThanOrEqual(width - 2);
      if (layout.mode === 'compact' && layout.pollFiguresShown)
        expect(r.ghostLabelX + estimateTextWidth(input.ghostLabel, layout.font)).toBeLessThanOrEqual(width);
    });
  });

  it('keeps rows apart and tick labels inside', () => {
    layout.rows.slice(1).forEach((r, i) => expect(r.barY).toBeGreaterThan(layout.rows[i].ghostY + layout.rows[i].ghostHeight));
    for (const t of layout.ticks) {
      const w = estimateTextWidth(`${Math.round(t.value * 100)}%`, layout.font);
      const x0 = t.anchor === 'start' ? t.x : t.anchor === 'end' ? t.x - w : t.x - w / 2;
      expect(x0).toBeGreaterThanOrEqual(-0.5);
      expect(x0 + w).toBeLessThanOrEqual(width + 0.5);
    }
  });
});

// A 320 px phone at 200% zoom lays out 160 CSS px: stacked, each chart 129 px wide and as tall as it
// needs. No name column fits beside the bars there: the value labels ran out of the box (12 of them).
describe('barsLayout in a stacked copy 129 px wide (a 320 × 568 phone at 200% page zoom)', () => {
  const box = boxFor('bars', { width: 129, height: 0, root: 16 }, true);
  const layout = barsLayout(BARS_ROWS, box.width, box.height, box.font);

  it('puts the names above the bars, each within the width, and keeps every share inside the box at 11 px or more', () => {
    expect(layout.mode).toBe('stacked');
    expect(layout.font).toBeGreaterThanOrEqual(11);
    expect(layout.height).toBeLessThanOrEqual(box.height);
    layout.rows.forEach((r, i) => {
      const input = BARS_ROWS[i];
      expect(layout.left + estimateTextWidth(layout.partyShown ? input.name : input.surname, layout.font, true)).toBeLessThanOrEqual(box.width - 2);
      const value = layout.votesShown ? input.resultLabel : input.shareLabel;
      expect(layout.left + r.resultWidth + 6 + estimateTextWidth(value, layout.font, true)).toBeLessThanOrEqual(box.width);
    });
  });
});

describe('barsLayout in a short band (374 × 190, a short band on a 390 px phone)', () => {
  const layout = barsLayout(BARS_ROWS, 374, 190, 13);

  it('uses the compact form: every candidate on one line each, inside the box, text at least 11 px', () => {
    expect(layout.mode).toBe('compact');
    expect(layout.rows).toHaveLength(BARS_ROWS.length);
    expect(layout.font).toBeGreaterThanOrEqual(11);
    expect(layout.height).toBeLessThanOrEqual(190);
    const last = layout.rows[layout.rows.length - 1];
    expect(last.ghostY + last.ghostHeight).toBeLessThanOrEqual(190);
    expect(layout.ticks).toEqual([]);
  });

  it('puts the poll figure on the result’s line, after the value label, both inside the box', () => {
    layout.rows.forEach((r, i) => {
      const input = BARS_ROWS[i];
      expect(r.ghostBaseline).toBe(r.barBaseline);
      const value = layout.votesShown ? input.resultLabel : input.shareLabel;
      const valueEnd = layout.left + r.resultWidth + 6 + estimateTextWidth(value, layout.font, true);
      expect(r.ghostLabelX).toBeGreaterThanOrEqual(valueEnd);
      expect(r.ghostLabelX + estimateTextWidth(input.ghostLabel, layout.font)).toBeLessThanOrEqual(374);
      expect(r.ghostLabelX).toBeGreaterThanOrEqual(layout.left + r.pollWidth + 6);
      expect(estimateTextWidth(layout.partyShown ? input.name : input.surname, layout.font, true)).toBeLessThanOrEqual(layout.left);
      expect(r.nameX).toBe(0);
    });
  });

  it('keeps text larger than the default where the reader has doubled it (26 px in a 390 × 360 band)', () => {
    const big = barsLayout(BARS_ROWS, 390, 360, 26);
    expect(big.font).toBeGreaterThan(13);
    expect(big.height).toBeLessThanOrEqual(360);
  });
});

describe('barsLayout in a 390 × 844 phone’s band (374 × 220: the chart under a caption that holds every state’s room)', () => {
  it('keeps the names beside the bars and the share axis, at 11 px or more, every row inside the box', () => {
    const layout = barsLayout(BARS_ROWS, 374, 220, 13);
    expect(layout.mode).toBe('side');
    expect(layout.ticks.length).toBeGreaterThan(1);
    expect(layout.font).toBeGreaterThanOrEqual(11);
    expect(layout.height).toBeLessThanOrEqual(220);
    expect(layout.rows).toHaveLength(BARS_ROWS.length);
  });
});

describe('barsLayout in the smallest bands', () => {
  it('at 320 × 568 (289 × 178): every candidate, 11 px or more, the share and the poll on each line, inside the box', () => {
    const layout = barsLayout(BARS_ROWS, 289, 178, 13);
    expect(layout.mode).toBe('compact');
    expect(layout.rows).toHaveLength(BARS_ROWS.length);
    expect(layout.font).toBeGreaterThanOrEqual(11);
    expect(layout.height).toBeLessThanOrEqual(178);
    layout.rows.forEach((r, i) => expect(r.ghostLabelX + estimateTextWidth(BARS_ROWS[i].ghostLabel, layout.font)).toBeLessThanOrEqual(289));
  });
  it('at 200% text size in a 390 × 844 band (343 × 231): 16 px or more, the surname kept where the party does not fit', () => {
    const layout = barsLayout(BARS_ROWS, 343, 231, 26);
    expect(layout.font).toBeGreaterThanOrEqual(16);
    expect(layout.rows).toHaveLength(BARS_ROWS.length);
    expect(layout.height).toBeLessThanOrEqual(231);
    for (const r of BARS_ROWS) expect(estimateTextWidth(layout.partyShown ? r.name : r.surname, layout.font, true)).toBeLessThanOrEqual(layout.left);
  });
});

describe('barsLayout at 200% text size where 16 px or the full form does not fit', () => {
  it('in a 320 × 568 phone’s band (273 × 231): 13 px or more (the default size), every candidate and share, inside the box', () => {
    const layout = barsLayout(BARS_ROWS, 273, 231, 26);
    expect(layout.font).toBeGreaterThanOrEqual(13);
    expect(layout.rows).toHaveLength(BARS_ROWS.length);
    expect(layout.height).toBeLessThanOrEqual(231);
    layout.rows.forEach((r, i) => {
      expect(layout.left + r.resultWidth + 6 + estimateTextWidth(BARS_ROWS[i].shareLabel, layout.font, true)).toBeLessThanOrEqual(273);
      expect(estimateTextWidth(BARS_ROWS[i].surname, layout.font, true)).toBeLessThanOrEqual(layout.left);
    });
  });
  it('in a 1024 × 768 desktop column (452 × 640): the reader’s floor (22 px)', () => {
    const layout = barsLayout(BARS_ROWS, 452, 640, 26);
    expect(layout.font).toBeGreaterThanOrEqual(22);
    expect(layout.height).toBeLessThanOrEqual(640);
  });
});

describe('the share axis (issue #18: a vote share never exceeds 100%)', () => {
  // Every box from a 150 px band to a 2560 px desktop column, short and tall, at 11 to 22 px text.
  const boxes = [150, 195, 240, 273, 320, 374, 480, 640, 900, 1280, 2560].flatMap((width) =>
    [120, 190, 260, 420, 640, 1280].flatMap((height) => [11, 13, 16, 22].map((font) => ({ width, height, font }))),
  );
  const largest = Math.max(...BARS_ROWS.map((r) => Math.max(r.share, r.poll)));

  it.each(boxes)('$width × $height at $font px: ticks from 0%, none past 100%, the last at or past the longest bar', ({ width, height, font }) => {
    const layout = barsLayout(BARS_ROWS, width, height, font);
    if (layout.ticks.length === 0) return;
    const values = layout.ticks.map((t) => t.value);
    expect(values[0]).toBe(0);
    expect(Math.max(...values)).toBeLessThanOrEqual(1);
    expect(values[values.length - 1]).toBeGreaterThanOrEqual(largest - 1e-9);
    // Not stretched: one step past the longest bar at most.
    const step = values[1] - values[0];
    expect(values[values.length - 1] - largest).toBeLessThan(step + 1e-9);
  });

  it('draws an axis in many of those boxes (the check above is not vacuous; the compact form has none)', () => {
    const withTicks = boxes.filter(({ width, height, font }) => barsLayout(BARS_ROWS, width, height, font).ticks.length > 1).length;
    // 124 of the 264 boxes today.
    expect(withTicks).toBeGreaterThan(100);
  });
});
