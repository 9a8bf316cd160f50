/**
 * The timeline's geometry, in CSS pixels for the box: a linear day scale along a track wider than
 * the view, a window centred on the step's event (its mark sits right under its title), and which
 * short labels fit inside the view. Pure functions.
 */
import type { TimelineEvent } from '../../data/types.ts';
import { fitFont, LARGE_RATIO, LINE_RATIO } from '../../../kit/graphics/box.ts';
import { balancedWrap, boxesOverlap, estimateTextWidth, FONT_SIZE, r1, type Box } from '../../../kit/graphics/text.ts';

const MS_PER_DAY = 86_400_000;

/** Whole days since 1970-01-01 (UTC) for an ISO date (YYYY-MM-DD; a missing month or day counts as the first). */
export function isoToDay(iso: string): number {
  const [y, m = 1, d = 1] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

/**
 * Track scale in view units per day: as generous as `maxScale`, but small enough that, for every
 * focus event, the event is still inside the view (at least `edge` units in) when the window has
 * moved on to the next event.
 */
export function unitsPerDay(events: readonly TimelineEvent[], focusIds: readonly string[], halfWidth: number, edge: number, maxScale: number): number {
  let widest = 0;
  events.forEach((e, i) => {
    const next = events[i + 1];
    if (next && focusIds.includes(e.id)) widest = Math.max(widest, isoToDay(next.date) - isoToDay(e.date));
  });
  return widest > 0 ? Math.min(maxScale, (halfWidth - edge) / widest) : maxScale;
}

export interface ShortLabel {
  id: string;
  text: string;
  /** Row under the axis, 0 nearest. */
  row: number;
  /** Box in track coordinates. */
  box: Box;
}

/**
 * Greedy placement of short labels under the axis, in date order: each label, centred on its
 * event, takes the first row where it overlaps no label already placed; if no row is free it is
 * left out (the event keeps its mark). The highlighted event is labelled elsewhere and skipped.
 */
export function placeShortLabels(
  events: readonly TimelineEvent[],
  highlightId: string,
  x: (day: number) => number,
  options: { rows: number; rowHeight: number; top: number; padding: number; fontSize?: number; view?: [number, number] },
): ShortLabel[] {
  const fontSize = options.fontSize ?? FONT_SIZE;
  const placed: ShortLabel[] = [];
  for (const e of events) {
    if (e.id === highlightId) continue;
    const width = estimateTextWidth(e.shortLabel, fontSize);
    const cx = x(isoToDay(e.date));
    let left = cx - width / 2;
    if (options.view) {
      // Only events whose mark is in view are labelled, and their labels are kept inside it.
      const [v0, v1] = options.view;
      if (cx < v0 + 2 || cx > v1 - 2 || width > v1 - v0 - 4) continue;
      left = Math.max(v0 + 2, Math.min(v1 - 2 - width, left));
    }
    for (let row = 0; row < options.rows; row += 1) {
      const box = { x: left, y: options.top + row * options.rowHeight, width, height: options.rowHeight };
      const padded = { x: box.x - options.padding, y: box.y, width: box.width + 2 * options.padding, height: box.height };
      if (placed.every((p) => p.row !== row || !boxesOverlap(padded, p.box))) {
        placed.push({ id: e.id, text: e.shortLabel, row, box });
        break;
      }
    }
  }
  return placed;
}

/** First days of the years the events span, for the axis's year marks. */
export function yearStarts(events: readonly TimelineEvent[]): { year: number; day: number }[] {
  if (!events.length) return [];
  const first = Number(events[0].date.slice(0, 4));
  const last = Number(events[events.length - 1].date.slice(0, 4));
  const years: { year: number; day: number }[] = [];
  for (let y = first; y <= last + 1; y += 1) years.push({ year: y, day: isoToDay(`${y}-01-01`) });
  return years;
}

export interface TimelineView {
  font: number;
  width: number;
  height: number;
  /** Title: the date (bold) and the event's label, wrapped; centred over the event's mark. */
  titleFont: number;
  titleLine: number;
  titleLines: string[];
  titleBottom: number;
  axisY: number;
  /** Track x of a day, and the shift that puts the event's day at the view's centre. */
  k: number;
  day0: number;
  shift: number;
  labels: ShortLabel[];
  rowHeight: number;
  yearBaseline: number;
  years: { year: number; x: number }[];
}

/**
 * The whole timeline for one event in a box: scale chosen so each story event's successor is in
 * view, title wrapped to the width, as many label rows as fit (up to four), every label inside.
 */
export function timelineView(
  events: readonly TimelineEvent[],
  eventId: string,
  focusIds: readonly string[],
  dateText: string,
  width: number,
  height: number,
  preferredFont: number,
): TimelineView {
  const current = events.find((e) => e.id === eventId);
  const build = (font: number) => {
    const titleFont = Math.round(font * LARGE_RATIO * 10) / 10;
    const titleLine = Math.round(titleFont * 1.27 * 10) / 10;
    const titleLines = current ? balancedWrap(current.label, width - 8, titleFont) : [];
    const titleBottom = titleFont + titleLines.length * titleLine + font * 0.4;
    const rowHeight = Math.round(font * LINE_RATIO * 1.12 * 10) / 10;
    const yearH = font * 1.6;
    const axisY = Math.max(titleBottom + font * 1.6, Math.min(height * 0.45, height - yearH - 4 * rowHeight - font));
    const rows = Math.min(4, Math.floor((height - yearH - axisY - font * 0.9) / rowHeight));
    return { font, titleFont, titleLine, titleLines, titleBottom, rowHeight, yearH, axisY, rows };
  };
  const fits = (font: number) => {
    const b = build(font);
    return (
      b.rows >= 2 && b.titleLines.every((l) => estimateTextWidth(l, b.titleFont) <= width - 4) && estimateTextWidth(dateText, b.titleFont, true) <= width - 4
    );
  };
  const b = build(fitFont(preferredFont, fits));
  const rows = Math.max(1, b.rows);
  const day0 = events.length ? isoToDay(events[0].date) : 0;
  const k = unitsPerDay(events, focusIds, width / 2, Math.max(b.font * 2.5, width * 0.1), 3);
  const x = (day: number) => r1((day - day0) * k);
  const centre = current ? isoToDay(current.date) : day0;
  const shift = r1(width / 2 - x(centre));
  const labels = placeShortLabels(events, eventId, x, {
    rows,
    rowHeight: b.rowHeight,
    top: b.axisY + b.font * 0.9,
    padding: b.font * 0.6,
    fontSize: b.font,
    view: [-shift, width - shift],
  });
  const yearBaseline = Math.min(height - b.font * 0.4, b.axisY + b.font * 0.9 + rows * b.rowHeight + b.font * 1.2);
  const years = yearStarts(events)
    .map((y) => ({ year: y.year, x: x(y.day) }))
    .filter((y) => y.x + shift >= 0 && y.x + shift + 4 + estimateTextWidth(String(y.year), b.font) <= width - 2);
  return {
    font: b.font,
    width,
    height: Math.ceil(yearBaseline + b.font * 0.4),
    titleFont: b.titleFont,
    titleLine: b.titleLine,
    titleLines: b.titleLines,
    titleBottom: b.titleBottom,
    axisY: b.axisY,
    k,
    day0,
    shift,
    labels,
    rowHeight: b.rowHeight,
    yearBaseline,
    years,
  };
}
