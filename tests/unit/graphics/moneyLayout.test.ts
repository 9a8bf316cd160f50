import { describe, expect, it } from 'vitest';
import { moneyText } from '../../../src/story/graphics/money/MoneyGraphic.tsx';
import { storyChartModel } from '../../../src/story/graphics/storyChartModel.ts';
import { amountLabel, moneyLayout, splitWhen } from '../../../src/story/graphics/money/moneyLayout.ts';
import { boxesOverlap } from '../../../src/kit/graphics/text.ts';
import { BOXES } from './boxes.ts';

const dataset = storyChartModel.data;
const MONEY_TEXT = moneyText(storyChartModel);

describe('amountLabel', () => {
  it('shows "past" and "more than" as a trailing plus', () => {
    expect(amountLabel(93000, 'more than', MONEY_TEXT.units)).toBe('£93,000+');
    expect(amountLabel(25000, 'past', MONEY_TEXT.units)).toBe('£25,000+');
  });
  it('marks an approximate figure', () => {
    expect(amountLabel(5000, 'about', MONEY_TEXT.units)).toBe('c. £5,000');
  });
});

describe('splitWhen', () => {
  it('shortens the sources’ dates for the axis', () => {
    expect(splitWhen('17 Jul 2023, within about two hours', MONEY_TEXT.units)).toEqual(['17 Jul', '2023']);
    expect(splitWhen('17–18 Jul 2023', MONEY_TEXT.units)).toEqual(['17–18 Jul', '2023']);
    expect(splitWhen('about 19 Jul 2023', MONEY_TEXT.units)).toEqual(['c. 19 Jul', '2023']);
    expect(splitWhen('late Aug 2023', MONEY_TEXT.units)).toEqual(['late Aug', '2023']);
    expect(splitWhen('early 2024', MONEY_TEXT.units)).toEqual(['early', '2024']);
    expect(splitWhen('2024, before mid-April', MONEY_TEXT.units)).toEqual(['2024', '']);
  });
});

describe('crowdfunder positions (issue 9, item 3)', () => {
  const layout = moneyLayout(dataset.fundraising, MONEY_TEXT, 390, 360, 13);
  const { milestones } = dataset.fundraising.crowdfunder;

  it('places the milestones in the order reported, evenly spaced (not in time), then the union donation', () => {
    expect(layout.bars.filter((b) => b.kind === 'milestone').map((b) => b.id)).toEqual(milestones.map((m) => m.id));
    const steps = layout.bars.slice(1).map((b, i) => b.x - layout.bars[i].x);
    expect(Math.max(...steps) - Math.min(...steps)).toBeLessThanOrEqual(0.1 + 1e-9);
    expect(new Set(layout.bars.map((b) => b.width)).size).toBe(1);
    expect(layout.bars[layout.bars.length - 1]).toMatchObject({ kind: 'union', id: 'rmt', amount: 10000, valueLabel: '£10,000' });
  });

  it('says so on the chart, and dates each bar under the axis', () => {
    expect(MONEY_TEXT.note).toMatch(/not to a time scale/);
    expect(layout.noteLines.join(' ')).toBe(MONEY_TEXT.note);
    milestones.forEach((m, i) => expect(layout.bars[i].axisLines.join(' ')).toBe(splitWhen(m.when, MONEY_TEXT.units).join(' ').trim()));
  });

  it('draws heights in proportion to the amounts from a zero baseline', () => {
    const perPound = layout.bars[0].height / layout.bars[0].amount;
    for (const b of layout.bars) {
      expect(b.y + b.height).toBeCloseTo(layout.baseline, 0);
      expect(Math.abs(b.height - perPound * b.amount)).toBeLessThanOrEqual(0.2);
    }
  });
});

describe.each(BOXES)('moneyLayout in $name', ({ width, height, font, least }) => {
  const layout = moneyLayout(dataset.fundraising, MONEY_TEXT, width, height, font);
  it('fits the box, with text at the floor or more and every label inside it, none overlapping', () => {
    expect(layout.font).toBeGreaterThanOrEqual(least);
    expect(layout.height).toBeLessThanOrEqual(height);
    for (const { box } of layout.labelBoxes) {
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
      expect(box.y).toBeGreaterThanOrEqual(0);
      expect(box.y + box.height).toBeLessThanOrEqual(layout.height);
    }
    const clashes: string[] = [];
    layout.labelBoxes.forEach((a, i) => layout.labelBoxes.slice(i + 1).forEach((b) => boxesOverlap(a.box, b.box, 0.5) && clashes.push(`${a.id} × ${b.id}`)));
    expect(clashes).toEqual([]);
  });
  it('draws no label over a bar (a wide label at a large text size reaches over its neighbours’ bands), nor across the target line in rows', () => {
    expect(layout.barBoxes).toHaveLength(layout.bars.length);
    // In rows the target is a vertical line through the rows: no label may be crossed by it either.
    const { x1, y1, y2 } = layout.target;
    const line = layout.mode === 'columns' ? [] : [{ id: 'target line', box: { x: x1 - 1, y: y1, width: 2, height: y2 - y1 } }];
    const over: string[] = [];
    layout.labelBoxes.forEach((l) => [...layout.barBoxes, ...line].forEach((b) => boxesOverlap(l.box, b.box, 0.5) && over.push(`${l.id} × ${b.id}`)));
    expect(over).toEqual([]);
  });

  // In columns the target is a line across the plot: every bar's figure on its bar's side of it,
  // clear of it, its box as a browser measures it (0.93 em over the baseline, 0.24 under). The union's
  // £10,000, over its short bar, sat across it at 844 × 390.
  it('draws every bar’s figure on its bar’s side of the target line in columns, clear of it', () => {
    const f = layout.font;
    const y = layout.target.y1;
    const target = dataset.fundraising.crowdfunder.targetPounds;
    const wrong =
      layout.mode === 'columns' ? layout.bars.filter((b) => (b.amount < target ? b.valueBaseline - f * 0.93 < y + 1 : b.valueBaseline + f * 0.24 > y - 1)) : [];
    expect(wrong.map((b) => `${b.valueLabel} (baseline ${b.valueBaseline}, line ${y})`)).toEqual([]);
  });
});

describe('moneyLayout at 200% text size in a 1280 × 800 desktop column (605 × 672)', () => {
  const layout = moneyLayout(dataset.fundraising, MONEY_TEXT, 605, 672, 26);
  it('keeps the reader’s 26 px, its target label clear of the bars and inside the box', () => {
    expect(layout.font).toBe(26);
    const label = layout.labelBoxes.find((l) => l.id === 'target:0')!.box;
    expect(label.x + label.width).toBeLessThanOrEqual(605);
    if (layout.mode === 'columns') {
      const previous = layout.bars[layout.bars.length - 2];
      expect(label.x).toBeGreaterThanOrEqual(previous.x + previous.width);
    }
  });
});

describe('moneyLayout in desktop columns', () => {
  it.each([
    [640, 639],
    [640, 1279],
  ])('%i × %i at 15 px: columns (a figure sitting on its bar at the target is not on the line)', (width, height) => {
    expect(moneyLayout(dataset.fundraising, MONEY_TEXT, width, height, 15).mode).toBe('columns');
  });
});

describe('moneyLayout in a box too small for any layout', () => {
  it('still returns its forced last resort (rows at the minimum font) rather than nothing', () => {
    // 150 × 188: a step's own graphic at 200% page zoom, before it is given room to grow.
    const layout = moneyLayout(dataset.fundraising, MONEY_TEXT, 150, 188, 13);
    expect(layout).not.toBeNull();
    expect(layout.mode).toMatch(/^rows/);
    expect(layout.line).toBeGreaterThan(0);
  });
});

describe('moneyLayout in the smallest bands', () => {
  it('keeps its title in a 320 × 568 phone’s band (289 × 178), at 11 px or more', () => {
    const layout = moneyLayout(dataset.fundraising, MONEY_TEXT, 289, 178, 13);
    expect(layout.titleLines.join(' ')).toBe(MONEY_TEXT.title);
    expect(layout.font).toBeGreaterThanOrEqual(11);
    expect(layout.height).toBeLessThanOrEqual(178);
  });
  it('at 200% text size in a 390 × 844 band (343 × 231): 16 px or more, every bar, the note kept', () => {
    const layout = moneyLayout(dataset.fundraising, MONEY_TEXT, 343, 231, 26);
    expect(layout.font).toBeGreaterThanOrEqual(16);
    expect(layout.bars).toHaveLength(dataset.fundraising.crowdfunder.milestones.length + dataset.fundraising.unionDonations.length);
    expect(layout.noteLines.join(' ')).toBe(MONEY_TEXT.note);
    expect(layout.height).toBeLessThanOrEqual(231);
  });
});
