/**
 * Issue #18: the timeline down a desktop box. In a box at least 600 px wide and about as tall (0.85
 * times its width) or taller, the timeline runs down the box and uses its height: every other event
 * named on its own with its date, nothing overlapping or crossed, the current event's title level with
 * its mark; elsewhere (phones, a short laptop window) it stays across. A 1280 × 800 desktop's square
 * column (640 × 639) used to stay across, its drawing a strip under a blank band.
 */
import { describe, expect, it } from 'vitest';
import story from '../../../data/story.json';
import { dataset } from '../../../src/story/data/dataset.ts';
import { formatIsoDate } from '../../../src/story/data/format.ts';
import type { TimelineEvent } from '../../../src/story/data/types.ts';
import { boxesOverlap, type Box } from '../../../src/kit/graphics/text.ts';
import {
  dodgeColumn,
  isColumn,
  TALL_RATIO,
  timelineColumn,
  timelineFor,
  timelineSteps,
  type TimelineColumn,
} from '../../../src/story/graphics/timeline/timelineColumn.ts';
import { FOCUS_R, MARK_R } from '../../../src/story/graphics/timeline/timelineLayout.ts';

const words = story.graphicLabels.timeline;
const { months, monthsShort } = story.units;
const events = dataset.timeline;
const FOCUS = story.steps.filter((s) => s.graphic.startsWith('timeline:')).map((s) => s.graphic.slice('timeline:'.length));

const input = (id: string, width: number, height: number, font: number, list: readonly TimelineEvent[] = events) => ({
  events: list,
  eventId: id,
  focusIds: FOCUS,
  dateText: formatIsoDate(list.find((e) => e.id === id)!.date, months),
  formatDate: (iso: string) => formatIsoDate(iso, months),
  words,
  monthsShort,
  width,
  height,
  font,
});

/** Every text box the column draws, named. */
function texts(c: TimelineColumn): { name: string; box: Box }[] {
  return [
    { name: 'title', box: c.title.box },
    ...c.labels.map((l) => ({ name: `label ${l.id}`, box: l.box })),
    ...c.months.map((m) => ({ name: `month ${m.key}`, box: m.box })),
  ];
}

/** A segment crosses a box (sampled along its length; half a pixel of tolerance). */
function segmentCrosses(s: { x1: number; y1: number; x2: number; y2: number }, b: Box): boolean {
  for (let t = 0; t <= 1; t += 1 / 64) {
    const x = s.x1 + (s.x2 - s.x1) * t;
    const y = s.y1 + (s.y2 - s.y1) * t;
    if (x > b.x + 0.5 && x < b.x + b.width - 0.5 && y > b.y + 0.5 && y < b.y + b.height - 0.5) return true;
  }
  return false;
}
const circleIn = (cx: number, cy: number, r: number, b: Box) => cx + r > b.x && cx - r < b.x + b.width && cy + r > b.y && cy - r < b.y + b.height;

function problems(c: TimelineColumn): string[] {
  const found: string[] = [];
  const all = texts(c);
  for (let i = 0; i < all.length; i += 1) {
    const a = all[i];
    if (a.box.x < -0.5 || a.box.y < -0.5 || a.box.x + a.box.width > c.width + 0.5 || a.box.y + a.box.height > c.height + 0.5) found.push(`${a.name} outside`);
    for (let j = i + 1; j < all.length; j += 1) if (boxesOverlap(a.box, all[j].box)) found.push(`${a.name} overlaps ${all[j].name}`);
  }
  const segments = [
    { name: 'focus leader', own: 'title', s: { x1: c.focus.leaderX1, y1: c.focus.y, x2: c.focus.leaderX2, y2: c.focus.y + c.focus.leaderDy } },
    ...c.labels.map((l) => ({ name: `leader ${l.id}`, own: `label ${l.id}`, s: l.leader })),
    ...c.ticks.map((t) => ({ name: `tick ${t.y}`, own: '', s: { x1: t.x1, y1: t.y, x2: c.axisX, y2: t.y } })),
    { name: 'axis', own: '', s: { x1: c.axisX, y1: c.axisTop, x2: c.axisX, y2: c.axisBottom } },
  ];
  for (const { name, own, s } of segments) for (const t of all) if (t.name !== own && segmentCrosses(s, t.box)) found.push(`${name} crosses ${t.name}`);
  for (const m of c.marks) for (const t of all) if (circleIn(m.x, m.y, MARK_R, t.box)) found.push(`mark ${m.id} on ${t.name}`);
  for (const t of all) if (circleIn(c.focus.x, c.focus.y, FOCUS_R, t.box)) found.push(`focus mark on ${t.name}`);
  return found;
}

describe('dodgeColumn', () => {
  it('keeps items in order, apart by the gap, inside the range, each as near its wish as its neighbours allow', () => {
    const tops = dodgeColumn(
      [
        { wish: 10, height: 20 },
        { wish: 12, height: 20 },
        { wish: 200, height: 20 },
      ],
      5,
      0,
      300,
    )!;
    expect(tops[0]).toBeGreaterThanOrEqual(0);
    expect(tops[1]).toBeGreaterThanOrEqual(tops[0] + 25);
    expect(tops[2]).toBe(190);
  });
  it('gives up where the items do not fit', () => {
    expect(
      dodgeColumn(
        [
          { wish: 10, height: 60 },
          { wish: 20, height: 60 },
        ],
        5,
        0,
        100,
      ),
    ).toBeNull();
  });
});

describe('the timeline laid out in steps (for idle time)', () => {
  it.each([
    ['390 × 844 phone band', 359, 293, 13],
    ['320 × 568 phone band', 289, 190, 13],
    ['200% text, 1280 × 800', 605, 392, 30],
  ])('%s: the same layout as at once, in steps', (_, width, height, font) => {
    for (const id of FOCUS) {
      const steps = timelineSteps(input(id, width, height, font));
      let yields = 0;
      let step = steps.next();
      for (; !step.done; step = steps.next()) yields += 1;
      expect(step.value).toEqual(timelineFor(input(id, width, height, font)));
      // Each try is a step: a search of several tries stops between them (the idle queue's slices).
      expect(yields).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('which way the timeline runs', () => {
  it.each([
    ['390 × 844 phone band', 359, 293, 13, false],
    ['1280 × 560 short laptop window', 640, 399, 15, false],
    ['1280 × 800 desktop column', 640, 639, 15, true],
    ['1024 × 768 desktop column', 529, 704, 13, false],
    ['200% text, 2560 × 1440', 1280, 1119, 30, true],
    ['200% text, 1280 × 800', 605, 392, 30, false],
    ['2560 × 1440 desktop column', 640, 1279, 15, true],
    ['1920 × 1080 desktop column', 640, 919, 15, true],
  ])('%s (%i × %i at %i px): down the box %s', (_, width, height, font, down) => {
    for (const id of FOCUS) expect(isColumn(timelineFor(input(id, width, height, font)))).toBe(down);
  });
  it('down only in a box at least 600 px wide and TALL_RATIO times as tall', () => {
    expect(timelineColumn(input(FOCUS[0], 599, 1279, 15))).toBeNull();
    expect(timelineColumn(input(FOCUS[0], 640, Math.floor(640 * TALL_RATIO) - 1, 15))).toBeNull();
  });
});

const TALL = [
  { name: '1280 × 800 (640 × 639)', width: 640, height: 639, font: 15 },
  { name: '2560 × 1440 (640 × 1279)', width: 640, height: 1279, font: 15 },
  { name: '1920 × 1080 (640 × 919)', width: 640, height: 919, font: 15 },
  { name: 'the least tall (600 × 750)', width: 600, height: 750, font: 14 },
  { name: 'a taller text size (700 × 1200 at 20 px)', width: 700, height: 1200, font: 20 },
];

describe.each(TALL)('the timeline down $name', ({ width, height, font }) => {
  it.each(FOCUS)('%s: nothing overlaps or is crossed, all inside the box, every event named once, the title level with its mark', (id) => {
    const c = timelineColumn(input(id, width, height, font))!;
    expect(c).not.toBeNull();
    expect(problems(c)).toEqual([]);
    expect(c.font).toBe(font);
    // The date dominant, and the title level with the current event's mark (its date's middle on the mark).
    expect(c.title.dateFont).toBeGreaterThanOrEqual(font * 1.5);
    expect(c.focus.y).toBe(c.marks.find((m) => m.id === id)!.y);
    expect(Math.abs(c.title.y - c.focus.y)).toBeLessThan(0.5);
    expect(c.focus.leaderDy).toBe(0);
    // Every other event named on its own (no groups), with its date where the box allows.
    expect(c.labels.map((l) => l.id).sort()).toEqual(
      events
        .filter((e) => e.id !== id)
        .map((e) => e.id)
        .sort(),
    );
    for (const l of c.labels) {
      const e = events.find((x) => x.id === l.id)!;
      expect(l.lines.join(' ')).toContain(e.shortLabel === l.lines.join(' ') ? e.shortLabel : formatIsoDate(e.date, months));
    }
    // The marks in date order down the axis; month and year ticks, month names with the year.
    const ys = [...events].sort((a, b) => a.date.localeCompare(b.date)).map((e) => c.marks.find((m) => m.id === e.id)!.y);
    ys.slice(1).forEach((y, i) => expect(y).toBeGreaterThanOrEqual(ys[i]));
    expect(c.ticks.some((t) => t.major)).toBe(true);
    expect(c.ticks.some((t) => !t.major)).toBe(true);
    expect(c.months.map((m) => m.year)).toContain('2023');
    // The height is used: the drawing runs from near the top to near the bottom of the box.
    const top = Math.min(...texts(c).map((t) => t.box.y), c.axisTop);
    const bottom = Math.max(...texts(c).map((t) => t.box.y + t.box.height), c.axisBottom);
    expect(bottom - top).toBeGreaterThan(height * 0.85);
  });
});

describe('the story’s tall box (2560 × 1440)', () => {
  it('names every other event with its full label and date', () => {
    for (const id of FOCUS) {
      const c = timelineColumn(input(id, 640, 1279, 15))!;
      for (const l of c.labels) {
        const e = events.find((x) => x.id === l.id)!;
        expect(l.lines.join(' ')).toBe(`${e.label}, ${formatIsoDate(e.date, months)}`);
      }
    }
  });
});
