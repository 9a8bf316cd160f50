import { describe, expect, it } from 'vitest';
import { dataset } from '../../../src/story/data/dataset.ts';
import type { TimelineEvent } from '../../../src/story/data/types.ts';
import { boxesOverlap } from '../../../src/kit/graphics/text.ts';
import { estimateTextWidth } from '../../../src/kit/graphics/text.ts';
import { isoToDay, placeShortLabels, timelineView, unitsPerDay, yearStarts } from '../../../src/story/graphics/timeline/timelineLayout.ts';
import { BOXES } from './boxes.ts';

const ev = (id: string, date: string, shortLabel = id): TimelineEvent => ({ id, date, label: id, shortLabel, sourceIds: [] });
const events = [ev('a', '2023-03-14'), ev('b', '2023-06-02'), ev('c', '2023-06-05'), ev('d', '2023-07-17'), ev('e', '2023-07-17')];

describe('isoToDay', () => {
  it('counts whole days', () => {
    expect(isoToDay('2023-06-05') - isoToDay('2023-06-02')).toBe(3);
    expect(isoToDay('2024-01-01') - isoToDay('2023-01-01')).toBe(365);
    expect(isoToDay('2024-03-01') - isoToDay('2024-02-01')).toBe(29);
    expect(isoToDay('1970-01-01')).toBe(0);
  });
});

describe('unitsPerDay', () => {
  it('keeps each focus event in view when the window reaches the next event', () => {
    const all = dataset.timeline;
    const focus = ['loach-event', 'barred', 'starmer-defends', 'resigns'];
    const k = unitsPerDay(all, focus, 200, 36, 3);
    for (const id of focus) {
      const i = all.findIndex((e) => e.id === id);
      const gap = isoToDay(all[i + 1].date) - isoToDay(all[i].date);
      expect(gap * k).toBeLessThanOrEqual(200 - 36 + 1e-9);
    }
    expect(k).toBeGreaterThan(0);
  });
  it('is capped by maxScale and ignores gaps after events that are not focus events', () => {
    expect(unitsPerDay(events, ['b'], 200, 0, 3)).toBe(3);
    expect(unitsPerDay(events, ['a'], 200, 0, 3)).toBeCloseTo(200 / 80);
  });
});

describe('placeShortLabels', () => {
  const x = (day: number) => (day - isoToDay('2023-01-01')) * 0.5;
  const opts = { rows: 3, rowHeight: 18, top: 160, padding: 6 };
  it('never overlaps two labels in a row and skips the highlighted event', () => {
    const labels = placeShortLabels(dataset.timeline, 'barred', x, opts);
    expect(labels.some((l) => l.id === 'barred')).toBe(false);
    for (let i = 0; i < labels.length; i += 1) {
      for (let j = i + 1; j < labels.length; j += 1) {
        if (labels[i].row === labels[j].row) expect(boxesOverlap(labels[i].box, labels[j].box)).toBe(false);
      }
    }
  });
  it('centres each label on its event and leaves out labels with no free row', () => {
    const crowd = [ev('p', '2023-06-01', 'First'), ev('q', '2023-06-01', 'Second'), ev('r', '2023-06-01', 'Third'), ev('s', '2023-06-01', 'Fourth')];
    const labels = placeShortLabels(crowd, 'none', x, opts);
    expect(labels.map((l) => l.row)).toEqual([0, 1, 2]);
    for (const l of labels) expect(l.box.x + l.box.width / 2).toBeCloseTo(x(isoToDay('2023-06-01')));
  });
});

describe('yearStarts', () => {
  it('covers the span of the events, plus the following year', () => {
    expect(yearStarts(events).map((y) => y.year)).toEqual([2023, 2024]);
    expect(yearStarts(events)[1].day).toBe(isoToDay('2024-01-01'));
    expect(yearStarts([])).toEqual([]);
  });
});

describe.each(BOXES)('timelineView in $name', ({ width, height, font, least }) => {
  const focus = ['loach-event', 'barred', 'starmer-defends', 'resigns'];
  it.each(focus)('%s: the event’s mark sits under its centred title; every label is inside the box', (id) => {
    const v = timelineView(dataset.timeline, id, focus, '17 July 2023', width, height, font);
    const event = dataset.timeline.find((e) => e.id === id)!;
    // The mark, shifted into view, is at the centre, where the title is centred.
    expect(Math.abs((isoToDay(event.date) - v.day0) * v.k + v.shift - width / 2)).toBeLessThanOrEqual(0.2);
    expect(v.font).toBeGreaterThanOrEqual(least);
    expect(v.height).toBeLessThanOrEqual(height);
    for (const line of v.titleLines) expect(estimateTextWidth(line, v.titleFont)).toBeLessThanOrEqual(width);
    for (const l of v.labels) {
      expect(l.box.x + v.shift).toBeGreaterThanOrEqual(0);
      expect(l.box.x + l.box.width + v.shift).toBeLessThanOrEqual(width);
      expect(l.box.y + l.box.height).toBeLessThanOrEqual(v.height);
    }
    // The next event is in view, so the reader sees where the story goes.
    const next = dataset.timeline[dataset.timeline.indexOf(event) + 1];
    const nx = (isoToDay(next.date) - v.day0) * v.k + v.shift;
    expect(nx).toBeLessThanOrEqual(width);
  });
});
