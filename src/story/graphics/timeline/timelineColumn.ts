/**
 * The timeline down a desktop box about as tall as it is wide, or taller (issue #18). Across such a
 * box the axis and its labels need a strip of a third of its height: at 1280 × 800 (a 640 × 639
 * chart) that left a blank band between the caption and the date and a long bare stem down to the
 * axis; down it, the axis takes the box's height and every event is named with its date. Pure
 * functions, no DOM, CSS pixels.
 *
 * The axis runs down the left, on the same window of months as across (month names beside it, the
 * year on the first month and each January); every event has a mark on it and is named on its own,
 * with its date, in one column to the right; the current event's date and label, large, level with
 * its mark. The events before and after the window sit on the axis's dotted ends, a row each, in
 * order (not to scale). The other labels keep their order and make way for the current event's:
 * those before it above, those after it below, each on a leader to its mark.
 *
 * A box too small for that (the labels do not fit at the box's font, with the current event's title
 * at the smallest size) gets no column: timelineFor lays the timeline across instead.
 */
import type { TimelineEvent } from '../../data/types.ts';
import { WIDE_BOX } from '../../../kit/graphics/box.ts';
import { finish, type Steps } from '../../../kit/graphics/steps.ts';
import { balancedWrap, estimateTextWidth, r1, type Box } from '../../../kit/graphics/text.ts';
import {
  ASCENT,
  DESCENT,
  fill,
  FOCUS_R,
  isoToDay,
  MARK_R,
  monthStarts,
  textBox,
  timelineViewSteps,
  timelineWindow,
  type TimelineInput,
  type TitleText,
  type TimelineView,
} from './timelineLayout.ts';

/**
 * A box at least this many times as tall as it is wide (and at least WIDE_BOX wide) gets the timeline
 * down it, where it fits: a 1280 × 800 desktop's 640 × 617 chart, and a 2560 × 1440 desktop's at a
 * 200% text size (1280 × 1074, under a caption that holds every state's room); not a short laptop
 * window's (640 × 399), where across fills the box.
 */
export const TALL_RATIO = 0.8;

/** Title sizes (the date's and the label's, relative to the label font), largest first. */
const COLUMN_TITLE_LEVELS = [
  { date: 3.2, label: 1.8 },
  { date: 2.8, label: 1.6 },
  { date: 2.4, label: 1.45 },
  { date: 2, label: 1.3 },
  { date: 1.6, label: 1.15 },
];

/** How the other events are named, richest first: the full label with its date, the short label with it, the short label alone. */
type LabelForm = 'dated' | 'datedShort' | 'short';
const LABEL_FORMS: readonly LabelForm[] = ['dated', 'datedShort', 'short'];

/** One event named in the column, on a leader from its mark to the label's left edge. */
export interface ColumnLabel {
  id: string;
  lines: string[];
  /** Its mark's centre. */
  markY: number;
  baselines: number[];
  box: Box;
  leader: { x1: number; y1: number; x2: number; y2: number };
}

/** The current event's title, drawn from (x, y): the date's baseline and the label's are relative to y. */
export interface ColumnTitle extends TitleText {
  x: number;
  y: number;
  /** In the svg's coordinates. */
  box: Box;
}

export interface TimelineColumn {
  orientation: 'down';
  font: number;
  width: number;
  height: number;
  axisX: number;
  /** The solid axis (the window of months), and its dotted ends out to the events off the window. */
  windowTop: number;
  windowBottom: number;
  axisTop: number;
  axisBottom: number;
  /** Every event's mark, in the order given. */
  marks: { id: string; x: number; y: number }[];
  /** The current event's mark, and its leader (horizontal unless the title had to move to stay in the box: y2 is relative to the mark). */
  focus: { x: number; y: number; leaderX1: number; leaderX2: number; leaderDy: number };
  title: ColumnTitle;
  labels: ColumnLabel[];
  /** Month ticks (year ticks longer), left of the axis; month names centred in their month, right-aligned. */
  ticks: { y: number; major: boolean; x1: number }[];
  months: { key: string; text: string; year?: string; x: number; baseline: number; box: Box }[];
}

/** Space between labels, and around the current event's title, in ems. */
const GAP_EM = 0.45;
/** Space between the month names and the axis, and between the axis and the labels, CSS px. */
const MONTH_GAP = 10;
const LABEL_GAP = 10;
/** The dotted axis between the window and the events off it, in ems. */
const BREAK_EM = 1.6;
const PAD = 2;

interface Item {
  id: string;
  lines: string[];
  markY: number;
  height: number;
}

/**
 * One-dimensional dodge: items in order, each wanting its middle level with its mark, inside
 * [lo, hi]; neighbours that collide merge into a block centred on their wishes. The tops, or null
 * when they do not fit.
 */
export function dodgeColumn(items: readonly { wish: number; height: number }[], gap: number, lo: number, hi: number): number[] | null {
  const total = items.reduce((s, it) => s + it.height, 0) + gap * Math.max(0, items.length - 1);
  if (total > hi - lo + 0.01) return null;
  type Block = { first: number; count: number; top: number; height: number };
  const blocks: Block[] = [];
  const clamp = (b: Block) => {
    b.top = Math.max(lo, Math.min(hi - b.height, b.top));
  };
  items.forEach((it, i) => {
    const block: Block = { first: i, count: 1, top: it.wish - it.height / 2, height: it.height };
    clamp(block);
    blocks.push(block);
    while (blocks.length > 1) {
      const last = blocks[blocks.length - 1];
      const prev = blocks[blocks.length - 2];
      if (prev.top + prev.height + gap <= last.top + 1e-9) break;
      const merged: Block = { first: prev.first, count: prev.count + last.count, top: 0, height: prev.height + gap + last.height };
      let offset = 0;
      let wish = 0;
      for (let j = merged.first; j < merged.first + merged.count; j += 1) {
        wish += items[j].wish - (offset + items[j].height / 2);
        offset += items[j].height + gap;
      }
      merged.top = wish / merged.count;
      clamp(merged);
      blocks.splice(blocks.length - 2, 2, merged);
    }
  });
  const tops: number[] = [];
  for (const b of blocks) {
    let y = b.top;
    for (let j = b.first; j < b.first + b.count; j += 1) {
      tops.push(y);
      y += items[j].height + gap;
    }
  }
  return tops;
}

/** The timeline down the box, or null where it does not fit (see the module's comment). */
export function timelineColumn(input: TimelineInput): TimelineColumn | null {
  return finish(timelineColumnSteps(input));
}

/** timelineColumn, yielding after each form and title size it tries (steps.ts). */
function* timelineColumnSteps(input: TimelineInput): Steps<TimelineColumn | null> {
  const { events, eventId, focusIds, dateText, words, monthsShort, width: W, height: H, font } = input;
  const current = events.find((e) => e.id === eventId);
  if (!current || W < WIDE_BOX || H < W * TALL_RATIO) return null;
  const line = r1(font * 1.22);
  const gap = r1(font * GAP_EM);
  const win = timelineWindow(events, focusIds);
  const starts = monthStarts(win.start, win.end);
  const major = (i: number) => i === 0 || starts[i].month === 1;

  // Left to right: month names, the axis, the labels.
  const monthText = starts.slice(0, -1).map((m, i) => ({ m, text: monthsShort[m.month - 1], year: major(i) ? String(m.year) : undefined }));
  const monthWidth = (t: (typeof monthText)[number]) => estimateTextWidth(t.text, font) + (t.year ? estimateTextWidth(` ${t.year}`, font, true) : 0);
  const monthCol = Math.max(0, ...monthText.map(monthWidth));
  const axisX = r1(PAD + monthCol + MONTH_GAP + FOCUS_R);
  const labelX = r1(axisX + FOCUS_R + LABEL_GAP);
  const room = W - PAD - labelX;
  if (room < font * 12) return null;

  // Date order (the data's order among events of one day).
  const ordered = [...events].sort((a, b) => isoToDay(a.date) - isoToDay(b.date));
  const before = ordered.filter((e) => isoToDay(e.date) < win.start);
  const after = ordered.filter((e) => isoToDay(e.date) >= win.end);
  const textOf = (e: TimelineEvent, form: LabelForm) =>
    form === 'short' ? e.shortLabel : fill(words.dated, { label: form === 'dated' ? e.label : e.shortLabel, date: input.formatDate(e.date) });

  for (const form of LABEL_FORMS) {
    const linesOf = (e: TimelineEvent) => {
      const lines = balancedWrap(textOf(e, form), room, font);
      return lines.length <= 2 && lines.every((l) => estimateTextWidth(l, font) <= room) ? lines : null;
    };
    const wrapped = new Map(events.filter((e) => e.id !== eventId).map((e) => [e.id, linesOf(e)]));
    if ([...wrapped.values()].some((l) => l === null)) continue;
    const heightOf = (id: string) => (wrapped.get(id)?.length ?? 1) * line;

    // The events off the window, a row each at the axis's ends; the window takes the height between.
    const endRows = (list: TimelineEvent[]) => list.map((e) => (e.id === eventId ? line : heightOf(e.id)) + gap);
    const beforeRows = endRows(before);
    const afterRows = endRows(after);
    const breakH = before.length || after.length ? font * BREAK_EM : 0;
    const windowTop = PAD + beforeRows.reduce((s, h) => s + h, 0) + (before.length ? breakH : font * 0.5);
    const windowBottom = H - PAD - afterRows.reduce((s, h) => s + h, 0) - (after.length ? breakH : font * 0.5);
    if (windowBottom - windowTop < font * 10) return null;
    const yOf = (day: number) => r1(windowTop + ((day - win.start) / (win.end - win.start)) * (windowBottom - windowTop));
    const markYs = new Map<string, number>();
    let y = PAD;
    before.forEach((e, i) => {
      markYs.set(e.id, r1(y + (beforeRows[i] - gap) / 2));
      y += beforeRows[i];
    });
    y = H - PAD - afterRows.reduce((s, h) => s + h, 0);
    after.forEach((e, i) => {
      markYs.set(e.id, r1(y + gap + (afterRows[i] - gap) / 2));
      y += afterRows[i];
    });
    for (const e of events) if (!markYs.has(e.id)) markYs.set(e.id, yOf(isoToDay(e.date)));
    const focusY = markYs.get(eventId)!;

    for (const level of COLUMN_TITLE_LEVELS) {
      yield;
      const dateFont = r1(font * level.date);
      const titleFont = r1(font * level.label);
      if (estimateTextWidth(dateText, dateFont, true) > room) continue;
      let titleLines = balancedWrap(current.label, room, titleFont);
      if (titleLines.length > 3 || titleLines.some((l) => estimateTextWidth(l, titleFont) > room))
        titleLines = balancedWrap(current.shortLabel, room, titleFont);
      if (titleLines.length > 3 || titleLines.some((l) => estimateTextWidth(l, titleFont) > room)) continue;
      // The date's middle level with the mark, the label under it.
      const dateBaseline = r1(dateFont * (ASCENT - (ASCENT + DESCENT) / 2));
      const titleBaselines = titleLines.map((_, i) => r1(dateBaseline + dateFont * DESCENT + titleFont * (0.15 + ASCENT) + i * r1(titleFont * 1.22)));
      const relTop = dateBaseline - dateFont * ASCENT;
      const relBottom = titleBaselines.length ? titleBaselines[titleBaselines.length - 1] + titleFont * DESCENT : dateBaseline + dateFont * DESCENT;
      // Level with its mark where the box allows, else moved just inside it.
      const shift = Math.max(PAD - (focusY + relTop), Math.min(0, H - PAD - (focusY + relBottom)));
      const titleY = r1(focusY + shift);
      const titleTop = titleY + relTop;
      const titleBottom = titleY + relBottom;
      const titleW = Math.max(estimateTextWidth(dateText, dateFont, true), ...titleLines.map((l) => estimateTextWidth(l, titleFont)));

      // The other events in date order: those before the current one above its title, those after below.
      const at = ordered.findIndex((e) => e.id === eventId);
      const item = (e: TimelineEvent): Item => ({ id: e.id, lines: wrapped.get(e.id)!, markY: markYs.get(e.id)!, height: heightOf(e.id) });
      const above = ordered.slice(0, at).map(item);
      const below = ordered.slice(at + 1).map(item);
      const topsAbove = dodgeColumn(
        above.map((it) => ({ wish: it.markY, height: it.height })),
        gap,
        PAD,
        titleTop - gap,
      );
      const topsBelow = dodgeColumn(
        below.map((it) => ({ wish: it.markY, height: it.height })),
        gap,
        titleBottom + gap,
        H - PAD,
      );
      if (!topsAbove || !topsBelow) continue;
      const tops = [...topsAbove, ...topsBelow];
      const labels: ColumnLabel[] = [...above, ...below].map((it, i) => {
        const top = tops[i];
        const baselines = it.lines.map((_, j) => r1(top + (line - font) / 2 + font * ASCENT + j * line));
        const w = Math.max(...it.lines.map((l) => estimateTextWidth(l, font)));
        const box = textBox(labelX, baselines[0], w, font);
        box.height = r1(baselines[baselines.length - 1] + font * DESCENT - box.y);
        return {
          id: it.id,
          lines: it.lines,
          markY: it.markY,
          baselines,
          box,
          leader: { x1: r1(axisX + MARK_R + 2), y1: it.markY, x2: r1(labelX - 4), y2: r1(top + it.height / 2) },
        };
      });

      // Month ticks at the window's month starts; names centred in their month, thinned where months are short.
      const ticks = starts.map((m, i) => ({ y: yOf(m.day), major: major(i), x1: r1(axisX - (major(i) ? 9 : 5)) }));
      const span = starts.length > 1 ? yOf(starts[1].day) - yOf(starts[0].day) : Infinity;
      const every = Math.max(1, Math.ceil(line / Math.max(1, span)));
      const months = monthText
        .map((t, i) => ({ t, i }))
        .filter(({ t, i }) => t.year || i % every === 0)
        .map(({ t, i }) => {
          const mid = (yOf(starts[i].day) + yOf(starts[i + 1].day)) / 2;
          const baseline = r1(mid + font * (ASCENT - (ASCENT + DESCENT) / 2));
          const x = r1(axisX - FOCUS_R - MONTH_GAP);
          return { key: `${t.m.year}-${t.m.month}`, text: t.text, year: t.year, x, baseline, box: textBox(x, baseline, monthWidth(t), font, 'end') };
        });

      const ys = [...markYs.values()];
      return {
        orientation: 'down',
        font,
        width: W,
        height: H,
        axisX,
        windowTop: r1(windowTop),
        windowBottom: r1(windowBottom),
        axisTop: r1(Math.min(windowTop, ...ys) - (before.length ? MARK_R + 2 : 0)),
        axisBottom: r1(Math.max(windowBottom, ...ys) + (after.length ? MARK_R + 2 : 0)),
        marks: events.map((e) => ({ id: e.id, x: axisX, y: markYs.get(e.id)! })),
        focus: { x: axisX, y: focusY, leaderX1: r1(axisX + FOCUS_R + 2), leaderX2: r1(labelX - 4), leaderDy: r1(shift) },
        title: {
          x: labelX,
          y: titleY,
          dateFont,
          dateBaseline,
          titleFont,
          titleLines,
          titleBaselines,
          box: { x: labelX, y: r1(titleTop), width: r1(titleW), height: r1(titleBottom - titleTop) },
        },
        labels,
        ticks,
        months,
      };
    }
  }
  return null;
}

/** The timeline for a box: down a desktop box about as tall as it is wide, or taller, where it fits; else across (timelineLayout.ts). */
export type TimelineScene = TimelineView | TimelineColumn;

export function timelineFor(input: TimelineInput): TimelineScene {
  return finish(timelineSteps(input));
}

/** timelineFor, yielding between its tries (steps.ts). */
export function* timelineSteps(input: TimelineInput): Steps<TimelineScene> {
  const column = yield* timelineColumnSteps(input);
  if (column) return column;
  yield;
  return yield* timelineViewSteps(input);
}

export function isColumn(scene: TimelineScene): scene is TimelineColumn {
  return 'orientation' in scene && scene.orientation === 'down';
}
