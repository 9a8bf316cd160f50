/**
 * The timeline's geometry: a linear day scale along a track wider than the view, a window that
 * follows the reader from one event to the next, and which short labels fit. Pure functions.
 */
import type { TimelineEvent } from '../../data/types.ts';
import { boxesOverlap, estimateTextWidth, FONT_SIZE, type Box } from '../text.ts';

const MS_PER_DAY = 86_400_000;

/** Whole days since 1970-01-01 (UTC) for an ISO date (YYYY-MM-DD; a missing month or day counts as the first). */
export function isoToDay(iso: string): number {
  const [y, m = 1, d = 1] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

/**
 * The day the visible window is centred on: the event's own date at progress 0, moving linearly
 * to the next event's date at progress 1. The last event (or an unknown id) stays put.
 */
export function timelineCentre(events: readonly TimelineEvent[], eventId: string, progress: number): number {
  const i = events.findIndex((e) => e.id === eventId);
  if (i < 0) return events.length ? isoToDay(events[0].date) : 0;
  const from = isoToDay(events[i].date);
  const next = events[i + 1];
  if (!next) return from;
  const p = Number.isFinite(progress) ? Math.max(0, Math.min(1, progress)) : 0;
  return from + (isoToDay(next.date) - from) * p;
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
  options: { rows: number; rowHeight: number; top: number; padding: number; fontSize?: number },
): ShortLabel[] {
  const fontSize = options.fontSize ?? FONT_SIZE;
  const placed: ShortLabel[] = [];
  for (const e of events) {
    if (e.id === highlightId) continue;
    const width = estimateTextWidth(e.shortLabel, fontSize);
    const cx = x(isoToDay(e.date));
    for (let row = 0; row < options.rows; row += 1) {
      const box = { x: cx - width / 2, y: options.top + row * options.rowHeight, width, height: options.rowHeight };
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
