import { describe, expect, it } from 'vitest';
import { dataset } from '../../../src/story/data/dataset.ts';
import story from '../../../data/story.json';
import type { TimelineEvent } from '../../../src/story/data/types.ts';
import { boxesOverlap, type Box } from '../../../src/kit/graphics/text.ts';
import { formatIsoDate } from '../../../src/story/data/format.ts';
import {
  FOCUS_R,
  isoToDay,
  MARK_R,
  markX,
  monthRange,
  monthStarts,
  placeClusters,
  planLabels,
  timelineView,
  timelineWindow,
  type Cluster,
  type TimelineView,
} from '../../../src/story/graphics/timeline/timelineLayout.ts';
import { BOXES } from './boxes.ts';

const words = story.graphicLabels.timeline;
const { months, monthsShort } = story.units;
const events = dataset.timeline;
const FOCUS = story.steps.filter((s) => s.graphic.startsWith('timeline:')).map((s) => s.graphic.slice('timeline:'.length));
const ev = (id: string, date: string, shortLabel = id): TimelineEvent => ({ id, date, label: id, shortLabel, sourceIds: [] });

const view = (id: string, width: number, height: number, font: number, focusIds = FOCUS, list: readonly TimelineEvent[] = events, heightIsMost = false) =>
  timelineView({
    heightIsMost,
    events: list,
    eventId: id,
    focusIds,
    dateText: formatIsoDate(list.find((e) => e.id === id)!.date, months),
    formatDate: (iso) => formatIsoDate(iso, months),
    words,
    monthsShort,
    width,
    height,
    font,
  });

/** Every text box the view draws, named. */
function texts(v: TimelineView): { name: string; box: Box }[] {
  return [
    { name: 'title', box: v.titleBox },
    ...v.labels.map((l) => ({ name: `label ${l.ids.join('+')}`, box: l.box })),
    ...v.months.map((m) => ({ name: `month ${m.key}`, box: m.box })),
    ...v.ends.map((t) => ({ name: `end ${t.key}`, box: t.box })),
  ];
}

/** A vertical segment crosses a box (by more than half a pixel). */
const crosses = (x: number, y0: number, y1: number, b: Box) =>
  x > b.x + 0.5 && x < b.x + b.width - 0.5 && Math.max(y0, y1) > b.y + 0.5 && Math.min(y0, y1) < b.y + b.height - 0.5;
const circleIn = (cx: number, cy: number, r: number, b: Box) => cx + r > b.x && cx - r < b.x + b.width && cy + r > b.y && cy - r < b.y + b.height;

/** Everything wrong with a view: overlaps, crossings, text outside the box. */
function problems(v: TimelineView): string[] {
  const found: string[] = [];
  const all = texts(v);
  for (let i = 0; i < all.length; i += 1) {
    const a = all[i];
    if (a.box.x < -0.5 || a.box.y < -0.5 || a.box.x + a.box.width > v.width + 0.5 || a.box.y + a.box.height > v.height + 0.5) found.push(`${a.name} outside`);
    for (let j = i + 1; j < all.length; j += 1) if (boxesOverlap(a.box, all[j].box)) found.push(`${a.name} overlaps ${all[j].name}`);
  }
  // Leaders: the focus's (from its title to its mark), each label's; and the ticks.
  const segments = [
    { name: 'focus leader', own: 'title', x: v.focusX, y0: v.focusLeaderTop, y1: v.axisY - FOCUS_R },
    ...v.labels.map((l) => ({ name: `leader ${l.ids.join('+')}`, own: `label ${l.ids.join('+')}`, x: l.leaderX, y0: l.leaderTop, y1: l.leaderBottom })),
    ...v.ticks.map((t) => ({ name: `tick ${t.x}`, own: '', x: t.x, y0: v.axisY, y1: t.bottom })),
  ];
  for (const s of segments) for (const t of all) if (t.name !== s.own && crosses(s.x, s.y0, s.y1, t.box)) found.push(`${s.name} crosses ${t.name}`);
  // Marks (the events', and the focus's) cross no text.
  for (const m of v.marks) for (const t of all) if (circleIn(m.x, v.axisY, MARK_R, t.box)) found.push(`mark ${m.id} on ${t.name}`);
  for (const t of all) if (circleIn(v.focusX, v.axisY, FOCUS_R, t.box)) found.push(`focus mark on ${t.name}`);
  return found;
}

describe('isoToDay and the axis window', () => {
  it('counts whole days', () => {
    expect(isoToDay('2023-06-05') - isoToDay('2023-06-02')).toBe(3);
    expect(isoToDay('2024-03-01') - isoToDay('2024-02-01')).toBe(29);
    expect(isoToDay('1970-01-01')).toBe(0);
  });
  it('covers whole months from the first focus event to the last', () => {
    const w = timelineWindow(events, FOCUS);
    expect(w.start).toBe(isoToDay('2023-03-01'));
    expect(w.end).toBe(isoToDay('2023-08-01'));
    expect(monthStarts(w.start, w.end).map((m) => m.month)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(monthStarts(isoToDay('2023-11-01'), isoToDay('2024-02-01')).map((m) => `${m.year}-${m.month}`)).toEqual(['2023-11', '2023-12', '2024-1', '2024-2']);
  });
  it('words month ranges from the data', () => {
    expect(monthRange(['2023-06-02'], words, monthsShort)).toBe('Jun 2023');
    expect(monthRange(['2023-07-17', '2023-06-05'], words, monthsShort)).toBe('Jun–Jul 2023');
    expect(monthRange(['2019-05-03', '2022-12-28'], words, monthsShort)).toBe('May 2019–Dec 2022');
  });
});

describe('placeClusters', () => {
  const c = (id: string, x: number, width = 60): Cluster => ({ ids: [id], xs: [x], text: id, width });
  it('keeps every box in its region, clear of the others and of other leaders', () => {
    const { placed, failed } = placeClusters([c('a', 40), c('b', 110), c('c', 170)], { rows: 3, region: [0, 200], gap: 8 });
    expect(placed.map((p) => p.row)).toEqual([0, 0, 1]);
    expect(failed).toBe(-1);
    for (const p of placed) {
      expect(p.leaderX).toBeGreaterThanOrEqual(p.left);
      expect(p.leaderX).toBeLessThanOrEqual(p.left + p.width);
      expect(p.left).toBeGreaterThanOrEqual(0);
      expect(p.left + p.width).toBeLessThanOrEqual(200);
      for (const q of placed) {
        if (q === p) continue;
        if (q.row === p.row) expect(p.left + p.width <= q.left || q.left + q.width <= p.left).toBe(true);
        if (q.row < p.row) expect(p.leaderX < q.left || p.leaderX > q.left + q.width).toBe(true);
      }
    }
  });
  it('reports the first cluster with no place', () => {
    expect(placeClusters([c('a', 50), c('b', 50)], { rows: 1, region: [0, 400], gap: 8 }).failed).toBe(1);
  });
  it('groups events that cannot be labelled apart, with a count from the data’s words; names those at the focus under the title', () => {
    const crowd = [
      ev('p', '2023-06-01', 'First'),
      ev('q', '2023-06-01', 'Second'),
      ev('r', '2023-06-02', 'Third'),
      ev('s', '2023-07-01', 'Fourth'),
      ev('t', '2023-07-01', 'Fifth'),
    ];
    const w = timelineWindow(crowd, ['p', 's']);
    const scale = { x0: 10, x1: 290, start: w.start, end: w.end, width: 300 };
    const plan = planLabels(crowd, 's', scale, words, monthsShort, 13, { rows: 1, focusX: markX(scale, '2023-07-01') });
    expect(plan.placed.map((p) => p.text)).toEqual(['3 events, Jun 2023']);
    expect(plan.near).toEqual([['t']]);
  });
});

/** The boxes of tests/unit/graphics/boxes.ts, the story's five sizes (as measured in Chromium), and a grid. */
const SIZES = [
  ...BOXES.map(({ name, width, height, font, least }) => ({ name, width, height, font, least })),
  { name: '1280x800 desktop column', width: 640, height: 732, font: 15, least: 14 },
  { name: '2560x1440 desktop column', width: 640, height: 1376, font: 15, least: 14 },
  { name: '200% text 2560x1440', width: 1280, height: 1312, font: 30, least: 16 },
  ...[171, 240, 320, 480, 640, 900].flatMap((width) =>
    [width < 200 ? 354 : 180, 260, 400, 700].flatMap((height) =>
      [13, 15, 20, 26].map((font) => ({ name: `grid ${width}x${height} ${font}px`, width, height, font, least: 11 })),
    ),
  ),
];

describe.each(SIZES)('timelineView in $name', ({ width, height, font, least }) => {
  it.each(FOCUS)('%s: no text overlaps, no leader or mark crosses another text, all inside the box', (id) => {
    const v = view(id, width, height, font);
    expect(problems(v)).toEqual([]);
    expect(v.height).toBeLessThanOrEqual(height);
    expect(v.font).toBeGreaterThanOrEqual(Math.min(least, font));
    if (width >= 600) expect(v.font).toBeGreaterThanOrEqual(Math.min(14, font));
    // The focus mark is the event's, its title over it (or as near as the box allows).
    const e = events.find((x) => x.id === id)!;
    expect(v.focusX).toBe(v.marks.find((m) => m.id === id)!.x);
    expect(v.titleBox.x).toBeLessThanOrEqual(v.focusX);
    expect(v.titleBox.x + v.titleBox.width).toBeGreaterThanOrEqual(v.focusX);
    expect(v.titleLines.join(' ')).toMatch(new RegExp(`^(${e.label}|${e.shortLabel})$`));
    // Every other event is labelled on its own or counted in a group: over the axis, under the title, or at the axis's ends.
    const labelled = [...v.labels.flatMap((l) => l.ids), ...v.alsoIds, ...new Set(v.ends.flatMap((t) => t.ids))];
    expect(new Set(labelled).size).toBe(labelled.length);
    expect(labelled.sort()).toEqual(
      events
        .filter((x) => x.id !== id)
        .map((x) => x.id)
        .sort(),
    );
    // Month and year ticks, and labels for them.
    expect(v.ticks.filter((t) => !t.major).length).toBeGreaterThan(0);
    expect(v.ticks.filter((t) => t.major).length).toBeGreaterThan(0);
    expect(v.months.length).toBeGreaterThan(0);
    expect(v.years.map((y) => y.year)).toContain('2023');
  });
});

describe('the events off the axis’s window', () => {
  const ends = (v: TimelineView) => v.ends.map((t) => t.ids.join('+'));
  const offWindow = events.filter((e) => !['2023-03', '2023-04', '2023-05', '2023-06', '2023-07'].includes(e.date.slice(0, 7))).map((e) => e.id);
  it('are named one by one, each with its month, where the box has the height (a 1280 × 800 desktop column, a 390 × 844 phone’s band)', () => {
    for (const [width, height, font] of [
      [640, 639, 15],
      [359, 293, 13],
    ])
      for (const id of FOCUS) {
        const v = view(id, width, height, font);
        expect(new Set(ends(v))).toEqual(new Set(offWindow));
        for (const t of v.ends) {
          const e = events.find((x) => x.id === t.ids[0])!;
          expect(t.text).toContain(e.shortLabel);
          expect(t.text).toContain(monthRange([e.date], words, monthsShort));
        }
      }
  });
  it('are counted in a group at each end where it has not (a 320 × 568 phone’s band)', () => {
    for (const id of FOCUS) {
      const v = view(id, 289, 178, 13);
      expect(v.ends.length).toBeGreaterThan(0);
      for (const t of v.ends) expect(t.ids.length).toBeGreaterThan(1);
    }
  });
});

describe('the box’s height is used', () => {
  it.each([
    [640, 732, 15],
    [343, 300, 13],
    [640, 1376, 15],
  ])('%i x %i: the drawing spans 40% of the box (or 22 lines of text), centred in it; the date is the largest text', (width, height, font) => {
    for (const id of FOCUS) {
      const v = view(id, width, height, font);
      const top = v.titleBox.y;
      const bottom = Math.max(...[...v.months, ...v.ends].map((y) => y.box.y + y.box.height));
      expect(bottom - top).toBeGreaterThan(Math.min(height * 0.4, v.font * 22));
      expect(Math.abs(top - (height - bottom))).toBeLessThan(v.font * 2);
      expect(v.dateFont).toBeGreaterThanOrEqual(v.font * 1.5);
      // No long empty stem: the focus leader passes the label rows, not a void.
      expect(v.axisY - v.titleBox.y - v.titleBox.height).toBeLessThan(Math.max(v.font * 8, (v.axisY - top) * 0.7));
    }
  });
});

// At 200% page zoom a phone's stacked copies are 129 px (320 px phone) and 164 px (390 px) wide, each
// as tall as its chart needs (ChartBox.heightIsMost, at most three times the timeline's aspect). In
// its aspect's 105 px at 129 wide, the axis and its end labels ran out of the box.
describe.each([129, 164])('timelineView in a stacked copy %i px wide (a phone at 200% page zoom)', (width) => {
  const most = Math.round(((width * 260) / 320) * 3);
  it.each(FOCUS)('%s: clean and inside, drawn only as tall as it needs (no spare spread over the box)', (id) => {
    const v = view(id, width, most, 13, FOCUS, events, true);
    expect(problems(v)).toEqual([]);
    expect(v.font).toBeGreaterThanOrEqual(11);
    const bottom = Math.max(...[...v.months, ...v.ends].map((t) => t.box.y + t.box.height));
    expect(v.height).toBeLessThanOrEqual(most);
    expect(v.height - bottom).toBeLessThan(v.font);
    expect(v.titleBox.y).toBeLessThan(v.font);
    // The same box filled (a pinned graphic's slot) spreads the spare height instead.
    expect(view(id, width, most, 13).height).toBe(most);
  });
});
