import { describe, expect, it } from 'vitest';
import { dataset } from '../../../src/data/dataset.ts';
import { formatPounds } from '../../../src/data/format.ts';
import { amountLabel, MONEY_PLOT, MONEY_VIEW, moneyLabelBoxes, moneyLayout, splitWhen } from '../../../src/graphics/money/moneyLayout.ts';
import { boxesOverlap } from '../../../src/graphics/text.ts';

describe('amountLabel', () => {
  it('shows "past" and "more than" as a trailing plus', () => {
    expect(amountLabel(93000, 'more than')).toBe('£93,000+');
    expect(amountLabel(25000, 'past')).toBe('£25,000+');
  });
  it('marks an approximate figure', () => {
    expect(amountLabel(5000, 'about')).toBe('c. £5,000');
  });
});

describe('splitWhen', () => {
  it('shortens the sources’ dates to two axis lines', () => {
    expect(splitWhen('17 Jul 2023, within about two hours')).toEqual(['17 Jul', '2023']);
    expect(splitWhen('17–18 Jul 2023')).toEqual(['17–18 Jul', '2023']);
    expect(splitWhen('about 19 Jul 2023')).toEqual(['c. 19 Jul', '2023']);
    expect(splitWhen('late Aug 2023')).toEqual(['late Aug', '2023']);
    expect(splitWhen('early 2024')).toEqual(['early', '2024']);
    expect(splitWhen('2024, before mid-April')).toEqual(['2024', '']);
  });
});

describe('moneyLayout', () => {
  const layout = moneyLayout(dataset.fundraising);
  const { milestones, targetPounds } = dataset.fundraising.crowdfunder;
  const milestoneBars = layout.bars.filter((b) => b.kind === 'milestone');

  it('keeps the milestones in the order reported, left to right, then the union donation', () => {
    expect(milestoneBars.map((b) => b.id)).toEqual(milestones.map((m) => m.id));
    const xs = layout.bars.map((b) => b.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(layout.bars[layout.bars.length - 1]).toMatchObject({ kind: 'union', id: 'rmt', amount: 10000, valueLabel: '£10,000' });
    expect(layout.bars[layout.bars.length - 1].axisLines[0]).toBe('RMT');
  });

  it('uses a band scale: equal widths and equal steps whatever the dates', () => {
    const widths = new Set(layout.bars.map((b) => b.width.toFixed(6)));
    expect(widths.size).toBe(1);
    // Equal steps, up to the 0.1-unit rounding of coordinates.
    const steps = layout.bars.slice(1).map((b, i) => b.x - layout.bars[i].x);
    expect(Math.max(...steps) - Math.min(...steps)).toBeLessThanOrEqual(0.1 + 1e-9);
  });

  it('draws heights in proportion to the amounts from a zero baseline', () => {
    for (const b of layout.bars) {
      expect(b.y + b.height).toBeCloseTo(MONEY_PLOT.bottom);
      expect(b.height / b.amount).toBeCloseTo(layout.bars[0].height / layout.bars[0].amount, 6);
    }
    expect(MONEY_PLOT.bottom - layout.targetY).toBeCloseTo((layout.bars[0].height / layout.bars[0].amount) * targetPounds, 6);
    expect(layout.yMax).toBeGreaterThanOrEqual(Math.max(...milestones.map((m) => m.amountPounds)));
  });

  it('labels every milestone with its amount and qualifier', () => {
    expect(milestoneBars.map((b) => b.valueLabel)).toEqual(milestones.map((m) => amountLabel(m.amountPounds, m.qualifier)));
    expect(milestoneBars.find((b) => b.amount === 93000)!.valueLabel).toBe('£93,000+');
  });

  it('places every label (values, axis, target) inside the view with no two overlapping', () => {
    const boxes = moneyLabelBoxes(layout, [formatPounds(targetPounds), 'target']);
    expect(boxes.length).toBe(layout.bars.reduce((n, b) => n + 1 + b.axisLines.filter(Boolean).length, 0) + 2);
    for (const { box } of boxes) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(MONEY_VIEW.width);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(MONEY_VIEW.height);
    }
    const clashes: string[] = [];
    boxes.forEach((a, i) => boxes.slice(i + 1).forEach((b) => boxesOverlap(a.box, b.box) && clashes.push(`${a.id} × ${b.id}`)));
    expect(clashes).toEqual([]);
  });

  it('keeps labels clear of the bars they do not belong to', () => {
    const boxes = moneyLabelBoxes(layout, [formatPounds(targetPounds), 'target']);
    const clashes: string[] = [];
    for (const { id, box } of boxes) {
      for (const bar of layout.bars) {
        if (id.startsWith(`${bar.id}:`)) continue;
        if (boxesOverlap(box, { x: bar.x, y: bar.y, width: bar.width, height: bar.height })) clashes.push(`${id} × ${bar.id}`);
      }
    }
    expect(clashes).toEqual([]);
  });
});
