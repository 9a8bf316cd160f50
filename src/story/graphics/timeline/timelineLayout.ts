/**
 * The timeline's geometry, in CSS pixels for the box. Pure functions, no DOM.
 *
 * One fixed axis for every timeline step: a linear day scale over the months the story stops in
 * (from the first of the month of its earliest stop to the first of the month after its latest),
 * with month ticks and year ticks, and the events before and after that window gathered at the
 * axis's two ends. Only the focus moves between steps: the current event's mark, its leader and
 * its title (the date, large and bold, over the event's label) slide along the axis.
 *
 * Top to bottom: the title; the other events' labels in rows, each on a leader down to its mark
 * (row 0 nearest the axis); the axis with the marks; the month labels; the year labels. Labels
 * that cannot be placed without overlapping another label, crossing another label's leader or the
 * focus's leader are merged with their nearest neighbour into a group with a count ("2 events,
 * Jul 2023"). What height is left grows the title, then the row spacing, then pads the whole.
 */
import type { TimelineEvent } from '../../data/types.ts';
import { fitFontSteps, fontFloors, LARGE_RATIO, WIDE_BOX, WIDE_MIN_FONT } from '../../../kit/graphics/box.ts';
import { finish, type Steps } from '../../../kit/graphics/steps.ts';
import { balancedWrap, estimateTextWidth, r1, TEXT_ASCENT, TEXT_DESCENT, type Box } from '../../../kit/graphics/text.ts';

const MS_PER_DAY = 86_400_000;
/** A text's box above and below its baseline, in ems (text.ts). */
export const ASCENT = TEXT_ASCENT;
export const DESCENT = TEXT_DESCENT;
/** Radius of the current event's mark and of the others', CSS px. */
export const FOCUS_R = 8;
export const MARK_R = 4.5;

/** Whole days since 1970-01-01 (UTC) for an ISO date (YYYY-MM-DD; a missing month or day counts as the first). */
export function isoToDay(iso: string): number {
  const [y, m = 1, d = 1] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

/** The words the timeline draws around events (data/story.json graphicLabels.timeline). */
export interface TimelineWords {
  /** A group of events: "{count} events, {range}". */
  group: string;
  /** A month range: "{from}–{to}". */
  range: string;
  /** One event off the axis, with its date: "{label}, {date}". */
  dated: string;
  /** Events before the axis's window: "← {label}". */
  before: string;
  /** Events after it: "{label} →". */
  after: string;
}

/** Fills {slots} in a template. */
export function fill(template: string, slots: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (all, name: string) => (name in slots ? String(slots[name]) : all));
}

/** "Jun 2023", "Jun–Jul 2023" or "May 2019–Dec 2022" for the dates' span, from the data's short month names. */
export function monthRange(dates: readonly string[], words: Pick<TimelineWords, 'range'>, monthsShort: readonly string[]): string {
  const sorted = [...dates].sort();
  const part = (iso: string) => iso.split('-').map(Number);
  const [y0, m0 = 1] = part(sorted[0]);
  const [y1, m1 = 1] = part(sorted[sorted.length - 1]);
  if (y0 === y1 && m0 === m1) return `${monthsShort[m0 - 1]} ${y0}`;
  if (y0 === y1) return fill(words.range, { from: monthsShort[m0 - 1], to: `${monthsShort[m1 - 1]} ${y1}` });
  return fill(words.range, { from: `${monthsShort[m0 - 1]} ${y0}`, to: `${monthsShort[m1 - 1]} ${y1}` });
}

/** The axis's window, in days: whole months from the earliest focus event's to the latest's (all events when none is a focus). */
export function timelineWindow(events: readonly TimelineEvent[], focusIds: readonly string[]): { start: number; end: number } {
  const focus = events.filter((e) => focusIds.includes(e.id));
  const dates = (focus.length ? focus : events).map((e) => e.date).sort();
  if (!dates.length) return { start: 0, end: 31 };
  const [y0, m0 = 1] = dates[0].split('-').map(Number);
  const [y1, m1 = 1] = dates[dates.length - 1].split('-').map(Number);
  return { start: Date.UTC(y0, m0 - 1, 1) / MS_PER_DAY, end: Date.UTC(y1, m1, 1) / MS_PER_DAY };
}

/** First days of the months from start to end (both inclusive, as days). */
export function monthStarts(start: number, end: number): { year: number; month: number; day: number }[] {
  const out: { year: number; month: number; day: number }[] = [];
  const d = new Date(start * MS_PER_DAY);
  for (let y = d.getUTCFullYear(), m = d.getUTCMonth(); ; m += 1) {
    const day = Date.UTC(y, m, 1) / MS_PER_DAY;
    if (day > end) break;
    const at = new Date(day * MS_PER_DAY);
    out.push({ year: at.getUTCFullYear(), month: at.getUTCMonth() + 1, day });
  }
  return out;
}

/** A text's box for its anchor point and baseline. */
export function textBox(x: number, baseline: number, width: number, font: number, anchor: 'start' | 'middle' | 'end' = 'start'): Box {
  const left = anchor === 'start' ? x : anchor === 'middle' ? x - width / 2 : x - width;
  return { x: left, y: baseline - font * ASCENT, width, height: font * (ASCENT + DESCENT) };
}

/** Events labelled together: one event, or a group with a count. */
export interface Cluster {
  ids: string[];
  /** Where the members' marks are, CSS px. */
  xs: number[];
  text: string;
  width: number;
}

/** A cluster placed: its row (0 nearest the axis), its box's left edge, and where its leader meets the axis. */
export interface PlacedCluster extends Cluster {
  row: number;
  left: number;
  leaderX: number;
}

/** Room kept between a leader and a box it passes. */
const CLEAR = 3;

/**
 * Places each cluster in a row over the axis, left to right, lowest row first: its box contains its
 * leader's x (centred on its marks, or starting or ending at them), stays inside `region` (the part
 * of the width on one side of the focus's leader), overlaps no box in its row (with `gap` between),
 * its leader crosses no lower box and no higher box's leader crosses it. Returns the placements and
 * the index of the first cluster that has no place (-1 when all have one).
 */
export function placeClusters(
  clusters: readonly Cluster[],
  options: { rows: number; region: readonly [number, number]; gap: number },
): { placed: PlacedCluster[]; failed: number } {
  const { rows, gap } = options;
  const [r0, r1x] = options.region;
  const placed: PlacedCluster[] = [];
  for (let i = 0; i < clusters.length; i += 1) {
    const c = clusters[i];
    const lo = Math.min(...c.xs);
    const hi = Math.max(...c.xs);
    const attach = [...new Set([r1((lo + hi) / 2), lo, hi])];
    let found: PlacedCluster | null = null;
    for (let row = 0; row < rows && !found; row += 1) {
      for (const a of attach) {
        for (const wanted of [a - c.width / 2, a - 2, a - c.width + 2]) {
          const left = Math.max(r0, Math.min(r1x - c.width, wanted));
          const right = left + c.width;
          if (left < r0 - 0.01 || right > r1x + 0.01 || a < left + 1 || a > right - 1) continue;
          const ok = placed.every((p) => {
            const pr = p.left + p.width;
            if (p.row === row) return right + gap <= p.left || pr + gap <= left;
            if (p.row < row) return a < p.left - CLEAR || a > pr + CLEAR;
            return p.leaderX < left - CLEAR || p.leaderX > right + CLEAR;
          });
          if (ok) {
            found = { ...c, row, left: r1(left), leaderX: r1(a) };
            break;
          }
        }
        if (found) break;
      }
    }
    if (!found) return { placed, failed: i };
    placed.push(found);
  }
  return { placed, failed: -1 };
}

/** Where an event's mark is on the axis: in the window by date, else at the axis's start or end. */
export interface AxisScale {
  /** The window's ends, CSS px. */
  x0: number;
  x1: number;
  start: number;
  end: number;
  width: number;
}

export function markX(scale: AxisScale, iso: string): number {
  const day = isoToDay(iso);
  if (day < scale.start) return r1(Math.min(scale.x0, 4 + MARK_R));
  if (day >= scale.end) return r1(Math.max(scale.x1, scale.width - 4 - MARK_R));
  return r1(scale.x0 + ((day - scale.start) / (scale.end - scale.start)) * (scale.x1 - scale.x0));
}

/** How the labels of every event but the current one are drawn. */
export interface LabelPlan {
  /** Labels over the axis, on leaders. */
  placed: PlacedCluster[];
  /** Events too near the focus for a leader of their own (and any that found no place): named under the title. */
  near: string[][];
  /** The events off the axis's window, before and after it: named under the years, at the axis's ends. */
  before: string[];
  after: string[];
}

/** A group's words: one event's short label (with its date when asked), or a count and a month range. */
export function groupText(
  members: readonly TimelineEvent[],
  words: TimelineWords,
  monthsShort: readonly string[],
  dated: ((e: TimelineEvent) => string) | null,
): string {
  if (members.length === 1) return dated ? fill(words.dated, { label: members[0].shortLabel, date: dated(members[0]) }) : members[0].shortLabel;
  return fill(words.group, {
    count: members.length,
    range: monthRange(
      members.map((e) => e.date),
      words,
      monthsShort,
    ),
  });
}

/**
 * Labels for every event but the current one. Those on the axis's window go over it, left and right
 * of the focus's leader, each side grouped (nearest neighbours merged) until every group has a place;
 * those whose mark is too near the focus's for a leader beside it are named under the title; those
 * off the window at the axis's ends.
 */
export function planLabels(
  events: readonly TimelineEvent[],
  currentId: string,
  scale: AxisScale,
  words: TimelineWords,
  monthsShort: readonly string[],
  font: number,
  options: { rows: number; focusX: number | null },
): LabelPlan {
  const others = events.filter((e) => e.id !== currentId);
  const before = others.filter((e) => isoToDay(e.date) < scale.start).map((e) => e.id);
  const after = others.filter((e) => isoToDay(e.date) >= scale.end).map((e) => e.id);
  const inWindow = others.filter((e) => !before.includes(e.id) && !after.includes(e.id));
  const make = (ids: string[]): Cluster => {
    const members = inWindow.filter((e) => ids.includes(e.id));
    const text = groupText(members, words, monthsShort, null);
    return { ids, xs: members.map((e) => markX(scale, e.date)), text, width: r1(estimateTextWidth(text, font)) };
  };
  const f = options.focusX;
  const keep = FOCUS_R / 2 + CLEAR + 2;
  const near: string[] = [];
  const sides: [TimelineEvent[], [number, number]][] = [
    [[], [0, f === null ? scale.width : f - keep]],
    [[], [f === null ? scale.width : f + keep, scale.width]],
  ];
  for (const e of inWindow) {
    const x = markX(scale, e.date);
    if (f !== null && Math.abs(x - f) < keep + 1.5) near.push(e.id);
    else sides[f === null || x < f ? 0 : 1][0].push(e);
  }
  const placed: PlacedCluster[] = [];
  const unplaced: string[][] = [];
  for (const [members, region] of sides) {
    let clusters = members.map((e) => make([e.id]));
    for (;;) {
      const { placed: got, failed } = placeClusters(clusters, { rows: options.rows, region, gap: font * 0.8 });
      if (failed < 0) {
        placed.push(...got);
        break;
      }
      if (clusters.length < 2) {
        unplaced.push(clusters[0].ids);
        break;
      }
      // Merge the cluster that has no place with its nearer neighbour.
      const i = failed;
      const gapTo = (j: number) =>
        j < 0 || j >= clusters.length ? Infinity : Math.max(0, Math.min(...clusters[Math.max(i, j)].xs) - Math.max(...clusters[Math.min(i, j)].xs));
      const j = gapTo(i - 1) <= gapTo(i + 1) ? i - 1 : i + 1;
      const [a, b] = [Math.min(i, j), Math.max(i, j)];
      clusters = [...clusters.slice(0, a), make([...clusters[a].ids, ...clusters[b].ids]), ...clusters.slice(b + 1)];
    }
  }
  return { placed, near: [...(near.length ? [near] : []), ...unplaced], before, after };
}

export interface TimelineLabel extends PlacedCluster {
  /** Baseline and box in the svg, CSS px. */
  baseline: number;
  box: Box;
  /** The leader, from under the label down to the axis. */
  leaderTop: number;
  leaderBottom: number;
}

export interface AxisText {
  key: string;
  text: string;
  /** A year after the month, in bold (at year ticks). */
  year?: string;
  x: number;
  baseline: number;
  anchor: 'start' | 'end';
  box: Box;
}

/** The current event's title: its date (bold) over its label, with their sizes, lines and baselines. */
export interface TitleText {
  dateFont: number;
  dateBaseline: number;
  titleFont: number;
  titleLines: string[];
  titleBaselines: number[];
}

/** Across the box: the title is centred at titleX (clamped into the box). */
export interface TimelineView extends TitleText {
  font: number;
  width: number;
  height: number;
  /** Events too near the focus for a leader of their own, named under the title (label size, muted). */
  alsoLines: string[];
  alsoBaselines: number[];
  alsoIds: string[];
  titleX: number;
  titleBox: Box;
  /** The focus: its mark's x, and its leader from under the title down to the mark. */
  focusX: number;
  focusLeaderTop: number;
  axisY: number;
  scale: AxisScale;
  /** Every event's mark, in the order given. */
  marks: { id: string; x: number }[];
  labels: TimelineLabel[];
  /** Month ticks (year ticks are major, longer) and their labels; `years` are the labels that carry a year. */
  ticks: { x: number; major: boolean; bottom: number }[];
  months: AxisText[];
  years: AxisText[];
  /** The events off the window, named at the axis's two ends under the years. */
  ends: (AxisText & { ids: string[] })[];
  rowHeight: number;
}

export interface TimelineInput {
  events: readonly TimelineEvent[];
  eventId: string;
  focusIds: readonly string[];
  /** The current event's date as the title shows it ("17 July 2023"). */
  dateText: string;
  /** An event's date in words, for the events named under the title. */
  formatDate: (iso: string) => string;
  words: TimelineWords;
  monthsShort: readonly string[];
  width: number;
  height: number;
  /** The box's label font (box.ts chartFont). */
  font: number;
  /** The height is the most the timeline may take (ChartBox.heightIsMost): laid out at the least height, with no spare spread over it, and drawn that tall. */
  heightIsMost?: boolean;
}

/** Title sizes, largest first: the date's and the label's, relative to the label font. */
const TITLE_LEVELS = [
  { date: 3.2, label: 1.8 },
  { date: 2.9, label: 1.65 },
  { date: 2.6, label: 1.5 },
  { date: 2.2, label: 1.4 },
  { date: 1.9, label: 1.3 },
  { date: 1.7, label: 1.2 },
  { date: 1.5, label: LARGE_RATIO },
];
/**
 * The title's last resort, for a box too narrow for the date at the smallest level even at the least
 * font ("14 March 2023" in bold at 1.5 ems of 11 px is 131 px; a 129 px stacked copy at 200% zoom).
 * Not part of the font search, which keeps the smallest level's size: only a box that no font fits gets it.
 */
const LAST_TITLE_LEVEL = { date: 1.2, label: 1.1 };

/** The whole timeline for one event in a box. */
export function timelineView(input: TimelineInput): TimelineView {
  return finish(timelineViewSteps(input));
}

/** timelineView, yielding between its tries (steps.ts): one event's search is tens of ms on a slow phone. */
export function* timelineViewSteps(input: TimelineInput): Steps<TimelineView> {
  const { events, eventId, focusIds, dateText, words, monthsShort, width: W, height: H } = input;
  const current = events.find((e) => e.id === eventId);
  const pad = 2;
  const win = timelineWindow(events, focusIds);
  const hasBefore = events.some((e) => e.id !== eventId && isoToDay(e.date) < win.start);
  const hasAfter = events.some((e) => e.id !== eventId && isoToDay(e.date) >= win.end);
  const lineOf = (f: number) => r1(f * 1.22);

  const scaleFor = (font: number): AxisScale => {
    const endRoom = Math.max(font * 1.6, 22);
    return { x0: r1(hasBefore ? endRoom : pad + 1), x1: r1(W - (hasAfter ? endRoom : pad + 1)), start: win.start, end: win.end, width: W };
  };
  const endsText = (ids: readonly string[], side: 'before' | 'after') => {
    const members = events.filter((e) => ids.includes(e.id));
    return fill(words[side], { label: groupText(members, words, monthsShort, (e) => monthRange([e.date], words, monthsShort)) });
  };
  /** The events off the window at one end: one line each ("← Elected mayor, May 2019") where `each`, else together ("← 2 events, May 2019–Dec 2022"), wrapped to the width. */
  const endLines = (ids: readonly string[], side: 'before' | 'after', font: number, each: boolean) =>
    (each ? ids.map((id) => [id]) : ids.length ? [[...ids]] : []).flatMap((group) =>
      balancedWrap(endsText(group, side), W - 2 * pad, font).map((text) => ({ text, ids: group })),
    );

  const geometry = (
    font: number,
    level: (typeof TITLE_LEVELS)[number],
    also: string[][],
    ends: { before: string[]; after: string[] },
    short: boolean,
    eachEnd = false,
  ) => {
    const dateFont = r1(font * level.date);
    const titleFont = r1(font * level.label);
    const room = W - 2 * pad - 4;
    let titleLines = current ? balancedWrap(short ? current.shortLabel : current.label, room, titleFont) : [];
    if (current && (titleLines.length > 3 || titleLines.some((l) => estimateTextWidth(l, titleFont) > room)))
      titleLines = balancedWrap(current.shortLabel, room, titleFont);
    const alsoText = also.map((ids) =>
      groupText(
        events.filter((e) => ids.includes(e.id)),
        words,
        monthsShort,
        (e) => input.formatDate(e.date),
      ),
    );
    const alsoLines = alsoText.flatMap((t) => balancedWrap(t, room, font));
    const titleW = Math.max(
      estimateTextWidth(dateText, dateFont, true),
      ...titleLines.map((l) => estimateTextWidth(l, titleFont)),
      ...alsoLines.map((l) => estimateTextWidth(l, font)),
    );
    const titleH =
      dateFont * (ASCENT + DESCENT) +
      (titleLines.length ? titleFont * 0.15 + titleLines.length * lineOf(titleFont) : 0) +
      (alsoLines.length ? font * 0.2 + alsoLines.length * lineOf(font) : 0);
    const rowHeight = r1(font * 1.55);
    const axisGap = Math.max(FOCUS_R + 3, font * 0.5);
    const stem = font * 0.4;
    // Below the axis: month labels clear of the focus mark, the year labels, then the events off the window.
    const monthBaseline = FOCUS_R + 3 + font * ASCENT;
    // Under the months, the events off the window: the earlier at the left, the later at the right, side by side when they fit.
    const beforeLines = endLines(ends.before, 'before', font, eachEnd);
    const afterLines = endLines(ends.after, 'after', font, eachEnd);
    const widest = (ls: { text: string }[]) => Math.max(0, ...ls.map((l) => estimateTextWidth(l.text, font)));
    // In two columns (the earlier left, the later right) where they fit beside each other, else one under the other.
    const sideBySide = widest(beforeLines) + widest(afterLines) + font <= W - 2 * pad;
    const endRows = sideBySide ? Math.max(beforeLines.length, afterLines.length) : beforeLines.length + afterLines.length;
    const below = monthBaseline + endRows * lineOf(font) + font * DESCENT + pad;
    const fixed = pad + titleH + stem + axisGap + below;
    const ok = titleW <= W - 2 * pad && titleLines.length <= 3 && Math.max(widest(beforeLines), widest(afterLines)) <= W - 2 * pad;
    return {
      font,
      dateFont,
      titleFont,
      titleLines,
      alsoLines,
      titleW,
      titleH,
      rowHeight,
      axisGap,
      stem,
      monthBaseline,
      beforeLines,
      afterLines,
      sideBySide,
      below,
      fixed,
      ok,
    };
  };
  type Geometry = ReturnType<typeof geometry>;
  const rowsFor = (g: Geometry) => Math.floor((H - g.fixed) / g.rowHeight);
  const base = TITLE_LEVELS[TITLE_LEVELS.length - 1];
  const plans = new Map<string, { scale: AxisScale; focusX: number | null; plan: LabelPlan }>();
  const planFor = (font: number, rows: number) => {
    const key = `${font}|${rows}`;
    if (!plans.has(key)) {
      const scale = scaleFor(font);
      const focusX = current ? markX(scale, current.date) : null;
      plans.set(key, { scale, focusX, plan: planLabels(events, eventId, scale, words, monthsShort, font, { rows, focusX }) });
    }
    return plans.get(key)!;
  };
  const offWindow = {
    before: events.filter((e) => e.id !== eventId && isoToDay(e.date) < win.start).map((e) => e.id),
    after: events.filter((e) => e.id !== eventId && isoToDay(e.date) >= win.end).map((e) => e.id),
  };
  const tried = new Map<string, boolean>();
  const fitsWith = (f: number, short: boolean) => {
    const key = `${f}|${short}`;
    if (tried.has(key)) return tried.get(key)!;
    // Lay out with the rows the title leaves, then check the title with what it must name.
    const g0 = geometry(f, base, [], offWindow, short);
    let fit = g0.ok && rowsFor(g0) >= 1;
    if (fit) {
      const { plan } = planFor(f, Math.min(6, rowsFor(g0)));
      const g = geometry(f, base, plan.near, plan, short);
      const used = plan.placed.length ? Math.max(...plan.placed.map((p) => p.row)) + 1 : 0;
      fit = g.ok && g.fixed + used * g.rowHeight <= H;
    }
    tried.set(key, fit);
    return fit;
  };
  // The event's full label where it fits, else its short label at the same size: a larger font before a longer title.
  const fits = (f: number) => fitsWith(f, false) || fitsWith(f, true);
  const preferred = input.font;
  // In a wide box never under 14 px: a box too small for everything at that size keeps only the
  // marks of the events it cannot name (below), rather than shrinking every label.
  const floors = fontFloors(preferred, W).filter((f) => W < WIDE_BOX || f >= Math.min(WIDE_MIN_FONT, preferred));
  let font = floors[floors.length - 1];
  for (const floor of floors) {
    const f = yield* fitFontSteps(preferred, fits, floor);
    if (fits(f)) {
      font = f;
      break;
    }
    yield;
  }
  const short = !fitsWith(font, false) && fitsWith(font, true);
  yield;
  const g0 = geometry(font, base, [], offWindow, short);
  const rows = Math.max(1, Math.min(6, rowsFor(g0)));
  const { scale, focusX, plan } = planFor(font, rows);
  const placed = plan.placed;
  const used = placed.length ? Math.max(...placed.map((p) => p.row)) + 1 : 0;

  // The largest title that leaves room for the rows used, then the spare height to the rows and the stem.
  // In a box too small for everything even at the least font (a stacked copy at 200% zoom), the events
  // off the window, then those named under the title, keep only their marks.
  const none = { before: [] as string[], after: [] as string[] };
  const tries: [string[][], { before: string[]; after: string[] }][] = [
    [plan.near, plan],
    [plan.near, none],
    [[], none],
  ];
  const fitsRows = (c: Geometry) => c.ok && c.fixed + used * c.rowHeight <= H;
  /** The largest title level whose geometry passes `test`, a step per level. */
  function* firstLevel(named: (typeof tries)[number], eachEnd: boolean, test: (c: Geometry) => boolean): Steps<Geometry | undefined> {
    for (const level of [...TITLE_LEVELS, LAST_TITLE_LEVEL]) {
      const c = geometry(font, level, named[0], named[1], short, eachEnd);
      if (test(c)) return c;
      yield;
    }
    return undefined;
  }
  yield;
  let g = geometry(font, base, plan.near, plan, short);
  let named = tries[0];
  for (const t of tries) {
    const found = yield* firstLevel(t, false, fitsRows);
    if (found) {
      g = found;
      named = t;
      break;
    }
  }
  // Where the box has the height for it at the same title size, the events off the window are named
  // one by one (with their month) instead of counted.
  const each = yield* firstLevel(named, true, (c) => fitsRows(c) && c.dateFont >= g.dateFont);
  if (each && (named[1].before.length > 1 || named[1].after.length > 1)) g = each;
  let spare = input.heightIsMost ? 0 : Math.max(0, H - g.fixed - used * g.rowHeight);
  const rowHeight = used ? r1(Math.min(font * 3.5, g.rowHeight + spare / (used + 2))) : g.rowHeight;
  spare -= (rowHeight - g.rowHeight) * used;
  const stem = g.stem + Math.min(spare / 2, font * 8);
  spare -= stem - g.stem;
  const top = pad + Math.max(0, spare / 2);

  const dateBaseline = r1(top + g.dateFont * ASCENT);
  const titleBaselines = g.titleLines.map((_, i) =>
    r1(dateBaseline + g.dateFont * DESCENT + g.titleFont * 0.15 + g.titleFont * ASCENT + i * lineOf(g.titleFont)),
  );
  const lastTitle = titleBaselines.length ? titleBaselines[titleBaselines.length - 1] + g.titleFont * DESCENT : dateBaseline + g.dateFont * DESCENT;
  const alsoBaselines = g.alsoLines.map((_, i) => r1(lastTitle + font * 0.2 + font * ASCENT + i * lineOf(font)));
  const titleBottom = top + g.titleH;
  const titleX = r1(Math.max(pad + g.titleW / 2, Math.min(W - pad - g.titleW / 2, focusX ?? W / 2)));
  const axisY = r1(titleBottom + stem + used * rowHeight + g.axisGap);

  const labels: TimelineLabel[] = placed.map((p) => {
    const baseline = r1(axisY - g.axisGap - p.row * rowHeight - font * DESCENT);
    const box = textBox(p.left, baseline, p.width, font);
    return { ...p, baseline, box, leaderTop: r1(baseline + font * DESCENT + 2), leaderBottom: r1(axisY - MARK_R - 1) };
  });

  // Month ticks; month labels start just right of their tick, thinned to every 2nd, 3rd... month where
  // they would touch; at a year tick (the window's first month, and each January) the label carries the year.
  const starts = monthStarts(win.start, win.end);
  const xOf = (day: number) => r1(scale.x0 + ((day - win.start) / (win.end - win.start)) * (scale.x1 - scale.x0));
  const monthBaseline = r1(axisY + g.monthBaseline);
  const major = (i: number) => i === 0 || starts[i].month === 1;
  const candidates = starts.slice(0, -1).map((m, i) => {
    const year = major(i) ? String(m.year) : undefined;
    const text = monthsShort[m.month - 1];
    const x = r1(xOf(m.day) + 3);
    const w = estimateTextWidth(year ? `${text} ${year}` : text, font, Boolean(year));
    return {
      key: `${m.year}-${m.month}`,
      text,
      year,
      x,
      baseline: monthBaseline,
      anchor: 'start' as const,
      box: textBox(x, monthBaseline, w, font),
      major: major(i),
    };
  });
  const majorXs = starts.filter((_, i) => major(i)).map((m) => xOf(m.day));
  let months: AxisText[] = [];
  for (const step of [1, 2, 3, 6, 12, Infinity]) {
    const pick = candidates.filter((c, i) => c.major || (step < Infinity && i % step === 0));
    const clear = pick.every(
      (c, i) =>
        c.box.x + c.box.width <= W - pad &&
        (i === 0 || pick[i - 1].box.x + pick[i - 1].box.width + font * 0.5 <= c.box.x) &&
        majorXs.every((x) => x < c.box.x - 1 || x > c.box.x + c.box.width + 1),
    );
    if (clear || step === Infinity) {
      months = pick
        .filter((c) => c.box.x + c.box.width <= W - pad)
        .map(({ key, text, year, x, baseline, anchor, box }) => ({ key, text, year, x, baseline, anchor, box }));
      break;
    }
  }
  const years = months.filter((m) => m.year);
  const ticks = starts.map((m, i) => ({ x: xOf(m.day), major: major(i), bottom: r1(major(i) ? monthBaseline + font * DESCENT : axisY + 5) }));

  // The events off the window, under the months: the earlier at the left end, the later at the right (a row each when both will not fit).
  const ends: TimelineView['ends'] = [];
  const endBase = r1(monthBaseline + lineOf(font));
  g.beforeLines.forEach(({ text, ids }, i) => {
    const b = r1(endBase + i * lineOf(font));
    ends.push({
      key: `before${i}`,
      ids,
      text,
      x: pad,
      baseline: b,
      anchor: 'start',
      box: textBox(pad, b, estimateTextWidth(text, font), font),
    });
  });
  g.afterLines.forEach(({ text, ids }, i) => {
    const b = r1(endBase + (g.sideBySide ? i : g.beforeLines.length + i) * lineOf(font));
    ends.push({
      key: `after${i}`,
      ids,
      text,
      x: W - pad,
      baseline: b,
      anchor: 'end',
      box: textBox(W - pad, b, estimateTextWidth(text, font), font, 'end'),
    });
  });

  const titleBox: Box = { x: titleX - g.titleW / 2, y: top, width: g.titleW, height: g.titleH };
  return {
    font,
    width: W,
    height: input.heightIsMost ? Math.min(H, Math.ceil(axisY + g.below)) : H,
    dateFont: g.dateFont,
    dateBaseline,
    titleFont: g.titleFont,
    titleLines: g.titleLines,
    titleBaselines,
    alsoLines: g.alsoLines,
    alsoBaselines,
    alsoIds: named[0].flat(),
    titleX,
    titleBox,
    focusX: focusX ?? W / 2,
    focusLeaderTop: r1(titleBottom + 3),
    axisY,
    scale,
    marks: events.map((e) => ({ id: e.id, x: markX(scale, e.date) })),
    labels,
    ticks,
    months,
    years,
    ends,
    rowHeight,
  };
}
